//! The `base64` module's base-85 functions: `b85encode`/`b85decode`
//! (git's alphabet), `a85encode`/`a85decode` (Ascii85, with Adobe framing)
//! and `z85encode`/`z85decode` (ZeroMQ's alphabet, CPython 3.13's API).

use std::borrow::Cow;

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyTuple};

use crate::arity::python_positional;
use crate::input::{decode_data, memoryview_bytes};
use crate::int_args::Arg;
use crate::output::{exact_bytes, maybe_detached};
use rpy_base64_core as core;

fn truthy(flag: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    match flag {
        Some(f) => f.is_truthy(),
        None => Ok(false),
    }
}

/// Base85 (git's alphabet) of a bytes-like object; `pad` pads the input
/// with zeros to a multiple of 4 bytes.
#[pyfunction]
#[pyo3(signature = (b, pad=None), text_signature = "(b, pad=False)")]
pub fn b85encode<'py>(
    py: Python<'py>,
    b: &Bound<'py, PyAny>,
    pad: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = memoryview_bytes(b)?;
    let pad = truthy(pad)?;
    let input = input.as_slice();
    exact_bytes(
        py,
        core::b85_encoded_len(input.len(), pad),
        input.len(),
        |out| core::b85_encode_into(input, pad, out),
    )
}

/// Decodes Base85 (git's alphabet).
#[pyfunction]
#[pyo3(signature = (b, *extra), text_signature = "(b)")]
pub fn b85decode<'py>(
    py: Python<'py>,
    b: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("b85decode", extra.len(), 0)?;
    let input = decode_data(b)?;
    let input = input.as_slice();
    exact_bytes(py, core::b85_decoded_len(input.len()), input.len(), |out| {
        core::b85_decode_into(input, out)
    })
}

/// Z85 (ZeroMQ's base-85 alphabet) of a bytes-like object.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn z85encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("z85encode", extra.len(), 0)?;
    let input = memoryview_bytes(s)?;
    let input = input.as_slice();
    exact_bytes(py, core::z85_encoded_len(input.len()), input.len(), |out| {
        core::z85_encode_into(input, out)
    })
}

/// Decodes Z85 (ZeroMQ's base-85 alphabet).
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn z85decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("z85decode", extra.len(), 0)?;
    let input = decode_data(s)?;
    let input = input.as_slice();
    exact_bytes(py, core::z85_decoded_len(input.len()), input.len(), |out| {
        core::z85_decode_into(input, out)
    })
}

/// `wrapcol` as `a85encode` uses it: no wrapping when false, else at least
/// 1 (2 with Adobe framing), and an integer as `range()` wants one.
fn wrap_width(wrapcol: Option<&Bound<'_, PyAny>>, adobe: bool) -> PyResult<usize> {
    let Some(w) = wrapcol else { return Ok(0) };
    if !w.is_truthy()? {
        return Ok(0);
    }
    let least: i64 = if adobe { 2 } else { 1 };
    if !w.gt(least)? {
        return Ok(least as usize);
    }
    match w.extract::<i64>() {
        Ok(v) => Ok(usize::try_from(v).unwrap_or(usize::MAX)),
        Err(e) if e.is_instance_of::<PyOverflowError>(w.py()) => Ok(usize::MAX),
        Err(e) => Err(e),
    }
}

/// Ascii85 of a bytes-like object. `foldspaces` writes four spaces as 'y',
/// `wrapcol` breaks lines, `pad` pads to 4 bytes, `adobe` frames in <~ ~>.
#[pyfunction]
#[pyo3(
    signature = (b, *extra, foldspaces=None, wrapcol=None, pad=None, adobe=None),
    text_signature = "(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False)"
)]
pub fn a85encode<'py>(
    py: Python<'py>,
    b: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
    foldspaces: Option<&Bound<'py, PyAny>>,
    wrapcol: Option<&Bound<'py, PyAny>>,
    pad: Option<&Bound<'py, PyAny>>,
    adobe: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let keyword_only = [foldspaces, wrapcol, pad, adobe].iter().flatten().count();
    python_positional("a85encode", extra.len(), keyword_only)?;
    let input = memoryview_bytes(b)?;
    let options = core::A85Encode {
        foldspaces: truthy(foldspaces)?,
        pad: truthy(pad)?,
        adobe: truthy(adobe)?,
        wrapcol: 0,
    };
    let options = core::A85Encode {
        wrapcol: wrap_width(wrapcol, options.adobe)?,
        ..options
    };
    let input = input.as_slice();
    exact_bytes(
        py,
        maybe_detached(py, input.len(), || core::a85_encoded_len(input, &options)),
        input.len(),
        |out| core::a85_encode_into(input, &options, out),
    )
}

/// Which bytes `a85decode` skips: `ignorechars` is read with `in`, as the
/// `base64` module does, so any container of ints (or bytes-like) works.
fn ignored_bytes(
    ignorechars: &Arg<'_>,
    input: &[u8],
    foldspaces: bool,
) -> PyResult<Cow<'static, [u8]>> {
    let Some(chars) = ignorechars.given() else {
        return Ok(Cow::Borrowed(core::A85Decode::DEFAULT_IGNORECHARS));
    };
    if let Ok(b) = chars.cast::<PyBytes>() {
        return Ok(Cow::Owned(b.as_bytes().to_vec()));
    }
    if let Ok(b) = chars.cast::<PyByteArray>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    // Any other container answers for the bytes that reach the check, in
    // the order the decoder meets them.
    let mut asked = [false; 256];
    let mut ignored = Vec::new();
    for &c in input {
        let reaches_check = !(b'!'..=b'u').contains(&c) && c != b'z' && !(foldspaces && c == b'y');
        if reaches_check && !asked[usize::from(c)] {
            asked[usize::from(c)] = true;
            if chars.contains(c)? {
                ignored.push(c);
            }
        }
    }
    Ok(Cow::Owned(ignored))
}

/// Decodes Ascii85. `foldspaces` reads 'y' as four spaces, `adobe` wants
/// the <~ ~> framing, bytes in `ignorechars` are skipped.
#[pyfunction]
#[pyo3(
    signature = (b, *extra, foldspaces=None, adobe=None, ignorechars=Arg::ABSENT),
    text_signature = "(b, *, foldspaces=False, adobe=False, ignorechars=b' \\t\\n\\r\\x0b')"
)]
pub fn a85decode<'py>(
    py: Python<'py>,
    b: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
    foldspaces: Option<&Bound<'py, PyAny>>,
    adobe: Option<&Bound<'py, PyAny>>,
    ignorechars: Arg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let keyword_only = [foldspaces, adobe].iter().flatten().count() + ignorechars.count();
    python_positional("a85decode", extra.len(), keyword_only)?;
    let input = decode_data(b)?;
    let input = input.as_slice();
    let foldspaces = truthy(foldspaces)?;
    let adobe = truthy(adobe)?;
    let ignorechars = ignored_bytes(&ignorechars, input, foldspaces)?;
    let options = core::A85Decode {
        foldspaces,
        adobe,
        ignorechars: &ignorechars,
    };
    exact_bytes(
        py,
        maybe_detached(py, input.len(), || core::a85_decoded_len(input, &options)),
        input.len(),
        |out| core::a85_decode_into(input, &options, out),
    )
}
