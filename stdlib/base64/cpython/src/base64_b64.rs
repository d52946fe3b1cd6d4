//! The `base64` module's Base64 functions: `b64encode`/`b64decode`, their
//! standard and URL-safe variants, and `encodebytes`/`decodebytes`.

use pyo3::exceptions::{PyAssertionError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString, PyTuple};

use crate::arity::python_positional;
use crate::input::{ascii_data, bytes_like, decode_data, type_name, Input};
use crate::int_args::{c_int, Arg};
use crate::output::{base64_size_guess, exact_bytes, guessed_bytes};
use rpy_base64_core as core;

/// Base64 of `data` without newline, with `altchars` in place of "+/".
fn encode<'py>(
    py: Python<'py>,
    input: &[u8],
    altchars: Option<[u8; 2]>,
) -> PyResult<Bound<'py, PyBytes>> {
    let opts = core::B64Encode {
        newline: false,
        altchars,
    };
    exact_bytes(
        py,
        core::base64_encoded_len(input.len(), &opts),
        input.len(),
        |out| core::base64_encode_into(input, &opts, out),
    )
}

/// Decodes Base64 whose "+/" are spelled `altchars` ("+/" still decode).
fn decode<'py>(
    py: Python<'py>,
    input: &[u8],
    altchars: Option<[u8; 2]>,
    strict: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let opts = core::B64Decode { strict, altchars };
    guessed_bytes(
        py,
        base64_size_guess(input),
        input.len(),
        || core::base64_decoded_len(input, &opts),
        |out| core::base64_decode_into(input, &opts, out),
    )
}

/// `assert len(x) == n, repr(x)`, as the `base64` module checks its
/// alphabet arguments.
pub fn assert_len(obj: &Bound<'_, PyAny>, n: usize) -> PyResult<()> {
    if obj.len()? == n {
        Ok(())
    } else {
        Err(PyAssertionError::new_err(obj.repr()?.unbind()))
    }
}

/// The two alternative characters of `b64encode`: any bytes-like object of
/// length 2 (str is refused by `bytes.maketrans`).
fn encode_altchars(altchars: &Bound<'_, PyAny>) -> PyResult<[u8; 2]> {
    assert_len(altchars, 2)?;
    let input = bytes_like(altchars)?;
    match input.as_slice() {
        [a, b] => Ok([*a, *b]),
        // A buffer whose len() is not its size in bytes (array of ints).
        _ => Err(pyo3::exceptions::PyValueError::new_err(
            "maketrans arguments must have same length",
        )),
    }
}

/// The two alternative characters of `b64decode`: read like its data, then
/// checked for length (the message shows the converted value).
fn decode_altchars(altchars: &Bound<'_, PyAny>) -> PyResult<[u8; 2]> {
    let py = altchars.py();
    let converted = decode_data(altchars)?;
    let bytes = converted.as_slice();
    if let [a, b] = bytes {
        return Ok([*a, *b]);
    }
    let shown = if altchars.is_instance_of::<PyByteArray>() {
        altchars.repr()?
    } else {
        PyBytes::new(py, bytes).repr()?
    };
    Err(PyAssertionError::new_err(shown.unbind()))
}

/// Base64 of a bytes-like object, with an optional two-character
/// replacement for "+/".
#[pyfunction]
#[pyo3(signature = (s, altchars=None))]
pub fn b64encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    altchars: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = bytes_like(s)?;
    let alt = altchars.map(encode_altchars).transpose()?;
    encode(py, input.as_slice(), alt)
}

/// Decodes Base64 (bytes-like or ASCII str); `validate` refuses characters
/// outside the alphabet instead of skipping them.
#[pyfunction]
#[pyo3(signature = (s, altchars=None, validate=Arg::ABSENT), text_signature = "(s, altchars=None, validate=False)")]
pub fn b64decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    altchars: Option<&Bound<'py, PyAny>>,
    validate: Arg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = decode_data(s)?;
    let alt = altchars.map(decode_altchars).transpose()?;
    let strict = match validate.given() {
        Some(v) => c_int(v)? != 0,
        None => false,
    };
    decode(py, input.as_slice(), alt, strict)
}

/// Base64 with the standard alphabet.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn standard_b64encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("standard_b64encode", extra.len(), 0)?;
    encode(py, bytes_like(s)?.as_slice(), None)
}

/// Decodes Base64 with the standard alphabet, skipping other characters.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn standard_b64decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("standard_b64decode", extra.len(), 0)?;
    decode(py, decode_data(s)?.as_slice(), None, false)
}

/// Base64 with the URL- and filename-safe alphabet ("-_" for "+/").
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn urlsafe_b64encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("urlsafe_b64encode", extra.len(), 0)?;
    encode(py, bytes_like(s)?.as_slice(), Some(*b"-_"))
}

/// Decodes URL-safe Base64 ("+/" are accepted too).
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn urlsafe_b64decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("urlsafe_b64decode", extra.len(), 0)?;
    decode(py, decode_data(s)?.as_slice(), Some(*b"-_"), false)
}

/// `encodebytes`/`decodebytes` take only 1-D buffers of single bytes.
fn check_byte_buffer<'a, 'py>(s: &'a Bound<'py, PyAny>) -> PyResult<()> {
    let name = type_name(s);
    let view = PyMemoryView::from(s)
        .map_err(|_| PyTypeError::new_err(format!("expected bytes-like object, not {name}")))?;
    let format: String = view.getattr("format")?.extract()?;
    if !matches!(format.as_str(), "c" | "b" | "B") {
        let shown = PyString::new(s.py(), &format).repr()?;
        return Err(PyTypeError::new_err(format!(
            "expected single byte elements, not {shown} from {name}"
        )));
    }
    let ndim: usize = view.getattr("ndim")?.extract()?;
    if ndim != 1 {
        return Err(PyTypeError::new_err(format!(
            "expected 1-D data, not {ndim}-D data from {name}"
        )));
    }
    Ok(())
}

/// Base64 in lines of 76 characters, each ending with a newline.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn encodebytes<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("encodebytes", extra.len(), 0)?;
    check_byte_buffer(s)?;
    if s.len()? == 0 {
        return Ok(PyBytes::new(py, b""));
    }
    let input: Input = bytes_like(s)?;
    let input = input.as_slice();
    exact_bytes(
        py,
        core::base64_mime_encoded_len(input.len()),
        input.len(),
        |out| core::base64_mime_encode_into(input, out),
    )
}

/// Decodes lines of Base64, skipping characters outside the alphabet.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn decodebytes<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("decodebytes", extra.len(), 0)?;
    check_byte_buffer(s)?;
    let input = ascii_data(s)?;
    decode(py, input.as_slice(), None, false)
}
