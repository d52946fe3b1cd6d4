//! `_io.TextIOWrapper`: text over a buffered binary stream. Decoding and
//! encoding go through the codec machinery (`codecs.lookup`), with
//! native fast paths for strict UTF-8 and Latin-1; newline modes as
//! CPython's (None translates on read and writes `\n`, '' splits at any
//! line end untranslated, '\n'/'\r'/'\r\n' read and write that one);
//! `line_buffering`, `write_through`, `reconfigure`, `detach`.
//!
//! `tell()` gives CPython's opaque cookie: the byte position when the
//! decoder is clean there (always for UTF-8 and Latin-1), else the start
//! of the last chunk with the decoder flags, the bytes to feed and the
//! characters to skip packed above bit 64, as CPython packs them.

use rpy_vm::{
    ClassDef, KwArgs, Native, NativeClass, OptArg, PyErr, PyRef, PyResult, Value, VarArgs, Vm,
};

use crate::common::{bytes_of, int_arg, size_arg, unsupported};
use crate::newline::Translator;

enum Decoder {
    Utf8 { pending: Vec<u8> },
    Latin1,
    Py(Value),
}

enum Encoder {
    Utf8,
    Latin1,
    Ascii,
    Py(Value),
}

/// The decoder state and input since the last chunk boundary (CPython's
/// snapshot): `flags` are the decoder's flags shifted left once, with the
/// translator's pending `\r` in bit 0.
struct Snapshot {
    flags: i64,
    input: Vec<u8>,
}

/// The instance data.
pub struct TextIOWrapper {
    buffer: Value,
    ok: bool,
    detached: bool,
    encoding: String,
    errors: String,
    decoder: Option<Decoder>,
    encoder: Option<Encoder>,
    translator: Option<Translator>,
    readtranslate: bool,
    readuniversal: bool,
    readnl: Option<String>,
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoded: String,
    dpos: usize,
    pending: Vec<u8>,
    snapshot: Option<Snapshot>,
    seekable: bool,
    telling: bool,
    chunk_size: usize,
    /// This object is exactly a `TextIOWrapper` and its buffer exactly a
    /// native buffered stream over a `FileIO` (closed checked natively).
    fast_closed: bool,
}

impl Default for TextIOWrapper {
    fn default() -> Self {
        TextIOWrapper {
            buffer: Value::None,
            ok: false,
            detached: false,
            encoding: String::new(),
            errors: String::new(),
            decoder: None,
            encoder: None,
            translator: None,
            readtranslate: false,
            readuniversal: false,
            readnl: None,
            writenl: None,
            line_buffering: false,
            write_through: false,
            decoded: String::new(),
            dpos: 0,
            pending: Vec::new(),
            snapshot: None,
            seekable: false,
            telling: false,
            chunk_size: 8192,
            fast_closed: false,
        }
    }
}

type T = TextIOWrapper;

fn opt_str(vm: &mut Vm, v: &Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_owned())),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!(
                    "TextIOWrapper() argument '{what}' must be str or None, not {t}"
                )))
            }
        },
    }
}

fn check_newline(vm: &mut Vm, nl: &Option<String>) -> PyResult<()> {
    if let Some(n) = nl {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {n}")));
        }
    }
    Ok(())
}

/// The buffer, checking initialisation and detachment.
fn buffer_of(vm: &mut Vm, this: &Native<T>) -> PyResult<Value> {
    let (ok, detached, b) = this.with(vm, |t| (t.ok, t.detached, t.buffer.clone()))?;
    if detached {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    if !ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(b)
}

fn check_closed(vm: &mut Vm, this: &Native<T>) -> PyResult<Value> {
    let b = buffer_of(vm, this)?;
    let fast = this.with(vm, |t| t.fast_closed)?;
    let known = if fast {
        b.as_obj().and_then(crate::buffered::quick_closed)
    } else {
        None
    };
    let closed = match known {
        Some(c) => c,
        None => {
            let c = vm.get_attr_str(&this.value(), "closed")?;
            vm.is_true(&c)?
        }
    };
    if closed {
        return Err(crate::common::closed_error(vm, true));
    }
    Ok(b)
}

/// Sets up the codecs and newline modes (`__init__` and `reconfigure`).
fn setup(
    vm: &mut Vm,
    this: &Native<T>,
    buffer: &Value,
    encoding: String,
    errors: String,
    newline: Option<String>,
) -> PyResult<()> {
    let enc_name = if encoding == "locale" {
        "utf-8".to_owned()
    } else {
        encoding.clone()
    };
    // Handlers that only act on lone surrogates (or on invalid input,
    // where `decode` hands over to the codec) change nothing for UTF-8
    // text without them: the standard streams use two of them. UTF-8 with
    // these needs no codec lookup (nor `import codecs` at start-up).
    let utf8_plain = matches!(
        errors.as_str(),
        "strict" | "surrogateescape" | "backslashreplace"
    );
    let lower = enc_name.to_ascii_lowercase().replace('_', "-");
    if utf8_plain && matches!(lower.as_str(), "utf-8" | "utf8") {
        let readable = crate::common::call_bool(vm, buffer, "readable")?;
        let writable = crate::common::call_bool(vm, buffer, "writable")?;
        let decoder = readable.then(|| Decoder::Utf8 {
            pending: Vec::new(),
        });
        let encoder = writable.then_some(Encoder::Utf8);
        return finish_setup(
            vm, this, buffer, encoding, errors, newline, decoder, encoder,
        );
    }
    let codecs = vm.import_module("codecs")?;
    let lookup = vm.get_attr_str(&codecs, "lookup")?;
    let e = vm.str_val(enc_name);
    let info = vm.call(&lookup, &[e])?;
    if let Ok(t) = vm.get_attr_str(&info, "_is_text_encoding") {
        if !vm.is_true(&t)? {
            let r = vm.str_val(encoding.clone());
            let r = vm.repr(&r)?;
            let c = vm.exc.lookup_error.clone();
            return Err(vm.new_error(
                &c,
                format!("{r} is not a text encoding; use codecs.open() to handle arbitrary codecs"),
            ));
        }
    }
    let name = vm.get_attr_str(&info, "name")?;
    let name = name.as_str().unwrap_or("").to_owned();
    let strict = errors == "strict";
    let readable = crate::common::call_bool(vm, buffer, "readable")?;
    let writable = crate::common::call_bool(vm, buffer, "writable")?;
    let errs = vm.str_val(errors.clone());
    let decoder = if !readable {
        None
    } else if utf8_plain && name == "utf-8" {
        Some(Decoder::Utf8 {
            pending: Vec::new(),
        })
    } else if strict && name == "iso8859-1" {
        Some(Decoder::Latin1)
    } else {
        let f = vm.get_attr_str(&info, "incrementaldecoder")?;
        Some(Decoder::Py(vm.call(&f, std::slice::from_ref(&errs))?))
    };
    let encoder = if !writable {
        None
    } else if utf8_plain && name == "utf-8" {
        Some(Encoder::Utf8)
    } else if strict && name == "iso8859-1" {
        Some(Encoder::Latin1)
    } else if strict && name == "ascii" {
        Some(Encoder::Ascii)
    } else {
        let f = vm.get_attr_str(&info, "incrementalencoder")?;
        Some(Encoder::Py(vm.call(&f, &[errs])?))
    };
    finish_setup(
        vm, this, buffer, encoding, errors, newline, decoder, encoder,
    )
}

/// The rest of `setup` once the codec is chosen.
#[allow(clippy::too_many_arguments)]
fn finish_setup(
    vm: &mut Vm,
    this: &Native<T>,
    buffer: &Value,
    encoding: String,
    errors: String,
    newline: Option<String>,
    decoder: Option<Decoder>,
    encoder: Option<Encoder>,
) -> PyResult<()> {
    let seekable = crate::common::call_bool(vm, buffer, "seekable")?;
    if let (Some(Encoder::Py(enc)), true) = (&encoder, seekable) {
        let pos = vm.call_method(buffer, "tell", &[])?;
        if !matches!(pos, Value::Int(0)) {
            vm.call_method(enc, "setstate", &[Value::Int(0)])?;
        }
    }
    let shown = if encoding == "locale" {
        "utf-8".to_owned()
    } else {
        encoding
    };
    this.with_mut(vm, |t| {
        t.encoding = shown;
        t.errors = errors;
        t.decoder = decoder;
        t.encoder = encoder;
        t.readuniversal = newline.as_deref().is_none_or(|n| n.is_empty());
        t.readtranslate = newline.is_none();
        t.translator = t.readuniversal.then(|| Translator::new(t.readtranslate));
        t.writenl = newline.clone().filter(|n| !n.is_empty() && n != "\n");
        t.readnl = newline;
        t.seekable = seekable;
        t.telling = seekable;
    })
}

#[allow(clippy::too_many_arguments)]
fn init(
    vm: &mut Vm,
    this: Native<T>,
    buffer: Value,
    encoding: OptArg<Value>,
    errors: OptArg<Value>,
    newline: OptArg<Value>,
    line_buffering: OptArg<Value>,
    write_through: OptArg<Value>,
) -> PyResult<()> {
    this.with_mut(vm, |t| {
        t.ok = false;
        t.detached = false;
    })?;
    let encoding = opt_str(vm, &encoding.0, "encoding")?.unwrap_or_else(|| "utf-8".to_owned());
    let errors = opt_str(vm, &errors.0, "errors")?.unwrap_or_else(|| "strict".to_owned());
    let newline = match &newline.0 {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "TextIOWrapper() argument 'newline' must be str or None, not {t}"
                )));
            }
        },
    };
    check_newline(vm, &newline)?;
    let lb = match &line_buffering.0 {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let wt = match &write_through.0 {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    setup(vm, &this, &buffer, encoding, errors, newline)?;
    if crate::common::call_bool(vm, &buffer, "writable")? {
        crate::common::track_stream(vm, this.obj());
    }
    let exact = std::rc::Rc::ptr_eq(&this.class(vm), &vm.native_type::<T>());
    let fast = exact && crate::buffered::fast_closed(vm, &buffer, true).is_some();
    this.with_mut(vm, |t| {
        t.fast_closed = fast;
        t.buffer = buffer;
        t.line_buffering = lb;
        t.write_through = wt;
        t.decoded.clear();
        t.dpos = 0;
        t.pending.clear();
        t.snapshot = None;
        t.ok = true;
    })
}

/// Decodes `input` (through the translator when reading universally).
fn decode(vm: &mut Vm, this: &Native<T>, input: Vec<u8>, last: bool) -> PyResult<String> {
    enum Step {
        Done(String),
        Py(Value, Vec<u8>),
        Utf8Error(Vec<u8>),
    }
    let step = this.with_mut(vm, |t| match &mut t.decoder {
        Some(Decoder::Utf8 { pending }) => {
            let mut data = std::mem::take(pending);
            if data.is_empty() {
                data = input;
            } else {
                data.extend_from_slice(&input);
            }
            match String::from_utf8(data) {
                Ok(s) => Step::Done(s),
                Err(e) => {
                    let err = e.utf8_error();
                    let mut data = e.into_bytes();
                    if err.error_len().is_none() && !last {
                        let tail = data.split_off(err.valid_up_to());
                        *pending = tail;
                        Step::Done(String::from_utf8(data).unwrap_or_default())
                    } else {
                        Step::Utf8Error(data)
                    }
                }
            }
        }
        Some(Decoder::Latin1) => Step::Done(input.iter().map(|&b| b as char).collect()),
        Some(Decoder::Py(d)) => Step::Py(d.clone(), input),
        None => Step::Done(String::new()),
    })?;
    let text = match step {
        Step::Done(s) => s,
        Step::Utf8Error(data) => {
            // The codec machinery raises CPython's exact error.
            let codecs = vm.import_module("codecs")?;
            let f = vm.get_attr_str(&codecs, "utf_8_decode")?;
            let b = vm.new_bytes(data);
            let errors = this.with(vm, |t| t.errors.clone())?;
            let e = vm.str_val(errors);
            let r = vm.call(&f, &[b, e, Value::Bool(true)])?;
            match r
                .as_tuple()
                .and_then(|t| t.first())
                .and_then(|s| s.as_str())
            {
                Some(s) => s.to_owned(),
                None => String::new(),
            }
        }
        Step::Py(d, input) => {
            let b = vm.new_bytes(input);
            let r = vm.call_method(&d, "decode", &[b, Value::Bool(last)])?;
            match r.as_str() {
                Some(s) => s.to_owned(),
                None => {
                    let t = vm.type_name(&r);
                    return Err(
                        vm.type_error(format!("decoder should return a string result, not '{t}'"))
                    );
                }
            }
        }
    };
    this.with_mut(vm, |t| match &mut t.translator {
        Some(tr) => tr.feed(&text, last),
        None => text,
    })
}

/// The decoder's state as CPython's `(buffer, flags)`, flags shifted
/// with the pending `\r`.
fn decoder_state(vm: &mut Vm, this: &Native<T>) -> PyResult<(Vec<u8>, i64)> {
    let (py, buf, pcr) = this.with(vm, |t| {
        let pcr = t.translator.as_ref().is_some_and(|tr| tr.pendingcr);
        match &t.decoder {
            Some(Decoder::Utf8 { pending }) => (None, pending.clone(), pcr),
            Some(Decoder::Py(d)) => (Some(d.clone()), Vec::new(), pcr),
            _ => (None, Vec::new(), pcr),
        }
    })?;
    let (buf, flags) = match py {
        None => (buf, 0),
        Some(d) => {
            let st = vm.call_method(&d, "getstate", &[])?;
            match st.as_tuple() {
                Some([b, f]) => {
                    let (b, f) = (b.clone(), f.clone());
                    (bytes_of(vm, &b)?, vm.to_i64(&f)?)
                }
                _ => return Err(vm.type_error("illegal decoder state")),
            }
        }
    };
    Ok((buf, (flags << 1) | i64::from(pcr)))
}

fn set_decoder_state(vm: &mut Vm, this: &Native<T>, buf: Vec<u8>, flags: i64) -> PyResult<()> {
    let py = this.with_mut(vm, |t| {
        if let Some(tr) = &mut t.translator {
            tr.pendingcr = flags & 1 != 0;
        }
        match &mut t.decoder {
            Some(Decoder::Utf8 { pending }) => {
                *pending = buf.clone();
                None
            }
            Some(Decoder::Py(d)) => Some(d.clone()),
            _ => None,
        }
    })?;
    if let Some(d) = py {
        let b = vm.new_bytes(buf);
        let st = vm.new_tuple(vec![b, Value::Int(flags >> 1)]);
        vm.call_method(&d, "setstate", &[st])?;
    }
    Ok(())
}

fn reset_decoder(vm: &mut Vm, this: &Native<T>) -> PyResult<()> {
    let py = this.with_mut(vm, |t| {
        if let Some(tr) = &mut t.translator {
            tr.reset();
        }
        match &mut t.decoder {
            Some(Decoder::Utf8 { pending }) => {
                pending.clear();
                None
            }
            Some(Decoder::Py(d)) => Some(d.clone()),
            _ => None,
        }
    })?;
    if let Some(d) = py {
        vm.call_method(&d, "reset", &[])?;
    }
    Ok(())
}

/// Reads and decodes the next chunk into `decoded` (replacing it);
/// false at end of file.
fn read_chunk(vm: &mut Vm, this: &Native<T>, buffer: &Value) -> PyResult<bool> {
    let (telling, size) = this.with(vm, |t| (t.telling, t.chunk_size))?;
    let state = if telling {
        Some(decoder_state(vm, this)?)
    } else {
        None
    };
    let chunk = vm.call_method(buffer, "read1", &[Value::Int(size as i64)])?;
    let input = if chunk.is_none() {
        Vec::new()
    } else {
        match vm.buffer(&chunk)? {
            Some(b) => b.bytes,
            None => {
                let t = vm.type_name(&chunk);
                return Err(vm.type_error(format!(
                    "underlying read1() should have returned a bytes-like object, not '{t}'"
                )));
            }
        }
    };
    let eof = input.is_empty();
    let snap_input = state.as_ref().map(|(buf, _)| {
        let mut v = buf.clone();
        v.extend_from_slice(&input);
        v
    });
    let text = decode(vm, this, input, eof)?;
    this.with_mut(vm, |t| {
        t.decoded = text;
        t.dpos = 0;
        t.snapshot = match (state, snap_input) {
            (Some((_, flags)), Some(input)) => Some(Snapshot { flags, input }),
            _ => None,
        };
    })?;
    Ok(!eof)
}

fn flush_pending(vm: &mut Vm, this: &Native<T>, buffer: &Value) -> PyResult<()> {
    let data = this.with_mut(vm, |t| std::mem::take(&mut t.pending))?;
    if data.is_empty() {
        return Ok(());
    }
    let b = vm.new_bytes(data);
    vm.call_method(buffer, "write", &[b])?;
    Ok(())
}

fn encode(vm: &mut Vm, this: &Native<T>, text: &str) -> PyResult<Vec<u8>> {
    let py = this.with(vm, |t| match &t.encoder {
        Some(Encoder::Utf8) => Ok(None),
        Some(Encoder::Latin1) => Err(Some(256u32)),
        Some(Encoder::Ascii) => Err(Some(128)),
        Some(Encoder::Py(e)) => Ok(Some(e.clone())),
        None => Err(None),
    })?;
    match py {
        // A lone surrogate has no UTF-8 form: the errors handler decides
        // (strict raises CPython's UnicodeEncodeError).
        Ok(None) if rpy_vm::surrogates::has_surrogates(text) => {
            let errors = this.with(vm, |t| t.errors.clone())?;
            vm.encode_str(text, "utf-8", &errors)
        }
        Ok(None) => Ok(text.as_bytes().to_vec()),
        Err(Some(limit)) => {
            if text.chars().all(|c| (c as u32) < limit) {
                Ok(text.chars().map(|c| c as u8).collect())
            } else {
                // The codec raises CPython's exact error.
                let codecs = vm.import_module("_codecs")?;
                let name = if limit == 128 {
                    "ascii_encode"
                } else {
                    "latin_1_encode"
                };
                let f = vm.get_attr_str(&codecs, name)?;
                let s = vm.str_val(text);
                let e = vm.str_val("strict");
                let r = vm.call(&f, &[s, e])?;
                match r.as_tuple().and_then(|t| t.first()).cloned() {
                    Some(b) => bytes_of(vm, &b),
                    None => Ok(Vec::new()),
                }
            }
        }
        Err(None) => Err(unsupported(vm, "not writable")),
        Ok(Some(e)) => {
            let s = vm.str_val(text);
            let r = vm.call_method(&e, "encode", &[s])?;
            match vm.buffer(&r)? {
                Some(b) => Ok(b.bytes),
                None => {
                    let t = vm.type_name(&r);
                    Err(vm.type_error(format!("encoder should return a bytes object, not '{t}'")))
                }
            }
        }
    }
}

fn write(vm: &mut Vm, this: Native<T>, text: Value) -> PyResult<usize> {
    let Some(s) = text.as_str() else {
        let t = vm.type_name(&text);
        return Err(vm.type_error(format!("write() argument must be str, not {t}")));
    };
    // The common case: strict UTF-8, no translation, nothing read, an
    // open native stack below (one borrow, nothing cloned).
    let fast = match this.obj().downcast_mut::<T>() {
        Some(mut t)
            if t.ok
                && !t.detached
                && t.fast_closed
                && matches!(t.encoder, Some(Encoder::Utf8))
                && !rpy_vm::surrogates::has_surrogates(s)
                && t.writenl.is_none()
                && !t.line_buffering
                && !t.write_through
                && t.decoded.is_empty()
                && t.snapshot.is_none() =>
        {
            match t.buffer.as_obj().and_then(crate::buffered::quick_closed) {
                Some(false) => {
                    t.pending.extend_from_slice(s.as_bytes());
                    Some(t.pending.len() >= t.chunk_size)
                }
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(over) = fast {
        if over {
            let buffer = buffer_of(vm, &this)?;
            flush_pending(vm, &this, &buffer)?;
        }
        return Ok(s.chars().count());
    }
    let buffer = check_closed(vm, &this)?;
    if this.with(vm, |t| t.encoder.is_none())? {
        return Err(unsupported(vm, "not writable"));
    }
    let n = s.chars().count();
    let (lb, wt, writenl) = this.with(vm, |t| {
        (t.line_buffering, t.write_through, t.writenl.clone())
    })?;
    let haslf = s.contains('\n');
    let owned;
    let mut s = s;
    if haslf {
        if let Some(nl) = &writenl {
            owned = s.replace('\n', nl);
            s = &owned;
        }
    }
    let needflush = lb && (haslf || s.contains('\r'));
    let bytes = encode(vm, &this, s)?;
    let over = this.with_mut(vm, |t| {
        t.pending.extend_from_slice(&bytes);
        t.pending.len() >= t.chunk_size
    })?;
    if over || needflush || wt {
        flush_pending(vm, &this, &buffer)?;
    }
    if needflush {
        vm.call_method(&buffer, "flush", &[])?;
    }
    let had = this.with_mut(vm, |t| {
        let had = !t.decoded.is_empty() || t.snapshot.is_some();
        t.decoded.clear();
        t.dpos = 0;
        t.snapshot = None;
        had
    })?;
    if had {
        reset_decoder(vm, &this)?;
    }
    Ok(n)
}

fn check_readable(vm: &mut Vm, this: &Native<T>) -> PyResult<Value> {
    let buffer = check_closed(vm, this)?;
    if this.with(vm, |t| t.decoder.is_none())? {
        return Err(unsupported(vm, "not readable"));
    }
    flush_pending(vm, this, &buffer)?;
    Ok(buffer)
}

fn read(vm: &mut Vm, this: Native<T>, size: OptArg<Value>) -> PyResult<Value> {
    let n = size_arg(vm, size.0.as_ref())?;
    let buffer = check_readable(vm, &this)?;
    if n < 0 {
        let all = vm.call_method(&buffer, "read", &[])?;
        let input = if all.is_none() {
            Vec::new()
        } else {
            bytes_of(vm, &all)?
        };
        let text = decode(vm, &this, input, true)?;
        let out = this.with_mut(vm, |t| {
            let mut out = t.decoded[t.dpos..].to_owned();
            out.push_str(&text);
            t.decoded.clear();
            t.dpos = 0;
            t.snapshot = None;
            out
        })?;
        return Ok(vm.str_val(out));
    }
    let want = n as usize;
    let mut out = String::new();
    let mut got = 0usize;
    loop {
        let (piece, k) = this.with_mut(vm, |t| {
            let rest = &t.decoded[t.dpos..];
            let mut end = rest.len();
            let mut k = 0;
            for (i, _) in rest.char_indices() {
                if got + k == want {
                    end = i;
                    break;
                }
                k += 1;
            }
            let piece = rest[..end].to_owned();
            t.dpos += end;
            (piece, k)
        })?;
        out.push_str(&piece);
        got += k;
        if got >= want || !read_chunk(vm, &this, &buffer)? {
            if got < want {
                let rest = this.with_mut(vm, |t| {
                    let r = t.decoded[t.dpos..].to_owned();
                    t.dpos = t.decoded.len();
                    r
                })?;
                out.push_str(&rest);
            }
            break;
        }
    }
    Ok(vm.str_val(out))
}

/// Where the first line of `s` ends (exclusive), if it ends in `s`.
fn line_end(s: &str, t: &T) -> Option<usize> {
    if t.readtranslate {
        return s.find('\n').map(|i| i + 1);
    }
    if t.readuniversal {
        let i = s.find(['\r', '\n'])?;
        if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    let nl = t.readnl.as_deref().unwrap_or("\n");
    s.find(nl).map(|i| i + nl.len())
}

/// Reads one line of at most `limit` characters (all when negative).
fn readline_impl(vm: &mut Vm, this: &Native<T>, limit: i64) -> PyResult<String> {
    let buffer = check_readable(vm, this)?;
    let mut acc = String::new();
    let mut acc_chars = 0usize;
    loop {
        let done = this.with_mut(vm, |t| {
            let rest = &t.decoded[t.dpos..];
            let mut end = line_end(rest, t);
            // "\r\n" split between chunks.
            if end.is_none()
                && acc.ends_with('\r')
                && rest.starts_with('\n')
                && t.readnl.as_deref() == Some("\r\n")
            {
                end = Some(1);
            }
            let cand_end = end.unwrap_or(rest.len());
            if limit >= 0 {
                let room = (limit as usize).saturating_sub(acc_chars);
                let mut cut = None;
                for (k, (i, _)) in rest[..cand_end].char_indices().enumerate() {
                    if k == room {
                        cut = Some(i);
                        break;
                    }
                }
                if let Some(i) = cut {
                    acc.push_str(&rest[..i]);
                    t.dpos += i;
                    return true;
                }
            }
            let piece = &rest[..cand_end];
            if limit >= 0 {
                acc_chars += piece.chars().count();
            }
            acc.push_str(piece);
            t.dpos += cand_end;
            end.is_some()
        })?;
        if done || !read_chunk(vm, this, &buffer)? {
            if !done {
                let rest = this.with_mut(vm, |t| {
                    let r = t.decoded[t.dpos..].to_owned();
                    t.dpos = t.decoded.len();
                    r
                })?;
                acc.push_str(&rest);
            }
            return Ok(acc);
        }
    }
}

fn readline(vm: &mut Vm, this: Native<T>, size: OptArg<Value>) -> PyResult<Value> {
    let n = match &size.0 {
        None | Some(Value::None) => -1,
        Some(v) => int_arg(vm, v)?,
    };
    if n < 0 {
        if let Some(line) = quick_line(vm, &this)? {
            return Ok(line);
        }
    }
    let s = readline_impl(vm, &this, n)?;
    Ok(vm.str_val(s))
}

/// A whole line already decoded, on an open native stack: taken without
/// the general checks (the common case of `for line in f`).
fn quick_line(vm: &mut Vm, this: &Native<T>) -> PyResult<Option<Value>> {
    let found = this.with(vm, |t| {
        if !t.ok || t.detached || !t.fast_closed || t.decoder.is_none() || !t.pending.is_empty() {
            return None;
        }
        line_end(&t.decoded[t.dpos..], t).map(|end| (t.buffer.clone(), end))
    })?;
    let Some((buffer, end)) = found else {
        return Ok(None);
    };
    if buffer.as_obj().and_then(crate::buffered::quick_closed) != Some(false) {
        return Ok(None);
    }
    let line = this.with_mut(vm, |t| {
        let s = t.decoded[t.dpos..t.dpos + end].to_owned();
        t.dpos += end;
        s
    })?;
    Ok(Some(vm.str_val(line)))
}

fn next(vm: &mut Vm, this: Native<T>) -> PyResult<Option<Value>> {
    this.with_mut(vm, |t| t.telling = false)?;
    if let Some(line) = quick_line(vm, &this)? {
        return Ok(Some(line));
    }
    let s = readline_impl(vm, &this, -1)?;
    if s.is_empty() {
        this.with_mut(vm, |t| {
            t.snapshot = None;
            t.telling = t.seekable;
        })?;
        return Ok(None);
    }
    Ok(Some(vm.str_val(s)))
}

fn flush(vm: &mut Vm, this: Native<T>) -> PyResult<Value> {
    let buffer = check_closed(vm, &this)?;
    this.with_mut(vm, |t| t.telling = t.seekable)?;
    flush_pending(vm, &this, &buffer)?;
    vm.call_method(&buffer, "flush", &[])
}

fn close(vm: &mut Vm, this: Native<T>) -> PyResult<()> {
    let buffer = buffer_of(vm, &this)?;
    if crate::common::is_closed(vm, &buffer)? {
        return Ok(());
    }
    let r = flush(vm, this.clone());
    let c = vm.call_method(&buffer, "close", &[]);
    r?;
    c.map(|_| ())
}

/// Python int arithmetic for cookies beyond 64 bits.
fn big(vm: &mut Vm, parts: &[(i64, i64)]) -> PyResult<Value> {
    let mut acc = Value::Int(0);
    for &(v, shift) in parts {
        let s = vm.call_method(&Value::Int(v), "__lshift__", &[Value::Int(shift)])?;
        acc = vm.call_method(&acc, "__add__", &[s])?;
    }
    Ok(acc)
}

fn unpack(vm: &mut Vm, cookie: &Value) -> PyResult<[i64; 5]> {
    if let Value::Int(i) = cookie {
        return Ok([*i, 0, 0, 0, 0]);
    }
    // CPython's layout: start 64 bits, then the decoder flags, the bytes
    // to feed and the characters to skip (32 bits each), then need_eof.
    let mut out = [0i64; 5];
    let mut rest = cookie.clone();
    for (slot, bits) in out.iter_mut().zip([64, 32, 32, 32, 8]) {
        let mask = big(vm, &[(1, bits)])?;
        let mask = vm.call_method(&mask, "__sub__", &[Value::Int(1)])?;
        let low = vm.call_method(&rest, "__and__", std::slice::from_ref(&mask))?;
        *slot = vm.to_i64(&low).unwrap_or(i64::MAX);
        rest = vm.call_method(&rest, "__rshift__", &[Value::Int(bits)])?;
    }
    Ok(out)
}

fn tell(vm: &mut Vm, this: Native<T>) -> PyResult<Value> {
    let buffer = check_closed(vm, &this)?;
    let (seekable, telling) = this.with(vm, |t| (t.seekable, t.telling))?;
    if !seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !telling {
        return Err(vm.os_error("telling position disabled by next() call"));
    }
    flush(vm, this.clone())?;
    let pos = vm.call_method(&buffer, "tell", &[])?;
    let pos = int_arg(vm, &pos)?;
    let info = this.with(vm, |t| {
        let snap = t.snapshot.as_ref().map(|s| (s.flags, s.input.clone()));
        let kind = match &t.decoder {
            Some(Decoder::Utf8 { .. }) => 1,
            Some(Decoder::Latin1) => 2,
            Some(Decoder::Py(_)) => 3,
            None => 0,
        };
        (snap, kind, t.decoded[..t.dpos].to_owned(), t.readtranslate)
    })?;
    let (Some((flags, input)), kind, consumed, translate) = info else {
        return Ok(Value::Int(pos));
    };
    if kind == 0 {
        return Ok(Value::Int(pos));
    }
    let start = pos - input.len() as i64;
    if consumed.is_empty() && flags == 0 {
        return Ok(Value::Int(start));
    }
    if kind == 1 || kind == 2 {
        let (mut start, mut input) = (start, input);
        if flags & 1 != 0 {
            start -= 1;
            input.insert(0, b'\r');
        }
        let reseen = start == 0 && flags == 0;
        if !translate {
            let n = if kind == 1 {
                consumed.len()
            } else {
                consumed.chars().count()
            };
            if reseen {
                reseen_upto(vm, &this, &input[..n.min(input.len())])?;
            }
            return Ok(Value::Int(start + n as i64));
        }
        let (mut i, mut j) = (0usize, 0usize);
        let cb = consumed.as_bytes();
        while j < cb.len() && i < input.len() {
            if input[i] == b'\r' {
                i += if input.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                j += 1;
            } else if kind == 1 {
                i += 1;
                j += 1;
            } else {
                let c = consumed[j..]
                    .chars()
                    .next()
                    .map(char::len_utf8)
                    .unwrap_or(1);
                i += 1;
                j += c;
            }
        }
        if reseen {
            reseen_upto(vm, &this, &input[..i.min(input.len())])?;
        }
        return Ok(Value::Int(start + i as i64));
    }
    // Any other decoder: replay the chunk a byte at a time.
    let need = consumed.chars().count();
    let saved = decoder_state(vm, &this)?;
    set_decoder_state(vm, &this, Vec::new(), flags)?;
    let saved_tr = this.with(vm, |t| t.translator.clone())?;
    let mut chars = 0usize;
    let mut result = None;
    for (k, &byte) in input.iter().enumerate() {
        let text = decode(vm, &this, vec![byte], false)?;
        chars += text.chars().count();
        if chars >= need {
            let (buf, fl) = decoder_state(vm, &this)?;
            if chars == need && buf.is_empty() {
                result = Some((start + k as i64 + 1, fl));
            }
            break;
        }
    }
    set_decoder_state(vm, &this, saved.0, saved.1)?;
    this.with_mut(vm, |t| t.translator = saved_tr)?;
    match result {
        Some((p, 0)) => Ok(Value::Int(p)),
        Some((p, fl)) => big(vm, &[(p, 0), (fl, 64)]),
        None => big(
            vm,
            &[
                (start, 0),
                (flags, 64),
                (input.len() as i64, 96),
                (need as i64, 128),
            ],
        ),
    }
}

/// CPython's `tell()` resets the decoder when the chunk began the file
/// and decodes the consumed bytes again: the newline kinds seen are then
/// those of that part.
fn reseen_upto(vm: &mut Vm, this: &Native<T>, consumed: &[u8]) -> PyResult<()> {
    this.with_mut(vm, |t| {
        if let Some(tr) = &mut t.translator {
            let mut fresh = Translator::new(tr.translate);
            fresh.feed(&String::from_utf8_lossy(consumed), false);
            tr.seen = fresh.seen;
        }
    })
}

fn seek(vm: &mut Vm, this: Native<T>, cookie: Value, whence: OptArg<Value>) -> PyResult<Value> {
    let buffer = check_closed(vm, &this)?;
    let whence = match &whence.0 {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    if !this.with(vm, |t| t.seekable)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let zero = matches!(cookie, Value::Int(0));
    match whence {
        1 => {
            if !zero {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            return tell(vm, this);
        }
        2 => {
            if !zero {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            flush(vm, this.clone())?;
            this.with_mut(vm, |t| {
                t.decoded.clear();
                t.dpos = 0;
                t.snapshot = None;
            })?;
            reset_decoder(vm, &this)?;
            let r = vm.call_method(&buffer, "seek", &[Value::Int(0), Value::Int(2)])?;
            reset_encoder(vm, &this, matches!(r, Value::Int(0)))?;
            return Ok(r);
        }
        0 => {}
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let neg = vm.call_method(&cookie, "__lt__", &[Value::Int(0)])?;
    if vm.is_true(&neg)? {
        let r = vm.repr(&cookie)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    flush(vm, this.clone())?;
    let [pos, flags, feed, _eof, skip] = unpack(vm, &cookie)?;
    vm.call_method(&buffer, "seek", &[Value::Int(pos)])?;
    this.with_mut(vm, |t| {
        t.decoded.clear();
        t.dpos = 0;
        t.snapshot = None;
    })?;
    if pos == 0 && flags == 0 {
        reset_decoder(vm, &this)?;
    } else {
        set_decoder_state(vm, &this, Vec::new(), flags)?;
        this.with_mut(vm, |t| {
            t.snapshot = Some(Snapshot {
                flags,
                input: Vec::new(),
            })
        })?;
    }
    if skip > 0 || feed > 0 {
        let input = vm.call_method(&buffer, "read", &[Value::Int(feed)])?;
        let input = bytes_of(vm, &input)?;
        let text = decode(vm, &this, input.clone(), false)?;
        let ok = this.with_mut(vm, |t| {
            let mut idx = text.len();
            let mut ok = (skip as usize) <= text.chars().count();
            if let Some((i, _)) = text.char_indices().nth(skip as usize) {
                idx = i;
            } else if (skip as usize) > text.chars().count() {
                ok = false;
            }
            t.decoded = text;
            t.dpos = idx.min(t.decoded.len());
            t.snapshot = Some(Snapshot { flags, input });
            ok
        })?;
        if !ok {
            return Err(vm.os_error("can't restore logical file position"));
        }
    }
    reset_encoder(vm, &this, zero)?;
    Ok(cookie)
}

fn reset_encoder(vm: &mut Vm, this: &Native<T>, at_start: bool) -> PyResult<()> {
    let enc = this.with(vm, |t| match &t.encoder {
        Some(Encoder::Py(e)) => Some(e.clone()),
        _ => None,
    })?;
    if let Some(e) = enc {
        if at_start {
            vm.call_method(&e, "reset", &[])?;
        } else {
            vm.call_method(&e, "setstate", &[Value::Int(0)])?;
        }
    }
    Ok(())
}

fn truncate(vm: &mut Vm, this: Native<T>, pos: OptArg<Value>) -> PyResult<Value> {
    let buffer = check_closed(vm, &this)?;
    flush(vm, this.clone())?;
    let pos = match pos.0 {
        Some(p) if !p.is_none() => p,
        _ => tell(vm, this.clone())?,
    };
    vm.call_method(&buffer, "truncate", &[pos])
}

fn detach(vm: &mut Vm, this: Native<T>) -> PyResult<Value> {
    buffer_of(vm, &this)?;
    flush(vm, this.clone())?;
    this.with_mut(vm, |t| {
        t.detached = true;
        std::mem::replace(&mut t.buffer, Value::None)
    })
}

fn reconfigure(vm: &mut Vm, this: Native<T>, args: VarArgs, kw: KwArgs) -> PyResult<()> {
    if !args.0.is_empty() {
        return Err(vm.type_error("reconfigure() takes no positional arguments"));
    }
    let mut encoding = None;
    let mut errors = None;
    let mut newline: Option<Option<Value>> = None;
    let mut lb = None;
    let mut wt = None;
    for (k, v) in kw.0 {
        match k.as_str() {
            "encoding" => encoding = Some(v),
            "errors" => errors = Some(v),
            "newline" => newline = Some(Some(v)),
            "line_buffering" => lb = Some(v),
            "write_through" => wt = Some(v),
            _ => {
                return Err(vm.type_error(format!(
                    "reconfigure() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let buffer = buffer_of(vm, &this)?;
    let encoding = opt_str(vm, &encoding, "encoding")?;
    let errors = opt_str(vm, &errors, "errors")?;
    let newline = match newline {
        None => None,
        Some(v) => Some(match v {
            None | Some(Value::None) => None,
            Some(v) => match v.as_str() {
                Some(s) => Some(s.to_owned()),
                None => {
                    let t = vm.type_name(&v);
                    return Err(vm.type_error(format!(
                        "reconfigure() argument 'newline' must be str or None, not {t}"
                    )));
                }
            },
        }),
    };
    if let Some(n) = &newline {
        check_newline(vm, n)?;
    }
    let changing = encoding.is_some() || errors.is_some() || newline.is_some();
    if changing
        && this.with(vm, |t| {
            t.decoder.is_some() && (t.snapshot.is_some() || !t.decoded.is_empty())
        })?
    {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    flush(vm, this.clone())?;
    if changing {
        let (cur_enc, cur_err, cur_nl) = this.with(vm, |t| {
            (t.encoding.clone(), t.errors.clone(), t.readnl.clone())
        })?;
        let errors = match (&encoding, errors) {
            (_, Some(e)) => e,
            (Some(_), None) => "strict".to_owned(),
            (None, None) => cur_err,
        };
        let encoding = encoding.unwrap_or(cur_enc);
        let newline = newline.unwrap_or(cur_nl);
        setup(vm, &this, &buffer, encoding, errors, newline)?;
    }
    if let Some(v) = lb {
        if !v.is_none() {
            let b = vm.is_true(&v)?;
            this.with_mut(vm, |t| t.line_buffering = b)?;
        }
    }
    if let Some(v) = wt {
        if !v.is_none() {
            let b = vm.is_true(&v)?;
            this.with_mut(vm, |t| t.write_through = b)?;
        }
    }
    Ok(())
}

fn repr(vm: &mut Vm, this: Native<T>) -> PyResult<String> {
    let label = crate::common::type_label(vm, &this.value(), "TextIOWrapper");
    let mut s = format!("<{label}");
    if let Some(n) = crate::common::name_repr(vm, &this.value())? {
        s.push_str(&format!(" name={n}"));
    }
    if let Some(d) = this.obj().dict().cloned() {
        if let Some(m) = vm.dict_get_str(&d, "mode") {
            let r = vm.repr(&m)?;
            s.push_str(&format!(" mode={r}"));
        }
    }
    let enc = this.with(vm, |t| t.encoding.clone())?;
    let e = vm.str_val(enc);
    let e = vm.repr(&e)?;
    s.push_str(&format!(" encoding={e}>"));
    Ok(s)
}

fn forward(c: &mut ClassDef<T>, name: &'static str) {
    c.method(name, move |vm: &mut Vm, t: Native<T>| -> PyResult<Value> {
        let b = buffer_of(vm, &t)?;
        vm.call_method(&b, name, &[])
    });
}

fn attr(c: &mut ClassDef<T>, name: &'static str, f: fn(&mut Vm, &Native<T>) -> PyResult<Value>) {
    c.getter_value(name, move |vm, v| match Native::<T>::of(v) {
        Some(n) => f(vm, &n),
        None => Err(vm.type_error("expected a TextIOWrapper")),
    });
}

fn err_value(vm: &mut Vm, e: PyErr) -> PyErr {
    let _ = vm;
    e
}

impl NativeClass for TextIOWrapper {
    const NAME: &'static str = "TextIOWrapper";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> =
        Some("Character and line based layer over a BufferedIOBase object, buffer.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<crate::iobase::TextIOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(TextIOWrapper::default()));
        c.method("__init__", init)
            .params(&[
                "buffer",
                "encoding",
                "errors",
                "newline",
                "line_buffering",
                "write_through",
            ])
            .name = "TextIOWrapper".into();
        c.method("write", write);
        c.method("read", read);
        c.method("readline", readline);
        c.method("flush", flush);
        c.method("close", close);
        c.method("tell", tell);
        c.method("seek", seek);
        c.method("truncate", truncate);
        c.method("detach", detach);
        c.method("reconfigure", reconfigure);
        for n in ["fileno", "isatty", "readable", "writable", "seekable"] {
            forward(c, n);
        }
        c.method("_dealloc_warn", |_vm: &mut Vm, _t: Native<T>, _s: Value| ());
        c.method(
            "__getstate__",
            |vm: &mut Vm, t: Native<T>| -> PyResult<()> {
                let n = vm.type_name(&t.value());
                Err(vm.type_error(format!("cannot pickle '{n}' object")))
            },
        );
        attr(c, "encoding", |vm, t| {
            let e = t.with(vm, |t| t.encoding.clone())?;
            Ok(vm.str_val(e))
        });
        attr(c, "errors", |vm, t| {
            let e = t.with(vm, |t| t.errors.clone())?;
            Ok(vm.str_val(e))
        });
        attr(c, "buffer", buffer_of);
        attr(c, "line_buffering", |vm, t| {
            Ok(Value::Bool(t.with(vm, |t| t.line_buffering)?))
        });
        attr(c, "write_through", |vm, t| {
            Ok(Value::Bool(t.with(vm, |t| t.write_through)?))
        });
        attr(c, "newlines", |vm, t| {
            let tr = t.with(vm, |t| t.translator.clone())?;
            Ok(match tr {
                Some(tr) => tr.newlines(vm),
                None => Value::None,
            })
        });
        attr(c, "name", |vm, t| {
            let b = buffer_of(vm, t)?;
            vm.get_attr_str(&b, "name").map_err(|e| err_value(vm, e))
        });
        attr(c, "closed", |vm, t| {
            let b = buffer_of(vm, t)?;
            vm.get_attr_str(&b, "closed")
        });
        attr(c, "_finalizing", |_vm, _t| Ok(Value::Bool(false)));
        c.property(
            "_CHUNK_SIZE",
            |t: &T| t.chunk_size,
            |t: &mut T, n: i64| {
                if n > 0 {
                    t.chunk_size = n as usize;
                }
            },
        );
        c.next(next);
        c.repr(repr);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.buffer);
        if let Some(Decoder::Py(d)) = &self.decoder {
            visit(d);
        }
        if let Some(Encoder::Py(e)) = &self.encoder {
            visit(e);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        // Interpreter teardown: what finalizers printed last still goes out.
        if !self.pending.is_empty() {
            if let Some(o) = self.buffer.as_obj() {
                crate::buffered::push_on_drop(o, &std::mem::take(&mut self.pending));
            }
        }
        out.push(std::mem::replace(&mut self.buffer, Value::None));
        if let Some(Decoder::Py(d)) = self.decoder.take() {
            out.push(d);
        }
        if let Some(Encoder::Py(e)) = self.encoder.take() {
            out.push(e);
        }
    }
}

impl Drop for TextIOWrapper {
    /// Hands pending bytes to a native buffered writer below when dropped
    /// unclosed; that one writes them out as it goes.
    fn drop(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        if let Some(o) = self.buffer.as_obj() {
            crate::buffered::push_on_drop(o, &self.pending);
        }
    }
}
