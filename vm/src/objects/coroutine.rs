//! Coroutines (PEP 492): the `coroutine` type (a generator payload of kind
//! `Coroutine`, resumed by `generator.rs`), its `__await__` iterator
//! (`coroutine_wrapper`), and what `await` and `async with` do with an
//! object: GetAwaitable (CPython's `_PyCoro_GetAwaitableIter` and its
//! messages) and BeforeAsyncWith.

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::generator::{
    self as gen, delegate_of, gen_of, result_or_stop, resume, GenKind, Resume,
};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The `coroutine_wrapper` that `coro.__await__()` returns.
struct CoroWrapper {
    coro: PyRef,
}

/// Whether `v` is a coroutine, or a generator whose code has
/// CO_ITERABLE_COROUTINE (`types.coroutine`): objects `await` delegates
/// to directly.
fn is_awaitable_gen(v: &Value) -> bool {
    match gen_of(v) {
        Some(g) => {
            g.kind == GenKind::Coroutine
                || (g.kind == GenKind::Generator && g.code.co.flags.iterable_coroutine)
        }
        None => false,
    }
}

fn is_coroutine(v: &Value) -> bool {
    gen_of(v).is_some_and(|g| g.kind == GenKind::Coroutine)
}

impl Vm {
    /// GetAwaitable: the iterator `await obj` delegates to. `from` is 0
    /// for `await`, 1 and 2 for the results of `__aenter__`/`__aexit__`.
    pub(crate) fn get_awaitable(&mut self, obj: Value, from: u32) -> PyResult<Value> {
        let it = match self.awaitable_iter(&obj) {
            Ok(Some(it)) => it,
            Ok(None) => {
                let t = self.type_name(&obj);
                let msg = match from {
                    1 => format!(
                        "'async with' received an object from __aenter__ that does not implement __await__: {t}"
                    ),
                    2 => format!(
                        "'async with' received an object from __aexit__ that does not implement __await__: {t}"
                    ),
                    _ => format!("object {t} can't be used in 'await' expression"),
                };
                return Err(self.type_error(msg));
            }
            Err(e) => return Err(e),
        };
        if let Some(g) = gen_of(&it) {
            if g.kind == GenKind::Coroutine && delegate_of(g).is_some() {
                return Err(self.runtime_error("coroutine is being awaited already"));
            }
        }
        Ok(it)
    }

    /// `_PyCoro_GetAwaitableIter`: Ok(None) when `obj` has no `__await__`.
    pub(crate) fn awaitable_iter(&mut self, obj: &Value) -> PyResult<Option<Value>> {
        if is_awaitable_gen(obj) || crate::objects::async_generator::is_self_awaitable(obj) {
            return Ok(Some(obj.clone()));
        }
        let k = self.intern("__await__");
        let Some(f) = self.lookup_special(obj, &k) else {
            return Ok(None);
        };
        let res = self.call(&f, std::slice::from_ref(obj))?;
        if is_coroutine(&res) || is_awaitable_gen(&res) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(&res) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&res)
            )));
        }
        Ok(Some(res))
    }

    /// Whether `v` has `__next__` (CPython's `PyIter_Check`).
    pub(crate) fn is_iterator(&mut self, v: &Value) -> bool {
        if matches!(
            v.payload(),
            Some(Payload::Generator(_)) | Some(Payload::Iter(_))
        ) {
            return true;
        }
        let k = self.names.__next__.clone();
        self.lookup_special(v, &k).is_some()
    }

    /// BeforeAsyncWith: [mgr] -> (bound `__aexit__`, `mgr.__aenter__()`).
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ek = self.intern("__aenter__");
        let xk = self.intern("__aexit__");
        let Some(enter) = self.lookup_special(mgr, &ek) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_special(mgr, &xk) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                self.type_name(mgr)
            )));
        };
        let cls = self.class_of(mgr);
        let exit_bound = self.descr_get(&exit, mgr, &cls)?;
        let r = self.call(&enter, std::slice::from_ref(mgr))?;
        Ok((exit_bound, r))
    }
}

/// The coroutine a `coroutine_wrapper` refers to (cycle collector).
pub(crate) fn wrapper_refs(o: &crate::object::PyObject) -> Option<Vec<Value>> {
    o.native_data::<CoroWrapper>()
        .map(|w| vec![Value::Obj(w.coro.clone())])
}

fn this_coro(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if is_coroutine(v) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'coroutine' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let coro = this_coro(vm, args.this())?;
    let w = CoroWrapper { coro };
    Ok(Value::Obj(vm.alloc(
        vm.types.coroutine_wrapper.clone(),
        Payload::NativeData(RefCell::new(Box::new(w))),
    )))
}

fn cr_origin(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

fn wrapped(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    let c = match v {
        Value::Obj(o) => o.native_data::<CoroWrapper>().map(|w| w.coro.clone()),
        _ => None,
    };
    c.ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'coroutine_wrapper' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, args.this())?;
    let r = resume(vm, &c, Resume::Send(Value::None))?;
    result_or_stop(vm, r)
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, v] = args.exact_method(vm, "send")?;
    let c = wrapped(vm, this)?;
    let r = resume(vm, &c, Resume::Send(v.clone()))?;
    result_or_stop(vm, r)
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, typ, val, tb] = args.range::<4>(vm, "throw", 2, true)?;
    let c = wrapped(vm, this.unwrap_or(&Value::None))?;
    let exc = gen::throw_exception(vm, typ, val, tb)?;
    let r = gen::gen_throw(vm, &c, exc)?;
    result_or_stop(vm, r)
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, args.this())?;
    gen::gen_close(vm, &c)?;
    Ok(Value::None)
}

/// The receiver of a Send that is a `coroutine_wrapper`: its coroutine.
pub(crate) fn unwrap_wrapper(v: &Value) -> Option<PyRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::NativeData(_)) => {
            o.native_data::<CoroWrapper>().map(|w| w.coro.clone())
        }
        _ => None,
    }
}

/// At exit, coroutines still alive that never ran get CPython's warning
/// (issued while no Python code runs: `sys:1:`), once.
pub(crate) fn warn_unawaited_at_exit(vm: &mut Vm) {
    let objs: Vec<PyRef> = vm.gc_tracked_objects();
    for o in objs {
        let Payload::Generator(g) = &o.payload else {
            continue;
        };
        if g.kind != GenKind::Coroutine || g.started.get() || g.finished.get() {
            continue;
        }
        g.finished.set(true);
        let q = g.qualname.borrow().clone();
        let name = vm.str(&q).unwrap_or_default();
        let cat = vm.exc.runtime_warning.clone();
        vm.warn_at(
            &cat,
            &format!("coroutine '{name}' was never awaited"),
            None,
            true,
        );
    }
}

fn get_origin_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "get_coroutine_origin_tracking_depth")?;
    Ok(Value::Int(0))
}

/// Depth 0 (no `cr_origin`) is the only one rpy has.
fn set_origin_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [depth] = args.bind(vm, "set_coroutine_origin_tracking_depth", ["depth"], 1)?;
    let depth = vm.to_index(depth.unwrap_or(&Value::None))?;
    if depth < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    if depth > 0 {
        return Err(vm.not_implemented_error(
            "coroutine origin tracking (cr_origin) is not supported by rpy",
        ));
    }
    Ok(Value::None)
}

/// Adds the coroutine functions of `sys`.
pub(crate) fn add_sys_functions(vm: &mut Vm, sys: &PyRef) {
    vm.module_add_fns(
        sys,
        &[
            ("get_coroutine_origin_tracking_depth", get_origin_depth),
            ("set_coroutine_origin_tracking_depth", set_origin_depth),
        ],
    );
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.coroutine.clone();
    vm.add_methods(
        &t,
        &[
            ("__repr__", gen::gen_repr),
            ("send", gen::gen_send_m),
            ("throw", gen::gen_throw_m),
            ("close", gen::gen_close_m),
            ("__await__", coro_await),
        ],
    );
    vm.add_getset(&t, "__name__", gen::gen_name, Some(gen::gen_set_name));
    vm.add_getset(&t, "__qualname__", gen::gen_qualname, None);
    vm.add_getset(&t, "cr_running", gen::gen_running, None);
    vm.add_getset(&t, "cr_code", gen::gen_code, None);
    vm.add_getset(&t, "cr_frame", gen::gen_frame, None);
    vm.add_getset(&t, "cr_await", gen::gen_yieldfrom, None);
    vm.add_getset(&t, "cr_suspended", gen::gen_suspended, None);
    vm.add_getset(&t, "cr_origin", cr_origin, None);

    let w = vm.types.coroutine_wrapper.clone();
    vm.add_methods(
        &w,
        &[
            ("__next__", wrapper_next),
            ("__iter__", gen::gen_iter),
            ("send", wrapper_send),
            ("throw", wrapper_throw),
            ("close", wrapper_close),
        ],
    );
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use rpy_compiler::bytecode::{CodeObject, Constant};

    use crate::interp::Interpreter;

    /// Marks every generator function's code in `co` CO_ITERABLE_COROUTINE
    /// (what `types.coroutine` does through `co_flags`).
    fn mark_iterable(co: &mut CodeObject) {
        if co.flags.generator {
            co.flags.iterable_coroutine = true;
        }
        for c in co.constants.iter_mut() {
            if let Constant::Code(inner) = c {
                let mut copy = (**inner).clone();
                mark_iterable(&mut copy);
                *inner = Rc::new(copy);
            }
        }
    }

    fn run(source: &str, iterable: bool) -> (String, String) {
        let (mut interp, out) = Interpreter::with_captured_output();
        let mut co = rpy_compiler::compile(source, "<test>", rpy_compiler::Mode::Exec)
            .unwrap_or_else(|e| panic!("compile: {}", e.message));
        if iterable {
            mark_iterable(&mut co);
        }
        let vm = interp.vm();
        let code = vm.load_code(co);
        let globals = vm.new_dict_ref();
        if let Err(e) = vm.run_code(code, globals, None) {
            let tb = vm.format_exception(&crate::value::Value::Obj(e.0.clone()));
            vm.write_stderr(&tb);
        }
        interp.flush();
        let o = out.borrow();
        (o.stdout.clone(), o.stderr.clone())
    }

    const SOURCE: &str = "
def legacy():
    got = yield 'suspended'
    return got * 2

async def modern():
    return await legacy()

c = modern()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print(e.value)
print(legacy.__code__.co_flags & 0x100)
";

    #[test]
    fn iterable_coroutine_generators_are_awaitable() {
        let (out, err) = run(SOURCE, true);
        assert_eq!(err, "");
        assert_eq!(out, "suspended\n42\n256\n");
    }

    #[test]
    fn plain_generators_are_not_awaitable() {
        let (out, err) = run(SOURCE, false);
        assert_eq!(out, "");
        assert!(
            err.contains("TypeError: object generator can't be used in 'await' expression"),
            "{err}"
        );
    }
}
