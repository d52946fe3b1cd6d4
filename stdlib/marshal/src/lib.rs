//! rpy's native `marshal` module: `dumps`/`loads`/`dump`/`load` of the
//! built-in value types in CPython's format, version 4 (references,
//! short tuples and ASCII strings), reading versions 0 to 4. Code objects
//! are not supported (rpy's bytecode is not CPython's): they raise
//! NotImplementedError.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_marshal::register(&mut interp);
//! let src = "import marshal\n\
//!            v = (1, 'a', [2.5, None], {b'k': frozenset({3})}, 10**30)\n\
//!            assert marshal.loads(marshal.dumps(v)) == v";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod reader;
mod writer;

use std::rc::Rc;

use rpy_vm::{BytesLike, Interpreter, ModuleDef, OptArg, PyBytes, PyRef, PyResult, Value, Vm};

/// The format version `dumps` writes by default.
pub(crate) const VERSION: i64 = 4;

/// Makes `marshal` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `marshal` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("marshal", Rc::new(init));
}

fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("marshal");
    m.value(
        "__doc__",
        "This module contains functions that can read and write Python values in\n\
         a binary format. The format is specific to Python, but independent of\n\
         machine architecture issues.",
    );
    m.function("dumps", dumps);
    m.function("loads", loads);
    m.function("dump", dump);
    m.function("load", load);
    m.value("version", VERSION);
    m.build(vm)
}

/// `dumps(value, version=4, /)`.
fn dumps(vm: &mut Vm, value: Value, version: OptArg<i32>) -> PyResult<PyBytes> {
    let version = version.0.map_or(VERSION, i64::from);
    writer::write(vm, &value, version).map(PyBytes)
}

/// `dump(value, file, version=4, /)`.
fn dump(vm: &mut Vm, value: Value, file: Value, version: OptArg<i32>) -> PyResult<()> {
    let version = version.0.map_or(VERSION, i64::from);
    let out = writer::write(vm, &value, version)?;
    let b = vm.new_bytes(out);
    vm.call_method(&file, "write", &[b])?;
    Ok(())
}

/// `loads(bytes, /)`.
fn loads(vm: &mut Vm, BytesLike(data): BytesLike) -> PyResult<Value> {
    reader::read(vm, &data).map(|(v, _)| v)
}

/// `load(file, /)`: reads the rest of the file, decodes one value and
/// seeks back to just after it when the file can seek.
fn load(vm: &mut Vm, file: Value) -> PyResult<Value> {
    let file = &file;
    let start = vm.call_method(file, "tell", &[]).ok();
    let data = vm.call_method(file, "read", &[])?;
    let data = vm.bytes_like(&data)?;
    let (v, used) = reader::read(vm, &data)?;
    if let Some(Value::Int(s)) = start {
        if used < data.len() {
            vm.call_method(file, "seek", &[Value::Int(s + used as i64)])?;
        }
    }
    Ok(v)
}
