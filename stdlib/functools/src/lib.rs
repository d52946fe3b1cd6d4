//! rpy's native `_functools` and `_operator` modules, on the VM's public
//! native API: what CPython writes in C behind its unchanged
//! `functools.py` and `operator.py` (`partial`, `reduce`, `cmp_to_key`,
//! the `lru_cache` wrapper; the operator functions, `itemgetter`,
//! `attrgetter`, `methodcaller`), with CPython 3.11's behaviour and
//! messages.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_functools::register(&mut interp);
//! let src = "import _functools, _operator\n\
//!            assert _functools.reduce(_operator.add, [1, 2, 3]) == 6";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod arguments;
mod attr_getter;
mod cache_key;
mod functools_module;
mod item_getter;
mod key_wrapper;
mod lru_cache;
mod method_caller;
mod operator_module;
mod partial;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `_functools` and `_operator` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_functools` and `_operator` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_functools", Rc::new(functools_module::init));
    vm.register_module("_operator", Rc::new(operator_module::init));
}
