//! `_io.BytesIO`: a binary stream over an in-memory buffer, with CPython's
//! methods and messages ("I/O operation on closed file.", "negative seek
//! value -1").

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm};

use crate::common::{bytes_of, closed_error, copy_into, int_arg, size_arg};

/// The buffer and the position (which may lie past the end).
#[derive(Default)]
pub struct BytesIO {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

fn open(vm: &mut Vm, this: &Native<BytesIO>) -> PyResult<()> {
    if this.with(vm, |b| b.closed)? {
        return Err(closed_error(vm, true));
    }
    Ok(())
}

fn init(vm: &mut Vm, this: Native<BytesIO>, initial: OptArg<Value>) -> PyResult<()> {
    let data = match &initial.0 {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_of(vm, v)?,
    };
    this.with_mut(vm, |b| {
        b.buf = data;
        b.pos = 0;
    })
}

fn read_n(b: &mut BytesIO, n: i64) -> Vec<u8> {
    let start = b.pos.min(b.buf.len());
    let end = if n < 0 {
        b.buf.len()
    } else {
        start.saturating_add(n as usize).min(b.buf.len())
    };
    b.pos = b.pos.max(end);
    b.buf[start..end].to_vec()
}

fn read(vm: &mut Vm, this: Native<BytesIO>, size: OptArg<Value>) -> PyResult<Value> {
    open(vm, &this)?;
    let n = size_arg(vm, size.0.as_ref())?;
    let d = this.with_mut(vm, |b| read_n(b, n))?;
    Ok(vm.new_bytes(d))
}

fn line_n(b: &mut BytesIO, limit: i64) -> Vec<u8> {
    let start = b.pos.min(b.buf.len());
    let rest = &b.buf[start..];
    let mut end = rest
        .iter()
        .position(|&c| c == b'\n')
        .map(|i| i + 1)
        .unwrap_or(rest.len());
    if limit >= 0 {
        end = end.min(limit as usize);
    }
    b.pos = start + end;
    rest[..end].to_vec()
}

fn readline(vm: &mut Vm, this: Native<BytesIO>, size: OptArg<Value>) -> PyResult<Value> {
    open(vm, &this)?;
    let n = size_arg(vm, size.0.as_ref())?;
    let d = this.with_mut(vm, |b| line_n(b, n))?;
    Ok(vm.new_bytes(d))
}

fn readlines(vm: &mut Vm, this: Native<BytesIO>, hint: OptArg<Value>) -> PyResult<Value> {
    open(vm, &this)?;
    let hint = size_arg(vm, hint.0.as_ref())?;
    let lines = this.with_mut(vm, |b| {
        let mut out = Vec::new();
        let mut total = 0usize;
        loop {
            let l = line_n(b, -1);
            if l.is_empty() {
                break;
            }
            total += l.len();
            out.push(l);
            if hint > 0 && total as i64 >= hint {
                break;
            }
        }
        out
    })?;
    let items = lines.into_iter().map(|l| vm.new_bytes(l)).collect();
    Ok(vm.new_list(items))
}

fn readinto(vm: &mut Vm, this: Native<BytesIO>, b: Value) -> PyResult<usize> {
    open(vm, &this)?;
    let n = vm.len(&b)?;
    let d = this.with_mut(vm, |s| read_n(s, n as i64))?;
    copy_into(vm, &b, d)
}

fn write(vm: &mut Vm, this: Native<BytesIO>, data: Value) -> PyResult<usize> {
    open(vm, &this)?;
    let d = bytes_of(vm, &data)?;
    let grown = this.with_mut(vm, |b| {
        let end = b.pos.saturating_add(d.len());
        end <= b.buf.len() || b.buf.try_reserve(end - b.buf.len()).is_ok()
    })?;
    if !grown {
        return Err(vm.memory_error());
    }
    this.with_mut(vm, |b| {
        let end = b.pos + d.len();
        if b.pos > b.buf.len() {
            b.buf.resize(b.pos, 0);
        }
        if end > b.buf.len() {
            b.buf.resize(end, 0);
        }
        b.buf[b.pos..end].copy_from_slice(&d);
        b.pos = end;
        d.len()
    })
}

fn seek(vm: &mut Vm, this: Native<BytesIO>, pos: Value, whence: OptArg<Value>) -> PyResult<i64> {
    open(vm, &this)?;
    let pos = int_arg(vm, &pos)?;
    let whence = match &whence.0 {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if whence == 0 && pos < 0 {
        return Err(vm.value_error(format!("negative seek value {pos}")));
    }
    this.with_mut(vm, |b| {
        let base = match whence {
            0 => 0,
            1 => b.pos as i64,
            _ => b.buf.len() as i64,
        };
        b.pos = (base + pos).max(0) as usize;
        b.pos as i64
    })
}

fn truncate(vm: &mut Vm, this: Native<BytesIO>, size: OptArg<Value>) -> PyResult<i64> {
    open(vm, &this)?;
    let size = match &size.0 {
        None | Some(Value::None) => this.with(vm, |b| b.pos as i64)?,
        Some(v) => int_arg(vm, v)?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    this.with_mut(vm, |b| {
        if (size as usize) < b.buf.len() {
            b.buf.truncate(size as usize);
        }
        size
    })
}

fn next(vm: &mut Vm, this: Native<BytesIO>) -> PyResult<Option<Value>> {
    open(vm, &this)?;
    let d = this.with_mut(vm, |b| line_n(b, -1))?;
    if d.is_empty() {
        return Ok(None);
    }
    Ok(Some(vm.new_bytes(d)))
}

fn getstate(vm: &mut Vm, this: Native<BytesIO>) -> PyResult<Value> {
    open(vm, &this)?;
    let (buf, pos) = this.with(vm, |b| (b.buf.clone(), b.pos))?;
    let v = vm.new_bytes(buf);
    let d = match this.obj().dict() {
        Some(d) => vm.call(&Value::Obj(vm.types.dict.clone()), &[Value::Obj(d.clone())])?,
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![v, Value::Int(pos as i64), d]))
}

fn setstate(vm: &mut Vm, this: Native<BytesIO>, state: Value) -> PyResult<()> {
    let items = match state.as_tuple() {
        Some(t) if t.len() >= 3 => t.to_vec(),
        _ => {
            let t = vm.type_name(&state);
            return Err(vm.type_error(format!(
                "_io.BytesIO.__setstate__ argument should be 3-tuple, got {t}"
            )));
        }
    };
    let buf = bytes_of(vm, &items[0])?;
    let pos = int_arg(vm, &items[1])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    this.with_mut(vm, |b| {
        b.buf = buf;
        b.pos = pos as usize;
    })?;
    if !items[2].is_none() {
        if let Some(d) = this.obj().dict().cloned() {
            vm.call_method(&Value::Obj(d), "update", &[items[2].clone()])?;
        }
    }
    Ok(())
}

impl NativeClass for BytesIO {
    const NAME: &'static str = "BytesIO";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> =
        Some("Buffered I/O implementation using an in-memory bytes buffer.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<crate::iobase::BufferedIOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(BytesIO::default()));
        c.method("__init__", init).params(&["initial_bytes"]).name = "BytesIO".into();
        c.method(
            "getvalue",
            |vm: &mut Vm, t: Native<BytesIO>| -> PyResult<Value> {
                open(vm, &t)?;
                let d = t.with(vm, |b| b.buf.clone())?;
                Ok(vm.new_bytes(d))
            },
        );
        c.method(
            "getbuffer",
            |vm: &mut Vm, t: Native<BytesIO>| -> PyResult<Value> {
                open(vm, &t)?;
                let d = t.with(vm, |b| b.buf.clone())?;
                let ba = vm.new_bytearray(d);
                let bi = vm.import_module("builtins")?;
                let mv = vm.get_attr_str(&bi, "memoryview")?;
                vm.call(&mv, &[ba])
            },
        );
        c.method("read", read);
        c.method("read1", read);
        c.method("readline", readline);
        c.method("readlines", readlines);
        c.method("readinto", readinto);
        c.method("write", write);
        c.method(
            "writelines",
            |vm: &mut Vm, t: Native<BytesIO>, lines: Value| -> PyResult<()> {
                open(vm, &t)?;
                let it = vm.get_iter(&lines)?;
                while let Some(l) = vm.next(&it)? {
                    write(vm, t.clone(), l)?;
                }
                Ok(())
            },
        );
        c.method("seek", seek);
        c.method("tell", |vm: &mut Vm, t: Native<BytesIO>| -> PyResult<i64> {
            open(vm, &t)?;
            t.with(vm, |b| b.pos as i64)
        });
        c.method("truncate", truncate);
        c.method("close", |b: &mut BytesIO| {
            b.closed = true;
            b.buf = Vec::new();
        });
        for name in ["readable", "writable", "seekable"] {
            c.method(name, |vm: &mut Vm, t: Native<BytesIO>| -> PyResult<bool> {
                open(vm, &t)?;
                Ok(true)
            });
        }
        c.method("flush", |vm: &mut Vm, t: Native<BytesIO>| open(vm, &t));
        c.method(
            "isatty",
            |vm: &mut Vm, t: Native<BytesIO>| -> PyResult<bool> {
                open(vm, &t)?;
                Ok(false)
            },
        );
        c.method("__getstate__", getstate);
        c.method("__setstate__", setstate);
        c.getter("closed", |b: &BytesIO| b.closed);
        c.iter(|vm, t| {
            open(vm, &t)?;
            Ok(t.value())
        });
        c.next(next);
    }
}
