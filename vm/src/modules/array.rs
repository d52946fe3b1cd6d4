//! `array`: compact arrays of one C number type (`array.array('B', ...)`),
//! stored as native-endian bytes and exported as a buffer, so that every
//! function taking a bytes-like object accepts them.

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const TYPECODES: &str = "bBuhHiIlLqQfd";

/// The C type behind a typecode.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Signed,
    Unsigned,
    Float,
    Unicode,
}

#[derive(Clone, Copy)]
struct Code {
    letter: char,
    size: usize,
    kind: Kind,
    /// The C type's name in range errors ("unsigned byte integer").
    c_name: &'static str,
}

impl Code {
    /// The struct format of the items: the typecode, but 'w' (wchar_t)
    /// for 'u', as memoryview shows it.
    fn format(self) -> char {
        if self.letter == 'u' {
            'w'
        } else {
            self.letter
        }
    }
}

fn code_of(letter: char) -> Option<Code> {
    let (size, kind, c_name) = match letter {
        'b' => (1, Kind::Signed, "signed char"),
        'B' => (1, Kind::Unsigned, "unsigned byte integer"),
        'u' => (4, Kind::Unicode, "wchar_t"),
        'h' => (2, Kind::Signed, "signed short integer"),
        'H' => (2, Kind::Unsigned, "unsigned short"),
        'i' => (4, Kind::Signed, "signed integer"),
        'I' => (4, Kind::Unsigned, "unsigned int"),
        'l' | 'q' => (8, Kind::Signed, "signed long"),
        'L' | 'Q' => (8, Kind::Unsigned, "unsigned long"),
        'f' => (4, Kind::Float, "float"),
        'd' => (8, Kind::Float, "double"),
        _ => return None,
    };
    Some(Code {
        letter,
        size,
        kind,
        c_name,
    })
}

/// The state of one array: items as native-endian bytes.
pub struct ArrayData {
    code: Code,
    bytes: Vec<u8>,
}

fn array_buffer(v: &Value) -> Option<crate::vm::ExportedBuffer> {
    let a = v.as_obj()?.native_data::<ArrayData>()?;
    // memoryview shows 'u' arrays with the wchar_t format 'w'.
    let format = if a.code.letter == 'u' {
        'w'
    } else {
        a.code.letter
    };
    Some(crate::vm::ExportedBuffer {
        bytes: a.bytes.clone(),
        format: format.to_string(),
        itemsize: a.code.size,
    })
}

fn state(vm: &mut Vm, v: &Value) -> PyResult<(Code, Vec<u8>)> {
    match v.as_obj().and_then(|o| {
        o.native_data::<ArrayData>()
            .map(|a| (a.code, a.bytes.clone()))
    }) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn update(v: &Value, f: impl FnOnce(&mut ArrayData)) {
    if let Some(mut a) = v.as_obj().and_then(|o| o.native_data::<ArrayData>()) {
        f(&mut a);
    }
}

/// Encodes one Python value as an item of `code`.
fn encode_item(vm: &mut Vm, code: Code, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code.kind {
        Kind::Float => {
            if !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
                && v.payload().is_none()
                || v.as_str().is_some()
            {
                return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))));
            }
            let x = vm.to_float(v)?;
            if code.size == 4 {
                out.extend_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
        }
        Kind::Unicode => {
            let s = v.as_str().filter(|s| s.chars().count() == 1);
            let Some(c) = s.and_then(|s| s.chars().next()) else {
                return Err(vm.type_error(format!(
                    "array item must be unicode character, not {}",
                    vm.type_name(v)
                )));
            };
            out.extend_from_slice(&(c as u32).to_ne_bytes());
        }
        Kind::Signed | Kind::Unsigned => {
            if matches!(v, Value::Float(_)) || v.as_str().is_some() {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            }
            let big = vm.to_index(v)?;
            let bits = code.size * 8;
            let (lo, hi): (i128, i128) = match code.kind {
                Kind::Signed => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
                _ => (0, (1i128 << bits) - 1),
            };
            let wide = i128::try_from(&big).ok();
            let Some(wide) = wide.filter(|w| (lo..=hi).contains(w)) else {
                return Err(vm.overflow_error(range_error(code, wide, big < 0)));
            };
            let le = wide.to_le_bytes();
            let mut item = le[..code.size].to_vec();
            if cfg!(target_endian = "big") {
                item.reverse();
            }
            out.extend_from_slice(&item);
        }
    }
    Ok(())
}

/// CPython's OverflowError message for an int out of the range of `code`
/// (`wide` is the value when it fits an i128): each C type converts
/// through a different C API, hence the different wordings.
fn range_error(code: Code, wide: Option<i128>, negative: bool) -> String {
    let fits_long = wide.is_some_and(|w| i64::try_from(w).is_ok());
    let fits_ulong = wide.is_some_and(|w| u64::try_from(w).is_ok());
    let side = if negative {
        "less than minimum"
    } else {
        "greater than maximum"
    };
    // 'b' and 'H' convert through a wider C type first, whose own range
    // error wins for values outside it.
    let fits_short = wide.is_some_and(|w| i16::try_from(w).is_ok());
    let fits_int = wide.is_some_and(|w| i32::try_from(w).is_ok());
    match code.letter {
        'b' if fits_long && !fits_short => format!("signed short integer is {side}"),
        'H' if fits_long && !fits_int => format!("signed integer is {side}"),
        'b' | 'B' | 'h' | 'H' | 'i' if fits_long => format!("{} is {side}", code.c_name),
        'b' | 'B' | 'h' | 'H' | 'i' | 'l' => "Python int too large to convert to C long".into(),
        'q' => "int too big to convert".into(),
        'I' | 'L' if negative => "can't convert negative value to unsigned int".into(),
        'I' if fits_ulong => format!("{} is {side}", code.c_name),
        'I' | 'L' => "Python int too large to convert to C unsigned long".into(),
        'Q' if negative => "can't convert negative int to unsigned".into(),
        _ => "int too big to convert".into(),
    }
}

/// Decodes item `i` of the bytes (as memoryview reads its format).
fn decode_item(vm: &mut Vm, code: Code, bytes: &[u8], i: usize) -> Value {
    let Some(raw) = bytes.get(i * code.size..(i + 1) * code.size) else {
        return Value::None;
    };
    let mut buf = [0u8; 4];
    let format = code.format().encode_utf8(&mut buf);
    crate::objects::memoryview::decode_item(vm, format, raw).unwrap_or(Value::None)
}

fn decode_all(vm: &mut Vm, code: Code, bytes: &[u8]) -> Vec<Value> {
    (0..bytes.len() / code.size)
        .map(|i| decode_item(vm, code, bytes, i))
        .collect()
}

fn array_type(vm: &mut Vm) -> PyResult<PyRef> {
    vm.module_type("array", "array")
}

fn new_array(vm: &mut Vm, cls: PyRef, code: Code, bytes: Vec<u8>) -> Value {
    let data = ArrayData { code, bytes };
    Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(data))),
    ))
}

/// Appends the items of an iterable (or the bytes of a bytes initializer).
fn extend_from(vm: &mut Vm, code: Code, out: &mut Vec<u8>, src: &Value) -> PyResult<()> {
    if let Some((c2, b)) = src.as_obj().and_then(|o| {
        o.native_data::<ArrayData>()
            .map(|a| (a.code.letter, a.bytes.clone()))
    }) {
        if c2 != code.letter {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        out.extend_from_slice(&b);
        return Ok(());
    }
    for item in vm.iterate(src)? {
        encode_item(vm, code, &item, out)?;
    }
    Ok(())
}

fn array_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kw() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let [cls, typecode, init] = args.range::<3>(vm, "array", 2, true)?;
    let Some(Value::Obj(cls)) = cls else {
        return Err(vm.type_error("array.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let typecode = typecode.cloned().unwrap_or(Value::None);
    let letter = match typecode.as_str() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
        _ => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(&typecode)
            )))
        }
    };
    let Some(code) = code_of(letter) else {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let mut bytes = Vec::new();
    if let Some(init) = init {
        if let Some(s) = init.as_str() {
            if code.kind != Kind::Unicode {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{letter}'"
                )));
            }
            for c in s.chars() {
                bytes.extend_from_slice(&(c as u32).to_ne_bytes());
            }
        } else if matches!(
            init.payload(),
            Some(Payload::Bytes(_) | Payload::ByteArray(_))
        ) {
            let b = vm.bytes_like(init)?;
            if b.len() % code.size != 0 {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            bytes = b;
        } else {
            extend_from(vm, code, &mut bytes, init)?;
        }
    }
    Ok(new_array(vm, cls, code, bytes))
}

fn array_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, item] = args.exact_method(vm, "append")?;
    let (code, _) = state(vm, this)?;
    let mut b = Vec::new();
    encode_item(vm, code, item, &mut b)?;
    update(this, |a| a.bytes.extend_from_slice(&b));
    Ok(Value::None)
}

fn array_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, src] = args.exact_method(vm, "extend")?;
    let (code, _) = state(vm, this)?;
    let mut b = Vec::new();
    extend_from(vm, code, &mut b, src)?;
    update(this, |a| a.bytes.extend_from_slice(&b));
    Ok(Value::None)
}

fn array_frombytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, src] = args.exact_method(vm, "frombytes")?;
    let (code, _) = state(vm, this)?;
    let b = vm.bytes_like(src)?;
    if b.len() % code.size != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    update(this, |a| a.bytes.extend_from_slice(&b));
    Ok(Value::None)
}

fn array_fromlist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, src] = args.exact_method(vm, "fromlist")?;
    if !matches!(src.payload(), Some(Payload::List(_))) {
        return Err(vm.type_error("arg must be list"));
    }
    let (code, _) = state(vm, this)?;
    let mut b = Vec::new();
    extend_from(vm, code, &mut b, src)?;
    update(this, |a| a.bytes.extend_from_slice(&b));
    Ok(Value::None)
}

fn array_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "tobytes")?;
    let (_, b) = state(vm, this)?;
    Ok(vm.new_bytes(b))
}

fn array_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "tolist")?;
    let (code, b) = state(vm, this)?;
    let items = decode_all(vm, code, &b);
    Ok(vm.new_list(items))
}

fn array_tounicode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "tounicode")?;
    let (code, b) = state(vm, this)?;
    if code.kind != Kind::Unicode {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = b
        .chunks_exact(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w.copy_from_slice(c);
            char::from_u32(u32::from_ne_bytes(w)).unwrap_or('\u{fffd}')
        })
        .collect();
    Ok(vm.str_val(s))
}

fn array_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "__len__")?;
    let (code, b) = state(vm, this)?;
    Ok(Value::Int((b.len() / code.size) as i64))
}

fn array_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "__getitem__")?;
    let (code, b) = state(vm, this)?;
    let n = b.len() / code.size;
    if let Some(Payload::Slice { .. }) = key.payload() {
        let idx = vm.resolve_slice(key, n)?;
        let mut out = Vec::new();
        for i in idx.indices() {
            out.extend_from_slice(&b[i * code.size..(i + 1) * code.size]);
        }
        let cls = vm.class_of(this);
        return Ok(new_array(vm, cls, code, out));
    }
    let i = item_index(vm, key, n)?;
    Ok(decode_item(vm, code, &b, i))
}

fn item_index(vm: &mut Vm, key: &Value, n: usize) -> PyResult<usize> {
    if !vm.is_index(key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = vm.to_i64(key)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("array index out of range"));
    }
    Ok(j as usize)
}

fn array_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, value] = args.exact_method(vm, "__setitem__")?;
    let (code, b) = state(vm, this)?;
    let n = b.len() / code.size;
    if let Some(Payload::Slice { .. }) = key.payload() {
        return Err(vm.not_implemented_error("array slice assignment is not supported by rpy"));
    }
    let i = item_index(vm, key, n)?;
    let mut item = Vec::new();
    encode_item(vm, code, value, &mut item)?;
    update(this, |a| {
        a.bytes[i * code.size..(i + 1) * code.size].copy_from_slice(&item);
    });
    Ok(Value::None)
}

fn array_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "__iter__")?;
    let (code, b) = state(vm, this)?;
    let items = decode_all(vm, code, &b);
    let list = vm.new_list(items);
    vm.call_method(&list, "__iter__", &[])
}

fn array_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "__repr__")?;
    let (code, b) = state(vm, this)?;
    let name = crate::objects::object_::type_qualname(&vm.class_of(this));
    if b.is_empty() {
        return Ok(vm.str_val(format!("{name}('{}')", code.letter)));
    }
    let inner = if code.kind == Kind::Unicode {
        let s = array_tounicode(vm, Args::new(std::slice::from_ref(this)))?;
        vm.repr(&s)?
    } else {
        let items = decode_all(vm, code, &b);
        let list = vm.new_list(items);
        vm.repr(&list)?
    };
    Ok(vm.str_val(format!("{name}('{}', {inner})", code.letter)))
}

fn array_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, other] = args.exact_method(vm, "__eq__")?;
    let Some((c2, b2)) = other.as_obj().and_then(|o| {
        o.native_data::<ArrayData>()
            .map(|x| (x.code, x.bytes.clone()))
    }) else {
        return Ok(vm.not_implemented());
    };
    let (c1, b1) = state(vm, a)?;
    if c1.letter == c2.letter {
        return Ok(Value::Bool(b1 == b2));
    }
    let l1 = decode_all(vm, c1, &b1);
    let l2 = decode_all(vm, c2, &b2);
    let (l1, l2) = (vm.new_list(l1), vm.new_list(l2));
    vm.compare(&l1, &l2, crate::ComparisonOperator::Eq)
}

fn array_reduce(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.not_implemented_error("pickling arrays is not supported by rpy"))
}

fn array_typecode(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (code, _) = state(vm, v)?;
    Ok(vm.str_val(code.letter.to_string()))
}

fn array_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (code, _) = state(vm, v)?;
    Ok(Value::Int(code.size as i64))
}

fn array_buffer_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "buffer_info")?;
    let (code, b) = state(vm, this)?;
    let addr = Value::Int(this.id());
    Ok(vm.new_tuple(vec![addr, Value::Int((b.len() / code.size) as i64)]))
}

fn array_byteswap(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "byteswap")?;
    let (code, _) = state(vm, this)?;
    update(this, |a| {
        for item in a.bytes.chunks_exact_mut(code.size) {
            item.reverse();
        }
    });
    Ok(Value::None)
}

fn array_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, i] = args.range::<2>(vm, "pop", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let (code, b) = state(vm, &this)?;
    let n = b.len() / code.size;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let key = i.cloned().unwrap_or(Value::Int(-1));
    let i = item_index(vm, &key, n).map_err(|_| vm.index_error("pop index out of range"))?;
    let v = decode_item(vm, code, &b, i);
    update(&this, |a| {
        a.bytes.drain(i * code.size..(i + 1) * code.size);
    });
    Ok(v)
}

fn array_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "count")?;
    let (code, b) = state(vm, this)?;
    let mut n = 0;
    for item in decode_all(vm, code, &b) {
        if vm.eq(&item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn array_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "index")?;
    let (code, b) = state(vm, this)?;
    for (i, item) in decode_all(vm, code, &b).into_iter().enumerate() {
        if vm.eq(&item, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn array_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "__contains__")?;
    let (code, b) = state(vm, this)?;
    for item in decode_all(vm, code, &b) {
        if vm.eq(&item, x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn array_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "reverse")?;
    let (code, b) = state(vm, this)?;
    let mut out = Vec::with_capacity(b.len());
    for item in b.chunks_exact(code.size).rev() {
        out.extend_from_slice(item);
    }
    update(this, |a| a.bytes = out);
    Ok(Value::None)
}

fn array_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "__add__")?;
    let (code, mut b) = state(vm, this)?;
    let Some((c2, b2)) = other.as_obj().and_then(|o| {
        o.native_data::<ArrayData>()
            .map(|x| (x.code.letter, x.bytes.clone()))
    }) else {
        return Err(vm.type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(other)
        )));
    };
    if c2 != code.letter {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    b.extend_from_slice(&b2);
    let cls = array_type(vm)?;
    Ok(new_array(vm, cls, code, b))
}

fn array_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, n] = args.exact_method(vm, "__mul__")?;
    let (code, b) = state(vm, this)?;
    if !vm.is_index(n) {
        return Ok(vm.not_implemented());
    }
    let n = vm.to_i64(n)?.max(0) as usize;
    let Some(total) = b.len().checked_mul(n).filter(|t| *t <= isize::MAX as usize) else {
        return Err(vm.memory_error());
    };
    let mut out = Vec::new();
    out.try_reserve(total).map_err(|_| vm.memory_error())?;
    for _ in 0..n {
        out.extend_from_slice(&b);
    }
    let cls = array_type(vm)?;
    Ok(new_array(vm, cls, code, out))
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("array");
    let t = vm.new_native_type("array", "array", None);
    vm.add_static(&t, "__new__", array_new);
    vm.add_methods(
        &t,
        &[
            ("append", array_append),
            ("extend", array_extend),
            ("frombytes", array_frombytes),
            ("fromlist", array_fromlist),
            ("tobytes", array_tobytes),
            ("tolist", array_tolist),
            ("tounicode", array_tounicode),
            ("buffer_info", array_buffer_info),
            ("byteswap", array_byteswap),
            ("pop", array_pop),
            ("count", array_count),
            ("index", array_index),
            ("reverse", array_reverse),
            ("__len__", array_len),
            ("__getitem__", array_getitem),
            ("__setitem__", array_setitem),
            ("__iter__", array_iter),
            ("__repr__", array_repr),
            ("__eq__", array_eq),
            ("__contains__", array_contains),
            ("__add__", array_add),
            ("__mul__", array_mul),
            ("__reduce_ex__", array_reduce),
        ],
    );
    vm.add_getset(&t, "typecode", array_typecode, None);
    vm.add_getset(&t, "itemsize", array_itemsize, None);
    vm.module_set(&m, "array", Value::Obj(t.clone()));
    vm.module_set(&m, "ArrayType", Value::Obj(t));
    let codes = vm.str_val(TYPECODES);
    vm.module_set(&m, "typecodes", codes);
    vm.add_buffer_exporter(array_buffer);
    Ok(m)
}
