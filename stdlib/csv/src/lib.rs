//! rpy's native `_csv` module, under CPython's `csv.py`: dialects and
//! their registry, the reader's state machine and the writer's quoting,
//! with CPython 3.11's semantics and messages.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_csv::register(&mut interp);
//! let src = "import _csv\nassert list(_csv.reader(['a,\"b,c\"'])) == [['a', 'b,c']]";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod dialect;
mod module;
mod reader;
mod state;
mod writer;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `_csv` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_csv` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_csv", Rc::new(module::init));
}
