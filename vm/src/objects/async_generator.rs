//! Async generators (PEP 525): the `async_generator` type (a generator
//! payload of kind `AsyncGenerator`, resumed by `generator.rs`), the
//! awaitables its methods return (`async_generator_asend` for
//! `__anext__`/`asend`, `async_generator_athrow` for `athrow`/`aclose`),
//! the wrapped values its `yield` produces (AsyncGenWrap) so those
//! awaitables can tell them from what an inner `await` passes up, and
//! the `async for` protocol (GetAiter, GetAnext), and the hooks of
//! `sys.set_asyncgen_hooks` (an event loop's firstiter and finalizer).

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::generator::{
    self as gen, gen_of, result_or_stop, resume, GenKind, GenResult, GeneratorData, Resume,
};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// `sys.set_asyncgen_hooks`: called with an async generator when it is
/// first iterated, and (instead of closing it) when it is dropped
/// unfinished. `None` when unset.
#[derive(Default)]
pub struct AsyncGenHooks {
    firstiter: Value,
    finalizer: Value,
    /// The `asyncgen_hooks` struct-sequence type, made on first use.
    ty: Option<PyRef>,
}

/// CPython's `async_gen_init_hooks`: on the first `__anext__`, `asend`,
/// `athrow` or `aclose`, remember the finalizer and call firstiter.
fn init_hooks(vm: &mut Vm, gen: &PyRef) -> PyResult<()> {
    let Some(g) = ag_data(gen) else {
        return Ok(());
    };
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    let fin = vm.asyncgen_hooks.finalizer.clone();
    if !fin.is_none() {
        *g.ag_finalizer.borrow_mut() = fin;
    }
    let first = vm.asyncgen_hooks.firstiter.clone();
    if !first.is_none() {
        vm.call(&first, &[Value::Obj(gen.clone())])?;
    }
    Ok(())
}

fn set_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [firstiter, finalizer] =
        args.bind(vm, "set_asyncgen_hooks", ["firstiter", "finalizer"], 0)?;
    for (what, v) in [("finalizer", finalizer), ("firstiter", firstiter)] {
        if let Some(v) = v {
            if !v.is_none() && !vm.is_callable(v) {
                return Err(
                    vm.type_error(format!("callable {what} expected, got {}", vm.type_name(v)))
                );
            }
        }
    }
    if let Some(f) = finalizer {
        vm.asyncgen_hooks.finalizer = f.clone();
    }
    if let Some(f) = firstiter {
        vm.asyncgen_hooks.firstiter = f.clone();
    }
    Ok(Value::None)
}

fn get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "get_asyncgen_hooks")?;
    let t = match vm.asyncgen_hooks.ty.clone() {
        Some(t) => t,
        None => {
            let t =
                vm.new_struct_seq_type("builtins", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            vm.asyncgen_hooks.ty = Some(t.clone());
            t
        }
    };
    let vals = vec![
        vm.asyncgen_hooks.firstiter.clone(),
        vm.asyncgen_hooks.finalizer.clone(),
    ];
    vm.new_struct_seq(&t, vals)
}

/// Adds `set_asyncgen_hooks`/`get_asyncgen_hooks` to `sys`.
pub(crate) fn add_sys_hooks(vm: &mut Vm, sys: &PyRef) {
    vm.module_add_fns(
        sys,
        &[
            ("set_asyncgen_hooks", set_asyncgen_hooks),
            ("get_asyncgen_hooks", get_asyncgen_hooks),
        ],
    );
}

/// A value yielded by an async generator's own `yield`.
struct Wrapped(Value);

/// Where an asend/athrow awaitable is (CPython's AWAITABLE_STATE_*).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// `ag.__anext__()` / `ag.asend(value)`.
struct Asend {
    gen: PyRef,
    value: Value,
    state: State,
}

/// `ag.athrow(...)` (`args` set) / `ag.aclose()` (`args` None).
struct Athrow {
    gen: PyRef,
    args: Option<[Option<Value>; 3]>,
    state: State,
}

/// What the awaitables of coroutines and async generators (native data)
/// refer to, for the cycle collector; None for other native data.
pub(crate) fn native_refs(o: &crate::object::PyObject) -> Option<Vec<Value>> {
    if let Some(a) = o.native_data::<Asend>() {
        return Some(vec![Value::Obj(a.gen.clone()), a.value.clone()]);
    }
    if let Some(a) = o.native_data::<Athrow>() {
        let mut refs = vec![Value::Obj(a.gen.clone())];
        refs.extend(a.args.iter().flatten().flatten().cloned());
        return Some(refs);
    }
    if let Some(w) = o.native_data::<Wrapped>() {
        return Some(vec![w.0.clone()]);
    }
    crate::objects::coroutine::wrapper_refs(o)
}

/// Whether `v` is an asend/athrow awaitable (its `__await__` is itself).
pub(crate) fn is_self_awaitable(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.native_data::<Asend>().is_some() || o.native_data::<Athrow>().is_some(),
        _ => false,
    }
}

fn is_async_gen(v: &Value) -> bool {
    gen_of(v).is_some_and(|g| g.kind == GenKind::AsyncGenerator)
}

fn ag_data(o: &PyRef) -> Option<&GeneratorData> {
    match &o.payload {
        Payload::Generator(g) if g.kind == GenKind::AsyncGenerator => Some(g),
        _ => None,
    }
}

impl Vm {
    /// AsyncGenWrap.
    pub(crate) fn async_gen_wrap(&mut self, v: Value) -> Value {
        Value::Obj(self.alloc(
            self.types.async_generator_wrapped_value.clone(),
            Payload::NativeData(RefCell::new(Box::new(Wrapped(v)))),
        ))
    }

    /// GetAiter: `obj.__aiter__()`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, obj: &Value) -> PyResult<Value> {
        if is_async_gen(obj) {
            return Ok(obj.clone());
        }
        let k = self.intern("__aiter__");
        let Some(f) = self.lookup_special(obj, &k) else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(obj)
            )));
        };
        let it = self.call(&f, std::slice::from_ref(obj))?;
        let nk = self.intern("__anext__");
        if !is_async_gen(&it) && self.lookup_special(&it, &nk).is_none() {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// GetAnext: the awaitable of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = aiter {
            if ag_data(o).is_some() {
                init_hooks(self, o)?;
                return Ok(new_asend(self, o.clone(), Value::None));
            }
        }
        let k = self.intern("__anext__");
        let Some(f) = self.lookup_special(aiter, &k) else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call(&f, std::slice::from_ref(aiter))?;
        let cause = match self.awaitable_iter(&next) {
            Ok(Some(a)) => return Ok(a),
            Ok(None) => self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(&next)
            )),
            Err(e) => e,
        };
        let e = self.type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            self.type_name(&next)
        ));
        if let Some(d) = crate::objects::exception::exc_data(&Value::Obj(e.0.clone())) {
            *d.cause.borrow_mut() = Value::Obj(cause.0.clone());
            *d.context.borrow_mut() = Value::Obj(cause.0.clone());
            d.suppress_context.set(true);
        }
        Err(e)
    }

    /// EndAsyncFor's test: whether `exc` ends the loop.
    pub(crate) fn is_stop_async_iteration(&self, exc: &Value) -> bool {
        match exc {
            Value::Obj(o) => self.err_matches(&PyErr(o.clone()), &self.exc.stop_async_iteration),
            _ => false,
        }
    }
}

/// A resumption of the receiver of a Send done without Python calls, for
/// the awaitables of this file and `coroutine_wrapper`.
pub(crate) fn send_fast(vm: &mut Vm, receiver: &Value, v: Value) -> Option<PyResult<GenResult>> {
    let Value::Obj(o) = receiver else { return None };
    if !matches!(o.payload, Payload::NativeData(_)) {
        return None;
    }
    if o.native_data::<Asend>().is_some() {
        return Some(asend_send(vm, o, v));
    }
    if o.native_data::<Athrow>().is_some() {
        return Some(athrow_send(vm, o, v));
    }
    let coro = crate::objects::coroutine::unwrap_wrapper(receiver)?;
    Some(resume(vm, &coro, Resume::Send(v)))
}

fn unwrap(v: &Value) -> Option<Value> {
    match v {
        Value::Obj(o) => o.native_data::<Wrapped>().map(|w| w.0.clone()),
        _ => None,
    }
}

fn stop_async(vm: &mut Vm) -> PyErr {
    let c = vm.exc.stop_async_iteration.clone();
    PyErr(vm.new_exception(&c, vec![]))
}

/// CPython's `async_gen_unwrap_value`: what the awaitable does with what
/// resuming the generator gave. `Returned(x)` means the awaitable is done
/// with result x (a value the generator yielded); the generator's own
/// return is StopAsyncIteration.
fn unwrap_result(vm: &mut Vm, g: &GeneratorData, r: PyResult<GenResult>) -> PyResult<GenResult> {
    match r {
        Err(e) => {
            if vm.err_matches(&e, &vm.exc.stop_async_iteration.clone())
                || vm.err_matches(&e, &vm.exc.generator_exit.clone())
            {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
        Ok(GenResult::Returned(_)) => {
            g.closed.set(true);
            g.running_async.set(false);
            Err(stop_async(vm))
        }
        Ok(GenResult::Yielded(v)) => match unwrap(&v) {
            Some(x) => {
                g.running_async.set(false);
                Ok(GenResult::Returned(x))
            }
            None => Ok(GenResult::Yielded(v)),
        },
    }
}

fn new_asend(vm: &mut Vm, gen: PyRef, value: Value) -> Value {
    let a = Asend {
        gen,
        value,
        state: State::Init,
    };
    Value::Obj(vm.alloc(
        vm.types.async_generator_asend.clone(),
        Payload::NativeData(RefCell::new(Box::new(a))),
    ))
}

fn new_athrow(vm: &mut Vm, gen: PyRef, args: Option<[Option<Value>; 3]>) -> Value {
    let a = Athrow {
        gen,
        args,
        state: State::Init,
    };
    Value::Obj(vm.alloc(
        vm.types.async_generator_athrow.clone(),
        Payload::NativeData(RefCell::new(Box::new(a))),
    ))
}

fn set_asend_state(o: &PyRef, s: State) {
    if let Some(mut a) = o.native_data::<Asend>() {
        a.state = s;
    }
}

fn set_athrow_state(o: &PyRef, s: State) {
    if let Some(mut a) = o.native_data::<Athrow>() {
        a.state = s;
    }
}

fn asend_parts(vm: &mut Vm, o: &PyRef) -> PyResult<(PyRef, Value, State)> {
    let parts = o
        .native_data::<Asend>()
        .map(|a| (a.gen.clone(), a.value.clone(), a.state));
    parts.ok_or_else(|| vm.type_error("expected an async_generator_asend object"))
}

fn asend_send(vm: &mut Vm, o: &PyRef, arg: Value) -> PyResult<GenResult> {
    let (gen, value, state) = asend_parts(vm, o)?;
    let Some(g) = ag_data(&gen) else {
        return Err(vm.type_error("expected an async generator"));
    };
    if state == State::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let mut arg = arg;
    if state == State::Init {
        if g.running_async.get() {
            return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
        }
        if arg.is_none() {
            arg = value;
        }
        set_asend_state(o, State::Iter);
    }
    g.running_async.set(true);
    let r = resume(vm, &gen, Resume::Send(arg));
    let r = unwrap_result(vm, g, r);
    if !matches!(r, Ok(GenResult::Yielded(_))) {
        set_asend_state(o, State::Closed);
    }
    r
}

fn asend_throw(vm: &mut Vm, o: &PyRef, exc: PyErr) -> PyResult<GenResult> {
    let (gen, _, state) = asend_parts(vm, o)?;
    let Some(g) = ag_data(&gen) else {
        return Err(vm.type_error("expected an async generator"));
    };
    if state == State::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let r = gen::gen_throw(vm, &gen, exc);
    let r = unwrap_result(vm, g, r);
    if !matches!(r, Ok(GenResult::Yielded(_))) {
        set_asend_state(o, State::Closed);
    }
    r
}

type AthrowParts = (PyRef, Option<[Option<Value>; 3]>, State);

fn athrow_parts(vm: &mut Vm, o: &PyRef) -> PyResult<AthrowParts> {
    let parts = o
        .native_data::<Athrow>()
        .map(|a| (a.gen.clone(), a.args.clone(), a.state));
    parts.ok_or_else(|| vm.type_error("expected an async_generator_athrow object"))
}

/// The end of an `aclose()` (or an athrow that failed): what was raised
/// becomes the awaitable's result.
fn athrow_check_error(
    vm: &mut Vm,
    o: &PyRef,
    g: &GeneratorData,
    closing: bool,
    e: PyErr,
) -> PyResult<GenResult> {
    g.running_async.set(false);
    set_athrow_state(o, State::Closed);
    if closing
        && (vm.err_matches(&e, &vm.exc.stop_async_iteration.clone())
            || vm.err_matches(&e, &vm.exc.generator_exit.clone()))
    {
        return Ok(GenResult::Returned(Value::None));
    }
    Err(e)
}

fn ignored_exit(vm: &mut Vm, o: &PyRef, g: &GeneratorData) -> PyErr {
    g.running_async.set(false);
    set_athrow_state(o, State::Closed);
    vm.runtime_error("async generator ignored GeneratorExit")
}

/// What an `aclose()` does with the generator's response to GeneratorExit.
fn aclose_result(
    vm: &mut Vm,
    o: &PyRef,
    g: &GeneratorData,
    r: PyResult<GenResult>,
) -> PyResult<GenResult> {
    match r {
        Ok(GenResult::Yielded(v)) => {
            if unwrap(&v).is_some() {
                Err(ignored_exit(vm, o, g))
            } else {
                Ok(GenResult::Yielded(v))
            }
        }
        Ok(GenResult::Returned(_)) => {
            g.running_async.set(false);
            set_athrow_state(o, State::Closed);
            Ok(GenResult::Returned(Value::None))
        }
        Err(e) => athrow_check_error(vm, o, g, true, e),
    }
}

fn athrow_send(vm: &mut Vm, o: &PyRef, arg: Value) -> PyResult<GenResult> {
    let (gen, args, state) = athrow_parts(vm, o)?;
    let Some(g) = ag_data(&gen) else {
        return Err(vm.type_error("expected an async generator"));
    };
    let closing = args.is_none();
    if state == State::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if g.finished.get() {
        set_athrow_state(o, State::Closed);
        return Ok(GenResult::Returned(Value::None));
    }
    if state == State::Init {
        if g.running_async.get() {
            set_athrow_state(o, State::Closed);
            let what = if closing { "aclose()" } else { "athrow()" };
            return Err(
                vm.runtime_error(format!("{what}: asynchronous generator is already running"))
            );
        }
        if g.closed.get() {
            set_athrow_state(o, State::Closed);
            return Err(stop_async(vm));
        }
        if !arg.is_none() {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        set_athrow_state(o, State::Iter);
        g.running_async.set(true);
        let r = match args {
            None => {
                g.closed.set(true);
                let c = vm.exc.generator_exit.clone();
                let exit = PyErr(vm.new_exception(&c, vec![]));
                let r = gen::gen_throw(vm, &gen, exit);
                return aclose_result(vm, o, g, r);
            }
            Some([typ, val, tb]) => {
                match gen::throw_exception(vm, typ.as_ref(), val.as_ref(), tb.as_ref()) {
                    Ok(exc) => gen::gen_throw(vm, &gen, exc),
                    Err(e) => Err(e),
                }
            }
        };
        return match unwrap_result(vm, g, r) {
            Err(e) => athrow_check_error(vm, o, g, false, e),
            Ok(GenResult::Returned(x)) => {
                set_athrow_state(o, State::Closed);
                Ok(GenResult::Returned(x))
            }
            other => other,
        };
    }
    let r = resume(vm, &gen, Resume::Send(arg));
    if closing {
        aclose_result(vm, o, g, r)
    } else {
        unwrap_result(vm, g, r)
    }
}

fn athrow_throw(vm: &mut Vm, o: &PyRef, exc: PyErr) -> PyResult<GenResult> {
    let (gen, args, state) = athrow_parts(vm, o)?;
    let Some(g) = ag_data(&gen) else {
        return Err(vm.type_error("expected an async generator"));
    };
    if state == State::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let r = gen::gen_throw(vm, &gen, exc);
    if args.is_some() {
        return unwrap_result(vm, g, r);
    }
    match r {
        Ok(GenResult::Yielded(v)) if unwrap(&v).is_some() => Err(ignored_exit(vm, o, g)),
        Err(e)
            if vm.err_matches(&e, &vm.exc.stop_async_iteration.clone())
                || vm.err_matches(&e, &vm.exc.generator_exit.clone()) =>
        {
            Ok(GenResult::Returned(Value::None))
        }
        other => other,
    }
}

// ---- Python-visible methods ----

fn this_ag(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if ag_data(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'async_generator' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn ag_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_ag(vm, args.this())?;
    init_hooks(vm, &g)?;
    Ok(new_asend(vm, g, Value::None))
}

fn ag_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, v] = args.exact_method(vm, "asend")?;
    let g = this_ag(vm, this)?;
    init_hooks(vm, &g)?;
    Ok(new_asend(vm, g, v.clone()))
}

fn ag_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, typ, val, tb] = args.range::<4>(vm, "athrow", 2, true)?;
    let g = this_ag(vm, this.unwrap_or(&Value::None))?;
    init_hooks(vm, &g)?;
    Ok(new_athrow(
        vm,
        g,
        Some([typ.cloned(), val.cloned(), tb.cloned()]),
    ))
}

fn ag_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_ag(vm, args.this())?;
    init_hooks(vm, &g)?;
    Ok(new_athrow(vm, g, None))
}

fn ag_running(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => match ag_data(o) {
            Some(g) => Ok(Value::Bool(g.running_async.get())),
            None => Err(vm.type_error("expected an async generator")),
        },
        _ => Err(vm.type_error("expected an async generator")),
    }
}

fn this_native(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if is_self_awaitable(v) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires an awaitable of an async generator but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn awaitable_send_value(vm: &mut Vm, o: &PyRef, v: Value) -> PyResult<Value> {
    let r = if o.native_data::<Asend>().is_some() {
        asend_send(vm, o, v)
    } else {
        athrow_send(vm, o, v)
    }?;
    result_or_stop(vm, r)
}

fn aw_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this_native(vm, args.this())?;
    awaitable_send_value(vm, &o, Value::None)
}

fn aw_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, v] = args.exact_method(vm, "send")?;
    let o = this_native(vm, this)?;
    awaitable_send_value(vm, &o, v.clone())
}

fn aw_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, typ, val, tb] = args.range::<4>(vm, "throw", 2, true)?;
    let o = this_native(vm, this.unwrap_or(&Value::None))?;
    let exc = gen::throw_exception(vm, typ, val, tb)?;
    let r = if o.native_data::<Asend>().is_some() {
        asend_throw(vm, &o, exc)
    } else {
        athrow_throw(vm, &o, exc)
    }?;
    result_or_stop(vm, r)
}

fn aw_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = this_native(vm, args.this())?;
    set_asend_state(&o, State::Closed);
    set_athrow_state(&o, State::Closed);
    Ok(Value::None)
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.async_generator.clone();
    vm.add_methods(
        &t,
        &[
            ("__repr__", gen::gen_repr),
            ("__aiter__", gen::gen_iter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
        ],
    );
    vm.add_getset(&t, "__name__", gen::gen_name, Some(gen::gen_set_name));
    vm.add_getset(&t, "__qualname__", gen::gen_qualname, None);
    vm.add_getset(&t, "ag_running", ag_running, None);
    vm.add_getset(&t, "ag_code", gen::gen_code, None);
    vm.add_getset(&t, "ag_frame", gen::gen_frame, None);
    vm.add_getset(&t, "ag_await", gen::gen_yieldfrom, None);

    for t in [
        vm.types.async_generator_asend.clone(),
        vm.types.async_generator_athrow.clone(),
    ] {
        vm.add_methods(
            &t,
            &[
                ("__await__", gen::gen_iter),
                ("__iter__", gen::gen_iter),
                ("__next__", aw_next),
                ("send", aw_send),
                ("throw", aw_throw),
                ("close", aw_close),
            ],
        );
    }
}
