//! rpy's native modules for packed binary data, written on the VM's public
//! API: `array` (typed arrays that export the buffer protocol) and
//! `_struct` (what CPython's struct.py imports).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_array::register(&mut interp);
//! let src = "import array, _struct\na = array.array('i', [1, 2])\na.append(3)\n\
//!            assert a.tolist() == [1, 2, 3]\nassert _struct.pack('<h', 1) == b'\\x01\\x00'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod array;
mod struct_;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `array` and `_struct` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `array` and `_struct` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("array", Rc::new(array::init));
    vm.register_module("_struct", Rc::new(struct_::init));
}
