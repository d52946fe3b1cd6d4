//! rpy's native hash modules, CPython's built-in fallbacks for `hashlib`
//! when OpenSSL's `_hashlib` is absent (as it always is in rpy):
//! `_md5`, `_sha1`, `_sha256` (sha224, sha256), `_sha512` (sha384,
//! sha512), `_sha3` (sha3_224 ... sha3_512, shake_128, shake_256) and
//! `_blake2` (blake2b, blake2s with all their parameters). The algorithms
//! are the RustCrypto crates' and `blake2b_simd`/`blake2s_simd`; this
//! crate gives them CPython's types, arguments and messages.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_hashlib::register(&mut interp);
//! let src = "import _sha256\nassert _sha256.sha256(b'abc').hexdigest()[:8] == 'ba7816bf'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod blake2;
mod data;
mod fixed;
mod hex;
mod modules;
mod shake;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes the hash modules importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes the hash modules importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_md5", Rc::new(modules::md5));
    vm.register_module("_sha1", Rc::new(modules::sha1));
    vm.register_module("_sha256", Rc::new(modules::sha256));
    vm.register_module("_sha512", Rc::new(modules::sha512));
    vm.register_module("_sha3", Rc::new(modules::sha3));
    vm.register_module("_blake2", Rc::new(modules::blake2));
}
