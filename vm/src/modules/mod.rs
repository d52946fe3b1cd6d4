//! The native modules still built into the VM: `_subprocess` and
//! `_traceback` (being replaced). The others live in `stdlib/` crates
//! (registered by `rpy_stdlib::register`); `sys` is in `crate::sys`,
//! `_codecs` in `crate::codecs`, `_weakref` in `crate::objects::weakref`.

pub mod subprocess;
pub mod traceback;

use std::rc::Rc;

use crate::vm::Vm;

/// What `_io` and `_subprocess` used from the posix module.
pub(crate) mod posix {
    use crate::value::Value;
    use crate::vm::{PyErr, Vm};

    /// The OSError for `e`, naming the file when there is one.
    pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
        vm.io_error(e, filename.map(std::slice::from_ref).unwrap_or(&[]))
    }
}

/// Creates `sys` and registers the core native modules.
pub fn init(vm: &mut Vm) {
    crate::sys::init(vm);
    vm.register_module("_subprocess", Rc::new(subprocess::init));
    vm.register_module("_traceback", Rc::new(traceback::init));
    vm.register_module("_codecs", Rc::new(crate::codecs::init));
    vm.register_module("_weakref", Rc::new(crate::objects::weakref::make_module));
}
