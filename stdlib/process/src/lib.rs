//! rpy's native modules for child processes and waiting on descriptors:
//! `_posixsubprocess` (CPython's `subprocess.py` runs unchanged on it; the
//! child is started with `std::process::Command`) and `select`
//! (`select()`, `poll` and `epoll` on rustix), written against the VM's
//! public native-module API. Both reach descriptors through `posix`'s
//! descriptor table, and both are denied in a sandbox without the process
//! (respectively file-read) capability.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_process::register(&mut interp);
//! assert!(interp.run_source("import select\nassert select.POLLIN == 1", "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

#[cfg(unix)]
mod descriptors;
#[cfg(unix)]
mod epoll;
#[cfg(unix)]
mod fork_exec;
#[cfg(unix)]
mod poll;
#[cfg(unix)]
mod select_module;

use rpy_vm::{Interpreter, Vm};

/// Makes the modules importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes the modules importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    #[cfg(unix)]
    {
        use std::rc::Rc;
        vm.register_module("_posixsubprocess", Rc::new(fork_exec::init));
        vm.register_module("select", Rc::new(select_module::init));
    }
    #[cfg(not(unix))]
    let _ = vm;
}
