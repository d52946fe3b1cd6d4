//! `bytes` and `bytearray`: construction, repr, indexing, the codecs the
//! core needs (utf-8, ascii, latin-1), `Vm::buffer` and `Vm::bytes_like`. More methods
//! go in `bytes_methods.rs`.

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::slice::normalize_index;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `repr(b)` body with the `b'...'` quotes, as CPython.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Decodes bytes with a codec name and error handler (see
/// `crate::text::codecs`).
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    vm.decode_bytes(b, encoding, errors)
}

/// Encodes a str with a codec name and error handler.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    vm.encode_str(s, encoding, errors)
}

/// The contents of a buffer argument (see [`Vm::buffer`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buffer {
    /// A copy of the bytes the object exports.
    pub bytes: Vec<u8>,
    /// Whether the object is C-contiguous (a strided memoryview is not:
    /// CPython's functions that need a plain buffer refuse it).
    pub contiguous: bool,
}

impl Vm {
    /// The contents of an object that exports a buffer (bytes, bytearray,
    /// memoryview): `Ok(None)` for any other object, a ValueError for a
    /// released memoryview. Native functions use it to read bytes-like
    /// arguments with their own error messages.
    pub fn buffer(&mut self, v: &Value) -> PyResult<Option<Buffer>> {
        // The bytes are copied: the copy goes through the allocation gate.
        let bytes = match v.payload() {
            Some(Payload::Bytes(b)) => {
                self.check_alloc(b.len())?;
                b.clone()
            }
            Some(Payload::ByteArray(b)) => {
                let n = b.borrow().len();
                self.check_alloc(n)?;
                b.borrow().clone()
            }
            _ => {
                return match crate::objects::memoryview::memoryview_buffer(self, v) {
                    None => Ok(self.exported_buffer(v).map(|e| Buffer {
                        bytes: e.bytes,
                        contiguous: true,
                    })),
                    Some(r) => r.map(|(bytes, contiguous)| Some(Buffer { bytes, contiguous })),
                }
            }
        };
        Ok(Some(Buffer {
            bytes,
            contiguous: true,
        }))
    }

    /// Registers how to read the buffer of a native type's objects (as
    /// `array.array` does), so that every function taking a bytes-like
    /// argument accepts them.
    pub fn add_buffer_exporter(&mut self, exporter: crate::vm::BufferExporter) {
        self.buffer_exporters.push(exporter);
    }

    /// The buffer of an object of a native type that exports one.
    pub fn exported_buffer(&self, v: &Value) -> Option<crate::vm::ExportedBuffer> {
        crate::native_slots::buffer(v).or_else(|| self.buffer_exporters.iter().find_map(|f| f(v)))
    }

    /// The bytes of a bytes-like object (bytes, bytearray, a C-contiguous
    /// memoryview), with CPython's errors: TypeError "a bytes-like object
    /// is required, not 'str'", BufferError for a strided memoryview.
    pub fn bytes_like(&mut self, v: &Value) -> PyResult<Vec<u8>> {
        match self.buffer(v)? {
            Some(b) if b.contiguous => Ok(b.bytes),
            Some(_) => {
                let c = self.exc.buffer_error.clone();
                Err(self.new_error(&c, "memoryview: underlying buffer is not C-contiguous"))
            }
            None => Err(self.type_error(format!(
                "a bytes-like object is required, not '{}'",
                self.type_name(v)
            ))),
        }
    }
}

fn bytes_from_source(vm: &mut Vm, src: &Value, fname: &str) -> PyResult<Vec<u8>> {
    match src {
        Value::Int(_) | Value::Bool(_) => {
            let n = vm.to_index(src)?;
            let n = crate::objects::int::clamp_i64(&n);
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            let mut v = Vec::new();
            vm.reserve(&mut v, n as usize)?;
            v.resize(n as usize, 0);
            Ok(v)
        }
        _ => {
            if let Some(Payload::Str(_)) = src.payload() {
                return Err(vm.type_error("string argument without an encoding"));
            }
            if let Some(Payload::Bytes(b)) = src.payload() {
                return Ok(b.clone());
            }
            if let Some(Payload::ByteArray(b)) = src.payload() {
                return Ok(b.borrow().clone());
            }
            // Any other buffer (memoryview, array): its bytes, not its items.
            if let Some(b) = vm.buffer(src)? {
                return Ok(b.bytes);
            }
            if vm.is_index(src) {
                let n = vm.to_index(src)?;
                let n = crate::objects::int::clamp_i64(&n);
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                let mut v = Vec::new();
                vm.reserve(&mut v, n as usize)?;
                v.resize(n as usize, 0);
                return Ok(v);
            }
            // Items are converted as they come: an endless iterable stops
            // at its first bad item, as in CPython.
            let it = vm.get_iter(src).map_err(|e| {
                if vm.err_matches(&e, &vm.exc.type_error.clone()) {
                    vm.type_error(format!(
                        "cannot convert '{}' object to {fname}",
                        vm.type_name(src)
                    ))
                } else {
                    e
                }
            })?;
            if fname == "bytes" {
                // CPython sizes the result from the length hint first.
                vm.length_hint_check(src)?;
            }
            let range_msg = if fname == "bytearray" {
                "byte must be in range(0, 256)"
            } else {
                "bytes must be in range(0, 256)"
            };
            let mut out = Vec::new();
            while let Some(item) = vm.next(&it)? {
                if !vm.is_index(&item) {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(&item)
                    )));
                }
                let i = vm.to_index(&item)?;
                let i = crate::objects::int::clamp_i64(&i);
                if !(0..256).contains(&i) {
                    return Err(vm.value_error(range_msg));
                }
                if out.len() == out.capacity() {
                    let grow = out.len().max(8);
                    vm.reserve(&mut out, grow)?;
                }
                out.push(i as u8);
            }
            Ok(out)
        }
    }
}

fn bytes_args(vm: &mut Vm, args: Args, fname: &str) -> PyResult<Vec<u8>> {
    let [src, enc, errors] = args
        .shift()
        .bind(vm, fname, ["source", "encoding", "errors"], 0)?;
    match (src, enc) {
        (None, None) => Ok(Vec::new()),
        (Some(s), Some(e)) => {
            let Some(st) = s.as_str() else {
                return Err(vm.type_error("encoding without a string argument"));
            };
            let st = st.to_owned();
            let e = vm
                .expect_str(e, &format!("{fname}() argument 'encoding'"))?
                .as_str()
                .to_owned();
            let errs = match errors {
                Some(x) => vm.expect_str(x, "errors")?.as_str().to_owned(),
                None => "strict".into(),
            };
            encode(vm, &st, &e, &errs)
        }
        (Some(s), None) => bytes_from_source(vm, s, fname),
        (None, Some(_)) => Err(vm.type_error("encoding without a string argument")),
    }
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytes.__new__(X): X is not a type object")),
    };
    // __bytes__ hook
    if let (Some(src), None) = (args.shift().pos().first(), args.shift().kwarg("encoding")) {
        let k = vm.names.__bytes__.clone();
        if let Some(f) = crate::objects::type_::lookup(&vm.class_of(src), &k) {
            let r = vm.call(&f, std::slice::from_ref(src))?;
            if !matches!(r.payload(), Some(Payload::Bytes(_))) {
                return Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                )));
            }
            return Ok(r);
        }
    }
    let b = bytes_args(vm, args, "bytes")?;
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(vm.new_bytes(b));
    }
    Ok(Value::Obj(vm.alloc_instance(&cls, Payload::Bytes(b))))
}

fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytearray.__new__(X): X is not a type object")),
    };
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::ByteArray(RefCell::new(Vec::new())),
    )))
}

fn bytearray_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let b = bytes_args(vm, args, "bytearray")?;
    if let Some(Payload::ByteArray(cell)) = this.payload() {
        // Made empty, filled here: the bytes count against the memory limit.
        crate::heap_stats::charge(b.capacity());
        *cell.borrow_mut() = b;
    }
    Ok(Value::None)
}

fn data_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_like(v)
}

fn bytes_repr_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let b = data_of(vm, &this)?;
    let r = bytes_repr(&b);
    let s = if matches!(this.payload(), Some(Payload::ByteArray(_))) {
        format!("{}({r})", vm.type_name(&this))
    } else {
        r
    };
    Ok(vm.str_val(s))
}

fn bytes_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.this().payload() {
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.borrow().len(),
        _ => return Err(vm.type_error("descriptor '__len__' requires a 'bytes' object")),
    };
    Ok(Value::Int(n as i64))
}

fn bytes_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.this().payload() {
        Some(Payload::Bytes(b)) => Ok(Value::Int(crate::hash::hash_bytes(b))),
        _ => Err(vm.type_error("descriptor '__hash__' requires a 'bytes' object")),
    }
}

fn bytes_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "bytes.__getitem__")?;
    let is_ba = matches!(this.payload(), Some(Payload::ByteArray(_)));
    if let Some(Payload::Slice { .. }) = idx.payload() {
        // Bounds first: their `__index__` may resize a bytearray.
        let bounds = vm.unpack_slice(idx)?;
        let b = data_of(vm, this)?;
        let r = bounds.adjust(b.len());
        let out: Vec<u8> = r.indices().filter_map(|i| b.get(i).copied()).collect();
        return Ok(if is_ba {
            vm.new_bytearray(out)
        } else {
            vm.new_bytes(out)
        });
    }
    let tn = if is_ba { "bytearray" } else { "byte" };
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "{tn} indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    let i = vm.index_value(idx)?;
    let b = data_of(vm, this)?;
    match normalize_index(i, b.len()).and_then(|i| b.get(i)) {
        Some(&x) => Ok(Value::Int(i64::from(x))),
        None => Err(vm.index_error(format!("{tn} index out of range"))),
    }
}

fn bytearray_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx, value] = args.exact_method(vm, "bytearray.__setitem__")?;
    let Some(Payload::ByteArray(cell)) = this.payload() else {
        return Err(vm.type_error("descriptor requires a 'bytearray' object"));
    };
    if let Some(Payload::Slice { .. }) = idx.payload() {
        // CPython's order: bounds, then the source, then the current length.
        let bounds = vm.unpack_slice(idx)?;
        let src = bytes_from_source(vm, value, "bytearray")?;
        let len = cell.borrow().len();
        let r = bounds.adjust(len);
        if r.step == 1 {
            let start = r.start.clamp(0, len as i64) as usize;
            let stop = r.stop.max(r.start).clamp(0, len as i64) as usize;
            cell.borrow_mut().splice(start..stop, src);
            return Ok(Value::None);
        }
        if src.len() != r.len {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                src.len(),
                r.len
            )));
        }
        let mut b = cell.borrow_mut();
        for (i, v) in r.indices().zip(src) {
            if let Some(s) = b.get_mut(i) {
                *s = v;
            }
        }
        return Ok(Value::None);
    }
    // Both conversions run before the buffer is read: either may resize it.
    let i = vm.index_value(idx)?;
    let v = vm.to_index(value)?;
    let v = crate::objects::int::clamp_i64(&v);
    let len = cell.borrow().len();
    let Some(i) = normalize_index(i, len) else {
        return Err(vm.index_error("bytearray index out of range"));
    };
    if !(0..256).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    if let Some(s) = cell.borrow_mut().get_mut(i) {
        *s = v as u8;
    }
    Ok(Value::None)
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let b = data_of(vm, &this)?;
    let [enc, errors] = args.shift().bind(vm, "decode", ["encoding", "errors"], 0)?;
    let enc = match enc {
        Some(e) => vm
            .expect_str(e, "decode() argument 'encoding'")?
            .as_str()
            .to_owned(),
        None => "utf-8".into(),
    };
    let errors = match errors {
        Some(e) => vm
            .expect_str(e, "decode() argument 'errors'")?
            .as_str()
            .to_owned(),
        None => "strict".into(),
    };
    let s = decode(vm, &b, &enc, &errors)?;
    Ok(vm.str_val(s))
}

fn bytes_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cls = vm.types.bytes_iterator.clone();
    Ok(crate::objects::iter::seq_iter(vm, cls, this))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    vm.add_static(&t, "__new__", bytes_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", bytes_repr_m),
            ("__str__", bytes_repr_m),
            ("__len__", bytes_len),
            ("__hash__", bytes_hash),
            ("__getitem__", bytes_getitem),
            ("__iter__", bytes_iter),
            ("decode", bytes_decode),
        ],
    );
    crate::objects::ops_slots::add_binary_slots(vm, &t);
    let ba = vm.types.bytearray.clone();
    vm.add_static(&ba, "__new__", bytearray_new);
    vm.add_methods(
        &ba,
        &[
            ("__init__", bytearray_init),
            ("__len__", bytes_len),
            ("__getitem__", bytes_getitem),
            ("__setitem__", bytearray_setitem),
            ("__iter__", bytes_iter),
            ("decode", bytes_decode),
        ],
    );
    vm.set_class_const(&ba, "__hash__", Value::None);
    crate::objects::ops_slots::add_binary_slots(vm, &ba);
}
