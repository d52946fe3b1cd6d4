//! `_codecs`: the native half of CPython's `codecs.py` and `encodings`:
//! the codec registry (`register`, `lookup`, `encode`, `decode`), the
//! error-handler registry (`register_error`, `lookup_error` and the
//! built-in handlers), and the codec functions the `encodings` modules
//! call (`utf_8_decode`, `utf_16_ex_decode`, `charmap_decode`, ...), which
//! return CPython's `(output, consumed)` tuples. The algorithms are those
//! of `crate::text::codecs`, shared with `str.encode` / `bytes.decode`.
//!
//! The registries live in the module's namespace (`_search_functions`,
//! `_cache`, `_handlers`), so they belong to one interpreter.
//!
//! `_codecs` stays in the VM (not in a stdlib crate) because the core
//! needs its registry: `str.encode`, `bytes.decode` and `open()` with an
//! encoding rpy does not know natively look the codec up here
//! (`text_bridge.rs`), so a bare `Interpreter` must have it.

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn module(vm: &mut Vm) -> PyResult<Value> {
    vm.import_module("_codecs")
}

fn state(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = module(vm)?;
    vm.get_attr_str(&m, name)
}

/// CPython's `normalizestring`: lower case, spaces to underscores.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn str_arg(vm: &mut Vm, v: &Value, fname: &str, n: usize) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The `errors` argument: None means strict.
fn errors_arg(vm: &mut Vm, v: Option<&Value>, fname: &str, n: usize) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".into()),
        Some(v) => str_arg(vm, v, fname, n),
    }
}

/// `lookup(encoding)`: the cached CodecInfo, or the first search
/// function's answer.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let key = vm.str_val(normalize(encoding));
    let cache = state(vm, "_cache")?;
    let hit = vm.call_method(&cache, "get", std::slice::from_ref(&key))?;
    if !matches!(hit, Value::None) {
        return Ok(hit);
    }
    let funcs = state(vm, "_search_functions")?;
    if vm.len(&funcs)? == 0 {
        // CPython imports `encodings` at start-up; rpy when first needed.
        // An interpreter without the standard library has only the
        // native codecs: the lookup then fails with LookupError.
        if let Err(e) = vm.import_module("encodings") {
            let import_error = vm.exc.import_error.clone();
            if !vm.is_instance(&Value::Obj(e.0.clone()), &import_error) {
                return Err(e);
            }
        }
    }
    for f in vm.iterate(&funcs)? {
        let r = vm.call(&f, std::slice::from_ref(&key))?;
        if matches!(r, Value::None) {
            continue;
        }
        let ok = matches!(r.payload(), Some(Payload::Tuple(t)) if t.len() == 4);
        if !ok {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.call_method(&cache, "__setitem__", &[key, r.clone()])?;
        return Ok(r);
    }
    let c = vm.exc.lookup_error.clone();
    Err(vm.new_error(&c, format!("unknown encoding: {encoding}")))
}

fn codecs_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>(vm, "register")?;
    if !vm.is_callable(f) {
        return Err(vm.type_error("argument must be callable"));
    }
    let funcs = state(vm, "_search_functions")?;
    vm.call_method(&funcs, "append", std::slice::from_ref(f))?;
    Ok(Value::None)
}

fn codecs_unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>(vm, "unregister")?;
    let funcs = state(vm, "_search_functions")?;
    if vm.contains(&funcs, f)? {
        vm.call_method(&funcs, "remove", std::slice::from_ref(f))?;
        let cache = state(vm, "_cache")?;
        vm.call_method(&cache, "clear", &[])?;
    }
    Ok(Value::None)
}

fn codecs_lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [e] = args.exact::<1>(vm, "lookup")?;
    let e = str_arg(vm, e, "lookup", 1)?;
    lookup(vm, &e)
}

/// `encode`/`decode(obj, encoding='utf-8', errors='strict')` through the
/// registry; `which` is 0 for the encoder, 1 for the decoder.
fn convert(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let fname = if which == 0 { "encode" } else { "decode" };
    let [obj, enc, errors] = args.bind(vm, fname, ["obj", "encoding", "errors"], 1)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    let enc = match enc {
        Some(e) => str_arg(vm, e, fname, 2)?,
        None => "utf-8".into(),
    };
    let errors = errors_arg(vm, errors, fname, 3)?;
    call_codec(vm, &obj, &enc, &errors, which)
}

/// Calls the registry's encoder or decoder of `enc` on `obj`.
pub fn call_codec(
    vm: &mut Vm,
    obj: &Value,
    enc: &str,
    errors: &str,
    which: usize,
) -> PyResult<Value> {
    let info = lookup(vm, enc)?;
    let idx = Value::Int(which as i64);
    let f = vm.get_item(&info, &idx)?;
    let errors = vm.str_val(errors);
    let r = vm.call(&f, &[obj.clone(), errors])?;
    match r.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => Ok(t[0].clone()),
        _ => {
            let what = if which == 0 { "encoder" } else { "decoder" };
            Err(vm.type_error(format!("{what} must return a tuple (object, integer)")))
        }
    }
}

// --- error handlers ---

fn codecs_register_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, f] = args.exact::<2>(vm, "register_error")?;
    str_arg(vm, name, "register_error", 1)?;
    if !vm.is_callable(f) {
        return Err(vm.type_error("handler must be callable"));
    }
    let h = state(vm, "_handlers")?;
    vm.call_method(&h, "__setitem__", &[name.clone(), f.clone()])?;
    Ok(Value::None)
}

fn codecs_lookup_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>(vm, "lookup_error")?;
    let n = str_arg(vm, name, "lookup_error", 1)?;
    let h = state(vm, "_handlers")?;
    let found = vm.call_method(&h, "get", std::slice::from_ref(name))?;
    if matches!(found, Value::None) {
        let c = vm.exc.lookup_error.clone();
        return Err(vm.new_error(&c, format!("unknown error handler name '{n}'")));
    }
    Ok(found)
}

/// The exception a handler got, its kind, `start`, `end` and `object`.
fn handler_exc(vm: &mut Vm, args: Args, fname: &str) -> PyResult<(Value, u8, usize, usize, Value)> {
    let [exc] = args.exact::<1>(vm, fname)?;
    let cls = vm.class_of(exc);
    let kinds = [
        (vm.exc.unicode_encode_error.clone(), b'e'),
        (vm.exc.unicode_decode_error.clone(), b'd'),
        (vm.exc.unicode_translate_error.clone(), b't'),
    ];
    let mut kind = None;
    for (k, c) in kinds {
        if crate::objects::type_::is_subtype(&cls, &k) {
            kind = Some(c);
            break;
        }
    }
    let Some(kind) = kind else {
        return Err(vm.type_error(format!(
            "don't know how to handle {} in error callback",
            vm.type_name(exc)
        )));
    };
    let start = vm.get_attr_str(exc, "start")?;
    let end = vm.get_attr_str(exc, "end")?;
    let object = vm.get_attr_str(exc, "object")?;
    let (start, end) = (
        vm.to_i64(&start)?.max(0) as usize,
        vm.to_i64(&end)?.max(0) as usize,
    );
    Ok((exc.clone(), kind, start, end.max(start), object))
}

fn unsupported(vm: &mut Vm, exc: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(exc)
    ))
}

fn reply(vm: &mut Vm, s: String, end: usize) -> Value {
    let s = vm.str_val(s);
    vm.new_tuple(vec![s, Value::Int(end as i64)])
}

/// The characters `start..end` of an encode error's object.
fn bad_chars(object: &Value, start: usize, end: usize) -> Vec<char> {
    object
        .as_str()
        .map(|s| s.chars().skip(start).take(end - start).collect())
        .unwrap_or_default()
}

fn escape(c: char) -> String {
    let n = crate::text::surrogates::code_point(c);
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn strict_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc] = args.exact::<1>(vm, "strict_errors")?;
    match exc.as_obj() {
        Some(o) if vm.is_instance(exc, &vm.exc.base_exception.clone()) => {
            Err(crate::vm::PyErr(o.clone()))
        }
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, _, end, _) = handler_exc(vm, args, "ignore_errors")?;
    Ok(reply(vm, String::new(), end))
}

fn replace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, kind, start, end, _) = handler_exc(vm, args, "replace_errors")?;
    let s = match kind {
        b'e' => "?".repeat(end - start),
        b'd' => "\u{fffd}".into(),
        _ => "\u{fffd}".repeat(end - start),
    };
    Ok(reply(vm, s, end))
}

fn backslashreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, kind, start, end, object) = handler_exc(vm, args, "backslashreplace_errors")?;
    let s: String = if kind == b'd' {
        let b = vm.bytes_like(&object)?;
        let bad = b.get(start..end.min(b.len())).unwrap_or(&[]);
        bad.iter().map(|x| format!("\\x{x:02x}")).collect()
    } else {
        bad_chars(&object, start, end)
            .into_iter()
            .map(escape)
            .collect()
    };
    Ok(reply(vm, s, end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end, object) = handler_exc(vm, args, "xmlcharrefreplace_errors")?;
    if kind != b'e' {
        return Err(unsupported(vm, &exc));
    }
    let s = bad_chars(&object, start, end)
        .into_iter()
        .map(|c| format!("&#{};", crate::text::surrogates::code_point(c)))
        .collect();
    Ok(reply(vm, s, end))
}

fn namereplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end, object) = handler_exc(vm, args, "namereplace_errors")?;
    if kind != b'e' {
        return Err(unsupported(vm, &exc));
    }
    let s = bad_chars(&object, start, end)
        .into_iter()
        .map(|c| match unicode_names2::name(c) {
            Some(n) => format!("\\N{{{n}}}"),
            None => escape(c),
        })
        .collect();
    Ok(reply(vm, s, end))
}

/// Re-raises the exception a handler could not deal with.
fn reraise(vm: &mut Vm, exc: &Value) -> crate::vm::PyErr {
    match exc.as_obj() {
        Some(o) => crate::vm::PyErr(o.clone()),
        None => vm.type_error("codec must pass exception instance"),
    }
}

/// `surrogateescape`: undecodable bytes 0x80..0xFF become U+DC80..U+DCFF,
/// and those code points encode back to the bytes.
fn surrogateescape_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::text::surrogates::{code_point, from_code_point, is_stored};
    let (exc, kind, start, end, object) = handler_exc(vm, args, "surrogateescape")?;
    match kind {
        b'd' => {
            let b = vm.bytes_like(&object)?;
            let bad = b.get(start..end.min(b.len())).unwrap_or(&[]);
            if bad.is_empty() || bad.iter().any(|&x| x < 0x80) {
                return Err(reraise(vm, &exc));
            }
            let s = bad
                .iter()
                .filter_map(|&x| from_code_point(0xdc00 | u32::from(x)))
                .collect();
            Ok(reply(vm, s, end))
        }
        b'e' => {
            let chars = bad_chars(&object, start, end);
            let mut out = Vec::with_capacity(chars.len());
            for c in chars {
                match code_point(c) {
                    cp @ 0xdc80..=0xdcff if is_stored(c) => out.push((cp - 0xdc00) as u8),
                    _ => return Err(reraise(vm, &exc)),
                }
            }
            let b = vm.new_bytes(out);
            Ok(vm.new_tuple(vec![b, Value::Int(end as i64)]))
        }
        _ => Err(unsupported(vm, &exc)),
    }
}

/// `surrogatepass`: lone surrogates pass through UTF-8 (and UTF-16/32) as
/// if they were characters.
fn surrogatepass_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::text::surrogates::{code_point, from_code_point, is_stored};
    let (exc, kind, start, end, object) = handler_exc(vm, args, "surrogatepass")?;
    let encoding = vm.get_attr_str(&exc, "encoding")?;
    let encoding = encoding
        .as_str()
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace('_', "-");
    let (width, big) = match encoding.as_str() {
        "utf-8" | "utf8" => (1, false),
        "utf-16" | "utf-16-le" => (2, false),
        "utf-16-be" => (2, true),
        "utf-32" | "utf-32-le" => (4, false),
        "utf-32-be" => (4, true),
        _ => return Err(reraise(vm, &exc)),
    };
    match kind {
        b'e' => {
            let mut out = Vec::new();
            for c in bad_chars(&object, start, end) {
                let cp = code_point(c);
                if !is_stored(c) {
                    return Err(reraise(vm, &exc));
                }
                match (width, big) {
                    (1, _) => out.extend_from_slice(&[
                        0xe0 | (cp >> 12) as u8,
                        0x80 | ((cp >> 6) & 0x3f) as u8,
                        0x80 | (cp & 0x3f) as u8,
                    ]),
                    (2, true) => out.extend_from_slice(&(cp as u16).to_be_bytes()),
                    (2, false) => out.extend_from_slice(&(cp as u16).to_le_bytes()),
                    (_, true) => out.extend_from_slice(&cp.to_be_bytes()),
                    (_, false) => out.extend_from_slice(&cp.to_le_bytes()),
                }
            }
            let b = vm.new_bytes(out);
            Ok(vm.new_tuple(vec![b, Value::Int(end as i64)]))
        }
        b'd' => {
            let b = vm.bytes_like(&object)?;
            let at = b.get(start..).unwrap_or(&[]);
            let cp = match (width, at) {
                (1, [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..]) => {
                    Some(0xd000 | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f))
                }
                (2, [x, y, ..]) => Some(u32::from(if big {
                    u16::from_be_bytes([*x, *y])
                } else {
                    u16::from_le_bytes([*x, *y])
                })),
                (4, [a, b2, c, d, ..]) => Some(if big {
                    u32::from_be_bytes([*a, *b2, *c, *d])
                } else {
                    u32::from_le_bytes([*a, *b2, *c, *d])
                }),
                _ => None,
            };
            match cp
                .filter(|cp| (0xd800..=0xdfff).contains(cp))
                .and_then(from_code_point)
            {
                Some(c) => {
                    let n = if width == 1 { 3 } else { width };
                    Ok(reply(vm, c.to_string(), start + n))
                }
                None => Err(reraise(vm, &exc)),
            }
        }
        _ => Err(unsupported(vm, &exc)),
    }
}

// --- codec functions ---

/// `NAME_encode(str, errors=None)` for a codec `str.encode` knows.
fn encode_with(vm: &mut Vm, args: Args, fname: &str, codec: &str) -> PyResult<Value> {
    let [s, errors] = args.range::<2>(vm, fname, 1, false)?;
    let s = s.cloned().unwrap_or(Value::None);
    let text = str_arg(vm, &s, fname, 1)?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let b = vm.encode_str(&text, codec, &errors)?;
    let b = vm.new_bytes(b);
    Ok(vm.new_tuple(vec![b, Value::Int(text.chars().count() as i64)]))
}

/// The length of an incomplete sequence at the end of `b` that a later
/// chunk may complete (what a non-final decode leaves unconsumed).
fn incomplete_tail(b: &[u8], codec: &str) -> usize {
    match codec {
        "utf-8" => (1..=3.min(b.len()))
            .find(|&k| {
                let tail = &b[b.len() - k..];
                tail[0] >= 0xc2
                    && matches!(std::str::from_utf8(tail), Err(e) if e.valid_up_to() == 0 && e.error_len().is_none())
            })
            .unwrap_or(0),
        "utf-16-le" | "utf-16-be" => {
            let rem = b.len() % 2;
            let body = &b[..b.len() - rem];
            let last = body.len().checked_sub(2).map(|i| {
                if codec == "utf-16-le" {
                    u16::from_le_bytes([body[i], body[i + 1]])
                } else {
                    u16::from_be_bytes([body[i], body[i + 1]])
                }
            });
            rem + if matches!(last, Some(0xd800..=0xdbff)) { 2 } else { 0 }
        }
        "utf-32-le" | "utf-32-be" => b.len() % 4,
        _ => 0,
    }
}

/// Decodes `data` with a fixed-order codec, leaving an incomplete tail
/// when not `final`; returns (text, consumed).
fn decode_part(
    vm: &mut Vm,
    data: &[u8],
    codec: &str,
    errors: &str,
    final_: bool,
) -> PyResult<(Value, usize)> {
    let n = if final_ {
        data.len()
    } else {
        data.len() - incomplete_tail(data, codec)
    };
    let s = vm.decode_bytes(&data[..n], codec, errors)?;
    Ok((vm.str_val(s), n))
}

/// `NAME_decode(data, errors=None, final=False)`.
fn decode_with(vm: &mut Vm, args: Args, fname: &str, codec: &str) -> PyResult<Value> {
    let [data, errors, final_] = args.range::<3>(vm, fname, 1, false)?;
    let data = vm.bytes_like(data.unwrap_or(&Value::None))?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let final_ = match final_ {
        Some(f) => vm.is_true(f)?,
        None => !fname.starts_with("utf"),
    };
    let (s, n) = decode_part(vm, &data, codec, &errors, final_)?;
    Ok(vm.new_tuple(vec![s, Value::Int(n as i64)]))
}

/// `utf_16_encode(str, errors=None, byteorder=0)` (and utf_32): -1 little,
/// 1 big, 0 native with a BOM.
fn encode_ordered(vm: &mut Vm, args: Args, fname: &str, width: u8) -> PyResult<Value> {
    let [s, errors, order] = args.range::<3>(vm, fname, 1, false)?;
    let order = match order {
        Some(o) => vm.to_i64(o)?,
        None => 0,
    };
    let codec = match (width, order.signum()) {
        (2, 0) => "utf-16",
        (2, -1) => "utf-16-le",
        (2, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, -1) => "utf-32-le",
        _ => "utf-32-be",
    };
    let pos: Vec<Value> = [s, errors].into_iter().flatten().cloned().collect();
    encode_with(vm, Args::new(&pos), fname, codec)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// (text, consumed, byteorder found).
fn decode_ex(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    width: usize,
    with_order: bool,
) -> PyResult<Value> {
    let [data, errors, order, final_] = args.range::<4>(vm, fname, 1, false)?;
    // Without the byteorder parameter, the third argument is `final`.
    let (order, final_) = if with_order {
        (order, final_)
    } else {
        (None, order)
    };
    let data = vm.bytes_like(data.unwrap_or(&Value::None))?;
    let errors = errors_arg(vm, errors, fname, 2)?;
    let mut order = match order {
        Some(o) => vm.to_i64(o)?.signum(),
        None => 0,
    };
    let final_ = match final_ {
        Some(f) => vm.is_true(f)?,
        None => false,
    };
    let (le_bom, be_bom): (&[u8], &[u8]) = if width == 2 {
        (b"\xff\xfe", b"\xfe\xff")
    } else {
        (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
    };
    let mut skip = 0;
    if order == 0 {
        if data.starts_with(le_bom) {
            (order, skip) = (-1, width);
        } else if data.starts_with(be_bom) {
            (order, skip) = (1, width);
        } else if data.len() < width && !final_ {
            let e = vm.str_val("");
            return Ok(finish_ex(vm, e, 0, 0, with_order));
        }
    }
    let codec = match (width, order) {
        (2, 1) => "utf-16-be",
        (2, _) => "utf-16-le",
        (_, 1) => "utf-32-be",
        _ => "utf-32-le",
    };
    let (s, n) = decode_part(vm, &data[skip..], codec, &errors, final_)?;
    Ok(finish_ex(vm, s, n + skip, order, with_order))
}

fn finish_ex(vm: &mut Vm, s: Value, n: usize, order: i64, with_order: bool) -> Value {
    let mut items = vec![s, Value::Int(n as i64)];
    if with_order {
        items.push(Value::Int(order));
    }
    vm.new_tuple(items)
}

/// `charmap_decode(data, errors=None, mapping=None)`: mapping is a str
/// (byte i decodes to its character i; U+FFFE means undefined) or a
/// mapping of byte values to str / int / None.
fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, errors, mapping] = args.range::<3>(vm, "charmap_decode", 1, false)?;
    let data = vm.bytes_like(data.unwrap_or(&Value::None))?;
    let errors = errors_arg(vm, errors, "charmap_decode", 2)?;
    let mapping = match mapping {
        None | Some(Value::None) => {
            let s = vm.decode_bytes(&data, "latin-1", &errors)?;
            let s = vm.str_val(s);
            return Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]));
        }
        Some(m) => m.clone(),
    };
    let table: Option<Vec<char>> = mapping.as_str().map(|s| s.chars().collect());
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        let c: Option<String> = match &table {
            Some(t) => t
                .get(usize::from(b))
                .filter(|c| **c != '\u{fffe}')
                .map(|c| c.to_string()),
            None => {
                let r = match vm.get_item(&mapping, &Value::Int(i64::from(b))) {
                    Ok(r) => r,
                    Err(e)
                        if vm.is_instance(
                            &Value::Obj(e.0.clone()),
                            &vm.exc.lookup_error.clone(),
                        ) =>
                    {
                        Value::None
                    }
                    Err(e) => return Err(e),
                };
                match &r {
                    Value::None => None,
                    v if v.as_str().is_some() => v.as_str().map(str::to_owned),
                    v => {
                        let n = vm.to_i64(v)?;
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(c) if n != 0xfffe => Some(c.to_string()),
                            Some(_) => None,
                            None => {
                                return Err(
                                    vm.type_error("character mapping must be in range(0x110000)")
                                )
                            }
                        }
                    }
                }
            }
        };
        match c {
            Some(c) => out.push_str(&c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                _ => {
                    let cls = vm.exc.unicode_decode_error.clone();
                    let args = vec![
                        vm.str_val("charmap"),
                        vm.new_bytes(data.clone()),
                        Value::Int(i as i64),
                        Value::Int(i as i64 + 1),
                        vm.str_val("character maps to <undefined>"),
                    ];
                    return Err(match vm.call(&Value::Obj(cls), &args) {
                        Ok(Value::Obj(e)) => crate::vm::PyErr(e),
                        Ok(_) => vm.value_error("charmap decode failed"),
                        Err(e) => e,
                    });
                }
            },
        }
    }
    let s = vm.str_val(out);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}

/// `charmap_build(decoding_table)`: the encoding map, a dict from code
/// point to byte value.
fn charmap_build(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t] = args.exact::<1>(vm, "charmap_build")?;
    let t = str_arg(vm, t, "charmap_build", 1)?;
    let d = vm.new_dict_ref();
    for (i, c) in t.chars().enumerate() {
        vm.dict_set(&d, Value::Int(i64::from(c as u32)), Value::Int(i as i64))?;
    }
    Ok(Value::Obj(d))
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s, errors, mapping] = args.range::<3>(vm, "charmap_encode", 1, false)?;
    let text = str_arg(vm, s.unwrap_or(&Value::None), "charmap_encode", 1)?;
    let errors = errors_arg(vm, errors, "charmap_encode", 2)?;
    let Some(mapping) = mapping.filter(|m| !matches!(m, Value::None)).cloned() else {
        let pos = [vm.str_val(text), vm.str_val(errors)];
        return encode_with(vm, Args::new(&pos), "charmap_encode", "latin-1");
    };
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let r = match vm.get_item(&mapping, &Value::Int(i64::from(c as u32))) {
            Ok(r) => r,
            Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.exc.lookup_error.clone()) => {
                Value::None
            }
            Err(e) => return Err(e),
        };
        match &r {
            Value::None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(b'?'),
                "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
                "backslashreplace" => out.extend_from_slice(escape(c).as_bytes()),
                _ => {
                    let cls = vm.exc.unicode_encode_error.clone();
                    let args = vec![
                        vm.str_val("charmap"),
                        vm.str_val(text.clone()),
                        Value::Int(i as i64),
                        Value::Int(i as i64 + 1),
                        vm.str_val("character maps to <undefined>"),
                    ];
                    return Err(match vm.call(&Value::Obj(cls), &args) {
                        Ok(Value::Obj(e)) => crate::vm::PyErr(e),
                        Ok(_) => vm.value_error("charmap encode failed"),
                        Err(e) => e,
                    });
                }
            },
            Value::Int(n) => match u8::try_from(*n) {
                Ok(b) => out.push(b),
                Err(_) => return Err(vm.type_error("character mapping must be in range(256)")),
            },
            v => match v.payload() {
                Some(Payload::Bytes(b)) => out.extend_from_slice(b),
                _ => {
                    return Err(vm.type_error(
                        "character mapping must return integer, bytes or None, not str",
                    ))
                }
            },
        }
    }
    let b = vm.new_bytes(out);
    Ok(vm.new_tuple(vec![b, Value::Int(chars.len() as i64)]))
}

/// The escape codecs are not written yet: they exist (so `encodings`
/// modules naming them import) and raise NotImplementedError.
fn escape_codec(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.not_implemented_error(
        "rpy: the escape codecs (escape_*, unicode_escape_*, raw_unicode_escape_*) are not supported yet",
    ))
}

type Fixed = fn(&mut Vm, Args) -> PyResult<Value>;

/// The fixed codecs: (module function, codec name in `text::codecs`).
macro_rules! fixed_codecs {
    ($(($enc:ident, $dec:ident, $codec:literal)),* $(,)?) => {
        const FIXED: &[(&str, Fixed, &str, Fixed)] = &[
            $((
                stringify!($enc), |vm, a| encode_with(vm, a, stringify!($enc), $codec),
                stringify!($dec), |vm, a| decode_with(vm, a, stringify!($dec), $codec),
            )),*
        ];
    };
}

fixed_codecs! {
    (utf_8_encode, utf_8_decode, "utf-8"),
    (latin_1_encode, latin_1_decode, "latin-1"),
    (ascii_encode, ascii_decode, "ascii"),
    (utf_16_le_encode, utf_16_le_decode, "utf-16-le"),
    (utf_16_be_encode, utf_16_be_decode, "utf-16-be"),
    (utf_32_le_encode, utf_32_le_decode, "utf-32-le"),
    (utf_32_be_encode, utf_32_be_decode, "utf-32-be"),
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_codecs");
    let funcs = vm.new_list(vec![]);
    vm.module_set(&m, "_search_functions", funcs);
    let cache = vm.new_dict_ref();
    vm.module_set(&m, "_cache", Value::Obj(cache));
    vm.module_add_fns(
        &m,
        &[
            ("register", codecs_register),
            ("unregister", codecs_unregister),
            ("lookup", codecs_lookup),
            ("encode", |vm, a| convert(vm, a, 0)),
            ("decode", |vm, a| convert(vm, a, 1)),
            ("register_error", codecs_register_error),
            ("lookup_error", codecs_lookup_error),
            ("utf_16_encode", |vm, a| {
                encode_ordered(vm, a, "utf_16_encode", 2)
            }),
            ("utf_32_encode", |vm, a| {
                encode_ordered(vm, a, "utf_32_encode", 4)
            }),
            ("utf_16_decode", |vm, a| {
                decode_ex(vm, a, "utf_16_decode", 2, false)
            }),
            ("utf_32_decode", |vm, a| {
                decode_ex(vm, a, "utf_32_decode", 4, false)
            }),
            ("utf_16_ex_decode", |vm, a| {
                decode_ex(vm, a, "utf_16_ex_decode", 2, true)
            }),
            ("utf_32_ex_decode", |vm, a| {
                decode_ex(vm, a, "utf_32_ex_decode", 4, true)
            }),
            ("charmap_decode", charmap_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_build", charmap_build),
        ],
    );
    for name in [
        "escape_encode",
        "escape_decode",
        "unicode_escape_encode",
        "unicode_escape_decode",
        "raw_unicode_escape_encode",
        "raw_unicode_escape_decode",
    ] {
        vm.module_add_fn(&m, name, escape_codec);
    }
    for (en, ef, dn, df) in FIXED {
        vm.module_add_fn(&m, en, *ef);
        vm.module_add_fn(&m, dn, *df);
    }
    // The error handlers, registered under their names.
    let handlers = vm.new_dict_ref();
    let builtin: [(&str, &str, Fixed); 8] = [
        ("strict", "strict_errors", strict_errors),
        ("ignore", "ignore_errors", ignore_errors),
        ("replace", "replace_errors", replace_errors),
        (
            "backslashreplace",
            "backslashreplace_errors",
            backslashreplace_errors,
        ),
        (
            "xmlcharrefreplace",
            "xmlcharrefreplace_errors",
            xmlcharrefreplace_errors,
        ),
        ("namereplace", "namereplace_errors", namereplace_errors),
        ("surrogateescape", "surrogateescape", surrogateescape_errors),
        ("surrogatepass", "surrogatepass", surrogatepass_errors),
    ];
    for (name, fname, f) in builtin {
        let fv = vm.new_native(fname, f);
        let k = vm.str_val(name);
        vm.dict_set(&handlers, k, fv)?;
    }
    vm.module_set(&m, "_handlers", Value::Obj(handlers));
    Ok(m)
}
