//! rpy's small native modules that CPython's pure-Python library imports
//! at its top: `_thread`, `errno`, `_stat`, `_string`, `atexit`, `_contextvars`,
//! `_signal`, `gc`, written
//! against the VM's public native-module API.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_sysmods::register(&mut interp);
//! let src = "import errno, _stat\nassert errno.errorcode[errno.ENOENT] == 'ENOENT'\nassert _stat.filemode(0o40755) == 'drwxr-xr-x'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod atexit_module;
mod context;
mod context_var;
mod contextvars_module;
mod errno_module;
mod format_markup;
mod gc_module;
mod signal_module;
mod signal_numbers;
mod signal_timers;
mod stat_module;
mod string_module;
mod thread_ident;
mod thread_local;
mod thread_lock;
mod thread_module;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Names a module function `module.name` in its argument-count messages
/// ("_thread.get_ident() takes no arguments (1 given)"), as CPython's
/// argument clinic does.
pub(crate) fn qualify(sig: &mut rpy_vm::Signature, module: &str) {
    sig.qualname = Rc::from(format!("{module}.{}", sig.name));
}

/// Makes the modules importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes the modules importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("errno", Rc::new(errno_module::init));
    vm.register_module("_stat", Rc::new(stat_module::init));
    vm.register_module("_string", Rc::new(string_module::init));
    vm.register_module("atexit", Rc::new(atexit_module::init));
    vm.register_module("_thread", Rc::new(thread_module::init));
    vm.register_module("_contextvars", Rc::new(contextvars_module::init));
    vm.register_module("_signal", Rc::new(signal_module::init));
    vm.register_module("gc", Rc::new(gc_module::make));
}
