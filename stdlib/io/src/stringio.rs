//! `_io.StringIO`: a text stream over an in-memory string (kept as code
//! points, so positions are CPython's), with the `newline` modes of
//! `TextIOWrapper`: None translates `\r\n` and `\r` to `\n` on write,
//! '' splits lines at any of them, '\r' and '\r\n' are written for `\n`.

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm};

use crate::common::{closed_error, int_arg, size_arg};
use crate::newline::Translator;

/// The text and the position (which may lie past the end).
#[derive(Default)]
pub struct StringIO {
    buf: Vec<char>,
    pos: usize,
    closed: bool,
    ok: bool,
    /// The `newline` argument.
    readnl: Option<String>,
    /// Universal newlines on write (`newline` None or '').
    decoder: Option<Translator>,
    writenl: Option<String>,
}

fn check(vm: &mut Vm, this: &Native<StringIO>) -> PyResult<()> {
    let (ok, closed) = this.with(vm, |s| (s.ok, s.closed))?;
    if !ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    if closed {
        return Err(closed_error(vm, false));
    }
    Ok(())
}

impl StringIO {
    fn write_str(&mut self, text: &str) -> usize {
        let n = text.chars().count();
        let mut owned;
        let mut t = text;
        if let Some(d) = &mut self.decoder {
            owned = d.feed(t, true);
            t = &owned;
        }
        if let Some(nl) = &self.writenl {
            owned = t.replace('\n', nl);
            t = &owned;
        }
        let chars: Vec<char> = t.chars().collect();
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, '\0');
        }
        let end = self.pos + chars.len();
        if end > self.buf.len() {
            self.buf.resize(end, '\0');
        }
        self.buf[self.pos..end].copy_from_slice(&chars);
        self.pos = end;
        n
    }

    /// The end (exclusive) of the line starting at `start`.
    fn line_end(&self, start: usize, limit: i64) -> usize {
        let rest = &self.buf[start.min(self.buf.len())..];
        let mut end = rest.len();
        let universal = self.decoder.is_some();
        let translated = self.decoder.as_ref().is_some_and(|d| d.translate);
        match (universal && !translated, self.readnl.as_deref()) {
            (true, _) => {
                for (i, &c) in rest.iter().enumerate() {
                    if c == '\n' {
                        end = i + 1;
                        break;
                    }
                    if c == '\r' {
                        end = if rest.get(i + 1) == Some(&'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        break;
                    }
                }
            }
            (false, Some(nl)) if !translated && nl.len() > 1 => {
                let nl: Vec<char> = nl.chars().collect();
                if let Some(i) = rest.windows(nl.len()).position(|w| w == nl.as_slice()) {
                    end = i + nl.len();
                }
            }
            (false, Some(nl)) if !translated => {
                let c0 = nl.chars().next().unwrap_or('\n');
                if let Some(i) = rest.iter().position(|&c| c == c0) {
                    end = i + 1;
                }
            }
            _ => {
                if let Some(i) = rest.iter().position(|&c| c == '\n') {
                    end = i + 1;
                }
            }
        }
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        start.min(self.buf.len()) + end
    }

    fn readline(&mut self, limit: i64) -> String {
        if self.pos >= self.buf.len() {
            return String::new();
        }
        let end = self.line_end(self.pos, limit);
        let s: String = self.buf[self.pos..end].iter().collect();
        self.pos = end;
        s
    }
}

fn init(
    vm: &mut Vm,
    this: Native<StringIO>,
    initial: OptArg<Value>,
    newline: OptArg<Value>,
) -> PyResult<()> {
    let newline = match &newline.0 {
        None => Some("\n".to_owned()),
        Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("newline must be str or None, not {t}")));
            }
        },
    };
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            let r = vm.str_val(nl.clone());
            let r = vm.repr(&r)?;
            return Err(vm.value_error(format!("illegal newline value: {r}")));
        }
    }
    let initial = match &initial.0 {
        None | Some(Value::None) => String::new(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_owned(),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("initial_value must be str or None, not {t}")));
            }
        },
    };
    this.with_mut(vm, |s| {
        let universal = newline.as_deref().is_none_or(|n| n.is_empty());
        s.decoder = universal.then(|| Translator::new(newline.is_none()));
        s.writenl = newline.clone().filter(|n| n.starts_with('\r'));
        s.readnl = newline;
        s.buf.clear();
        s.pos = 0;
        s.closed = false;
        s.ok = true;
        if !initial.is_empty() {
            s.write_str(&initial);
            s.pos = 0;
        }
    })
}

fn write(vm: &mut Vm, this: Native<StringIO>, text: Value) -> PyResult<usize> {
    check(vm, &this)?;
    let Some(t) = text.as_str() else {
        let n = vm.type_name(&text);
        return Err(vm.type_error(format!("string argument expected, got '{n}'")));
    };
    let t = t.to_owned();
    let need = t.chars().count();
    let grown = this.with_mut(vm, |s| {
        let end = s.pos.saturating_add(need.saturating_mul(2));
        end <= s.buf.len() || s.buf.try_reserve(end - s.buf.len()).is_ok()
    })?;
    if !grown {
        return Err(vm.memory_error());
    }
    this.with_mut(vm, |s| s.write_str(&t))
}

fn read(vm: &mut Vm, this: Native<StringIO>, size: OptArg<Value>) -> PyResult<Value> {
    check(vm, &this)?;
    let n = size_arg(vm, size.0.as_ref())?;
    let s = this.with_mut(vm, |s| {
        let start = s.pos.min(s.buf.len());
        let end = if n < 0 {
            s.buf.len()
        } else {
            start.saturating_add(n as usize).min(s.buf.len())
        };
        s.pos = s.pos.max(end);
        s.buf[start..end].iter().collect::<String>()
    })?;
    Ok(vm.str_val(s))
}

fn readline(vm: &mut Vm, this: Native<StringIO>, size: OptArg<Value>) -> PyResult<Value> {
    check(vm, &this)?;
    let n = size_arg(vm, size.0.as_ref())?;
    let s = this.with_mut(vm, |s| s.readline(n))?;
    Ok(vm.str_val(s))
}

fn seek(vm: &mut Vm, this: Native<StringIO>, pos: Value, whence: OptArg<Value>) -> PyResult<i64> {
    let pos = int_arg(vm, &pos)?;
    let whence = match &whence.0 {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    check(vm, &this)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.os_error("Can't do nonzero cur-relative seeks"));
    }
    this.with_mut(vm, |s| {
        match whence {
            0 => s.pos = pos as usize,
            2 => s.pos = s.buf.len(),
            _ => {}
        }
        s.pos as i64
    })
}

fn truncate(vm: &mut Vm, this: Native<StringIO>, size: OptArg<Value>) -> PyResult<i64> {
    check(vm, &this)?;
    let size = match &size.0 {
        None | Some(Value::None) => this.with(vm, |s| s.pos as i64)?,
        Some(v) => int_arg(vm, v)?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    this.with_mut(vm, |s| {
        if (size as usize) < s.buf.len() {
            s.buf.truncate(size as usize);
        }
        size
    })
}

fn next(vm: &mut Vm, this: Native<StringIO>) -> PyResult<Option<Value>> {
    check(vm, &this)?;
    let s = this.with_mut(vm, |s| s.readline(-1))?;
    if s.is_empty() {
        return Ok(None);
    }
    Ok(Some(vm.str_val(s)))
}

fn getstate(vm: &mut Vm, this: Native<StringIO>) -> PyResult<Value> {
    check(vm, &this)?;
    let (text, nl, pos) = this.with(vm, |s| {
        (s.buf.iter().collect::<String>(), s.readnl.clone(), s.pos)
    })?;
    let text = vm.str_val(text);
    let nl = match nl {
        Some(n) => vm.str_val(n),
        None => Value::None,
    };
    let d = match this.obj().dict() {
        Some(d) => vm.call(&Value::Obj(vm.types.dict.clone()), &[Value::Obj(d.clone())])?,
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![text, nl, Value::Int(pos as i64), d]))
}

fn setstate(vm: &mut Vm, this: Native<StringIO>, state: Value) -> PyResult<()> {
    let items = match state.as_tuple() {
        Some(t) if t.len() >= 4 => t.to_vec(),
        _ => {
            let t = vm.type_name(&state);
            return Err(vm.type_error(format!("__setstate__ argument should be 4-tuple, got {t}")));
        }
    };
    init(
        vm,
        this.clone(),
        OptArg(None),
        OptArg(Some(items[1].clone())),
    )?;
    let text: Vec<char> = items[0].as_str().unwrap_or("").chars().collect();
    let pos = int_arg(vm, &items[2])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    this.with_mut(vm, |s| {
        s.buf = text;
        s.pos = pos as usize;
    })?;
    if !items[3].is_none() {
        if let Some(d) = this.obj().dict().cloned() {
            vm.call_method(&Value::Obj(d), "update", &[items[3].clone()])?;
        }
    }
    Ok(())
}

impl NativeClass for StringIO {
    const NAME: &'static str = "StringIO";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("Text I/O implementation using an in-memory buffer.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<crate::iobase::TextIOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(StringIO::default()));
        c.method("__init__", init)
            .params(&["initial_value", "newline"])
            .name = "StringIO".into();
        c.method(
            "getvalue",
            |vm: &mut Vm, t: Native<StringIO>| -> PyResult<Value> {
                check(vm, &t)?;
                let s = t.with(vm, |s| s.buf.iter().collect::<String>())?;
                Ok(vm.str_val(s))
            },
        );
        c.method("read", read);
        c.method("readline", readline);
        c.method("write", write);
        c.method("seek", seek);
        c.method(
            "tell",
            |vm: &mut Vm, t: Native<StringIO>| -> PyResult<i64> {
                check(vm, &t)?;
                t.with(vm, |s| s.pos as i64)
            },
        );
        c.method("truncate", truncate);
        c.method("close", |s: &mut StringIO| {
            s.closed = true;
            s.buf = Vec::new();
        });
        for name in ["readable", "writable", "seekable"] {
            c.method(name, |vm: &mut Vm, t: Native<StringIO>| -> PyResult<bool> {
                check(vm, &t)?;
                Ok(true)
            });
        }
        c.method("__getstate__", getstate);
        c.method("__setstate__", setstate);
        c.getter("closed", |s: &StringIO| s.closed);
        c.getter("line_buffering", |_s: &StringIO| false);
        c.getter_value("newlines", |vm, t| {
            let Some(n) = Native::<StringIO>::of(t) else {
                return Ok(Value::None);
            };
            check(vm, &n)?;
            match n.with(vm, |s| s.decoder.clone())? {
                Some(d) => Ok(d.newlines(vm)),
                None => Ok(Value::None),
            }
        });
        c.next(next);
    }
}
