//! The data arguments binascii accepts: any C-contiguous buffer for the
//! encoders (`b2a_*`, `crc*`), plus ASCII `str` for the decoders (`a2b_*`).
//!
//! `bytes` and ASCII `str` are borrowed in place: both are immutable, so the
//! borrow stays valid while the GIL is released. Every other buffer
//! (bytearray, memoryview, array.array, ...) is copied once: its contents
//! may change under us from another thread, and PyO3 only lends such memory
//! through `unsafe`, which this crate does not use.

use pyo3::buffer::PyUntypedBuffer;
use pyo3::exceptions::{PyBufferError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

/// Message binascii gives for a `str` with a character above U+007F.
pub const NON_ASCII_STR: &str = "string argument should contain only ASCII characters";

/// The bytes of a data argument, borrowed when that is sound, else owned.
pub enum Input<'a, 'py> {
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
    Copied(Bound<'py, PyBytes>),
}

impl Input<'_, '_> {
    pub fn as_slice(&self) -> &[u8] {
        match self {
            Input::Borrowed(b) => b,
            Input::Owned(v) => v,
            Input::Copied(b) => b.as_bytes(),
        }
    }
}

/// Name of the object's type, as CPython's messages print it.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| String::from("?"))
}

/// A bytes-like object (binascii's encoders and checksums).
pub fn bytes_like<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Input<'a, 'py>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    buffer_copy(obj, || {
        PyTypeError::new_err(format!(
            "a bytes-like object is required, not '{}'",
            type_name(obj)
        ))
    })
}

/// A bytes-like object or an ASCII `str` (binascii's decoders).
pub fn ascii_data<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Input<'a, 'py>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return ascii_str(s).map(Input::Borrowed);
    }
    let not_accepted = || {
        PyTypeError::new_err(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            type_name(obj)
        ))
    };
    match buffer_copy(obj, not_accepted) {
        // A buffer that is not C-contiguous is "not a buffer" to the decoders.
        Err(e) if e.is_instance_of::<PyBufferError>(obj.py()) => Err(not_accepted()),
        other => other,
    }
}

/// The bytes of an ASCII `str`, or binascii's ValueError.
pub fn ascii_str<'a>(s: &'a Bound<'_, PyString>) -> PyResult<&'a [u8]> {
    match s.to_str() {
        Ok(text) if text.is_ascii() => Ok(text.as_bytes()),
        _ => Err(PyValueError::new_err(NON_ASCII_STR)),
    }
}

/// Copies a C-contiguous buffer; `not_buffer` is the error for objects that
/// export none.
fn buffer_copy<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    not_buffer: impl FnOnce() -> PyErr,
) -> PyResult<Input<'a, 'py>> {
    if let Ok(ba) = obj.cast::<PyByteArray>() {
        return Ok(Input::Owned(ba.to_vec()));
    }
    let buf = PyUntypedBuffer::get(obj).map_err(|_| not_buffer())?;
    // A memoryview answers by its own flags (an empty strided view is not
    // C-contiguous to CPython, though it has no bytes out of place).
    let contiguous = match obj.cast::<PyMemoryView>() {
        Ok(view) => view
            .getattr(intern!(obj.py(), "c_contiguous"))?
            .is_truthy()?,
        Err(_) => buf.is_c_contiguous(),
    };
    if !contiguous {
        return Err(PyBufferError::new_err(
            "memoryview: underlying buffer is not C-contiguous",
        ));
    }
    if let Ok(bytes) = buf.as_typed::<u8>() {
        return Ok(Input::Owned(bytes.to_vec(obj.py())?));
    }
    // Multi-byte item formats ('I', 'd', ...): binascii reads their raw bytes.
    drop(buf);
    let copy = obj.py().get_type::<PyBytes>().call1((obj,))?;
    Ok(Input::Copied(copy.cast_into::<PyBytes>()?))
}

/// The `base64` module's reading of a decoder's input: an ASCII `str`, or
/// any buffer, contiguous or not (copied through `memoryview(s).tobytes()`).
pub fn decode_data<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Input<'a, 'py>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return ascii_str(s).map(Input::Borrowed);
    }
    memoryview_bytes(obj).map_err(|e| {
        if e.is_instance_of::<PyTypeError>(obj.py()) {
            PyTypeError::new_err(format!(
                "argument should be a bytes-like object or ASCII string, not '{}'",
                type_name(obj)
            ))
        } else {
            e
        }
    })
}

/// The `base64` module's reading of an encoder's input: any buffer,
/// contiguous or not, with `memoryview()`'s TypeError for anything else.
pub fn memoryview_bytes<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Input<'a, 'py>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    if let Ok(ba) = obj.cast::<PyByteArray>() {
        return Ok(Input::Owned(ba.to_vec()));
    }
    let view = PyMemoryView::from(obj)?;
    let copy = view.call_method0(intern!(obj.py(), "tobytes"))?;
    Ok(Input::Copied(copy.cast_into::<PyBytes>()?))
}
