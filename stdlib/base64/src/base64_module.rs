//! The `_base64` module: the codecs of CPython 3.11's `base64` module
//! (which `Lib/base64.py` wraps), with the exceptions base64.py raises:
//! `binascii.Error` for bad data, `ValueError` from the base-85 decoders,
//! `TypeError`/`AssertionError` for bad arguments. Also Z85 (CPython 3.13).

use std::rc::Rc;

use rpy_base64_core as core;
use rpy_vm::{Args, Params, PyErr, PyRef, PyResult, Value, Vm};

use crate::arguments::{flag, truthy};
use crate::exceptions::{add_functions, Exceptions, ModuleFn};
use crate::input::{ascii_data, bytes_like, decode_data, decoded_repr, view_bytes};

/// `assert False, shown` as base64.py's argument checks raise it.
fn assertion(vm: &mut Vm, shown: String) -> PyErr {
    let cls = vm.exc.assertion_error.clone();
    vm.new_error(&cls, shown)
}

/// The single argument of a one-parameter function.
fn one<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, param: &str) -> PyResult<&'a Value> {
    let [s] = args.bind(vm, name, [param], 1)?;
    Ok(s.unwrap_or(&Value::None))
}

/// An optional argument whose default is `None`.
fn given(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_none())
}

fn encode64(vm: &mut Vm, exc: &Exceptions, input: &[u8], alt: Option<[u8; 2]>) -> PyResult<Value> {
    let opts = core::B64Encode {
        newline: false,
        altchars: alt,
    };
    exc.bytes(vm, core::base64_encode(input, &opts))
}

fn decode64(vm: &mut Vm, exc: &Exceptions, input: &[u8], opts: core::B64Decode) -> PyResult<Value> {
    exc.bytes(vm, core::base64_decode(input, &opts))
}

/// `b64encode`'s altchars: `assert len(altchars) == 2`, then a bytes-like
/// object for `bytes.maketrans`.
fn encode_altchars(vm: &mut Vm, a: &Value) -> PyResult<[u8; 2]> {
    if vm.len(a)? != 2 {
        let shown = vm.repr(a)?;
        return Err(assertion(vm, shown));
    }
    match vm.bytes_like(a)?.as_slice() {
        [x, y] => Ok([*x, *y]),
        _ => Err(vm.value_error("maketrans arguments must have same length")),
    }
}

fn b64encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [s, altchars] = args.bind(vm, "b64encode", ["s", "altchars"], 1)?;
    let input = bytes_like(vm, s.unwrap_or(&Value::None))?;
    let alt = match given(altchars) {
        Some(a) => Some(encode_altchars(vm, a)?),
        None => None,
    };
    encode64(vm, exc, &input, alt)
}

fn b64decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [s, altchars, validate] = args.bind(vm, "b64decode", ["s", "altchars", "validate"], 1)?;
    let input = decode_data(vm, s.unwrap_or(&Value::None))?;
    let alt = match given(altchars) {
        Some(a) => match decode_data(vm, a)?.as_slice() {
            [x, y] => Some([*x, *y]),
            other => {
                let shown = decoded_repr(vm, a, other)?;
                return Err(assertion(vm, shown));
            }
        },
        None => None,
    };
    // base64.py passes `validate` on as a2b_base64's C int `strict_mode`.
    let strict = flag(vm, validate, false)?;
    decode64(
        vm,
        exc,
        &input,
        core::B64Decode {
            strict,
            altchars: alt,
        },
    )
}

fn standard_b64encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "standard_b64encode", "s")?;
    let input = bytes_like(vm, s)?;
    encode64(vm, exc, &input, None)
}

fn standard_b64decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "standard_b64decode", "s")?;
    let input = decode_data(vm, s)?;
    decode64(vm, exc, &input, core::B64Decode::STANDARD)
}

fn urlsafe_b64encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "urlsafe_b64encode", "s")?;
    let input = bytes_like(vm, s)?;
    encode64(vm, exc, &input, Some(*b"-_"))
}

fn urlsafe_b64decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "urlsafe_b64decode", "s")?;
    let input = decode_data(vm, s)?;
    decode64(vm, exc, &input, core::B64Decode::URLSAFE)
}

/// base64.py's `_input_type_check`: `memoryview(s)` must work (rpy's
/// views are all one-dimensional bytes). Returns the buffer.
fn input_type_check(vm: &mut Vm, s: &Value) -> PyResult<rpy_vm::Buffer> {
    match vm.buffer(s)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(s);
            Err(vm.type_error(format!("expected bytes-like object, not {t}")))
        }
    }
}

fn encodebytes(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "encodebytes", "s")?;
    let buf = input_type_check(vm, s)?;
    if buf.bytes.is_empty() {
        return Ok(vm.new_bytes(Vec::new()));
    }
    if !buf.contiguous {
        // Its first 57-byte slice goes to b2a_base64, which wants a plain buffer.
        let cls = vm.exc.buffer_error.clone();
        return Err(vm.new_error(&cls, "memoryview: underlying buffer is not C-contiguous"));
    }
    exc.bytes(vm, core::base64_mime_encode(&buf.bytes))
}

fn decodebytes(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "decodebytes", "s")?;
    input_type_check(vm, s)?;
    let input = ascii_data(vm, s)?;
    decode64(vm, exc, &input, core::B64Decode::STANDARD)
}

fn encode32(
    vm: &mut Vm,
    args: Args<'_>,
    exc: &Exceptions,
    name: &str,
    alphabet: core::Base32Alphabet,
) -> PyResult<Value> {
    let s = one(vm, &args, name, "s")?;
    let input = view_bytes(vm, s)?;
    exc.bytes(vm, core::base32_encode(&input, alphabet))
}

/// base64.py's `_b32decode`: length check, then `map01`, then `casefold`.
fn decode32(
    vm: &mut Vm,
    exc: &Exceptions,
    alphabet: core::Base32Alphabet,
    s: &Value,
    casefold: Option<&Value>,
    map01: Option<&Value>,
) -> PyResult<Value> {
    let input = decode_data(vm, s)?;
    if input.len() % 8 != 0 {
        return Err(exc.error(vm, "Incorrect padding"));
    }
    let map01 = match given(map01) {
        Some(m) => match decode_data(vm, m)?.as_slice() {
            [c] => Some(*c),
            other => {
                let shown = decoded_repr(vm, m, other)?;
                return Err(assertion(vm, shown));
            }
        },
        None => None,
    };
    let opts = core::B32Decode {
        alphabet,
        casefold: truthy(vm, casefold)?,
        map01,
    };
    exc.bytes(vm, core::base32_decode(&input, &opts))
}

fn b32encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    encode32(vm, args, exc, "b32encode", core::Base32Alphabet::Standard)
}

fn b32hexencode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    encode32(vm, args, exc, "b32hexencode", core::Base32Alphabet::Hex)
}

fn b32decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [s, casefold, map01] = args.bind(vm, "b32decode", ["s", "casefold", "map01"], 1)?;
    let s = s.unwrap_or(&Value::None);
    decode32(vm, exc, core::Base32Alphabet::Standard, s, casefold, map01)
}

fn b32hexdecode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [s, casefold] = args.bind(vm, "b32hexdecode", ["s", "casefold"], 1)?;
    let s = s.unwrap_or(&Value::None);
    decode32(vm, exc, core::Base32Alphabet::Hex, s, casefold, None)
}

fn b16encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "b16encode", "s")?;
    let input = bytes_like(vm, s)?;
    exc.bytes(vm, core::base16_encode(&input))
}

fn b16decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [s, casefold] = args.bind(vm, "b16decode", ["s", "casefold"], 1)?;
    let input = decode_data(vm, s.unwrap_or(&Value::None))?;
    let fold = truthy(vm, casefold)?;
    // base64.py looks for a non-digit before binascii checks the length.
    let digit = |c: u8| {
        let c = if fold { c.to_ascii_uppercase() } else { c };
        c.is_ascii_digit() || (b'A'..=b'F').contains(&c)
    };
    if !input.iter().all(|&c| digit(c)) {
        return Err(exc.error(vm, "Non-base16 digit found"));
    }
    exc.bytes(vm, core::base16_decode(&input, fold))
}

fn b85encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [b, pad] = args.bind(vm, "b85encode", ["b", "pad"], 1)?;
    let input = view_bytes(vm, b.unwrap_or(&Value::None))?;
    let pad = truthy(vm, pad)?;
    exc.bytes(vm, core::b85_encode(&input, pad))
}

fn b85decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let b = one(vm, &args, "b85decode", "b")?;
    let input = decode_data(vm, b)?;
    exc.bytes(vm, core::b85_decode(&input))
}

fn z85encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "z85encode", "s")?;
    let input = view_bytes(vm, s)?;
    exc.bytes(vm, core::z85_encode(&input))
}

fn z85decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let s = one(vm, &args, "z85decode", "s")?;
    let input = decode_data(vm, s)?;
    exc.bytes(vm, core::z85_decode(&input))
}

/// `a85encode`'s line width: 0 when `wrapcol` is false, else
/// `max(2 if adobe else 1, wrapcol)` used as a `range()` step.
fn wrap_width(vm: &mut Vm, wrapcol: Option<&Value>, adobe: bool) -> PyResult<usize> {
    let Some(w) = wrapcol else { return Ok(0) };
    if !vm.is_true(w)? {
        return Ok(0);
    }
    let least = if adobe { 2 } else { 1 };
    let wider = vm.compare(w, &Value::Int(least), rpy_vm::ComparisonOperator::Gt)?;
    if !vm.is_true(&wider)? {
        return Ok(least as usize);
    }
    match vm.to_i64(w) {
        Ok(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Err(e) => {
            // A width beyond i64 still makes a single line, as in Python.
            let cls = vm.exc.overflow_error.clone();
            if vm.err_matches(&e, &cls) {
                Ok(usize::MAX)
            } else {
                Err(e)
            }
        }
    }
}

fn a85encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let params = Params {
        name: "a85encode",
        names: ["b", "foldspaces", "wrapcol", "pad", "adobe"],
        posonly: 0,
        maxpos: 1,
        minpos: 1,
    };
    let [b, foldspaces, wrapcol, pad, adobe] = args.parse(vm, &params)?;
    let input = view_bytes(vm, b.unwrap_or(&Value::None))?;
    let pad = truthy(vm, pad)?;
    let foldspaces = truthy(vm, foldspaces)?;
    let adobe = truthy(vm, adobe)?;
    let opts = core::A85Encode {
        foldspaces,
        wrapcol: wrap_width(vm, wrapcol, adobe)?,
        pad,
        adobe,
    };
    exc.bytes(vm, core::a85_encode(&input, &opts))
}

/// The bytes `a85decode` skips. base64.py asks `x in ignorechars` for each
/// byte that is not Ascii85, so any container works; it is asked about the
/// distinct such bytes, in order (after the Adobe framing is removed).
fn ignored_bytes(
    vm: &mut Vm,
    ignorechars: Option<&Value>,
    input: &[u8],
    foldspaces: bool,
    adobe: bool,
) -> PyResult<Vec<u8>> {
    let Some(chars) = ignorechars else {
        return Ok(core::A85Decode::DEFAULT_IGNORECHARS.to_vec());
    };
    if chars.as_bytes().is_some() || chars.is_bytearray() {
        return vm.bytes_like(chars);
    }
    let mut body = input;
    if adobe && body.ends_with(b"~>") {
        body = body.get(..body.len() - 2).unwrap_or(&[]);
        if body.starts_with(b"<~") {
            body = body.get(2..).unwrap_or(&[]);
        }
    }
    let mut asked = [false; 256];
    let mut ignored = Vec::new();
    for &c in body {
        let digit = (b'!'..=b'u').contains(&c) || c == b'z' || (foldspaces && c == b'y');
        if digit || asked[usize::from(c)] {
            continue;
        }
        asked[usize::from(c)] = true;
        if vm.contains(chars, &Value::Int(i64::from(c)))? {
            ignored.push(c);
        }
    }
    Ok(ignored)
}

fn a85decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let params = Params {
        name: "a85decode",
        names: ["b", "foldspaces", "adobe", "ignorechars"],
        posonly: 0,
        maxpos: 1,
        minpos: 1,
    };
    let [b, foldspaces, adobe, ignorechars] = args.parse(vm, &params)?;
    let input = decode_data(vm, b.unwrap_or(&Value::None))?;
    let adobe = truthy(vm, adobe)?;
    let foldspaces = truthy(vm, foldspaces)?;
    let ignored = ignored_bytes(vm, ignorechars, &input, foldspaces, adobe)?;
    let opts = core::A85Decode {
        foldspaces,
        adobe,
        ignorechars: &ignored,
    };
    exc.bytes(vm, core::a85_decode(&input, &opts))
}

const FUNCTIONS: &[(&str, ModuleFn)] = &[
    ("b64encode", b64encode),
    ("b64decode", b64decode),
    ("standard_b64encode", standard_b64encode),
    ("standard_b64decode", standard_b64decode),
    ("urlsafe_b64encode", urlsafe_b64encode),
    ("urlsafe_b64decode", urlsafe_b64decode),
    ("encodebytes", encodebytes),
    ("decodebytes", decodebytes),
    ("b32encode", b32encode),
    ("b32decode", b32decode),
    ("b32hexencode", b32hexencode),
    ("b32hexdecode", b32hexdecode),
    ("b16encode", b16encode),
    ("b16decode", b16decode),
    ("b85encode", b85encode),
    ("b85decode", b85decode),
    ("a85encode", a85encode),
    ("a85decode", a85decode),
    ("z85encode", z85encode),
    ("z85decode", z85decode),
];

/// Builds the `_base64` module; its errors are those of the `binascii`
/// module it imports.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let binascii = vm.import_module("binascii")?;
    let class = |vm: &mut Vm, name: &str| -> PyResult<PyRef> {
        match vm.get_attr_str(&binascii, name)? {
            Value::Obj(c) if c.as_type().is_some() => Ok(c),
            _ => Err(vm.type_error(format!("binascii.{name} is not a class"))),
        }
    };
    let exc = Rc::new(Exceptions {
        error: class(vm, "Error")?,
        incomplete: class(vm, "Incomplete")?,
    });
    let m = vm.new_module("_base64");
    let doc = vm.str_val("The base64 module's codecs, native to rpy");
    vm.module_set(&m, "__doc__", doc);
    add_functions(vm, &m, &exc, FUNCTIONS);
    Ok(m)
}
