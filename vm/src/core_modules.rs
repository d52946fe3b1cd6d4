//! The native modules the VM itself provides: `sys` (`crate::sys`, made
//! at start-up), `_codecs` (`crate::codecs`: `str.encode` and
//! `bytes.decode` consult its registry), `_weakref`
//! (`crate::objects::weakref`), and the import system's `_imp` and
//! `_frozen_importlib*` (`crate::imp`) and `_warnings`
//! (`crate::warnings_module`). Every other native module lives in a
//! `stdlib/` crate, registered by `rpy_stdlib::register`.

use std::rc::Rc;

use crate::vm::Vm;

/// Creates `sys` and registers the core native modules.
pub(crate) fn init(vm: &mut Vm) {
    crate::sys::init(vm);
    vm.register_module("_codecs", Rc::new(crate::codecs::init));
    vm.register_module("_weakref", Rc::new(crate::objects::weakref::make_module));
    vm.register_module("_imp", Rc::new(crate::imp::init));
    vm.register_module(
        "_frozen_importlib",
        Rc::new(crate::imp::init_frozen_importlib),
    );
    vm.register_module(
        "_frozen_importlib_external",
        Rc::new(crate::imp::init_frozen_importlib_external),
    );
    vm.register_module("_warnings", Rc::new(crate::warnings_module::init));
}
