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

use rpy_vm::{Args, Interpreter, PyRef, PyResult, Value, Vm};

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
    let m = vm.new_module("marshal");
    let doc = vm.str_val(
        "This module contains functions that can read and write Python values in\n\
         a binary format. The format is specific to Python, but independent of\n\
         machine architecture issues.",
    );
    vm.module_set(&m, "__doc__", doc);
    vm.module_add_fns(
        &m,
        &[
            ("dumps", dumps),
            ("loads", loads),
            ("dump", dump),
            ("load", load),
        ],
    );
    vm.module_set(&m, "version", Value::Int(VERSION));
    Ok(m)
}

fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(v) => vm.to_i64(v),
        None => Ok(VERSION),
    }
}

/// `dumps(value, version=4, /)`.
fn dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [value, version] = args.range::<2>(vm, "dumps", 1, false)?;
    let value = value.cloned().unwrap_or(Value::None);
    let version = version_arg(vm, version)?;
    let out = writer::write(vm, &value, version)?;
    Ok(vm.new_bytes(out))
}

/// `dump(value, file, version=4, /)`.
fn dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [value, file, version] = args.range::<3>(vm, "dump", 2, false)?;
    let (Some(value), Some(file)) = (value, file) else {
        return Err(vm.system_error("dump: arguments not bound"));
    };
    let version = version_arg(vm, version)?;
    let out = writer::write(vm, value, version)?;
    let b = vm.new_bytes(out);
    vm.call_method(file, "write", &[b])?;
    Ok(Value::None)
}

/// `loads(bytes, /)`.
fn loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data] = args.exact(vm, "loads")?;
    let data = vm.bytes_like(data)?;
    reader::read(vm, &data).map(|(v, _)| v)
}

/// `load(file, /)`: reads the rest of the file, decodes one value and
/// seeks back to just after it when the file can seek.
fn load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [file] = args.exact(vm, "load")?;
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
