//! rpy's native `math` and `cmath` modules, written on the VM's public API:
//! CPython's functions with its special cases, error messages and
//! correctly rounded results (`fsum`, `isqrt`, `factorial`, `comb`, ...).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_math::register(&mut interp);
//! assert_eq!(interp.eval_as::<f64>("__import__('math').hypot(3, 4)").unwrap(), 5.0);
//! assert!(interp.run_source("import cmath\nassert cmath.sqrt(-1) == 1j", "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod cmath;
mod math;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `math` and `cmath` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `math` and `cmath` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("math", Rc::new(math::make));
    vm.register_module("cmath", Rc::new(cmath::make));
}
