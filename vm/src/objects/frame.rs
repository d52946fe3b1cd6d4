//! Frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`, `f_back`):
//! made on demand from the eval loop's frames, as CPython 3.11 does, so
//! that a program that never asks for one pays nothing.
//!
//! A frame object holds the frame's core (`eval::frame::FrameCore`: code,
//! globals, builtins, locals mapping, last instruction, fast locals,
//! cells, caller), the same one the eval loop runs on, so it reads live
//! state while the frame runs — whether it is the running frame, a caller,
//! a frame blocked in a native call that called back into Python, or a
//! suspended generator — and keeps the final state once the frame
//! finishes. The core points back at its object weakly, so that each
//! frame has one object while anybody holds it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use rpy_compiler::bytecode::CodeKind;

use crate::eval::frame::{Frame, FrameCore};
use crate::native::Args;
use crate::object::{Payload, PyObject};

use crate::objects::code::Code;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// One eval loop on the Rust stack (see `Vm::run`).
pub struct LoopAnchor {
    /// The frame that was running when the loop started (blocked in the
    /// native call that started it; None when no Python frame was).
    pub outer: Option<Rc<FrameCore>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    Suspended,
    Finished,
}

/// The mutable part of a frame object.
pub struct FrameState {
    /// False for a generator frame that has not started yet.
    pub started: bool,
    pub status: Status,
    /// The dict `f_locals` returns for function frames (the same dict on
    /// every read, refreshed each time, as in CPython).
    pub locals_dict: Option<PyRef>,
    pub trace: Value,
    pub trace_lines: bool,
    pub trace_opcodes: bool,
    /// The generator that owns the frame (to close it on `clear()`).
    pub generator: Option<Weak<PyObject>>,
}

/// The payload of a frame object.
pub struct FrameData {
    pub core: Rc<FrameCore>,
    pub state: RefCell<FrameState>,
}

impl FrameData {
    fn new(core: Rc<FrameCore>, status: Status) -> FrameData {
        FrameData {
            core,
            state: RefCell::new(FrameState {
                started: true,
                status,
                locals_dict: None,
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
                generator: None,
            }),
        }
    }

    /// The code the frame runs.
    pub fn code(&self) -> &Rc<Code> {
        &self.core.code
    }

    /// The locals mapping of module and class frames (None for function
    /// frames, whose `f_locals` is a dict made from the fast locals).
    pub fn locals_mapping(&self) -> Option<Value> {
        match (&self.core.locals, self.core.code.co.kind) {
            (Some(l), _) => Some(l.clone()),
            (None, CodeKind::Module) => Some(Value::Obj(self.core.globals.clone())),
            _ => None,
        }
    }

    /// The current line (CPython's `f_lineno`).
    pub fn lineno(&self) -> u32 {
        let started = self.state.try_borrow().map(|s| s.started).unwrap_or(true);
        if !started {
            return self.core.code.co.first_line;
        }
        line_at(&self.core.code, self.core.lasti.get())
    }
}

/// The line of instruction `i`, or of the nearest one before it with a
/// position (compiler-made cleanup code has none).
pub fn line_at(code: &Code, i: usize) -> u32 {
    let mut i = i;
    loop {
        let l = code.co.location(i).line;
        if l != 0 || i == 0 {
            return if l == 0 { code.co.first_line } else { l };
        }
        i -= 1;
    }
}

/// The frame object payload of `v`.
pub fn frame_data(v: &Value) -> Option<&FrameData> {
    match v.payload() {
        Some(Payload::Frame(d)) => Some(d),
        _ => None,
    }
}

fn this_frame<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a FrameData> {
    frame_data(v).ok_or_else(|| vm.type_error("descriptor requires a 'frame' object"))
}

/// Runs `f` on the state of the frame object `core` links to, if alive.
fn with_object_state(core: &FrameCore, f: impl FnOnce(&mut FrameState)) {
    if let Some(o) = core.frame_obj() {
        if let Some(d) = frame_data(&Value::Obj(o)) {
            if let Ok(mut s) = d.state.try_borrow_mut() {
                f(&mut s);
            }
        }
    }
}

impl Vm {
    /// Allocates a frame object.
    pub(crate) fn alloc_frame_object(&mut self, d: FrameData) -> PyRef {
        self.alloc(self.types.frame.clone(), Payload::Frame(Box::new(d)))
    }

    /// The frame object of a live frame's core (made if it has none). A
    /// new object for a core no frame runs any more (`FrameCore::done`)
    /// is a finished frame's.
    pub(crate) fn frame_object_of_core(&mut self, core: &Rc<FrameCore>) -> PyRef {
        if let Some(o) = core.frame_obj() {
            return o;
        }
        let status = if core.done.get() {
            Status::Finished
        } else {
            Status::Running
        };
        let o = self.alloc_frame_object(FrameData::new(core.clone(), status));
        core.obj.set(Some(Rc::downgrade(&o)));
        o
    }

    /// The frame object of the frame `f` that is running (for
    /// `sys._getframe` and traceback entries).
    pub(crate) fn running_frame_object(&mut self, f: &Frame) -> PyRef {
        self.frame_object_of_core(&f.core)
    }

    /// The frame object of the innermost running Python frame, if any.
    pub(crate) fn current_frame_object(&mut self) -> Option<PyRef> {
        let core = self.cur_frame.clone()?;
        Some(self.frame_object_of_core(&core))
    }

    /// `f_back`: the frame object of the caller.
    pub(crate) fn frame_back(&mut self, d: &FrameData) -> Option<PyRef> {
        let b = d.core.back()?;
        Some(self.frame_object_of_core(&b))
    }

    /// A frame with a frame object finishes: the object keeps the final
    /// state and its caller (`f_back`).
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_finished(&mut self, core: &FrameCore) {
        core.done.set(true);
        match core.frame_obj() {
            Some(o) => {
                if let Some(d) = frame_data(&Value::Obj(o)) {
                    if let Ok(mut s) = d.state.try_borrow_mut() {
                        s.status = Status::Finished;
                        s.generator = None;
                    }
                }
            }
            None => drop(core.back.take()),
        }
    }

    /// A generator frame with a frame object yields.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_suspended(&mut self, core: &FrameCore) {
        with_object_state(core, |s| s.status = Status::Suspended);
    }

    /// A suspended generator frame with a frame object resumes.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_resume(&mut self, f: &Frame) {
        with_object_state(&f.core, |s| {
            s.status = Status::Running;
            s.started = true;
        });
    }

    /// `gi_frame` of a generator: the object of its suspended frame.
    pub(crate) fn generator_frame_object(&mut self, gen: &PyRef) -> Value {
        let Payload::Generator(g) = &gen.payload else {
            return Value::None;
        };
        if g.finished.get() {
            return Value::None;
        }
        let started = g.started.get();
        let core = match g.frame.try_borrow() {
            Ok(fr) => match fr.as_ref() {
                Some(f) => f.core.clone(),
                None => return Value::None,
            },
            Err(_) => return Value::None,
        };
        if let Some(o) = core.frame_obj() {
            return Value::Obj(o);
        }
        let d = FrameData::new(core.clone(), Status::Suspended);
        {
            let mut s = d.state.borrow_mut();
            s.started = started;
            s.generator = Some(Rc::downgrade(gen));
        }
        let o = self.alloc_frame_object(d);
        core.obj.set(Some(Rc::downgrade(&o)));
        Value::Obj(o)
    }
}

/// A frame object for a traceback entry made without one: the frame has
/// finished and only its code, instruction and globals are known.
pub fn finished_frame_object(
    vm: &mut Vm,
    code: &Rc<Code>,
    ip: u32,
    globals: Option<PyRef>,
) -> PyRef {
    let globals = globals.unwrap_or_else(|| vm.new_dict_ref());
    let core = FrameCore::new(code.clone(), globals, vm.builtins_dict.clone());
    core.lasti.set(ip as usize);
    core.done.set(true);
    let core = Rc::new(core);
    let o = vm.alloc_frame_object(FrameData::new(core.clone(), Status::Finished));
    core.obj.set(Some(Rc::downgrade(&o)));
    o
}

fn f_back(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    Ok(vm.frame_back(d).map(Value::Obj).unwrap_or(Value::None))
}
fn f_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this_frame(vm, v)?.core.code.clone();
    Ok(Value::Obj(vm.code_object(&c)))
}
fn f_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(this_frame(vm, v)?.core.globals.clone()))
}
fn f_builtins(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(this_frame(vm, v)?.core.builtins.clone()))
}
fn f_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    Ok(Value::Int(i64::from(d.lineno())))
}
/// `f_lasti`: CPython's value is a byte offset into its own bytecode (two
/// bytes per code unit); rpy's is twice the index of the last instruction
/// in rpy's bytecode, so it is even, grows as the frame runs, and
/// `co_lines()` ranges (which use the same units) contain it.
fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    Ok(Value::Int(2 * d.core.lasti.get() as i64))
}

/// `f_locals`: the locals mapping of module and class frames; for function
/// frames a dict of the fast locals and cells, refreshed on every read.
fn f_locals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    if let Some(l) = d.locals_mapping() {
        return Ok(l);
    }
    let existing = d.state.borrow().locals_dict.clone();
    let dict = match existing {
        Some(x) => x,
        None => {
            let x = vm.new_dict_ref();
            d.state.borrow_mut().locals_dict = Some(x.clone());
            x
        }
    };
    let core = d.core.clone();
    let code = core.code.clone();
    for (i, name) in code.varnames.iter().enumerate() {
        let key = Value::Obj(name.clone());
        match core.get_fast(i) {
            Some(x) => vm.dict_set(&dict, key, x)?,
            None => {
                vm.dict_del(&dict, &key)?;
            }
        }
    }
    let names = code.cellvars.iter().chain(code.freevars.iter());
    for (i, name) in names.enumerate() {
        let key = Value::Obj(name.clone());
        let val = match core.cells.get(i).map(|c| &c.payload) {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => None,
        };
        match val {
            Some(x) => vm.dict_set(&dict, key, x)?,
            None => {
                vm.dict_del(&dict, &key)?;
            }
        }
    }
    Ok(Value::Obj(dict))
}
fn f_trace(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this_frame(vm, v)?.state.borrow().trace.clone())
}
/// `f_trace` is stored but never called: rpy has no tracing
/// (`sys.settrace` raises NotImplementedError).
fn set_f_trace(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    this_frame(vm, v)?.state.borrow_mut().trace = x;
    Ok(())
}
fn f_trace_lines(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(this_frame(vm, v)?.state.borrow().trace_lines))
}
fn set_f_trace_lines(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let Value::Bool(b) = x else {
        return Err(vm.type_error("attribute value type must be bool"));
    };
    this_frame(vm, v)?.state.borrow_mut().trace_lines = b;
    Ok(())
}
fn f_trace_opcodes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(this_frame(vm, v)?.state.borrow().trace_opcodes))
}
fn set_f_trace_opcodes(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let Value::Bool(b) = x else {
        return Err(vm.type_error("attribute value type must be bool"));
    };
    this_frame(vm, v)?.state.borrow_mut().trace_opcodes = b;
    Ok(())
}

/// `frame.clear()`: drops the locals of a finished frame; a suspended
/// generator's frame closes the generator first, as in CPython.
fn frame_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "frame.clear")?;
    let this = this.clone();
    let d = this_frame(vm, &this)?;
    let (status, gen) = {
        let s = d.state.borrow();
        (s.status, s.generator.as_ref().and_then(|g| g.upgrade()))
    };
    match status {
        Status::Running => return Err(vm.runtime_error("cannot clear an executing frame")),
        Status::Suspended => {
            if let Some(g) = gen {
                let name = vm.intern("close");
                let close = vm.get_attr(&Value::Obj(g), &name)?;
                vm.call(&close, &[])?;
            }
        }
        Status::Finished => {}
    }
    let mut taken = Vec::new();
    d.core.drain_into(&mut taken);
    let dict = d.state.borrow_mut().locals_dict.take();
    drop((taken, dict));
    Ok(Value::None)
}

fn frame_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = this_frame(vm, &this)?;
    let file = vm.repr(&Value::Obj(d.core.code.filename.clone()))?;
    let s = format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        this.id(),
        file,
        d.lineno(),
        d.core.code.co.name
    );
    Ok(vm.str_val(s))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.frame.clone();
    vm.add_getset(&t, "f_back", f_back, None);
    vm.add_getset(&t, "f_code", f_code, None);
    vm.add_getset(&t, "f_globals", f_globals, None);
    vm.add_getset(&t, "f_builtins", f_builtins, None);
    vm.add_getset(&t, "f_locals", f_locals, None);
    vm.add_getset(&t, "f_lineno", f_lineno, None);
    vm.add_getset(&t, "f_lasti", f_lasti, None);
    vm.add_getset(&t, "f_trace", f_trace, Some(set_f_trace));
    vm.add_getset(&t, "f_trace_lines", f_trace_lines, Some(set_f_trace_lines));
    vm.add_getset(
        &t,
        "f_trace_opcodes",
        f_trace_opcodes,
        Some(set_f_trace_opcodes),
    );
    vm.add_methods(&t, &[("clear", frame_clear), ("__repr__", frame_repr)]);
}
