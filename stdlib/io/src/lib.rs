//! rpy's native `_io` module, written on the VM's public native API, under
//! CPython's own `io.py` (run unchanged): the abstract bases `_IOBase`,
//! `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`; the raw `FileIO`; the
//! in-memory `BytesIO` and `StringIO`; `BufferedReader`, `BufferedWriter`,
//! `BufferedRandom`, `BufferedRWPair`; `TextIOWrapper` and
//! `IncrementalNewlineDecoder`; `open()`, `open_code()`, `text_encoding()`;
//! and `sys.stdin`/`stdout`/`stderr` as `_io` streams (`stdio.rs`).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_io::register(&mut interp);
//! let src = "import _io\nb = _io.BytesIO(b'ab\\ncd')\nassert b.readline() == b'ab\\n'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod buffered;
mod bytesio;
mod common;
mod fileio;
mod iobase;
mod newline;
mod open;
mod stdio;
mod stringio;
mod textio;

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, PyRef, PyResult, Value, Vm};

pub use stdio::{install_std_streams, StdioOptions};

/// Makes `_io` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_io` importable in a bare `Vm`, and `sys.stdin`/`stdout`/
/// `stderr` `_io` streams (with the environment's options; should they
/// fail to build, the VM's own stream objects stay).
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_io", Rc::new(io_module));
    let opts = StdioOptions::from_env(vm);
    let _ = install_std_streams(vm, &opts);
}

fn io_module(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_io");
    m.class::<iobase::IOBase>();
    m.class::<iobase::RawIOBase>();
    m.class::<iobase::BufferedIOBase>();
    m.class::<iobase::TextIOBase>();
    m.class::<fileio::FileIO>();
    m.class::<bytesio::BytesIO>();
    m.class::<stringio::StringIO>();
    m.class::<buffered::BufferedReader>();
    m.class::<buffered::BufferedWriter>();
    m.class::<buffered::BufferedRandom>();
    m.class::<buffered::BufferedRWPair>();
    m.class::<textio::TextIOWrapper>();
    m.class::<newline::IncrementalNewlineDecoder>();
    m.function("open", open::open).params(&[
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ]);
    m.function("open_code", open::open_code).params(&["path"]);
    m.function("text_encoding", open::text_encoding)
        .params(&["encoding", "stacklevel"]);
    m.value(
        "DEFAULT_BUFFER_SIZE",
        Value::Int(common::DEFAULT_BUFFER_SIZE as i64),
    );
    m.value(
        "__doc__",
        "The io module provides the Python interfaces to stream handling (rpy's native _io).",
    );
    let blocking = Value::Obj(vm.exc.blocking_io_error.clone());
    m.value("BlockingIOError", blocking);
    let unsupported = common::make_unsupported(vm)?;
    m.value("UnsupportedOperation", unsupported);
    let module = m.build(vm)?;
    vm.on_exit("_io", Rc::new(common::flush_open_streams));
    // `builtins.open` is `io.open` (until now it forwarded to it).
    let open = vm.get_attr_str(&Value::Obj(module.clone()), "open")?;
    let builtins = vm.import_module("builtins")?;
    let name = vm.intern("open");
    vm.set_attr(&builtins, &name, open)?;
    Ok(module)
}
