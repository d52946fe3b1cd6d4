//! Native modules built into the VM (one file per module). Each module
//! registers an initialiser with `Vm::register_module` — the same API
//! embedders use — except `sys`, which exists from start-up.

pub mod re;
pub mod sys;
pub mod traceback;

use crate::vm::Vm;

/// Creates `sys` and registers the other built-in modules.
pub fn init(vm: &mut Vm) {
    sys::init(vm);
    vm.register_module("_traceback", std::rc::Rc::new(traceback::init));
    vm.register_module("_rpy_re", std::rc::Rc::new(re::init));
}
