//! The abstract bases of the stream hierarchy: `_IOBase` (closing, the
//! context manager, line iteration, `readline`/`readlines`/`writelines`
//! on the concrete methods), `_RawIOBase` (`read`/`readall` on
//! `readinto`), `_BufferedIOBase` and `_TextIOBase`. CPython's `io.py`
//! derives its ABCs from them, so every method takes `self` as a plain
//! value and works through Python attribute lookup: a subclass (native or
//! Python) supplies the primitives. The closed flag of the base lives in
//! the instance dict as `__IOBase_closed`, as in CPython.

use rpy_vm::{ClassDef, KwArgs, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm};

use crate::common::{closed_error, int_arg, is_closed, size_arg, unsupported, DEFAULT_BUFFER_SIZE};

const CLOSED_KEY: &str = "__IOBase_closed";

/// `_io._IOBase`: no data of its own.
#[derive(Clone, Copy)]
pub struct IOBase;
/// `_io._RawIOBase`.
#[derive(Clone, Copy)]
pub struct RawIOBase;
/// `_io._BufferedIOBase`.
#[derive(Clone, Copy)]
pub struct BufferedIOBase;
/// `_io._TextIOBase`.
#[derive(Clone, Copy)]
pub struct TextIOBase;

/// Whether the base's own closed flag is set.
fn base_closed(vm: &mut Vm, this: &Value) -> bool {
    match this.as_obj().and_then(|o| o.dict().cloned()) {
        Some(d) => vm
            .dict_get_str(&d, CLOSED_KEY)
            .is_some_and(|v| !matches!(v, Value::Bool(false) | Value::None)),
        None => false,
    }
}

/// `self._checkClosed()` through `self.closed`.
pub fn check_closed(vm: &mut Vm, this: &Value) -> PyResult<()> {
    if is_closed(vm, this)? {
        return Err(closed_error(vm, true));
    }
    Ok(())
}

fn check_flag(vm: &mut Vm, this: &Value, name: &str, msg: &str) -> PyResult<Value> {
    let r = vm.call_method(this, name, &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(vm, msg));
    }
    Ok(Value::None)
}

/// `_IOBase.readline(size=-1)`: `peek` when the stream has it, else one
/// byte at a time.
fn readline(vm: &mut Vm, this: Value, size: OptArg<Value>) -> PyResult<Value> {
    let limit = size_arg(vm, size.0.as_ref())?;
    let peek = vm.get_attr_str(&this, "peek").ok();
    let mut line: Vec<u8> = Vec::new();
    while limit < 0 || (line.len() as i64) < limit {
        let mut nread = 1usize;
        if let Some(p) = &peek {
            let ahead = vm.call(p, &[Value::Int(1)])?;
            let ahead = crate::common::bytes_of(vm, &ahead)?;
            if !ahead.is_empty() {
                let upto = ahead
                    .iter()
                    .position(|&c| c == b'\n')
                    .map(|i| i + 1)
                    .unwrap_or(ahead.len());
                nread = if limit >= 0 {
                    upto.min((limit as usize).saturating_sub(line.len()))
                } else {
                    upto
                };
            }
        }
        let b = vm.call_method(&this, "read", &[Value::Int(nread as i64)])?;
        if b.is_none() {
            break;
        }
        let Some(data) = vm.buffer(&b)?.map(|b| b.bytes) else {
            let t = vm.type_name(&b);
            return Err(vm.os_error(format!(
                "read() should have returned a bytes object, not '{t}'"
            )));
        };
        if data.is_empty() {
            break;
        }
        line.extend_from_slice(&data);
        if line.ends_with(b"\n") {
            break;
        }
    }
    Ok(vm.new_bytes(line))
}

fn readlines(vm: &mut Vm, this: Value, hint: OptArg<Value>) -> PyResult<Value> {
    let hint = size_arg(vm, hint.0.as_ref())?;
    let it = vm.get_iter(&this)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        if hint > 0 {
            total += vm.len(&line)?;
        }
        lines.push(line);
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn writelines(vm: &mut Vm, this: Value, lines: Value) -> PyResult<()> {
    check_closed(vm, &this)?;
    let it = vm.get_iter(&lines)?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&this, "write", &[line])?;
    }
    Ok(())
}

fn close(vm: &mut Vm, this: Value) -> PyResult<()> {
    if base_closed(vm, &this) {
        return Ok(());
    }
    let r = vm.call_method(&this, "flush", &[]);
    if let Some(d) = this.as_obj().and_then(|o| o.dict().cloned()) {
        vm.dict_set_str(&d, CLOSED_KEY, Value::Bool(true))?;
    }
    r.map(|_| ())
}

fn next_line(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let line = vm.call_method(&this, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(None));
    }
    Ok(line)
}

/// `__del__`: closes the stream, reporting nothing (as CPython's
/// finalizer, which prints an unraisable exception at worst).
fn finalize(vm: &mut Vm, this: Value) -> PyResult<()> {
    let closed = match vm.get_attr_str(&this, "closed") {
        Ok(c) => vm.is_true(&c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let _ = vm.call_method(&this, "close", &[]);
    }
    Ok(())
}

fn new_base<T>(data: T) -> impl Fn(&mut Vm, VarArgs, KwArgs) -> PyResult<T>
where
    T: Copy + 'static,
{
    move |_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(data)
}

impl NativeClass for IOBase {
    const NAME: &'static str = "_IOBase";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("The abstract base class for all I/O classes.");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new_base(IOBase));
        c.method(
            "seek",
            |vm: &mut Vm, _t: Value, _a: VarArgs| -> PyResult<()> { Err(unsupported(vm, "seek")) },
        );
        c.method("tell", |vm: &mut Vm, t: Value| {
            vm.call_method(&t, "seek", &[Value::Int(0), Value::Int(1)])
        });
        c.method(
            "truncate",
            |vm: &mut Vm, _t: Value, _a: VarArgs| -> PyResult<()> {
                Err(unsupported(vm, "truncate"))
            },
        );
        c.method("flush", |vm: &mut Vm, t: Value| -> PyResult<()> {
            if base_closed(vm, &t) {
                return Err(closed_error(vm, true));
            }
            Ok(())
        });
        c.method("close", close);
        c.getter_value("closed", |vm, t| Ok(Value::Bool(base_closed(vm, t))));
        c.method("readable", |_vm: &mut Vm, _t: Value| false);
        c.method("writable", |_vm: &mut Vm, _t: Value| false);
        c.method("seekable", |_vm: &mut Vm, _t: Value| false);
        c.method("_checkClosed", |vm: &mut Vm, t: Value, _a: VarArgs| {
            check_closed(vm, &t)
        });
        c.method("_checkReadable", |vm: &mut Vm, t: Value, _a: VarArgs| {
            check_flag(vm, &t, "readable", "File or stream is not readable.")
        });
        c.method("_checkWritable", |vm: &mut Vm, t: Value, _a: VarArgs| {
            check_flag(vm, &t, "writable", "File or stream is not writable.")
        });
        c.method("_checkSeekable", |vm: &mut Vm, t: Value, _a: VarArgs| {
            check_flag(vm, &t, "seekable", "File or stream is not seekable.")
        });
        c.method("__enter__", |vm: &mut Vm, t: Value| -> PyResult<Value> {
            check_closed(vm, &t)?;
            Ok(t)
        });
        c.method("__exit__", |vm: &mut Vm, t: Value, _a: VarArgs| {
            vm.call_method(&t, "close", &[])
        });
        c.method("fileno", |vm: &mut Vm, _t: Value| -> PyResult<()> {
            Err(unsupported(vm, "fileno"))
        });
        c.method("isatty", |vm: &mut Vm, t: Value| -> PyResult<bool> {
            check_closed(vm, &t)?;
            Ok(false)
        });
        c.method("__iter__", |vm: &mut Vm, t: Value| -> PyResult<Value> {
            check_closed(vm, &t)?;
            Ok(t)
        });
        c.method("__next__", next_line);
        c.method("readline", readline);
        c.method("readlines", readlines);
        c.method("writelines", writelines);
        c.method("__del__", finalize);
    }
}

/// `_RawIOBase.read(size=-1)`: `readinto` a buffer of that size.
fn raw_read(vm: &mut Vm, this: Value, size: OptArg<Value>) -> PyResult<Value> {
    let n = size_arg(vm, size.0.as_ref())?;
    if n < 0 {
        return vm.call_method(&this, "readall", &[]);
    }
    // A raw read may return fewer bytes than asked: the buffer is capped.
    let n = n.min(1 << 24);
    let b = vm.new_bytearray(vec![0; n as usize]);
    let got = vm.call_method(&this, "readinto", std::slice::from_ref(&b))?;
    if got.is_none() {
        return Ok(Value::None);
    }
    let got = int_arg(vm, &got)?;
    if got < 0 || got > n {
        return Err(vm.value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let mut data = crate::common::bytes_of(vm, &b)?;
    data.truncate(got as usize);
    Ok(vm.new_bytes(data))
}

fn raw_readall(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(&this, "read", &[Value::Int(DEFAULT_BUFFER_SIZE as i64)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let data = crate::common::bytes_of(vm, &chunk)?;
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
    }
    Ok(vm.new_bytes(out))
}

impl NativeClass for RawIOBase {
    const NAME: &'static str = "_RawIOBase";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("Base class for raw binary I/O.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<IOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new_base(RawIOBase));
        c.method("read", raw_read);
        c.method("readall", raw_readall);
        c.method(
            "readinto",
            |vm: &mut Vm, _t: Value, _b: Value| -> PyResult<()> {
                Err(vm.not_implemented_error(""))
            },
        );
        c.method(
            "write",
            |vm: &mut Vm, _t: Value, _b: Value| -> PyResult<()> {
                Err(vm.not_implemented_error(""))
            },
        );
    }
}

/// `_BufferedIOBase.readinto(b)` / `readinto1(b)` on `read`/`read1`.
fn buffered_readinto(vm: &mut Vm, this: &Value, b: &Value, method: &str) -> PyResult<usize> {
    let n = vm.len(b)?;
    let data = vm.call_method(this, method, &[Value::Int(n as i64)])?;
    let data = crate::common::bytes_of(vm, &data)?;
    if data.len() > n {
        return Err(vm.value_error(format!(
            "{method}() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    crate::common::copy_into(vm, b, data)
}

impl NativeClass for BufferedIOBase {
    const NAME: &'static str = "_BufferedIOBase";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("Base class for buffered IO objects.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<IOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new_base(BufferedIOBase));
        for name in ["read", "read1", "write", "detach"] {
            c.method(
                name,
                move |vm: &mut Vm, _t: Value, _a: VarArgs| -> PyResult<()> {
                    Err(unsupported(vm, name))
                },
            );
        }
        c.method("readinto", |vm: &mut Vm, t: Value, b: Value| {
            buffered_readinto(vm, &t, &b, "read")
        });
        c.method("readinto1", |vm: &mut Vm, t: Value, b: Value| {
            buffered_readinto(vm, &t, &b, "read1")
        });
    }
}

impl NativeClass for TextIOBase {
    const NAME: &'static str = "_TextIOBase";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("Base class for text I/O.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<IOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new_base(TextIOBase));
        for name in ["read", "readline", "write", "detach"] {
            c.method(
                name,
                move |vm: &mut Vm, _t: Value, _a: VarArgs| -> PyResult<()> {
                    Err(unsupported(vm, name))
                },
            );
        }
        c.getter_value("encoding", |_vm, _t| Ok(Value::None));
        c.getter_value("errors", |_vm, _t| Ok(Value::None));
        c.getter_value("newlines", |_vm, _t| Ok(Value::None));
    }
}
