//! rpy's native `_random` module: `_random.Random`, the Mersenne Twister
//! that CPython's random.py builds on, giving CPython's exact sequences.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_random::register(&mut interp);
//! let src = "import _random\nassert _random.Random(0).getrandbits(8) == 216";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

pub mod mt19937;
mod random_type;

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, Vm};

/// Makes `_random` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_random` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module(
        "_random",
        Rc::new(|vm: &mut Vm| {
            let mut m = ModuleDef::new("_random");
            m.class::<random_type::Random>();
            m.build(vm)
        }),
    );
}
