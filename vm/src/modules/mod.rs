//! Native modules built into the VM (one file per module). Each module
//! registers an initialiser with `Vm::register_module` — the same API
//! embedders use — except `sys`, which exists from start-up.

pub mod array;
pub mod cmath;
pub mod codecs;
pub mod fileio;
pub mod gc;
pub mod imp;
pub mod math;
pub mod posix;
#[cfg(unix)]
pub mod posix_fd;
#[cfg(unix)]
pub mod posix_scandir;
#[cfg(unix)]
pub mod posix_sys;
pub mod struct_;
pub mod subprocess;
pub mod sys;
pub mod sys_audit;
pub mod time;
pub mod traceback;
pub mod warnings;

use std::rc::Rc;

use crate::vm::Vm;

/// Creates `sys` and registers the other built-in modules.
pub fn init(vm: &mut Vm) {
    sys::init(vm);
    vm.register_module("array", Rc::new(array::init));
    vm.register_module("math", Rc::new(math::make));
    vm.register_module("cmath", Rc::new(cmath::make));
    vm.register_module("time", Rc::new(time::make));
    vm.register_module("gc", Rc::new(gc::make));
    vm.register_module("_io", Rc::new(fileio::init));
    vm.register_module("_subprocess", Rc::new(subprocess::init));
    vm.register_module("posix", Rc::new(posix::init));
    vm.register_module("_traceback", Rc::new(traceback::init));
    vm.register_module("_struct", Rc::new(struct_::init));
    vm.register_module("_codecs", Rc::new(codecs::init));
    vm.register_module("_imp", Rc::new(imp::init));
    vm.register_module("_frozen_importlib", Rc::new(imp::init_frozen_importlib));
    vm.register_module(
        "_frozen_importlib_external",
        Rc::new(imp::init_frozen_importlib_external),
    );
    vm.register_module("_warnings", Rc::new(warnings::init));
    vm.register_module("_weakref", Rc::new(crate::objects::weakref::make_module));
    set_builtin_module_names(vm);
}

/// `sys.builtin_module_names`: every native module registered so far
/// (stdlib crates register theirs after start-up; `_imp` calls this again
/// so importlib sees them all).
pub(crate) fn set_builtin_module_names(vm: &mut Vm) {
    let mut names: Vec<String> = vm.native_modules.keys().cloned().collect();
    if let Some(rt) = vm.runtime.as_ref() {
        names.extend(rt.proto.native_modules.keys().cloned());
    }
    names.extend(["builtins".to_owned(), "sys".to_owned()]);
    names.sort();
    names.dedup();
    let names: Vec<_> = names.into_iter().map(|n| vm.str_val(n)).collect();
    let names = vm.new_tuple(names);
    let m = vm.sys.clone();
    vm.module_set(&m, "builtin_module_names", names);
}
