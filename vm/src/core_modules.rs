//! The native modules the VM itself provides: `sys` (`crate::sys`, made
//! at start-up), `_codecs` (`crate::codecs`: `str.encode` and
//! `bytes.decode` consult its registry) and `_weakref`
//! (`crate::objects::weakref`). Every other native module lives in a
//! `stdlib/` crate, registered by `rpy_stdlib::register`.

use std::rc::Rc;

use crate::vm::Vm;

/// Creates `sys` and registers the core native modules.
pub(crate) fn init(vm: &mut Vm) {
    crate::sys::init(vm);
    vm.register_module("_codecs", Rc::new(crate::codecs::init));
    vm.register_module("_weakref", Rc::new(crate::objects::weakref::make_module));
}
