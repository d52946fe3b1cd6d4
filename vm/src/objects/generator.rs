//! Generators: a suspended frame kept in the generator object; `send`,
//! `throw` and `close` (with `yield from` delegation), StopIteration for
//! the return value, PEP 479 ("generator raised StopIteration"), and
//! "generator already executing".
//!
//! Coroutines and async generators are the same object with another
//! [`GenKind`] (and type): this file resumes all three; what only they
//! have lives in `coroutine.rs` and `async_generator.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rpy_compiler::bytecode::Instruction;

use crate::eval::exec::Exit;
use crate::eval::frame::{Block, Frame};
use crate::native::Args;
use crate::object::Payload;
use crate::objects::code::Code;
use crate::objects::exception::exc_data;
use crate::objects::function::FunctionData;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Which object a resumable frame belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The kind for code with these flags.
    pub fn of(flags: &rpy_compiler::bytecode::CodeFlags) -> GenKind {
        if flags.coroutine {
            GenKind::Coroutine
        } else if flags.async_generator {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        }
    }

    /// The name CPython's messages use ("coroutine already executing").
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// The type's name (reprs, descriptor errors).
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }

    fn class(self, vm: &Vm) -> PyRef {
        match self {
            GenKind::Generator => vm.types.generator.clone(),
            GenKind::Coroutine => vm.types.coroutine.clone(),
            GenKind::AsyncGenerator => vm.types.async_generator.clone(),
        }
    }
}

/// The payload of a generator, coroutine or async generator.
pub struct GeneratorData {
    pub kind: GenKind,
    /// The suspended frame (`None` while running or once finished).
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    pub finished: Cell<bool>,
    pub code: Rc<Code>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// The exception being handled inside the generator when it yielded.
    pub exc_state: RefCell<Option<PyRef>>,
    /// Where the suspended frame goes when the generator is dropped, so
    /// the VM can run its `finally` blocks (close()) at a safe point.
    pub finalizer: Option<Rc<FinalizeQueue>>,
    /// Async generators: an `asend`/`athrow` awaitable is running it
    /// (CPython's `ag_running_async`).
    pub running_async: Cell<bool>,
    /// Async generators: closed by `aclose()` or finished by an exception
    /// (CPython's `ag_closed`).
    pub closed: Cell<bool>,
    /// Async generators: the `sys.set_asyncgen_hooks` hooks were applied
    /// (first `__anext__`/`asend`/`athrow`/`aclose`).
    pub hooks_inited: Cell<bool>,
    /// Async generators: the finalizer hook in force then, called with the
    /// generator instead of closing it when it is dropped unfinished.
    pub ag_finalizer: RefCell<Value>,
}

impl GeneratorData {
    fn new(kind: GenKind, frame: Box<Frame>, code: Rc<Code>, name: Value, qualname: Value) -> Self {
        GeneratorData {
            kind,
            frame: RefCell::new(Some(frame)),
            running: Cell::new(false),
            started: Cell::new(false),
            finished: Cell::new(false),
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            exc_state: RefCell::new(None),
            finalizer: None,
            running_async: Cell::new(false),
            closed: Cell::new(false),
            hooks_inited: Cell::new(false),
            ag_finalizer: RefCell::new(Value::None),
        }
    }
}

/// A suspended generator to close: its kind, frame, code, and two values
/// of its state kept alive until then.
type PendingClose = (GenKind, Box<Frame>, Rc<Code>, Value, Value);

/// Generators dropped while suspended inside try/with blocks, waiting for
/// the VM to close them.
#[derive(Default)]
pub struct FinalizeQueue {
    pub pending: Cell<bool>,
    items: RefCell<Vec<PendingClose>>,
    /// Objects whose `__del__` is to run (see `objects/finalize.rs`).
    objects: RefCell<Vec<PyRef>>,
    /// Qualified names of coroutines dropped without being awaited, for
    /// the RuntimeWarning.
    unawaited: RefCell<Vec<Value>>,
    /// Async generators dropped unfinished with a finalizer hook: their
    /// contents, revived as a new object for the hook.
    /// (Boxed: the payload takes them as they are.)
    #[allow(clippy::vec_box)]
    agen_finalize: RefCell<Vec<Box<GeneratorData>>>,
    /// Callbacks of weak references whose referent died: (weakref,
    /// callback), in the order CPython calls them.
    weakref_callbacks: RefCell<Vec<(PyRef, Value)>>,
}

impl FinalizeQueue {
    /// Queues the callbacks of a dead referent's weak references.
    pub(crate) fn push_weakref_callbacks(&self, calls: Vec<(PyRef, Value)>) {
        if let Ok(mut v) = self.weakref_callbacks.try_borrow_mut() {
            v.extend(calls);
            self.pending.set(true);
        }
    }

    /// Queues an object for its finalizer.
    pub fn push_object(&self, o: PyRef) {
        if let Ok(mut v) = self.objects.try_borrow_mut() {
            v.push(o);
            self.pending.set(true);
        }
    }
}

impl Drop for GeneratorData {
    fn drop(&mut self) {
        let Some(q) = &self.finalizer else { return };
        if self.kind == GenKind::Coroutine && !self.started.get() && !self.finished.get() {
            if let Ok(mut v) = q.unawaited.try_borrow_mut() {
                v.push(std::mem::take(self.qualname.get_mut()));
                q.pending.set(true);
            }
            return;
        }
        if self.kind == GenKind::AsyncGenerator
            && !self.ag_finalizer.get_mut().is_none()
            && !self.closed.get()
        {
            let revived = GeneratorData {
                kind: self.kind,
                frame: RefCell::new(self.frame.get_mut().take()),
                running: Cell::new(false),
                started: Cell::new(self.started.get()),
                finished: Cell::new(self.finished.get()),
                code: self.code.clone(),
                name: RefCell::new(std::mem::take(self.name.get_mut())),
                qualname: RefCell::new(std::mem::take(self.qualname.get_mut())),
                exc_state: RefCell::new(self.exc_state.get_mut().take()),
                finalizer: self.finalizer.clone(),
                running_async: Cell::new(false),
                closed: Cell::new(false),
                hooks_inited: Cell::new(true),
                ag_finalizer: RefCell::new(std::mem::take(self.ag_finalizer.get_mut())),
            };
            if let Ok(mut v) = q.agen_finalize.try_borrow_mut() {
                v.push(Box::new(revived));
                q.pending.set(true);
            }
            return;
        }
        if !self.started.get() || self.finished.get() || self.running.get() {
            return;
        }
        let Some(frame) = self.frame.get_mut().take() else {
            return;
        };
        if !frame
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Finally { .. }))
        {
            return;
        }
        let name = std::mem::take(self.name.get_mut());
        let qualname = std::mem::take(self.qualname.get_mut());
        if let Ok(mut items) = q.items.try_borrow_mut() {
            items.push((self.kind, frame, self.code.clone(), name, qualname));
            q.pending.set(true);
        }
    }
}

impl Vm {
    /// Closes generators that were dropped while suspended (runs their
    /// `finally` blocks), printing "Exception ignored" for errors.
    pub fn run_finalizers(&mut self) {
        self.run_finalizers_at(None);
    }

    /// `run_finalizers`, with the code running when the objects were
    /// dropped (where the "never awaited" warnings are reported).
    pub(crate) fn run_finalizers_at(&mut self, site: Option<crate::warn::WarnSite<'_>>) {
        let q = self.finalize_queue.clone();
        q.pending.set(false);
        let unawaited = std::mem::take(&mut *q.unawaited.borrow_mut());
        for name in unawaited {
            let name = self.str(&name).unwrap_or_default();
            let msg = format!("coroutine '{name}' was never awaited");
            let cat = self.exc.runtime_warning.clone();
            self.warn_at(&cat, &msg, site, true);
        }
        let agens = std::mem::take(&mut *q.agen_finalize.borrow_mut());
        for g in agens {
            // The hook runs once (PEP 442): the revived object is closed
            // as any generator when it goes.
            let hook = std::mem::take(&mut *g.ag_finalizer.borrow_mut());
            let obj = self.alloc(self.types.async_generator.clone(), Payload::Generator(g));
            if let Err(e) = self.call(&hook, &[Value::Obj(obj.clone())]) {
                let r = self.repr(&Value::Obj(obj)).unwrap_or_default();
                let tb = self.format_exception(&Value::Obj(e.0.clone()));
                self.write_stderr(&format!("Exception ignored in: {r}\n{tb}"));
            }
        }
        loop {
            // Weak reference callbacks first: those queued by the last
            // finalizer's object going belong right after it.
            let calls = std::mem::take(&mut *q.weakref_callbacks.borrow_mut());
            if !calls.is_empty() {
                for (wr, cb) in calls {
                    self.call_weakref_callback(wr, cb);
                }
                continue;
            }
            // In the order the objects were dropped.
            let batch = std::mem::take(&mut *q.objects.borrow_mut());
            if batch.is_empty() {
                break;
            }
            for o in batch {
                self.gc_track(&o);
                self.call_finalizer(&o);
            }
        }
        loop {
            let item = q.items.borrow_mut().pop();
            let Some((kind, frame, code, name, qualname)) = item else {
                break;
            };
            let g = GeneratorData::new(kind, frame, code, name, qualname);
            g.started.set(true);
            let gen = self.alloc(kind.class(self), Payload::Generator(Box::new(g)));
            if let Err(e) = gen_close(self, &gen) {
                let r = self.repr(&Value::Obj(gen.clone())).unwrap_or_default();
                let tb = self.format_exception(&Value::Obj(e.0.clone()));
                self.write_stderr(&format!("Exception ignored in: {r}\n{tb}"));
            }
        }
    }
}

/// What resuming a generator produced.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

/// Creates a generator (coroutine, async generator: by the code's flags)
/// for a function call whose frame is ready.
pub fn new_generator(vm: &mut Vm, fd: &FunctionData, frame: Box<Frame>) -> Value {
    let code = fd.code.borrow().clone();
    let kind = GenKind::of(&code.co.flags);
    let mut g = GeneratorData::new(
        kind,
        frame,
        code,
        fd.name.borrow().clone(),
        fd.qualname.borrow().clone(),
    );
    g.finalizer = Some(vm.finalize_queue.clone());
    Value::Obj(vm.alloc(kind.class(vm), Payload::Generator(Box::new(g))))
}

pub(crate) fn gen_of(v: &Value) -> Option<&GeneratorData> {
    match v.payload() {
        Some(Payload::Generator(g)) => Some(g),
        _ => None,
    }
}

pub(crate) enum Resume {
    Send(Value),
    Throw(PyErr),
}

pub(crate) fn resume(vm: &mut Vm, gen: &PyRef, how: Resume) -> PyResult<GenResult> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("expected a generator"));
    };
    let kind = g.kind;
    if g.running.get() {
        return Err(vm.value_error(format!("{} already executing", kind.noun())));
    }
    if g.finished.get() {
        if kind == GenKind::Coroutine {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        return match how {
            Resume::Send(_) => Ok(GenResult::Returned(Value::None)),
            Resume::Throw(e) => Err(e),
        };
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return Err(vm.value_error(format!("{} already executing", kind.noun())));
    };
    let throw = match how {
        Resume::Send(v) => {
            if !g.started.get() {
                if !v.is_none() {
                    *g.frame.borrow_mut() = Some(frame);
                    return Err(vm.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        kind.noun()
                    )));
                }
            } else {
                frame.push(v);
            }
            None
        }
        Resume::Throw(e) => {
            if !g.started.get() {
                frame.core.lasti.set(0);
            }
            Some(e)
        }
    };
    g.started.set(true);
    g.running.set(true);
    let outer = vm.handled.clone();
    if let Some(h) = g.exc_state.borrow_mut().take() {
        vm.handled = Some(h);
    }
    if let Err(e) = vm.recursion_enter("") {
        g.running.set(false);
        vm.handled = outer;
        *g.frame.borrow_mut() = Some(frame);
        return Err(e);
    }
    let (frame, r) = stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || vm.run(frame, throw));
    vm.depth -= 1;
    g.running.set(false);
    let in_handler = frame
        .blocks
        .iter()
        .any(|b| matches!(b, Block::ExceptHandler { .. }));
    match r {
        Ok(Exit::Yield(v)) => {
            if in_handler {
                *g.exc_state.borrow_mut() = vm.handled.clone();
            }
            vm.handled = outer;
            *g.frame.borrow_mut() = Some(frame);
            Ok(GenResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            vm.handled = outer;
            g.finished.set(true);
            vm.recycle(frame);
            Ok(GenResult::Returned(v))
        }
        Err(e) => {
            vm.handled = outer;
            g.finished.set(true);
            vm.recycle(frame);
            let stop = vm.err_matches(&e, &vm.exc.stop_iteration.clone());
            let stop_async = kind == GenKind::AsyncGenerator
                && vm.err_matches(&e, &vm.exc.stop_async_iteration.clone());
            if stop || stop_async {
                let what = if stop {
                    "StopIteration"
                } else {
                    "StopAsyncIteration"
                };
                let re = vm.runtime_error(format!("{} raised {what}", kind.noun()));
                if let Some(d) = exc_data(&Value::Obj(re.0.clone())) {
                    *d.cause.borrow_mut() = Value::Obj(e.0.clone());
                    *d.context.borrow_mut() = Value::Obj(e.0.clone());
                    d.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `next(gen)` for the iteration protocol (`None` when exhausted).
pub fn gen_next(vm: &mut Vm, gen: &PyRef) -> PyResult<Option<Value>> {
    match resume(vm, gen, Resume::Send(Value::None))? {
        GenResult::Yielded(v) => Ok(Some(v)),
        GenResult::Returned(_) => Ok(None),
    }
}

/// The receiver of a `yield from` the generator is suspended in, if any.
pub(crate) fn delegate_of(g: &GeneratorData) -> Option<Value> {
    let f = g.frame.borrow();
    let f = f.as_ref()?;
    let ins = &f.core.code.co.instructions;
    let prev = f.ip.checked_sub(1).and_then(|i| ins.get(i))?;
    let before = f.ip.checked_sub(2).and_then(|i| ins.get(i))?;
    if matches!(prev, Instruction::YieldValue) && matches!(before, Instruction::Send(_)) {
        return f.stack.last().cloned();
    }
    None
}

/// After a delegate finished with `value` during throw/close: continue the
/// delegating frame after its Send.
fn finish_delegation(g: &GeneratorData, value: Value) {
    let mut fb = g.frame.borrow_mut();
    if let Some(f) = fb.as_mut() {
        let target =
            f.ip.checked_sub(2)
                .and_then(|i| f.core.code.co.instructions.get(i).copied());
        if let Some(Instruction::Send(t)) = target {
            f.stack.pop();
            f.stack.push(value);
            f.ip = t as usize;
        }
    }
}

/// `gen.throw(exc)`.
pub fn gen_throw(vm: &mut Vm, gen: &PyRef, exc: PyErr) -> PyResult<GenResult> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("expected a generator"));
    };
    if let Some(recv) = delegate_of(g) {
        if !g.running.get() {
            g.running.set(true);
            let r = throw_into(vm, &recv, exc.clone());
            g.running.set(false);
            match r {
                Ok(GenResult::Yielded(v)) => return Ok(GenResult::Yielded(v)),
                Ok(GenResult::Returned(v)) => {
                    finish_delegation(g, v);
                    return resume_plain(vm, gen);
                }
                Err(e) => {
                    // The delegate's exception is raised in this frame.
                    if let Some(f) = g.frame.borrow_mut().as_mut() {
                        f.stack.pop();
                    }
                    return resume(vm, gen, Resume::Throw(e));
                }
            }
        }
    }
    resume(vm, gen, Resume::Throw(exc))
}

/// Resumes after a delegate returned (no value pushed: the frame already
/// holds the return value).
fn resume_plain(vm: &mut Vm, gen: &PyRef) -> PyResult<GenResult> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("expected a generator"));
    };
    // Temporarily mark as not started so Send does not push a value.
    g.started.set(false);
    resume(vm, gen, Resume::Send(Value::None))
}

/// Throws `exc` into an arbitrary iterator (`yield from` receiver).
fn throw_into(vm: &mut Vm, recv: &Value, exc: PyErr) -> PyResult<GenResult> {
    if let Value::Obj(o) = recv {
        if let Payload::Generator(_) = &o.payload {
            return gen_throw(vm, o, exc);
        }
    }
    let is_exit = vm.err_matches(&exc, &vm.exc.generator_exit.clone());
    if is_exit {
        let k = vm.names.close.clone();
        if let Some(c) = vm.get_attr_opt(recv, &k)? {
            vm.call(&c, &[])?;
        }
        return Err(exc);
    }
    let k = vm.names.throw.clone();
    match vm.get_attr_opt(recv, &k)? {
        Some(t) => match vm.call(&t, &[Value::Obj(exc.0.clone())]) {
            Ok(v) => Ok(GenResult::Yielded(v)),
            Err(e) if vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => {
                let v = stop_value(vm, &e);
                Ok(GenResult::Returned(v))
            }
            Err(e) => Err(e),
        },
        None => Err(exc),
    }
}

/// The `value` of a StopIteration.
pub fn stop_value(vm: &mut Vm, e: &PyErr) -> Value {
    let k = vm.names.value.clone();
    vm.get_attr_opt(&Value::Obj(e.0.clone()), &k)
        .ok()
        .flatten()
        .unwrap_or(Value::None)
}

/// `gen.close()`.
pub fn gen_close(vm: &mut Vm, gen: &PyRef) -> PyResult<()> {
    let Payload::Generator(g) = &gen.payload else {
        return Ok(());
    };
    if g.finished.get() || !g.started.get() {
        g.finished.set(true);
        if let Some(f) = g.frame.borrow_mut().take() {
            vm.recycle(f);
        }
        return Ok(());
    }
    let c = vm.exc.generator_exit.clone();
    let exit = PyErr(vm.new_exception(&c, vec![]));
    match gen_throw(vm, gen, exit) {
        Ok(GenResult::Yielded(_)) => {
            Err(vm.runtime_error(format!("{} ignored GeneratorExit", g.kind.noun())))
        }
        Ok(GenResult::Returned(_)) => Ok(()),
        Err(e) => {
            if vm.err_matches(&e, &vm.exc.generator_exit.clone())
                || vm.err_matches(&e, &vm.exc.stop_iteration.clone())
            {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

impl Vm {
    /// The Send instruction: `receiver.send(value)` (or `next`).
    pub(crate) fn send_to(&mut self, receiver: &Value, value: Value) -> PyResult<GenResult> {
        if let Value::Obj(o) = receiver {
            match &o.payload {
                Payload::Generator(_) => return resume(self, o, Resume::Send(value)),
                Payload::NativeData(_) => {
                    if let Some(r) =
                        crate::objects::async_generator::send_fast(self, receiver, value.clone())
                    {
                        return r;
                    }
                }
                _ => {}
            }
        }
        if value.is_none() {
            return match self.next_with_value(receiver)? {
                Ok(v) => Ok(GenResult::Yielded(v)),
                Err(r) => Ok(GenResult::Returned(r)),
            };
        }
        let k = self.names.send.clone();
        let m = self.get_attr(receiver, &k)?;
        match self.call(&m, &[value]) {
            Ok(v) => Ok(GenResult::Yielded(v)),
            Err(e) if self.err_matches(&e, &self.exc.stop_iteration.clone()) => {
                let v = stop_value(self, &e);
                Ok(GenResult::Returned(v))
            }
            Err(e) => Err(e),
        }
    }

    /// `next(it)` keeping a StopIteration's value: Ok(Ok(item)) or
    /// Ok(Err(return value)).
    fn next_with_value(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        if let Value::Obj(o) = it {
            if let Payload::Iter(_) = &o.payload {
                return Ok(match self.next(it)? {
                    Some(v) => Ok(v),
                    None => Err(Value::None),
                });
            }
        }
        let k = self.names.__next__.clone();
        let Some(f) = self.lookup_special(it, &k) else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        match self.call(&f, std::slice::from_ref(it)) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if self.err_matches(&e, &self.exc.stop_iteration.clone()) => {
                Ok(Err(stop_value(self, &e)))
            }
            Err(e) => Err(e),
        }
    }
}

pub(crate) fn this_gen(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Generator(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'generator' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

pub(crate) fn result_or_stop(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

pub(crate) fn gen_next_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, args.this())?;
    let r = resume(vm, &g, Resume::Send(Value::None))?;
    result_or_stop(vm, r)
}

pub(crate) fn gen_send_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, v] = args.exact_method(vm, "generator.send")?;
    let g = this_gen(vm, this)?;
    let r = resume(vm, &g, Resume::Send(v.clone()))?;
    result_or_stop(vm, r)
}

pub(crate) fn gen_throw_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, typ, val, tb] = args.range::<4>(vm, "throw", 2, true)?;
    let g = this_gen(vm, this.unwrap_or(&Value::None))?;
    let exc = throw_exception(vm, typ, val, tb)?;
    let r = gen_throw(vm, &g, exc)?;
    result_or_stop(vm, r)
}

/// The exception `throw(typ[, val[, tb]])` raises, checked as CPython.
pub(crate) fn throw_exception(
    vm: &mut Vm,
    typ: Option<&Value>,
    val: Option<&Value>,
    tb: Option<&Value>,
) -> PyResult<PyErr> {
    let typ = typ.cloned().unwrap_or(Value::None);
    let exc = match (&typ, val) {
        (Value::Obj(o), _) if exc_data(&typ).is_some() => {
            let _ = o;
            typ.clone()
        }
        (Value::Obj(o), v) if o.as_type().is_some() => {
            let args: Vec<Value> = match v {
                None | Some(Value::None) => vec![],
                Some(x) if exc_data(x).is_some() => {
                    if vm.is_instance(x, o) {
                        let Value::Obj(eo) = x.clone() else {
                            return Err(vm.type_error("bad exception"));
                        };
                        return Ok(PyErr(eo));
                    }
                    return Err(vm.type_error("instance exception may not have a separate value"));
                }
                Some(x) => match x.as_tuple() {
                    Some(t) => t.to_vec(),
                    None => vec![x.clone()],
                },
            };
            let e = vm.call(&typ, &args)?;
            if exc_data(&e).is_none() {
                return Err(vm.type_error(
                    "exceptions must be classes or instances deriving from BaseException, not type",
                ));
            }
            e
        }
        _ => {
            return Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                vm.type_name(&typ)
            )))
        }
    };
    if let Some(tb) = tb {
        if !tb.is_none() {
            crate::objects::exception::set_traceback(vm, &exc, tb.clone())?;
        }
    }
    let Value::Obj(eo) = exc else {
        return Err(vm.type_error("bad exception"));
    };
    Ok(PyErr(eo))
}

pub(crate) fn gen_close_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, args.this())?;
    gen_close(vm, &g)?;
    Ok(Value::None)
}

pub(crate) fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

pub(crate) fn gen_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (kind, q) = gen_of(&this)
        .map(|g| (g.kind, g.qualname.borrow().clone()))
        .unwrap_or((GenKind::Generator, Value::None));
    let q = vm.str(&q)?;
    Ok(vm.str_val(format!(
        "<{} object {q} at {:#x}>",
        kind.type_name(),
        this.id()
    )))
}

pub(crate) fn gen_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    gen_of(v)
        .map(|g| g.name.borrow().clone())
        .ok_or_else(|| vm.type_error("expected a generator"))
}
pub(crate) fn gen_set_name(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    match gen_of(v) {
        Some(g) => {
            *g.name.borrow_mut() = n;
            Ok(())
        }
        None => Err(vm.type_error("expected a generator")),
    }
}
pub(crate) fn gen_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    gen_of(v)
        .map(|g| g.qualname.borrow().clone())
        .ok_or_else(|| vm.type_error("expected a generator"))
}
pub(crate) fn gen_running(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    gen_of(v)
        .map(|g| Value::Bool(g.running.get()))
        .ok_or_else(|| vm.type_error("expected a generator"))
}
pub(crate) fn gen_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = gen_of(v)
        .map(|g| g.code.clone())
        .ok_or_else(|| vm.type_error("expected a generator"))?;
    Ok(Value::Obj(vm.code_object(&c)))
}
/// `gi_suspended`/`cr_suspended`: paused at a yield (or await).
pub(crate) fn gen_suspended(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(v).ok_or_else(|| vm.type_error("expected a generator"))?;
    Ok(Value::Bool(
        g.started.get() && !g.finished.get() && !g.running.get(),
    ))
}

/// `gi_frame`, `cr_frame`, `ag_frame`: the suspended frame's object.
pub(crate) fn gen_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) if gen_of(v).is_some() => Ok(vm.generator_frame_object(o)),
        _ => Err(vm.type_error("expected a generator")),
    }
}
pub(crate) fn gen_yieldfrom(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(v).ok_or_else(|| vm.type_error("expected a generator"))?;
    Ok(delegate_of(g).unwrap_or(Value::None))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.generator.clone();
    vm.add_methods(
        &t,
        &[
            ("__next__", gen_next_m),
            ("__iter__", gen_iter),
            ("__repr__", gen_repr),
            ("send", gen_send_m),
            ("throw", gen_throw_m),
            ("close", gen_close_m),
        ],
    );
    vm.add_getset(&t, "__name__", gen_name, Some(gen_set_name));
    vm.add_getset(&t, "__qualname__", gen_qualname, None);
    vm.add_getset(&t, "gi_running", gen_running, None);
    vm.add_getset(&t, "gi_code", gen_code, None);
    vm.add_getset(&t, "gi_frame", gen_frame, None);
    vm.add_getset(&t, "gi_yieldfrom", gen_yieldfrom, None);
    vm.add_getset(&t, "gi_suspended", gen_suspended, None);
}
