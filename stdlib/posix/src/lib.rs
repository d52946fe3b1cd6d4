//! rpy's native `posix` module, written on the VM's public API: what
//! CPython's `os.py` imports (paths, `stat`, the environment, file
//! descriptors, processes, `scandir`), every host access checked against
//! the interpreter's sandbox capabilities.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_posix::register(&mut interp);
//! assert!(interp.eval_as::<i64>("__import__('posix').getpid()").unwrap() > 0);
//! ```
#![forbid(unsafe_code)]

mod posix;
#[cfg(unix)]
mod posix_fd;
#[cfg(unix)]
mod posix_scandir;
#[cfg(unix)]
mod posix_sys;

use std::rc::Rc;

/// The per-interpreter descriptor table `os` works on, shared with the
/// other native modules that hold descriptors (`_io.FileIO`,
/// `_posixsubprocess`), so a descriptor from one works with the others.
#[cfg(unix)]
pub use posix_fd::{
    adopt_fd, close_fd, fd_handle, flush_std_output, table_numbers, with_fd, with_open_fd,
};

use rpy_vm::{Interpreter, Vm};

/// Makes `posix` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `posix` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("posix", Rc::new(posix::init));
}
