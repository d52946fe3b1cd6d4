//! `array`: compact arrays of one C number type (`array.array('B', ...)`),
//! stored as native-endian bytes and exported as a buffer, so that every
//! function taking a bytes-like object accepts them. A typed native type
//! (`native_type.rs`): `Array` is the instance data, its methods and slots
//! are declared in `Array::define`.

use rpy_vm::{BinaryOperator, ComparisonOperator};

use rpy_vm::Payload;
use rpy_vm::{BytesLike, OptArg};
use rpy_vm::{ClassDef, Native, NativeClass};
use rpy_vm::{ExportedBuffer, PyResult, Vm};
use rpy_vm::{PyRef, Value};

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

/// An array: its typecode and its items as native-endian bytes.
pub struct Array {
    code: Code,
    bytes: Vec<u8>,
}

impl Array {
    fn len(&self) -> usize {
        self.bytes.len() / self.code.size
    }

    /// The bytes of item `i`, if it exists.
    fn item(&self, i: usize) -> Option<&[u8]> {
        self.bytes.get(i * self.code.size..(i + 1) * self.code.size)
    }

    fn exported(&self) -> ExportedBuffer {
        ExportedBuffer {
            bytes: self.bytes.clone(),
            // memoryview shows 'u' arrays with the wchar_t format 'w'.
            format: self.code.format().to_string(),
            itemsize: self.code.size,
        }
    }
}

impl NativeClass for Array {
    const NAME: &'static str = "array";
    const MODULE: &'static str = "array";
    const BASETYPE: bool = true;

    fn heap_size(&self) -> usize {
        self.bytes.capacity()
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(array_new).tuple_style();
        c.method("append", append);
        c.method("extend", extend);
        c.method("frombytes", frombytes);
        c.method("fromlist", fromlist);
        c.method("fromunicode", fromunicode);
        c.method("insert", insert);
        c.method("remove", remove);
        c.method("tobytes", |a: &Array| BytesLike(a.bytes.clone()));
        c.method("tolist", tolist);
        c.method("tounicode", tounicode);
        c.method("buffer_info", |a: &Array| (0i64, a.len()));
        c.method("byteswap", |a: &mut Array| {
            let size = a.code.size;
            a.bytes
                .chunks_exact_mut(size)
                .for_each(|item| item.reverse());
        });
        c.method("pop", pop);
        c.method("__copy__", copy);
        c.method(
            "__deepcopy__",
            |vm: &mut Vm, a: Native<Array>, _memo: Value| copy(vm, a),
        );
        c.method("count", count);
        c.method("index", index);
        c.method("reverse", |a: &mut Array| {
            let size = a.code.size;
            let mut out = Vec::with_capacity(a.bytes.len());
            for item in a.bytes.chunks_exact(size).rev() {
                out.extend_from_slice(item);
            }
            a.bytes = out;
        });
        c.method(
            "__reduce_ex__",
            |vm: &mut Vm, _a: Native<Array>, _proto: Value| -> PyResult<Value> {
                Err(vm.not_implemented_error("pickling arrays is not supported by rpy"))
            },
        );
        c.getter("typecode", |a: &Array| a.code.letter);
        c.getter("itemsize", |a: &Array| a.code.size);
        c.len(Array::len);
        c.getitem(getitem);
        c.setitem(setitem);
        c.delitem(delitem);
        c.contains(|vm, a, x| Ok(find(vm, &a, x, 0, usize::MAX)?.is_some()));
        c.iter(|vm, a| {
            Ok(vm.new_native_object(ArrayIter {
                array: Some(a),
                next: 0,
            }))
        });
        c.repr(repr);
        c.compare(compare);
        c.binary_left(BinaryOperator::Add, concat);
        c.repeat(repeat);
        c.inplace(BinaryOperator::Add, |vm, a, other| {
            let (_, b) = same_kind(vm, &a, other, true)?;
            push_bytes(vm, &a, &b)?;
            Ok(a.value())
        });
        c.inplace_repeat(|vm, a, n| {
            let n = n.max(0) as usize;
            let bytes = a.with(vm, |a| a.bytes.clone())?;
            let out = repeated(vm, &bytes, n)?;
            a.with_mut(vm, |a| a.bytes = out)?;
            Ok(a.value())
        });
        c.buffer(Array::exported);
    }
}

/// The iterator over an array (`arrayiterator`): reads the array live.
pub struct ArrayIter {
    array: Option<Native<Array>>,
    next: usize,
}

impl NativeClass for ArrayIter {
    const NAME: &'static str = "arrayiterator";
    const MODULE: &'static str = "array";

    fn define(c: &mut ClassDef<Self>) {
        c.iter(|_vm, it| Ok(it.value()));
        c.next(|vm, it| {
            let Some((array, i)) = it.with(vm, |s| s.array.clone().map(|a| (a, s.next)))? else {
                return Ok(None);
            };
            let item = array.with(vm, |a| a.item(i).map(|b| (a.code, b.to_vec())))?;
            let Some((code, raw)) = item else {
                it.with_mut(vm, |s| s.array = None)?;
                return Ok(None);
            };
            it.with_mut(vm, |s| s.next = i + 1)?;
            Ok(Some(decode_item(vm, code, &raw, 0)))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(a) = &self.array {
            visit(&a.value());
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        if let Some(a) = self.array.take() {
            out.push(a.value());
        }
    }
}

fn array_new(vm: &mut Vm, typecode: Value, init: OptArg<Value>) -> PyResult<Array> {
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
    if let Some(init) = init.into_option() {
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
            let b = vm.bytes_like(&init)?;
            if !b.len().is_multiple_of(code.size) {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            bytes = b;
        } else {
            extend_from(vm, code, &mut bytes, &init)?;
        }
    }
    Ok(Array { code, bytes })
}

/// Appends `b` to the array's buffer. When the buffer must grow, the
/// new capacity (doubling, so appends stay amortized O(1)) is checked
/// against the memory limit and the growth counted first, as the VM's
/// own buffers are (issue 18).
fn push_bytes(vm: &mut Vm, a: &Native<Array>, b: &[u8]) -> PyResult<()> {
    let (len, cap) = a.with(vm, |a| (a.bytes.len(), a.bytes.capacity()))?;
    let Some(need) = len.checked_add(b.len()) else {
        return Err(vm.memory_error());
    };
    if need > cap {
        let new_cap = need.max(cap.saturating_mul(2)).max(16);
        vm.check_alloc(new_cap - cap)?;
        let grown = a.with_mut(vm, |a| a.bytes.try_reserve_exact(new_cap - len).is_ok())?;
        if !grown {
            return Err(vm.memory_error());
        }
        vm.charge_growth(new_cap - cap);
    }
    a.with_mut(vm, |a| a.bytes.extend_from_slice(b))
}

/// Appends one item: encoded first (`__index__` may run Python code),
/// then pushed onto the buffer in place (amortized O(1)).
fn append(vm: &mut Vm, a: Native<Array>, item: Value) -> PyResult<()> {
    let code = a.with(vm, |a| a.code)?;
    let mut b = Vec::with_capacity(code.size);
    encode_item(vm, code, &item, &mut b)?;
    push_bytes(vm, &a, &b)
}

fn extend(vm: &mut Vm, a: Native<Array>, src: Value) -> PyResult<()> {
    let code = a.with(vm, |a| a.code)?;
    let mut b = Vec::new();
    extend_from(vm, code, &mut b, &src)?;
    push_bytes(vm, &a, &b)
}

fn frombytes(vm: &mut Vm, a: Native<Array>, src: BytesLike) -> PyResult<()> {
    let code = a.with(vm, |a| a.code)?;
    if !src.0.len().is_multiple_of(code.size) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    push_bytes(vm, &a, &src.0)
}

fn fromlist(vm: &mut Vm, a: Native<Array>, src: Value) -> PyResult<()> {
    if !matches!(src.payload(), Some(Payload::List(_))) {
        return Err(vm.type_error("arg must be list"));
    }
    extend(vm, a, src)
}

fn fromunicode(vm: &mut Vm, a: Native<Array>, s: String) -> PyResult<()> {
    let code = a.with(vm, |a| a.code)?;
    if code.kind != Kind::Unicode {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let b: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_ne_bytes()).collect();
    push_bytes(vm, &a, &b)
}

fn insert(vm: &mut Vm, a: Native<Array>, i: isize, item: Value) -> PyResult<()> {
    let code = a.with(vm, |a| a.code)?;
    let mut b = Vec::with_capacity(code.size);
    encode_item(vm, code, &item, &mut b)?;
    // Grow (checked) at the end, then move the item into place.
    push_bytes(vm, &a, &b)?;
    a.with_mut(vm, |a| {
        let n = a.len() as isize - 1;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        let at = i * a.code.size;
        if let Some(tail) = a.bytes.get_mut(at..) {
            tail.rotate_right(b.len());
        }
    })
}

fn remove(vm: &mut Vm, a: Native<Array>, x: Value) -> PyResult<()> {
    let Some(i) = find(vm, &a, &x, 0, usize::MAX)? else {
        return Err(vm.value_error("array.remove(x): x not in array"));
    };
    a.with_mut(vm, |a| {
        let size = a.code.size;
        if (i + 1) * size <= a.bytes.len() {
            a.bytes.drain(i * size..(i + 1) * size);
        }
    })
}

fn tolist(vm: &mut Vm, a: Native<Array>) -> PyResult<Value> {
    let (code, b) = a.with(vm, |a| (a.code, a.bytes.clone()))?;
    let items = decode_all(vm, code, &b);
    Ok(vm.new_list(items))
}

fn unicode_text(a: &Array) -> String {
    a.bytes
        .chunks_exact(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w.copy_from_slice(c);
            char::from_u32(u32::from_ne_bytes(w)).unwrap_or('\u{fffd}')
        })
        .collect()
}

fn tounicode(vm: &mut Vm, a: Native<Array>) -> PyResult<String> {
    match a.with(vm, |a| {
        (a.code.kind == Kind::Unicode).then(|| unicode_text(a))
    })? {
        Some(s) => Ok(s),
        None => Err(vm.value_error("tounicode() may only be called on unicode type arrays")),
    }
}

fn pop(vm: &mut Vm, a: Native<Array>, i: OptArg<isize>) -> PyResult<Value> {
    let i = i.unwrap_or(-1);
    let n = a.with(vm, Array::len)?;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error("pop index out of range"));
    }
    let j = j as usize;
    let item = a.with_mut(vm, |a| {
        let size = a.code.size;
        let raw: Vec<u8> = a.bytes.drain(j * size..(j + 1) * size).collect();
        (a.code, raw)
    })?;
    Ok(decode_item(vm, item.0, &item.1, 0))
}

/// The index of the first item equal to `x` in `start..stop`; the items
/// are read one at a time (`==` may run Python code that changes the array).
fn find(
    vm: &mut Vm,
    a: &Native<Array>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some((code, raw)) = a.with(vm, |a| a.item(i).map(|b| (a.code, b.to_vec())))? else {
            break;
        };
        let item = decode_item(vm, code, &raw, 0);
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count(vm: &mut Vm, a: Native<Array>, x: Value) -> PyResult<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(at) = find(vm, &a, &x, i, usize::MAX)? {
        n += 1;
        i = at + 1;
    }
    Ok(n)
}

fn index(
    vm: &mut Vm,
    a: Native<Array>,
    x: Value,
    start: OptArg<isize>,
    stop: OptArg<isize>,
) -> PyResult<usize> {
    let n = a.with(vm, Array::len)? as isize;
    let clamp = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let (start, stop) = (clamp(start.unwrap_or(0)), clamp(stop.unwrap_or(isize::MAX)));
    match find(vm, &a, &x, start, stop)? {
        Some(i) => Ok(i),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

/// The position of item `key` in `a`: its `__index__` runs first, then
/// the length is read (the call may have changed the array). `what` is
/// "array" or "array assignment", for the message.
fn item_index(vm: &mut Vm, key: &Value, a: &Native<Array>, what: &str) -> PyResult<usize> {
    if !vm.is_index(key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = vm.to_i64(key)?;
    let n = a.with(vm, Array::len)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, a: Native<Array>, key: &Value) -> PyResult<Value> {
    let n = a.with(vm, Array::len)?;
    if let Some(Payload::Slice { .. }) = key.payload() {
        let idx = vm.resolve_slice(key, n)?;
        let (code, out) = a.with(vm, |a| {
            let mut out = Vec::with_capacity(idx.len * a.code.size);
            for i in idx.indices() {
                out.extend_from_slice(a.item(i).unwrap_or_default());
            }
            (a.code, out)
        })?;
        return Ok(vm.new_native_object(Array { code, bytes: out }));
    }
    let i = item_index(vm, key, &a, "array")?;
    match a.with(vm, |a| a.item(i).map(|b| (a.code, b.to_vec())))? {
        Some((code, raw)) => Ok(decode_item(vm, code, &raw, 0)),
        None => Err(vm.index_error("array index out of range")),
    }
}

fn setitem(vm: &mut Vm, a: Native<Array>, key: &Value, value: Value) -> PyResult<()> {
    if let Some(Payload::Slice { .. }) = key.payload() {
        return Err(vm.not_implemented_error("array slice assignment is not supported by rpy"));
    }
    let code = a.with(vm, |a| a.code)?;
    let i = item_index(vm, key, &a, "array assignment")?;
    let mut item = Vec::with_capacity(code.size);
    encode_item(vm, code, &value, &mut item)?;
    a.with_mut(vm, |a| {
        if let Some(dst) = a.bytes.get_mut(i * code.size..(i + 1) * code.size) {
            dst.copy_from_slice(&item);
        }
    })
}

fn delitem(vm: &mut Vm, a: Native<Array>, key: &Value) -> PyResult<()> {
    let gone: Vec<usize> = if let Some(Payload::Slice { .. }) = key.payload() {
        let n = a.with(vm, Array::len)?;
        vm.resolve_slice(key, n)?.indices().collect()
    } else {
        vec![item_index(vm, key, &a, "array assignment")?]
    };
    a.with_mut(vm, |a| {
        let size = a.code.size;
        let mut keep = vec![true; a.len()];
        for i in gone {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
        }
        let mut out = Vec::with_capacity(a.bytes.len());
        for (item, k) in a.bytes.chunks_exact(size).zip(keep) {
            if k {
                out.extend_from_slice(item);
            }
        }
        a.bytes = out;
    })
}

fn repr(vm: &mut Vm, a: Native<Array>) -> PyResult<String> {
    let name = rpy_vm::type_qualname(&a.class(vm));
    let (code, bytes) = a.with(vm, |a| (a.code, a.bytes.clone()))?;
    if bytes.is_empty() {
        return Ok(format!("{name}('{}')", code.letter));
    }
    let inner = if code.kind == Kind::Unicode {
        let s = a.with(vm, unicode_text)?;
        let s = vm.str_val(s);
        vm.repr(&s)?
    } else {
        let items = decode_all(vm, code, &bytes);
        let list = vm.new_list(items);
        vm.repr(&list)?
    };
    Ok(format!("{name}('{}', {inner})", code.letter))
}

/// Arrays compare item by item, as lists of their values would.
fn compare(
    vm: &mut Vm,
    a: Native<Array>,
    other: &Value,
    op: ComparisonOperator,
) -> PyResult<Value> {
    let Some(b) = Native::<Array>::of(other) else {
        return Ok(vm.not_implemented());
    };
    let (c1, b1) = a.with(vm, |a| (a.code, a.bytes.clone()))?;
    let (c2, b2) = b.with(vm, |b| (b.code, b.bytes.clone()))?;
    let eq_op = matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne);
    if eq_op && b1.len() / c1.size != b2.len() / c2.size {
        return Ok(Value::Bool(op == ComparisonOperator::Ne));
    }
    let ints = |c: Code| matches!(c.kind, Kind::Signed | Kind::Unsigned);
    if eq_op && c1.letter == c2.letter && ints(c1) {
        return Ok(Value::Bool((b1 == b2) == (op == ComparisonOperator::Eq)));
    }
    // The first differing items decide; else the lengths (CPython's order).
    let (n1, n2) = (b1.len() / c1.size, b2.len() / c2.size);
    for i in 0..n1.min(n2) {
        let x = decode_item(vm, c1, &b1, i);
        let y = decode_item(vm, c2, &b2, i);
        if !vm.eq(&x, &y)? {
            return match op {
                ComparisonOperator::Eq => Ok(Value::Bool(false)),
                ComparisonOperator::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(&x, &y, op),
            };
        }
    }
    vm.compare(&Value::Int(n1 as i64), &Value::Int(n2 as i64), op)
}

/// The code and bytes of `other` if it is an array of `a`'s kind.
fn same_kind(
    vm: &mut Vm,
    a: &Native<Array>,
    other: &Value,
    inplace: bool,
) -> PyResult<(Code, Vec<u8>)> {
    let Some(b) = Native::<Array>::of(other) else {
        let t = vm.type_name(other);
        let verb = if inplace { "extend" } else { "append" };
        return Err(vm.type_error(format!("can only {verb} array (not \"{t}\") to array")));
    };
    let code = a.with(vm, |a| a.code)?;
    let (c2, bytes) = b.with(vm, |b| (b.code, b.bytes.clone()))?;
    if c2.letter != code.letter {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    Ok((code, bytes))
}

fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(this) = Native::<Array>::of(a) else {
        return Ok(vm.not_implemented());
    };
    let (code, tail) = same_kind(vm, &this, b, false)?;
    let mut bytes = this.with(vm, |a| a.bytes.clone())?;
    vm.reserve(&mut bytes, tail.len())?;
    bytes.extend_from_slice(&tail);
    Ok(vm.new_native_object(Array { code, bytes }))
}

fn repeated(vm: &mut Vm, bytes: &[u8], n: usize) -> PyResult<Vec<u8>> {
    let Some(total) = bytes
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize)
    else {
        return Err(vm.memory_error());
    };
    let mut out = Vec::new();
    vm.reserve(&mut out, total)?;
    for _ in 0..n {
        out.extend_from_slice(bytes);
    }
    Ok(out)
}

/// `array * n` and `n * array`.
fn repeat(vm: &mut Vm, a: Native<Array>, n: isize) -> PyResult<Value> {
    let (code, bytes) = a.with(vm, |a| (a.code, a.bytes.clone()))?;
    let out = repeated(vm, &bytes, n.max(0) as usize)?;
    Ok(vm.new_native_object(Array { code, bytes: out }))
}

fn copy(vm: &mut Vm, a: Native<Array>) -> PyResult<Value> {
    let (code, bytes) = a.with(vm, |a| (a.code, a.bytes.clone()))?;
    Ok(vm.new_native_object(Array { code, bytes }))
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
    rpy_vm::decode_item(vm, format, raw).unwrap_or(Value::None)
}

fn decode_all(vm: &mut Vm, code: Code, bytes: &[u8]) -> Vec<Value> {
    (0..bytes.len() / code.size)
        .map(|i| decode_item(vm, code, bytes, i))
        .collect()
}

/// Appends the items of an iterable (or the bytes of an array of the
/// same kind).
fn extend_from(vm: &mut Vm, code: Code, out: &mut Vec<u8>, src: &Value) -> PyResult<()> {
    if let Some(other) = Native::<Array>::of(src) {
        let (c2, b) = other.with(vm, |a| (a.code.letter, a.bytes.clone()))?;
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

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("array");
    let t = Value::Obj(vm.native_type::<Array>());
    vm.module_set(&m, "array", t.clone());
    vm.module_set(&m, "ArrayType", t);
    let codes = vm.str_val(TYPECODES);
    vm.module_set(&m, "typecodes", codes);
    Ok(m)
}
