//! `_struct`: packing Python values into C structs held in bytes and back
//! (`pack`, `unpack`, `pack_into`, `unpack_from`, `iter_unpack`,
//! `calcsize`, the `Struct` type and `struct.error`), the native half of
//! CPython's `struct.py`. Formats follow CPython 3.11: a byte-order prefix
//! (`@` native with alignment, `=<>!` standard sizes without), repeat
//! counts, and CPython's error messages.

use malachite::Integer;

use rpy_vm::{ClassDef, ModuleDef, Native, NativeClass, OptArg, Payload, PyBytes, VarArgs};
use rpy_vm::{PyErr, PyResult, Vm};
use rpy_vm::{PyRef, Value};

/// One format code with its repeat count.
#[derive(Clone, Copy, Debug)]
struct Item {
    code: u8,
    count: usize,
    /// Byte offset of the first element.
    offset: usize,
    /// Size of one element (for 's'/'p' the whole field is `count` bytes).
    size: usize,
}

/// A compiled format.
#[derive(Clone, Debug)]
pub struct Layout {
    format: String,
    items: Vec<Item>,
    big: bool,
    native: bool,
    size: usize,
    /// Number of values pack takes and unpack returns.
    nvalues: usize,
}

/// The size of a code (alignment equals size in native mode), or None for a
/// bad code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' if native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

/// Parses a format (`struct.calcsize`'s rules).
fn compile(vm: &mut Vm, format: &str) -> PyResult<Layout> {
    let bytes = format.as_bytes();
    let (native, big, body) = match bytes.first() {
        Some(b'@') => (true, cfg!(target_endian = "big"), &bytes[1..]),
        Some(b'=') => (false, cfg!(target_endian = "big"), &bytes[1..]),
        Some(b'<') => (false, false, &bytes[1..]),
        Some(b'>' | b'!') => (false, true, &bytes[1..]),
        _ => (true, cfg!(target_endian = "big"), bytes),
    };
    if body.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0;
    let mut i = 0;
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        let mut c = c;
        while c.is_ascii_digit() {
            let n = count.unwrap_or(0);
            count = Some(
                n.checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(c - b'0')))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or_else(|| too_long(vm))?,
            );
            i += 1;
            match body.get(i) {
                Some(&d) => c = d,
                None => {
                    return Err(struct_error(
                        vm,
                        "repeat count given without format specifier",
                    ))
                }
            }
        }
        let count = count.unwrap_or(1);
        let Some(esize) = code_size(c, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if native && esize > 1 {
            size = size
                .div_ceil(esize)
                .checked_mul(esize)
                .ok_or_else(|| too_long(vm))?;
        }
        let offset = size;
        let total = esize.checked_mul(count).ok_or_else(|| too_long(vm))?;
        size = size
            .checked_add(total)
            .filter(|s| *s <= isize::MAX as usize)
            .ok_or_else(|| too_long(vm))?;
        nvalues += match c {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
        items.push(Item {
            code: c,
            count,
            offset,
            size: esize,
        });
        i += 1;
    }
    Ok(Layout {
        format: format.to_owned(),
        items,
        big,
        native,
        size,
        nvalues,
    })
}

fn struct_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    match vm.module_type("_struct", "error") {
        Ok(cls) => vm.new_error(&cls, msg.into()),
        Err(e) => e,
    }
}

/// The format argument: str or bytes.
fn format_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_owned());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.iter().map(|&x| char::from(x)).collect());
    }
    Err(vm.type_error(format!(
        "{fname}() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

/// The layout behind a format argument or a `Struct` instance.
fn layout_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Layout> {
    if let Some(st) = Native::<Struct>::of(v) {
        return st.with(vm, |s| s.0.clone());
    }
    let f = format_arg(vm, v, fname)?;
    compile(vm, &f)
}

/// An integer argument as CPython's `get_pylong` takes it.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Integer> {
    if matches!(v, Value::Float(_)) || !vm.is_index(v) {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    vm.to_index(v)
}

fn pack_int(
    vm: &mut Vm,
    l: &Layout,
    code: u8,
    size: usize,
    v: &Value,
    out: &mut [u8],
) -> PyResult<()> {
    let n = int_arg(vm, v)?;
    let wide = i128::try_from(&n).ok();
    let signed = code.is_ascii_lowercase();
    let bits = size * 8;
    let (lo, hi): (i128, i128) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    // Native 'P' converts negative values as C's void* cast does.
    let wide = match wide {
        Some(w) if code == b'P' && w < 0 && w >= i128::from(i64::MIN) => Some(w + (1i128 << 64)),
        w => w,
    };
    let Some(w) = wide else {
        return Err(struct_error(vm, "argument out of range"));
    };
    if !(lo..=hi).contains(&w) {
        // Values beyond a C long (unsigned long for 'I'/'L') fail its
        // conversion first, with the generic message.
        let fits_long = i64::try_from(w).is_ok();
        let fits_ulong = u64::try_from(w).is_ok();
        let spelled = || {
            format!(
                "'{}' format requires {lo} <= number <= {hi}",
                char::from(code)
            )
        };
        let msg = match code {
            b'b' if fits_long => "byte format requires -128 <= number <= 127".into(),
            b'B' if fits_long => "ubyte format requires 0 <= number <= 255".into(),
            b'h' if fits_long => "short format requires -32768 <= number <= 32767".into(),
            b'H' if fits_long => "ushort format requires 0 <= number <= 65535".into(),
            b'i' | b'l' if size == 4 && fits_long => spelled(),
            b'I' | b'L' if size == 4 && fits_ulong => spelled(),
            _ => "argument out of range".into(),
        };
        return Err(struct_error(vm, msg));
    }
    let le = w.to_le_bytes();
    let field = &le[..size];
    if l.big {
        for (o, b) in out.iter_mut().zip(field.iter().rev()) {
            *o = *b;
        }
    } else {
        out[..size].copy_from_slice(field);
    }
    Ok(())
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    vm.to_float(v)
        .map_err(|_| struct_error(vm, "required argument is not a float"))
}

/// f64 to IEEE half precision, rounding to nearest even; None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Work in units of the smallest subnormal (2^-24).
    let scaled = a * (1u64 << 24) as f64;
    if scaled < 1024.0 * 2.0 {
        // Subnormal (or the smallest normals): integer mantissa in 2^-24 units.
        let m = round_even(scaled);
        return Some(sign | m as u16);
    }
    let e = a.log2().floor() as i32;
    let mut e = e;
    // Correct the estimate of the exponent.
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let mut m = round_even(a / 2f64.powi(e - 10)); // 1024..=2048
    if m >= 2048.0 {
        m /= 2.0;
        e += 1;
    }
    let biased = e + 15;
    if biased >= 31 {
        return None;
    }
    Some(sign | ((biased as u16) << 10) | ((m as u16) & 0x3ff))
}

fn round_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn put(l: &Layout, raw: &[u8], out: &mut [u8]) {
    if l.big == cfg!(target_endian = "little") {
        for (o, b) in out.iter_mut().zip(raw.iter().rev()) {
            *o = *b;
        }
    } else {
        out[..raw.len()].copy_from_slice(raw);
    }
}

fn get<const N: usize>(l: &Layout, raw: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(&raw[..N]);
    if l.big == cfg!(target_endian = "little") {
        a.reverse();
    }
    a
}

fn pack_one(vm: &mut Vm, l: &Layout, it: &Item, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match it.code {
        b'?' => out[0] = u8::from(vm.is_true(v)?),
        b'c' => match v.payload() {
            Some(Payload::Bytes(b)) if b.len() == 1 => out[0] = b[0],
            _ => {
                return Err(struct_error(
                    vm,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(h) = to_half(x) else {
                return Err(vm.overflow_error("float too large to pack with e format"));
            };
            put(l, &h.to_ne_bytes(), out);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let f = x as f32;
            if !l.native && f.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            put(l, &f.to_ne_bytes(), out);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(l, &x.to_ne_bytes(), out);
        }
        code => pack_int(vm, l, code, it.size, v, out)?,
    }
    Ok(())
}

/// Packs `values` into `out` (already `l.size` zero bytes).
fn pack_values(
    vm: &mut Vm,
    l: &Layout,
    values: &[Value],
    out: &mut [u8],
    fname: &str,
) -> PyResult<()> {
    if values.len() != l.nvalues {
        return Err(struct_error(
            vm,
            format!(
                "{fname} expected {} items for packing (got {})",
                l.nvalues,
                values.len()
            ),
        ));
    }
    let mut vals = values.iter();
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = vals.next().cloned().unwrap_or(Value::None);
                let data = match v.payload() {
                    Some(Payload::Bytes(b)) => b.to_vec(),
                    Some(Payload::ByteArray(b)) => b.borrow().clone(),
                    _ => {
                        let c = char::from(it.code);
                        return Err(struct_error(
                            vm,
                            format!("argument for '{c}' must be a bytes object"),
                        ));
                    }
                };
                let field = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            _ => {
                for k in 0..it.count {
                    let v = vals.next().cloned().unwrap_or(Value::None);
                    let at = it.offset + k * it.size;
                    pack_one(vm, l, it, &v, &mut out[at..at + it.size])?;
                }
            }
        }
    }
    Ok(())
}

fn unpack_values(vm: &mut Vm, l: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(l.nvalues);
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' => out.push(vm.new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let field = &data[it.offset..it.offset + it.count];
                let n = field
                    .first()
                    .map_or(0, |&n| usize::from(n).min(it.count.saturating_sub(1)));
                out.push(vm.new_bytes(field.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let raw = &data[at..at + it.size];
                    out.push(unpack_one(vm, l, code, raw));
                }
            }
        }
    }
    Ok(vm.new_tuple(out))
}

fn unpack_one(vm: &mut Vm, l: &Layout, code: u8, raw: &[u8]) -> Value {
    match code {
        b'?' => Value::Bool(raw[0] != 0),
        b'c' => vm.new_bytes(vec![raw[0]]),
        b'e' => Value::Float(from_half(u16::from_ne_bytes(get::<2>(l, raw)))),
        b'f' => Value::Float(f64::from(f32::from_ne_bytes(get::<4>(l, raw)))),
        b'd' => Value::Float(f64::from_ne_bytes(get::<8>(l, raw))),
        _ => {
            let mut le = [0u8; 16];
            for (k, b) in raw.iter().enumerate() {
                le[if l.big { raw.len() - 1 - k } else { k }] = *b;
            }
            let signed = code.is_ascii_lowercase();
            if signed && le[raw.len() - 1] & 0x80 != 0 {
                for b in le.iter_mut().skip(raw.len()) {
                    *b = 0xff;
                }
            }
            let v = i128::from_le_bytes(le);
            vm.new_int(Integer::from(v))
        }
    }
}

/// Resolves `offset` against a buffer of `len` bytes for a struct of
/// `size` bytes, with CPython's messages.
fn resolve_offset(
    vm: &mut Vm,
    offset: &Value,
    len: usize,
    size: usize,
    packing: bool,
) -> PyResult<usize> {
    let off = vm.to_index(offset)?;
    let off = i64::try_from(&off).unwrap_or(if off < 0 { i64::MIN } else { i64::MAX });
    let len_i = len as i64;
    let start = if off < 0 {
        if off + len_i < 0 {
            return Err(struct_error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if packing && off + (size as i64) > 0 {
            return Err(struct_error(
                vm,
                format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        if !packing && off + len_i < size as i64 {
            return Err(struct_error(
                vm,
                format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        (off + len_i) as usize
    } else {
        off as usize
    };
    if len < size || start > len - size {
        let (verb, noun) = if packing {
            ("pack_into", "packing")
        } else {
            ("unpack_from", "unpacking")
        };
        return Err(struct_error(
            vm,
            format!(
                "{verb} requires a buffer of at least {} bytes for {noun} {size} bytes at offset {off} (actual buffer size is {len})",
                size as i128 + i128::from(off)
            ),
        ));
    }
    Ok(start)
}

// --- the functions, shared by the module and the Struct methods ---

/// `pack(fmt, *v)` / `Struct.pack(self, *v)`.
fn pack_with(vm: &mut Vm, l: &Layout, values: &[Value]) -> PyResult<PyBytes> {
    vm.check_alloc(l.size)?;
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out, "pack")?;
    Ok(PyBytes(out))
}

/// `pack_into(fmt, buffer, offset, *v)` / `Struct.pack_into(self, buffer,
/// offset, *v)`: `rest` is what follows the format.
fn pack_into_with(vm: &mut Vm, l: &Layout, rest: &[Value]) -> PyResult<()> {
    let (buf, offset, values) = match rest {
        [] => return Err(struct_error(vm, "pack_into expected buffer argument")),
        [_] => return Err(struct_error(vm, "pack_into expected offset argument")),
        [b, o, v @ ..] => (b, o, v),
    };
    if values.len() != l.nvalues {
        return Err(struct_error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                l.nvalues,
                values.len()
            ),
        ));
    }
    let Some(Payload::ByteArray(cell)) = buf.payload() else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        )));
    };
    let len = cell.borrow().len();
    let start = resolve_offset(vm, offset, len, l.size, true)?;
    vm.check_alloc(l.size)?;
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out, "pack_into")?;
    if let Some(Payload::ByteArray(cell)) = buf.payload() {
        if let Some(dst) = cell.borrow_mut().get_mut(start..start + l.size) {
            dst.copy_from_slice(&out);
        }
    }
    Ok(())
}

/// `unpack(fmt, buffer)` / `Struct.unpack(self, buffer)`.
fn unpack_with(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult<Value> {
    let data = vm.bytes_like(buf)?;
    if data.len() != l.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    unpack_values(vm, l, &data)
}

/// `unpack_from(fmt, /, buffer, offset=0)` / `Struct.unpack_from(self,
/// buffer, offset=0)`.
fn unpack_from_with(
    vm: &mut Vm,
    l: &Layout,
    buf: &Value,
    offset: OptArg<Value>,
) -> PyResult<Value> {
    let data = vm.bytes_like(buf)?;
    let offset = offset.unwrap_or(Value::Int(0));
    let start = resolve_offset(vm, &offset, data.len(), l.size, false)?;
    unpack_values(vm, l, data.get(start..start + l.size).unwrap_or(&[]))
}

/// `iter_unpack(fmt, buffer)` / `Struct.iter_unpack(self, buffer)`.
fn iter_unpack_with(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult<Value> {
    let data = vm.bytes_like(buf)?;
    if l.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % l.size != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    let mut items = Vec::with_capacity(data.len() / l.size);
    for chunk in data.chunks_exact(l.size) {
        items.push(unpack_values(vm, l, chunk)?);
    }
    let list = vm.new_list(items);
    vm.call_method(&list, "__iter__", &[])
}

/// A module function's layout: the format (or a `Struct`) first.
fn split_format(vm: &mut Vm, args: &[Value]) -> PyResult<(Layout, usize)> {
    match args.first() {
        Some(f) => Ok((layout_of(vm, f, "Struct")?, 1)),
        None => Err(vm.type_error("missing format argument")),
    }
}

/// `struct.Struct`: a compiled format.
pub struct Struct(Layout);

impl NativeClass for Struct {
    const NAME: &'static str = "Struct";
    const MODULE: &'static str = "_struct";
    const BASETYPE: bool = true;

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, format: Value| {
            let format = format_arg(vm, &format, "Struct")?;
            compile(vm, &format).map(Struct)
        })
        .params(&["format"]);
        c.method(
            "pack",
            |vm: &mut Vm, this: Native<Struct>, VarArgs(v): VarArgs| {
                let l = this.with(vm, |s| s.0.clone())?;
                pack_with(vm, &l, &v)
            },
        );
        c.method(
            "pack_into",
            |vm: &mut Vm, this: Native<Struct>, VarArgs(v): VarArgs| {
                let l = this.with(vm, |s| s.0.clone())?;
                pack_into_with(vm, &l, &v)
            },
        );
        c.method("unpack", |vm: &mut Vm, this: Native<Struct>, buf: Value| {
            let l = this.with(vm, |s| s.0.clone())?;
            unpack_with(vm, &l, &buf)
        });
        c.method(
            "unpack_from",
            |vm: &mut Vm, this: Native<Struct>, buf: Value, offset: OptArg<Value>| {
                let l = this.with(vm, |s| s.0.clone())?;
                unpack_from_with(vm, &l, &buf, offset)
            },
        )
        .params(&["buffer", "offset"]);
        c.method(
            "iter_unpack",
            |vm: &mut Vm, this: Native<Struct>, buf: Value| {
                let l = this.with(vm, |s| s.0.clone())?;
                iter_unpack_with(vm, &l, &buf)
            },
        );
        c.getter("format", |s: &Struct| s.0.format.clone());
        c.getter("size", |s: &Struct| s.0.size);
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_struct");
    m.value(
        "__doc__",
        "Functions to convert between Python values and C structs.",
    );
    m.class::<Struct>();
    m.function("pack", |vm: &mut Vm, VarArgs(args): VarArgs| {
        let (l, n) = split_format(vm, &args)?;
        pack_with(vm, &l, args.get(n..).unwrap_or(&[]))
    });
    m.function("pack_into", |vm: &mut Vm, VarArgs(args): VarArgs| {
        let (l, n) = split_format(vm, &args)?;
        pack_into_with(vm, &l, args.get(n..).unwrap_or(&[]))
    });
    m.function("unpack", |vm: &mut Vm, format: Value, buf: Value| {
        let l = layout_of(vm, &format, "Struct")?;
        unpack_with(vm, &l, &buf)
    });
    m.function(
        "unpack_from",
        |vm: &mut Vm, format: Value, buf: Value, offset: OptArg<Value>| {
            let l = layout_of(vm, &format, "Struct")?;
            unpack_from_with(vm, &l, &buf, offset)
        },
    )
    .params(&["format", "/", "buffer", "offset"]);
    m.function("iter_unpack", |vm: &mut Vm, format: Value, buf: Value| {
        let l = layout_of(vm, &format, "Struct")?;
        iter_unpack_with(vm, &l, &buf)
    });
    m.function("calcsize", |vm: &mut Vm, format: Value| {
        layout_of(vm, &format, "Struct").map(|l| l.size)
    });
    m.function("_clearcache", || ());
    let m = m.build(vm)?;
    let base = vm.exc.exception.clone();
    let err = vm.new_exception_type("struct", "error", &base)?;
    vm.module_set(&m, "error", Value::Obj(err));
    Ok(m)
}
