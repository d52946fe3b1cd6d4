//! Frames: the state of one running code object (instruction pointer,
//! value stack, fast locals by slot, cells, block stack), recycled through
//! a pool so that Python-to-Python calls do not allocate.

use std::cell::Cell;
use std::rc::Rc;

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

/// An executing (or suspended) code object.
pub struct Frame {
    pub code: Rc<Code>,
    /// Next instruction.
    pub ip: usize,
    /// The instruction being executed (for tracebacks).
    pub lasti: usize,
    pub stack: Vec<Value>,
    /// Fast locals; `None` is unbound.
    pub fast: Vec<Option<Value>>,
    /// Cell variables, then free variables.
    pub cells: Vec<PyRef>,
    pub blocks: Vec<Block>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies.
    pub locals: Option<Value>,
    /// When set, the frame is an `__init__` run by a type call: its return
    /// value must be None and the call's result is this instance.
    pub init_of: Option<Value>,
    /// The frame object made for this frame (`objects/frame.rs`), if
    /// Python asked for one; it receives the final state on exit.
    pub obj: Cell<Option<PyRef>>,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: PyRef, builtins: PyRef) -> Frame {
        Frame {
            code,
            ip: 0,
            lasti: 0,
            stack: Vec::new(),
            fast: Vec::new(),
            cells: Vec::new(),
            blocks: Vec::new(),
            globals,
            builtins,
            locals: None,
            init_of: None,
            obj: Cell::new(None),
        }
    }

    /// The frame object made for this frame, if any.
    pub fn frame_obj(&self) -> Option<PyRef> {
        let o = self.obj.take();
        let c = o.clone();
        self.obj.set(o);
        c
    }

    /// Resets a recycled frame for `code`.
    pub fn reset(&mut self, code: Rc<Code>, globals: PyRef, builtins: PyRef) {
        let n = code.varnames.len();
        self.code = code;
        self.ip = 0;
        self.lasti = 0;
        self.stack.clear();
        self.fast.clear();
        self.fast.resize(n, None);
        self.cells.clear();
        self.blocks.clear();
        self.globals = globals;
        self.builtins = builtins;
        self.locals = None;
        self.init_of = None;
    }

    /// Drops every reference the frame holds (before recycling, or when
    /// the cycle collector clears a generator).
    pub fn clear(&mut self) {
        self.stack.clear();
        self.fast.clear();
        self.cells.clear();
        self.blocks.clear();
        self.locals = None;
        self.init_of = None;
        // `obj` is already empty: every frame that ran left the eval loop
        // through `Vm::frame_exit`, which takes it.
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
