//! rpy's native `zlib` module: deflate compression and decompression in
//! the raw, zlib and gzip containers, streaming objects, and the CRC-32
//! and Adler-32 checksums, with CPython's API and messages. The deflate
//! codec is miniz_oxide's (pure, safe Rust), so compressed bytes may
//! differ from zlib's while decompressing anything zlib makes; the
//! containers, checksums and error reporting are this crate's.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_zlib::register(&mut interp);
//! let src = "import zlib\nassert zlib.decompress(zlib.compress(b'abc' * 9)) == b'abc' * 9";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod checksum;
mod deflater;
mod error;
mod inflater;
mod input;
mod module;
mod objects;
mod wrapper;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `zlib` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `zlib` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("zlib", Rc::new(module::init));
}
