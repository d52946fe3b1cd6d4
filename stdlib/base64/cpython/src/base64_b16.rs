//! The `base64` module's Base16 functions: `b16encode`/`b16decode`
//! (upper-case hexadecimal).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::python_positional;
use crate::exceptions::Error;
use crate::input::{bytes_like, decode_data};
use crate::output::exact_bytes;
use rpy_base64_core as core;

/// Upper-case hexadecimal of a bytes-like object.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn b16encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("b16encode", extra.len(), 0)?;
    let input = bytes_like(s)?;
    let input = input.as_slice();
    exact_bytes(
        py,
        core::base16_encoded_len(input.len()),
        input.len(),
        |out| core::base16_encode_into(input, out),
    )
}

/// Decodes upper-case hexadecimal; `casefold` accepts lower case too.
#[pyfunction]
#[pyo3(signature = (s, casefold=None), text_signature = "(s, casefold=False)")]
pub fn b16decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    casefold: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = decode_data(s)?;
    let input = input.as_slice();
    let fold = match casefold {
        Some(c) => c.is_truthy()?,
        None => false,
    };
    let digit = |c: u8| {
        c.is_ascii_digit() || (b'A'..=b'F').contains(&if fold { c.to_ascii_uppercase() } else { c })
    };
    // Checked here as well as in the core: `base16_decoded_len` reports an
    // odd length first, while CPython looks for non-digits first.
    if !input.iter().all(|&c| digit(c)) {
        return Err(Error::new_err("Non-base16 digit found"));
    }
    exact_bytes(
        py,
        core::base16_decoded_len(input, fold),
        input.len(),
        |out| core::base16_decode_into(input, fold, out),
    )
}
