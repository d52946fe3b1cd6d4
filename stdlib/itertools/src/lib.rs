//! rpy's native `itertools` module: CPython 3.11's iterator building
//! blocks (infinite, terminating, grouping, slicing, tee and combinatoric
//! iterators), each a native type with CPython's name, module, messages
//! and subclassability, written against the VM's public native API.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_itertools::register(&mut interp);
//! let src = "import itertools\nassert list(itertools.islice(itertools.count(3), 2)) == [3, 4]";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod chain;
mod combinatoric;
mod filtering;
mod groupby;
mod infinite;
mod islice;
mod support;
mod tee;
mod terminating;

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, PyRef, PyResult, Vm};

/// Makes `itertools` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `itertools` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("itertools", Rc::new(init));
}

fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("itertools");
    m.class::<infinite::Count>();
    m.class::<infinite::Cycle>();
    m.class::<infinite::Repeat>();
    m.class::<terminating::Accumulate>();
    m.class::<chain::Chain>();
    m.class::<filtering::Compress>();
    m.class::<filtering::DropWhile>();
    m.class::<filtering::FilterFalse>();
    m.class::<filtering::TakeWhile>();
    m.class::<groupby::GroupBy>();
    m.class::<groupby::Grouper>();
    m.class::<islice::ISlice>();
    m.class::<terminating::Pairwise>();
    m.class::<terminating::StarMap>();
    m.class::<terminating::ZipLongest>();
    m.class::<tee::Tee>();
    m.class::<tee::TeeData>();
    m.class::<combinatoric::Product>();
    m.class::<combinatoric::Permutations>();
    m.class::<combinatoric::Combinations>();
    m.class::<combinatoric::CombinationsWithReplacement>();
    tee::define_tee_function(&mut m);
    m.value(
        "__doc__",
        "Functional tools for creating and using iterators.".to_owned(),
    );
    m.build(vm)
}
