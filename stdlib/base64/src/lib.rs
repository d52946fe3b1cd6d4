//! rpy's native `binascii` and `_base64` modules, on the safe codecs of
//! `rpy-base64-core`, written against the VM's public native-module API
//! (the one embedders use). `Lib/base64.py` wraps `_base64`.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_base64::register(&mut interp);
//! let src = "import binascii\nassert binascii.hexlify(b'hi', '-') == b'68-69'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod arguments;
mod base64_module;
mod binascii_module;
mod exceptions;
mod input;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `binascii` and `_base64` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `binascii` and `_base64` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("binascii", Rc::new(binascii_module::init));
    vm.register_module("_base64", Rc::new(base64_module::init));
}
