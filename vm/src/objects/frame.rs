//! Frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`, `f_back`):
//! made on demand from the eval loop's internal frames, as CPython 3.11
//! does, so that a program that never asks for one pays nothing.
//!
//! A frame object holds what it needs by itself (code, globals, builtins,
//! the locals mapping of module and class frames, and the last known
//! instruction, fast locals and cells) and knows where its caller sits
//! (`FramePos`) while the frame runs. The VM refreshes it from the live
//! frame whenever it can reach that frame (a caller on the frame stack, a
//! suspended generator, every `sys._getframe` call, an exception passing
//! through), and hands it its final state when the frame finishes.
//!
//! Reach: the eval loop keeps the callers of the running frame on
//! `Vm::frame_stack`; the frame that is running when native code re-enters
//! Python (a loop boundary, `LoopAnchor`) is out of reach until the issue
//! 17 value stack puts every frame header on the VM. For such a frame the
//! VM knows its globals only; its frame object shows those and a
//! placeholder code object named `<native call>`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use rpy_compiler::bytecode::CodeKind;

use crate::eval::frame::Frame;
use crate::native::Args;
use crate::object::{Payload, PyObject};

use crate::objects::code::Code;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// One eval loop on the Rust stack (see `Vm::run`): where its frames start
/// on the frame stack, and what is known of the frame that started it.
pub struct LoopAnchor {
    /// `frame_stack.len()` when the loop started.
    pub base: usize,
    /// Globals of the frame that was running when the loop started (None
    /// when no Python frame was).
    pub outer_globals: Option<PyRef>,
    /// The frame object made for that frame, if any.
    pub boundary: Option<PyRef>,
}

/// Where a live frame sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FramePos {
    /// `frame_stack[i]`: a caller inside some loop.
    Stack(usize),
    /// The frame that was running when loop `k` started (`k` equal to the
    /// number of loops: the running frame of the innermost loop).
    Below(usize),
}

/// What a frame object says `f_back` is.
#[derive(Clone)]
pub enum Back {
    /// The caller, found from its position when asked (frame alive).
    Pos(Option<FramePos>),
    /// Fixed: the frame finished or is suspended.
    Known(Option<PyRef>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    Suspended,
    Finished,
}

/// The mutable part of a frame object.
pub struct FrameState {
    /// Index of the last instruction run (rpy's bytecode).
    pub lasti: usize,
    /// False for a generator frame that has not started yet.
    pub started: bool,
    /// Fast locals (function frames), as last seen.
    pub fast: Vec<Option<Value>>,
    /// Cell and free variables.
    pub cells: Vec<PyRef>,
    pub back: Back,
    pub status: Status,
    /// The dict `f_locals` returns for function frames (the same dict on
    /// every read, refreshed each time, as in CPython).
    pub locals_dict: Option<PyRef>,
    pub trace: Value,
    pub trace_lines: bool,
    pub trace_opcodes: bool,
    /// The generator that owns the frame (to read it while suspended).
    pub generator: Option<Weak<PyObject>>,
}

/// The payload of a frame object.
pub struct FrameData {
    pub code: Rc<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class frames.
    pub locals: Option<Value>,
    /// A frame below native code, of which only the globals are known.
    pub unseen: bool,
    pub state: RefCell<FrameState>,
}

impl FrameData {
    /// A frame object's data from a live frame.
    pub fn from_frame(f: &Frame, back: Option<FramePos>) -> FrameData {
        let locals = match (&f.locals, f.code.co.kind) {
            (Some(l), _) => Some(l.clone()),
            (None, CodeKind::Module) => Some(Value::Obj(f.globals.clone())),
            _ => None,
        };
        FrameData {
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals,
            unseen: false,
            state: RefCell::new(FrameState {
                lasti: f.lasti,
                started: true,
                fast: f.fast.clone(),
                cells: f.cells.clone(),
                back: Back::Pos(back),
                status: Status::Running,
                locals_dict: None,
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
                generator: None,
            }),
        }
    }

    /// Copies the live frame's instruction and locals.
    pub fn refresh(&self, f: &Frame) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.lasti = f.lasti;
            s.fast.clone_from(&f.fast);
            s.cells.clone_from(&f.cells);
        }
    }

    /// The current line (CPython's `f_lineno`).
    pub fn lineno(&self) -> u32 {
        let (lasti, started) = match self.state.try_borrow() {
            Ok(s) => (s.lasti, s.started),
            Err(_) => (0, true),
        };
        if !started {
            return self.code.co.first_line;
        }
        line_at(&self.code, lasti)
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

impl Vm {
    /// Allocates a frame object.
    pub(crate) fn alloc_frame_object(&mut self, d: FrameData) -> PyRef {
        self.alloc(self.types.frame.clone(), Payload::Frame(Box::new(d)))
    }

    /// The frame object of live frame `f` (made if it has none), refreshed
    /// from it; `back` says where its caller is, for a new object.
    pub(crate) fn frame_object_of(&mut self, f: &Frame, back: Option<FramePos>) -> PyRef {
        if let Some(o) = f.frame_obj() {
            if let Some(d) = frame_data(&Value::Obj(o.clone())) {
                d.refresh(f);
            }
            return o;
        }
        let o = self.alloc_frame_object(FrameData::from_frame(f, back));
        f.obj.set(Some(o.clone()));
        o
    }

    /// Index of the loop that frame-stack entry `i` belongs to.
    fn loop_of(&self, i: usize) -> usize {
        self.loops
            .iter()
            .rposition(|a| a.base <= i)
            .unwrap_or_default()
    }

    /// Where the caller of `frame_stack[i]` is.
    pub(crate) fn caller_of_stack(&self, i: usize) -> Option<FramePos> {
        let j = self.loop_of(i);
        let base = self.loops.get(j).map(|a| a.base).unwrap_or_default();
        if i > base {
            Some(FramePos::Stack(i - 1))
        } else {
            self.below_loop(j)
        }
    }

    /// The frame that started loop `k`, if a Python frame did.
    fn below_loop(&self, k: usize) -> Option<FramePos> {
        match self.loops.get(k) {
            Some(a) if a.outer_globals.is_some() => Some(FramePos::Below(k)),
            _ => None,
        }
    }

    /// Where the caller of the frame that started loop `k` is (for `k`
    /// equal to the number of loops: of the innermost running frame).
    pub(crate) fn caller_of_below(&self, k: usize) -> Option<FramePos> {
        let prev = k.checked_sub(1)?;
        let start = self.loops.get(prev)?.base;
        let end = match self.loops.get(k) {
            Some(a) => a.base,
            None => self.frame_stack.len(),
        };
        if end > start {
            Some(FramePos::Stack(end - 1))
        } else {
            self.below_loop(prev)
        }
    }

    /// Where the caller of the innermost running frame is.
    pub(crate) fn caller_of_running(&self) -> Option<FramePos> {
        self.caller_of_below(self.loops.len())
    }

    /// The frame object for a position (made if needed, else refreshed).
    pub(crate) fn frame_at(&mut self, pos: FramePos) -> Option<PyRef> {
        self.frame_at_with(pos, true)
    }

    fn frame_at_with(&mut self, pos: FramePos, refresh: bool) -> Option<PyRef> {
        match pos {
            FramePos::Stack(i) => {
                let back = self.caller_of_stack(i);
                let existing = self.frame_stack.get(i)?.frame_obj();
                if let Some(o) = existing {
                    if let (true, Some(d), Some(f)) = (
                        refresh,
                        frame_data(&Value::Obj(o.clone())),
                        self.frame_stack.get(i),
                    ) {
                        d.refresh(f);
                    }
                    return Some(o);
                }
                let d = FrameData::from_frame(self.frame_stack.get(i)?, back);
                let o = self.alloc_frame_object(d);
                self.frame_stack.get(i)?.obj.set(Some(o.clone()));
                Some(o)
            }
            FramePos::Below(k) => {
                if let Some(b) = self.loops.get(k).and_then(|a| a.boundary.clone()) {
                    return Some(b);
                }
                let globals = match self.loops.get(k) {
                    Some(a) => a.outer_globals.clone()?,
                    None => self.cur_globals.clone()?,
                };
                let back = self.caller_of_below(k);
                let o = self.unseen_frame_object(globals, back);
                if let Some(a) = self.loops.get_mut(k) {
                    a.boundary = Some(o.clone());
                }
                Some(o)
            }
        }
    }

    /// A frame object for a frame out of reach (below native code).
    fn unseen_frame_object(&mut self, globals: PyRef, back: Option<FramePos>) -> PyRef {
        let code = self.placeholder_code();
        let builtins = self.builtins_dict.clone();
        let d = FrameData {
            code,
            globals,
            builtins,
            locals: None,
            unseen: true,
            state: RefCell::new(FrameState {
                lasti: 0,
                started: true,
                fast: Vec::new(),
                cells: Vec::new(),
                back: Back::Pos(back),
                status: Status::Running,
                locals_dict: None,
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
                generator: None,
            }),
        };
        self.alloc_frame_object(d)
    }

    /// The code object of frames out of reach.
    fn placeholder_code(&mut self) -> Rc<Code> {
        let co = match rpy_compiler::compile("", "<unknown>", rpy_compiler::Mode::Exec) {
            Ok(mut co) => {
                co.name = "<native call>".into();
                co.qualname = "<native call>".into();
                co.first_line = 0;
                co
            }
            Err(_) => rpy_compiler::bytecode::CodeObject {
                name: "<native call>".into(),
                qualname: "<native call>".into(),
                filename: "<unknown>".into(),
                first_line: 0,
                kind: CodeKind::Module,
                flags: Default::default(),
                arg_count: 0,
                posonly_arg_count: 0,
                kwonly_arg_count: 0,
                instructions: Vec::new(),
                locations: Vec::new(),
                constants: Vec::new(),
                names: Vec::new(),
                varnames: Vec::new(),
                cellvars: Vec::new(),
                cell2arg: Vec::new(),
                freevars: Vec::new(),
                max_stack: 0,
            },
        };
        self.load_code(co)
    }

    /// `f_back`: resolves (and remembers) the caller of a frame object.
    pub(crate) fn frame_back(&mut self, d: &FrameData) -> Option<PyRef> {
        let back = d.state.borrow().back.clone();
        match back {
            Back::Known(b) => b,
            Back::Pos(None) => None,
            Back::Pos(Some(p)) => {
                let b = self.frame_at(p);
                if let Ok(mut s) = d.state.try_borrow_mut() {
                    s.back = Back::Known(b.clone());
                }
                b
            }
        }
    }

    /// A frame is finishing: if anything else holds its frame object, the
    /// object keeps the final state and its caller. Called before the
    /// caller is popped, so the recorded position is still valid.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_exit(&mut self, f: &mut Frame) {
        let Some(o) = f.obj.get_mut().take() else {
            return;
        };
        if Rc::strong_count(&o) == 1 {
            return;
        }
        let v = Value::Obj(o);
        if let Some(d) = frame_data(&v) {
            let mut pos = None;
            if let Ok(mut s) = d.state.try_borrow_mut() {
                s.lasti = f.lasti;
                s.fast.clone_from(&f.fast);
                s.cells.clone_from(&f.cells);
                s.status = Status::Finished;
                s.generator = None;
                if let Back::Pos(p) = s.back {
                    pos = Some(p);
                }
            }
            if let Some(p) = pos {
                let b = p.and_then(|p| self.frame_at_with(p, false));
                if let Ok(mut s) = d.state.try_borrow_mut() {
                    s.back = Back::Known(b);
                }
            }
        }
    }

    /// A generator frame yields: its object shows the suspended state.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_suspend(&mut self, f: &Frame) {
        if let Some(o) = f.frame_obj() {
            if let Some(d) = frame_data(&Value::Obj(o)) {
                d.refresh(f);
                if let Ok(mut s) = d.state.try_borrow_mut() {
                    s.status = Status::Suspended;
                    s.back = Back::Known(None);
                }
            }
        }
    }

    /// A suspended generator frame resumes as the entry of loop `k`.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_resume(&mut self, f: &Frame, k: usize) {
        if let Some(o) = f.frame_obj() {
            let back = self.below_loop(k);
            if let Some(d) = frame_data(&Value::Obj(o)) {
                if let Ok(mut s) = d.state.try_borrow_mut() {
                    s.status = Status::Running;
                    s.started = true;
                    s.back = Back::Pos(back);
                }
            }
        }
    }

    /// A loop ends: the object made for the frame below it (if still
    /// held) keeps its caller, found while the positions are valid.
    #[cold]
    #[inline(never)]
    pub(crate) fn loop_boundary_exit(&mut self, b: PyRef) {
        if Rc::strong_count(&b) > 1 {
            let v = Value::Obj(b);
            if let Some(d) = frame_data(&v) {
                let _ = self.frame_back(d);
            }
        }
    }

    /// The frame object of the running frame `f` of the innermost loop,
    /// for `sys._getframe` (called by the eval loop before the call).
    pub(crate) fn running_frame_object(&mut self, f: &Frame) -> PyRef {
        let back = self.caller_of_running();
        self.frame_object_of(f, back)
    }

    /// Refreshes a frame object from its live frame when the VM can reach
    /// it (a caller on the frame stack, or a suspended generator).
    fn refresh_if_reachable(&mut self, o: &PyRef, d: &FrameData) {
        let status = d.state.borrow().status;
        match status {
            Status::Finished => {}
            Status::Suspended => {
                let gen = d
                    .state
                    .borrow()
                    .generator
                    .as_ref()
                    .and_then(|g| g.upgrade());
                if let Some(g) = gen {
                    if let Payload::Generator(gd) = &g.payload {
                        if let Ok(fr) = gd.frame.try_borrow() {
                            if let Some(fr) = fr.as_ref() {
                                d.refresh(fr);
                            }
                        }
                    }
                }
            }
            Status::Running => {
                for f in self.frame_stack.iter().rev() {
                    if let Some(x) = f.frame_obj() {
                        if Rc::ptr_eq(&x, o) {
                            d.refresh(f);
                            return;
                        }
                    }
                }
            }
        }
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
        let fr = match g.frame.try_borrow() {
            Ok(fr) => fr,
            Err(_) => return Value::None,
        };
        let Some(f) = fr.as_ref() else {
            return Value::None;
        };
        let existing = f.frame_obj();
        let o = match existing {
            Some(o) => {
                if let Some(d) = frame_data(&Value::Obj(o.clone())) {
                    d.refresh(f);
                }
                o
            }
            None => {
                let d = FrameData::from_frame(f, None);
                {
                    let mut s = d.state.borrow_mut();
                    s.status = Status::Suspended;
                    s.back = Back::Known(None);
                    s.started = started;
                    s.generator = Some(Rc::downgrade(gen));
                }
                let o = self.alloc_frame_object(d);
                f.obj.set(Some(o.clone()));
                o
            }
        };
        drop(fr);
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
    let locals = match code.co.kind {
        CodeKind::Module => Some(Value::Obj(globals.clone())),
        _ => None,
    };
    let d = FrameData {
        code: code.clone(),
        globals,
        builtins: vm.builtins_dict.clone(),
        locals,
        unseen: false,
        state: RefCell::new(FrameState {
            lasti: ip as usize,
            started: true,
            fast: Vec::new(),
            cells: Vec::new(),
            back: Back::Known(None),
            status: Status::Finished,
            locals_dict: None,
            trace: Value::None,
            trace_lines: true,
            trace_opcodes: false,
            generator: None,
        }),
    };
    vm.alloc_frame_object(d)
}

fn f_back(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    Ok(vm.frame_back(d).map(Value::Obj).unwrap_or(Value::None))
}
fn f_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this_frame(vm, v)?.code.clone();
    Ok(Value::Obj(vm.code_object(&c)))
}
fn f_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(this_frame(vm, v)?.globals.clone()))
}
fn f_builtins(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(this_frame(vm, v)?.builtins.clone()))
}
fn f_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    if let Value::Obj(o) = v {
        vm.refresh_if_reachable(o, d);
    }
    Ok(Value::Int(i64::from(d.lineno())))
}
/// `f_lasti`: CPython's value is a byte offset into its own bytecode (two
/// bytes per code unit); rpy's is twice the index of the last instruction
/// in rpy's bytecode, so it is even, grows as the frame runs, and
/// `co_lines()` ranges (which use the same units) contain it.
fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    if let Value::Obj(o) = v {
        vm.refresh_if_reachable(o, d);
    }
    let lasti = d.state.borrow().lasti;
    Ok(Value::Int(2 * lasti as i64))
}

/// `f_locals`: the locals mapping of module and class frames; for function
/// frames a dict of the fast locals and cells, refreshed on every read.
fn f_locals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this_frame(vm, v)?;
    if let Some(l) = &d.locals {
        return Ok(l.clone());
    }
    if let Value::Obj(o) = v {
        vm.refresh_if_reachable(o, d);
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
    if d.unseen {
        return Ok(Value::Obj(dict));
    }
    let (fast, cells) = {
        let s = d.state.borrow();
        (s.fast.clone(), s.cells.clone())
    };
    let code = d.code.clone();
    for (i, name) in code.varnames.iter().enumerate() {
        let key = Value::Obj(name.clone());
        match fast.get(i).cloned().flatten() {
            Some(x) => vm.dict_set(&dict, key, x)?,
            None => {
                vm.dict_del(&dict, &key)?;
            }
        }
    }
    let names = code.cellvars.iter().chain(code.freevars.iter());
    for (i, name) in names.enumerate() {
        let key = Value::Obj(name.clone());
        let val = match cells.get(i).map(|c| &c.payload) {
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
    let (fast, cells, dict) = {
        let mut s = d.state.borrow_mut();
        (
            std::mem::take(&mut s.fast),
            std::mem::take(&mut s.cells),
            s.locals_dict.take(),
        )
    };
    drop((fast, cells, dict));
    Ok(Value::None)
}

fn frame_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = this_frame(vm, &this)?;
    if let Value::Obj(o) = &this {
        vm.refresh_if_reachable(o, d);
    }
    let file = vm.repr(&Value::Obj(d.code.filename.clone()))?;
    let s = format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        this.id(),
        file,
        d.lineno(),
        d.code.co.name
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
