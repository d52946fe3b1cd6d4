//! The native modules still built into the VM: `_traceback` (being
//! replaced). The others live in `stdlib/` crates (registered by
//! `rpy_stdlib::register`); `sys` is in `crate::sys`, `_codecs` in
//! `crate::codecs`, `_weakref` in `crate::objects::weakref`.

pub mod traceback;

use std::rc::Rc;

use crate::vm::Vm;

/// Creates `sys` and registers the core native modules.
pub fn init(vm: &mut Vm) {
    crate::sys::init(vm);
    vm.register_module("_traceback", Rc::new(traceback::init));
    vm.register_module("_codecs", Rc::new(crate::codecs::init));
    vm.register_module("_weakref", Rc::new(crate::objects::weakref::make_module));
}
