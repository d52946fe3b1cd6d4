//! rpy's native `time` module, written on the VM's public API: clocks,
//! `sleep` (which honours the interpreter's limits and Ctrl-C), and
//! `localtime`/`gmtime`/`mktime`/`strftime`/`strptime` support with time
//! zones from the system (jiff).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_time::register(&mut interp);
//! assert_eq!(interp.eval_as::<i64>("__import__('time').gmtime(0).tm_year").unwrap(), 1970);
//! ```
#![forbid(unsafe_code)]

mod time;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `time` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `time` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("time", Rc::new(time::make));
}
