//! The `base64` module's Base32 functions: `b32encode`/`b32decode` and the
//! extended-hex alphabet's `b32hexencode`/`b32hexdecode`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::python_positional;
use crate::base64_b64::assert_len;
use crate::exceptions::Error;
use crate::input::{decode_data, memoryview_bytes};
use crate::output::{exact_bytes, maybe_detached};
use rpy_base64_core as core;

fn encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    alphabet: core::Base32Alphabet,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = memoryview_bytes(s)?;
    let input = input.as_slice();
    exact_bytes(
        py,
        core::base32_encoded_len(input.len()),
        input.len(),
        |out| core::base32_encode_into(input, alphabet, out),
    )
}

/// Decodes after the `base64` module's preparation: length check, then the
/// 0/1 mapping, then case folding.
fn decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    alphabet: core::Base32Alphabet,
    casefold: Option<&Bound<'py, PyAny>>,
    map01: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input = decode_data(s)?;
    let input = input.as_slice();
    if !input.len().is_multiple_of(8) {
        return Err(Error::new_err("Incorrect padding"));
    }
    let one = match map01 {
        Some(m) => {
            let converted = decode_data(m)?;
            let bytes = converted.as_slice();
            match bytes {
                [c] => Some(*c),
                _ => {
                    let shown = if m.is_instance_of::<pyo3::types::PyByteArray>() {
                        m.clone()
                    } else {
                        PyBytes::new(py, bytes).into_any()
                    };
                    assert_len(&shown, 1)?;
                    None
                }
            }
        }
        None => None,
    };
    let opts = core::B32Decode {
        alphabet,
        casefold: match casefold {
            Some(c) => c.is_truthy()?,
            None => false,
        },
        map01: one,
    };
    exact_bytes(
        py,
        maybe_detached(py, input.len(), || core::base32_decoded_len(input, &opts)),
        input.len(),
        |out| core::base32_decode_into(input, &opts, out),
    )
}

/// Base32 (RFC 4648) of a bytes-like object.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn b32encode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("b32encode", extra.len(), 0)?;
    encode(py, s, core::Base32Alphabet::Standard)
}

/// Decodes Base32; `casefold` accepts lower case, `map01` reads the digit 0
/// as O and 1 as the given letter.
#[pyfunction]
#[pyo3(signature = (s, casefold=None, map01=None), text_signature = "(s, casefold=False, map01=None)")]
pub fn b32decode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    casefold: Option<&Bound<'py, PyAny>>,
    map01: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    decode(py, s, core::Base32Alphabet::Standard, casefold, map01)
}

/// Base32 with the extended-hex alphabet (RFC 4648) of a bytes-like object.
#[pyfunction]
#[pyo3(signature = (s, *extra), text_signature = "(s)")]
pub fn b32hexencode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    python_positional("b32hexencode", extra.len(), 0)?;
    encode(py, s, core::Base32Alphabet::Hex)
}

/// Decodes extended-hex Base32; `casefold` accepts lower case.
#[pyfunction]
#[pyo3(signature = (s, casefold=None), text_signature = "(s, casefold=False)")]
pub fn b32hexdecode<'py>(
    py: Python<'py>,
    s: &Bound<'py, PyAny>,
    casefold: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    decode(py, s, core::Base32Alphabet::Hex, casefold, None)
}
