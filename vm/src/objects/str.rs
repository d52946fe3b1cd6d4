//! `str`: immutable text with a cached hash and code point count, and the
//! core methods of the `str` type. (Further methods go in `str_methods.rs`.)

use std::cell::Cell;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The payload of a `str`.
pub struct PyStr {
    s: String,
    /// -1 until computed.
    hash: Cell<i64>,
    chars: usize,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            hash: Cell::new(-1),
            chars,
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// The hash, computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    /// The code point at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
}

/// `repr()` of a str, with CPython's quote choice and escapes.
pub fn repr_str(s: &str) -> String {
    crate::text::str_ops::repr(s)
}

impl Vm {
    /// The `PyStr` of a str value, or TypeError naming `what`.
    pub fn expect_str<'a>(&mut self, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
        match v {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Ok(s),
                _ => Err(self.type_error(format!("{what} must be str, not {}", self.type_name(v)))),
            },
            _ => Err(self.type_error(format!("{what} must be str, not {}", self.type_name(v)))),
        }
    }
}

fn this_str<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    match args.this() {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Ok(s),
            _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'str' object"))),
        },
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'str' object"))),
    }
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("str.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    let [obj, encoding, errors] = rest.bind(vm, "str", ["object", "encoding", "errors"], 0)?;
    let s: String = match (obj, encoding, errors) {
        (None, _, _) => String::new(),
        (Some(o), None, None) => vm.str(o)?,
        (Some(o), enc, err) => {
            let b = match o.payload() {
                Some(Payload::Bytes(b)) => b.clone(),
                Some(Payload::ByteArray(b)) => b.borrow().clone(),
                _ => {
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        vm.type_name(o)
                    )))
                }
            };
            let enc = match enc {
                Some(e) => vm
                    .expect_str(e, "str() argument 'encoding'")?
                    .as_str()
                    .to_owned(),
                None => "utf-8".to_owned(),
            };
            let err = match err {
                Some(e) => vm
                    .expect_str(e, "str() argument 'errors'")?
                    .as_str()
                    .to_owned(),
                None => "strict".to_owned(),
            };
            crate::objects::bytes::decode(vm, &b, &enc, &err)?
        }
    };
    if std::rc::Rc::ptr_eq(&cls, &vm.types.str) {
        return Ok(vm.str_val(s));
    }
    Ok(Value::Obj(
        vm.alloc_instance(&cls, Payload::Str(PyStr::new(s))),
    ))
}

fn str_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "__repr__")?;
    let r = repr_str(s.as_str());
    Ok(vm.str_val(r))
}

fn str_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let s = this_str(vm, &args, "__str__")?;
    if vm
        .class_of(&this)
        .as_type()
        .map(|t| !t.heap)
        .unwrap_or(false)
    {
        return Ok(this);
    }
    let owned = s.as_str().to_owned();
    Ok(vm.str_val(owned))
}

fn str_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "__hash__")?;
    Ok(Value::Int(s.hash()))
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "__len__")?;
    Ok(Value::Int(s.char_len() as i64))
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, iterable] = args.exact_method(vm, "str.join")?;
    let sep = vm.expect_str(this, "join")?.as_str().to_owned();
    let items = vm.iterate(iterable)?;
    // The size first (checked before anything is copied).
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for it in &items {
        total = total.saturating_add(it.as_str().map_or(0, str::len));
    }
    vm.check_alloc(total)?;
    let mut out = String::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.str_val(out))
}

fn str_format_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "format")?.as_str().to_owned();
    let rest = args.shift();
    let r = crate::format::str_format(vm, &s, rest)?;
    Ok(vm.str_val(r))
}

fn str_dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, spec] = args.exact_method(vm, "str.__format__")?;
    let spec = vm.expect_str(spec, "format spec")?.as_str().to_owned();
    let s = vm.expect_str(this, "descriptor")?.as_str().to_owned();
    let r = crate::format::format_str(vm, &s, &spec)?;
    Ok(vm.str_val(r))
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "encode")?.as_str().to_owned();
    let [enc, errors] = args.shift().bind(vm, "encode", ["encoding", "errors"], 0)?;
    let enc = match enc {
        Some(e) => vm
            .expect_str(e, "encode() argument 'encoding'")?
            .as_str()
            .to_owned(),
        None => "utf-8".into(),
    };
    let errors = match errors {
        Some(e) => vm
            .expect_str(e, "encode() argument 'errors'")?
            .as_str()
            .to_owned(),
        None => "strict".into(),
    };
    let b = crate::objects::bytes::encode(vm, &s, &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

/// Registers the core `str` methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.str.clone();
    vm.add_static(&t, "__new__", str_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", str_repr),
            ("__str__", str_str),
            ("__hash__", str_hash),
            ("__len__", str_len),
            ("join", str_join),
            ("format", str_format_method),
            ("__format__", str_dunder_format),
            ("encode", str_encode),
        ],
    );
    crate::objects::ops_slots::add_binary_slots(vm, &t);
    init_more(vm);
}

/// `str[index]` / `str[slice]`.
pub fn str_getitem_impl(vm: &mut Vm, this: &Value, idx: &Value) -> PyResult<Value> {
    let Some(Payload::Str(s)) = this.payload() else {
        return Err(vm.type_error("descriptor '__getitem__' requires a 'str' object"));
    };
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, s.char_len())?;
        if r.step == 1 {
            let a = s.byte_offset(r.start.max(0) as usize);
            let b = s.byte_offset((r.start.max(0) as usize) + r.len);
            let sub = s.as_str().get(a..b).unwrap_or("").to_owned();
            return Ok(vm.str_val(sub));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let out: String = r.indices().filter_map(|i| chars.get(i).copied()).collect();
        return Ok(vm.str_val(out));
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, s.char_len())? {
        Some(i) => match s.char_at(i) {
            Some(c) => {
                let mut buf = [0u8; 4];
                let cs: &str = c.encode_utf8(&mut buf);
                Ok(Value::Obj(vm.intern_char(cs)))
            }
            None => Err(vm.index_error("string index out of range")),
        },
        None => Err(vm.index_error("string index out of range")),
    }
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "str.__getitem__")?;
    str_getitem_impl(vm, this, idx)
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "str.__contains__")?;
    let s = vm.expect_str(this, "descriptor")?.as_str().to_owned();
    match x.as_str() {
        Some(sub) => Ok(Value::Bool(s.contains(sub))),
        None => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(x)
        ))),
    }
}

fn str_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cls = vm.types.str_iterator.clone();
    Ok(crate::objects::iter::new_iter(
        vm,
        cls,
        crate::objects::iter::IterState::Str { s: this, pos: 0 },
    ))
}

/// More core `str` methods.
pub fn init_more(vm: &mut Vm) {
    let t = vm.types.str.clone();
    vm.add_methods(
        &t,
        &[
            ("__getitem__", str_getitem),
            ("__contains__", str_contains),
            ("__iter__", str_iter),
        ],
    );
}
