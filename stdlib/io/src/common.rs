//! What the `_io` types share: the buffer size, `UnsupportedOperation` and
//! the other errors with CPython's messages, OS errors, and small argument
//! helpers (sizes given as `None` or an int, calls of a stream's methods).

use rpy_vm::{PyErr, PyResult, Value, Vm};

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Makes `UnsupportedOperation(OSError, ValueError)` with `__module__`
/// "io" (once per interpreter, kept on the `_io` module).
pub fn make_unsupported(vm: &mut Vm) -> PyResult<Value> {
    let bases = vm.new_tuple(vec![
        Value::Obj(vm.exc.os_error.clone()),
        Value::Obj(vm.exc.value_error.clone()),
    ]);
    let ns = vm.new_dict_ref();
    let module = vm.str_val("io");
    vm.dict_set_str(&ns, "__module__", module)?;
    let name = vm.str_val("UnsupportedOperation");
    let ty = Value::Obj(vm.types.type_.clone());
    vm.call(&ty, &[name, bases, Value::Obj(ns)])
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match vm.module_type("_io", "UnsupportedOperation") {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.str_val(msg);
    match vm.call(&Value::Obj(cls), &[m]) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.os_error(msg.to_owned()),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file` (with or without CPython's
/// full stop, which differs between the types).
pub fn closed_error(vm: &mut Vm, stop: bool) -> PyErr {
    vm.value_error(if stop {
        "I/O operation on closed file."
    } else {
        "I/O operation on closed file"
    })
}

/// The OSError subclass of an I/O error, with the file name if given.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    vm.io_error(e, filename.map(std::slice::from_ref).unwrap_or(&[]))
}

/// A size argument: `None` or absent is -1; else an integer
/// ("argument should be integer or None, not 'str'").
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => {
            if !vm.is_index(v) {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
            }
            vm.to_i64(v)
        }
    }
}

/// An integer argument through `__index__`.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    vm.to_i64(v)
}

/// Whether `stream.closed` is true.
pub fn is_closed(vm: &mut Vm, stream: &Value) -> PyResult<bool> {
    let c = vm.get_attr_str(stream, "closed")?;
    vm.is_true(&c)
}

/// `stream.name(args)` as a bool.
pub fn call_bool(vm: &mut Vm, stream: &Value, name: &str) -> PyResult<bool> {
    let r = vm.call_method(stream, name, &[])?;
    vm.is_true(&r)
}

/// The bytes of a bytes-like value (copied).
pub fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.buffer(v)? {
        Some(b) => Ok(b.bytes),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// Copies `data` into the writable buffer `b` (`b[:len(data)] = data`).
pub fn copy_into(vm: &mut Vm, b: &Value, data: Vec<u8>) -> PyResult<usize> {
    let n = data.len();
    let sl = vm.new_slice(Value::Int(0), Value::Int(n as i64), Value::None);
    let d = vm.new_bytes(data);
    vm.set_item(b, sl, d)?;
    Ok(n)
}

/// Issues `warnings.warn(msg, category)`.
pub fn warn(vm: &mut Vm, category: Value, msg: &str, stacklevel: i64) -> PyResult<()> {
    let w = vm.import_module("warnings")?;
    let f = vm.get_attr_str(&w, "warn")?;
    let m = vm.str_val(msg);
    vm.call(&f, &[m, category, Value::Int(stacklevel)])?;
    Ok(())
}

/// `repr()` of a stream's `name`, if it has one (`None` when getting it
/// raises AttributeError or ValueError, as CPython's reprs skip it).
pub fn name_repr(vm: &mut Vm, stream: &Value) -> PyResult<Option<String>> {
    match vm.get_attr_str(stream, "name") {
        Ok(n) => Ok(Some(vm.repr(&n)?)),
        Err(e) => {
            let a = vm.exc.attribute_error.clone();
            let v = vm.exc.value_error.clone();
            if vm.err_matches(&e, &a) || vm.err_matches(&e, &v) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// The `tp_name` CPython's reprs use: `_io.X` for the type itself, the
/// class name for a subclass.
pub fn type_label(vm: &mut Vm, v: &Value, native: &str) -> String {
    let name = vm.type_name(v);
    if name == native {
        format!("_io.{native}")
    } else {
        name
    }
}

/// The key of the open writable streams in `Vm::extensions`.
const OPEN_STREAMS: &str = "_io.open_streams";

/// Writable streams to flush at finalization, as CPython flushes open
/// files at shutdown (weakly held: a dropped stream flushes itself).
#[derive(Default)]
struct OpenStreams(Vec<std::rc::Weak<rpy_vm::PyObject>>);

/// Records a writable stream for the flush at finalization.
pub fn track_stream(vm: &mut Vm, stream: &rpy_vm::PyRef) {
    let entry = vm
        .extensions
        .entry(OPEN_STREAMS)
        .or_insert_with(|| Box::new(OpenStreams::default()));
    if let Some(s) = entry.downcast_mut::<OpenStreams>() {
        if s.0.len() >= 64 && s.0.len().is_power_of_two() {
            s.0.retain(|w| w.strong_count() > 0);
        }
        s.0.push(std::rc::Rc::downgrade(stream));
    }
}

/// The finalization hook: flushes every tracked stream still alive and
/// open, newest first (text streams before the buffers under them).
pub fn flush_open_streams(vm: &mut Vm) {
    let streams = vm
        .extensions
        .get_mut(OPEN_STREAMS)
        .and_then(|e| e.downcast_mut::<OpenStreams>())
        .map(|s| std::mem::take(&mut s.0))
        .unwrap_or_default();
    for w in streams.into_iter().rev() {
        if let Some(o) = w.upgrade() {
            let v = Value::Obj(o);
            if let Ok(false) = is_closed(vm, &v) {
                let _ = vm.call_method(&v, "flush", &[]);
            }
        }
    }
}
