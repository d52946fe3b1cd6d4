//! rpy's native `_collections`, `_bisect` and `_heapq` modules, written on
//! the VM's public native API: `deque` and its iterators, `defaultdict`,
//! `_count_elements` and `_tuplegetter` (what CPython's collections
//! package imports), and the C halves of bisect.py and heapq.py.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_collections::register(&mut interp);
//! let src = "from _collections import deque\nd = deque([1, 2], maxlen=2)\n\
//!            d.append(3)\nassert list(d) == [2, 3]";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod args;
mod bisect;
mod count_elements;
mod defaultdict;
mod deque;
mod deque_iter;
mod heapq;
mod tuplegetter;

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, PyRef, PyResult, Value, Vm};

/// Makes `_collections`, `_bisect` and `_heapq` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_collections`, `_bisect` and `_heapq` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_collections", Rc::new(collections_module));
    vm.register_module("_bisect", Rc::new(bisect::module));
    vm.register_module("_heapq", Rc::new(heapq::module));
}

fn collections_module(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_collections");
    m.class::<deque::Deque>();
    m.class::<deque_iter::DequeIter>();
    m.class::<deque_iter::DequeRevIter>();
    m.class::<tuplegetter::TupleGetter>();
    m.function("_count_elements", count_elements::count_elements);
    m.value(
        "__doc__",
        "High performance data structures (rpy's native _collections).",
    );
    let dd = defaultdict::make_type(vm);
    m.value("defaultdict", Value::Obj(dd));
    m.build(vm)
}
