//! Frames: the state of one running code object. A frame is split in two:
//!
//! - `FrameCore` (shared, `Rc`): what frame objects read — code, globals,
//!   builtins, the locals mapping, the last instruction, fast locals,
//!   cells and the caller (`back`). The VM reaches the core of every live
//!   frame: the running frame's is `Vm::cur_frame`, each frame's caller
//!   is its `back`, so frames suspended under a native call are as
//!   visible as the running one. A frame object (`objects/frame.rs`) holds
//!   the core, so it reads live state while the frame runs and keeps the
//!   final state once the frame finishes.
//! - `Frame` (owned by the eval loop or a suspended generator): the core
//!   plus what only the loop touches (next instruction, value stack,
//!   block stack), recycled through a pool so that Python-to-Python calls
//!   do not allocate.

use std::cell::Cell;
use std::rc::{Rc, Weak};

use crate::object::PyObject;
use crate::objects::code::Code;
use crate::value::{PyRef, Value};

/// A block-stack entry (see `rpy_compiler::bytecode::Instruction`).
#[derive(Clone)]
pub enum Block {
    /// `SetupFinally`/`SetupWith`: jump to `handler` with the value stack
    /// truncated to `depth` when an exception arrives.
    Finally { handler: u32, depth: u32 },
    /// Running an except/finally handler: the exception handled before.
    ExceptHandler { saved: Option<PyRef> },
}

/// The part of a frame that frame objects and the VM read (see the module
/// docs). Fast locals are `Cell`s so that they can be read through the
/// shared core while the eval loop runs the frame.
pub struct FrameCore {
    pub code: Rc<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies.
    pub locals: Option<Value>,
    /// The instruction being executed (for tracebacks and `f_lineno`).
    pub lasti: Cell<usize>,
    /// Fast locals; `None` is unbound.
    pub fast: Vec<Cell<Option<Value>>>,
    /// Cell variables, then free variables.
    pub cells: Vec<PyRef>,
    /// The calling frame while this one runs (None for the outermost
    /// frame and a suspended generator); kept after the frame finishes
    /// only when a frame object holds the core (its `f_back`).
    pub back: Cell<Option<Rc<FrameCore>>>,
    /// The frame object made for this frame, if Python asked for one and
    /// still holds it (weak: the object holds the core).
    pub obj: Cell<Option<Weak<PyObject>>>,
    /// Set when the frame has finished while something else (a frame
    /// object, a callee's `back`) still holds the core.
    pub done: Cell<bool>,
}

impl FrameCore {
    pub fn new(code: Rc<Code>, globals: PyRef, builtins: PyRef) -> FrameCore {
        FrameCore {
            code,
            globals,
            builtins,
            locals: None,
            lasti: Cell::new(0),
            fast: Vec::new(),
            cells: Vec::new(),
            back: Cell::new(None),
            obj: Cell::new(None),
            done: Cell::new(false),
        }
    }

    /// Fast local `i` (None if unbound or out of range).
    #[inline]
    pub fn get_fast(&self, i: usize) -> Option<Value> {
        let slot = self.fast.get(i)?;
        let v = slot.take();
        let r = v.clone();
        slot.set(v);
        r
    }

    /// Whether fast local `i` is bound.
    pub fn is_bound(&self, i: usize) -> bool {
        self.get_fast(i).is_some()
    }

    /// Sets fast local `i`; the old value is returned to be dropped by the
    /// caller (its finalizer may run Python code).
    #[inline]
    pub fn set_fast(&self, i: usize, v: Option<Value>) -> Option<Value> {
        match self.fast.get(i) {
            Some(slot) => slot.replace(v),
            None => None,
        }
    }

    /// The caller's core (a clone of `back`).
    pub fn back(&self) -> Option<Rc<FrameCore>> {
        let b = self.back.take();
        let c = b.clone();
        self.back.set(b);
        c
    }

    /// The frame object of this frame, if one is alive.
    pub fn frame_obj(&self) -> Option<PyRef> {
        let w = self.obj.take()?;
        let o = w.upgrade();
        if o.is_some() {
            self.obj.set(Some(w));
        }
        o
    }

    /// Whether a frame object was made for this frame (cheap test).
    #[inline]
    pub fn has_obj(&self) -> bool {
        let w = self.obj.take();
        let r = w.is_some();
        self.obj.set(w);
        r
    }

    /// The fast locals, taken out (`frame.clear()`, the cycle collector).
    pub fn drain_into(&self, out: &mut Vec<Value>) {
        for slot in &self.fast {
            if let Some(v) = slot.take() {
                out.push(v);
            }
        }
    }
}

impl Clone for FrameCore {
    /// A copy of the core's state, not linked to its frame object.
    fn clone(&self) -> FrameCore {
        FrameCore {
            code: self.code.clone(),
            globals: self.globals.clone(),
            builtins: self.builtins.clone(),
            locals: self.locals.clone(),
            lasti: Cell::new(self.lasti.get()),
            fast: (0..self.fast.len())
                .map(|i| Cell::new(self.get_fast(i)))
                .collect(),
            cells: self.cells.clone(),
            back: Cell::new(self.back()),
            obj: Cell::new(None),
            done: Cell::new(self.done.get()),
        }
    }
}

/// An executing (or suspended) code object.
pub struct Frame {
    pub core: Rc<FrameCore>,
    /// Next instruction.
    pub ip: usize,
    pub stack: Vec<Value>,
    pub blocks: Vec<Block>,
    /// When set, the frame is an `__init__` run by a type call: its return
    /// value must be None and the call's result is this instance.
    pub init_of: Option<Value>,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: PyRef, builtins: PyRef) -> Frame {
        Frame {
            core: Rc::new(FrameCore::new(code, globals, builtins)),
            ip: 0,
            stack: Vec::new(),
            blocks: Vec::new(),
            init_of: None,
        }
    }

    /// The code being run.
    #[inline]
    pub fn code(&self) -> &Rc<Code> {
        &self.core.code
    }

    /// The instruction being executed.
    #[inline]
    pub fn lasti(&self) -> usize {
        self.core.lasti.get()
    }

    /// The core for setting up a new frame (fast locals, cells, locals
    /// mapping): only a frame that has not run yet is set up, and nothing
    /// else holds its core then (a shared core would be copied).
    #[inline]
    pub fn core_mut(&mut self) -> &mut FrameCore {
        Rc::make_mut(&mut self.core)
    }

    /// Resets a recycled frame for `code` with `n` unbound fast locals.
    pub fn reset(&mut self, code: Rc<Code>, globals: PyRef, builtins: PyRef) {
        let n = code.varnames.len();
        self.ip = 0;
        self.stack.clear();
        self.blocks.clear();
        self.init_of = None;
        match Rc::get_mut(&mut self.core) {
            Some(c) => {
                c.code = code;
                c.globals = globals;
                c.builtins = builtins;
                c.lasti.set(0);
                c.done.set(false);
                c.fast.clear();
                c.fast.resize_with(n, || Cell::new(None));
            }
            None => {
                let mut c = FrameCore::new(code, globals, builtins);
                c.fast.resize_with(n, || Cell::new(None));
                self.core = Rc::new(c);
            }
        }
    }

    /// Drops every reference the frame holds (before recycling). Returns
    /// false when a frame object still holds the core (which keeps the
    /// final state): such a frame is not recycled.
    pub fn clear(&mut self) -> bool {
        self.stack.clear();
        self.blocks.clear();
        self.init_of = None;
        match Rc::get_mut(&mut self.core) {
            Some(c) => {
                c.fast.clear();
                c.cells.clear();
                c.locals = None;
                *c.back.get_mut() = None;
                *c.obj.get_mut() = None;
                true
            }
            None => {
                self.core.done.set(true);
                false
            }
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Pops the top of the stack (None if the stack is empty, which only a
    /// compiler bug could cause).
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    #[inline]
    pub fn top(&self) -> Value {
        self.stack.last().cloned().unwrap_or(Value::None)
    }

    /// The value `n` below the top (0 is the top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value {
        let len = self.stack.len();
        if n < len {
            self.stack[len - 1 - n].clone()
        } else {
            Value::None
        }
    }

    /// Pops the top `n` values (in stack order).
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }
}
