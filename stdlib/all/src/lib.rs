//! Every native standard-library crate of rpy, registered in one call: what
//! the `rpy` command and an embedder that wants CPython's library use,
//! together with the frozen pure-Python library (`rpy-stdlib-frozen`).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_stdlib::register(&mut interp);
//! assert!(interp.run_source("import binascii", "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

use rpy_vm::{Interpreter, Vm};

/// Makes every native standard-library module importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes every native standard-library module importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    // One line per stdlib crate.
    rpy_base64::register_vm(vm);
    rpy_hashlib::register_vm(vm);
    rpy_zlib::register_vm(vm);
    rpy_csv::register_vm(vm);
    rpy_itertools::register_vm(vm);
    rpy_functools::register_vm(vm);
    rpy_collections::register_vm(vm);
    rpy_random::register_vm(vm);
    rpy_sre::register_vm(vm);
    rpy_unicodedata::register_vm(vm);
    rpy_sysmods::register_vm(vm);
    rpy_ast::register_vm(vm);
    rpy_math::register_vm(vm);
    rpy_time::register_vm(vm);
    rpy_array::register_vm(vm);
    rpy_posix::register_vm(vm);
    rpy_io::register_vm(vm);
    rpy_process::register_vm(vm);
    rpy_marshal::register_vm(vm);
    rpy_socket::register_vm(vm);
}
