//! `binascii.b2a_base64` and `binascii.a2b_base64`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::KeywordCall;
use crate::input::{ascii_data, bytes_like};
use crate::int_args::Arg;
use crate::output::{base64_size_guess, exact_bytes, guessed_bytes};
use rpy_base64_core as core;

/// Base64 of `data` as one line, with a newline unless `newline` is false.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, /, *extra, newline=Arg::ABSENT),
    text_signature = "(data, /, *, newline=True)"
)]
pub fn b2a_base64<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
    newline: Arg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let by_position = data.count() + extra.len();
    let call = KeywordCall {
        name: "b2a_base64",
        total: 2,
        positional: 1,
        positional_only: true,
        given: by_position + newline.count(),
        by_position,
    };
    let data = call.data(&data)?;
    let input = bytes_like(data)?;
    let opts = core::B64Encode {
        newline: newline.flag_or(true)?,
        altchars: None,
    };
    let input = input.as_slice();
    exact_bytes(
        py,
        core::base64_encoded_len(input.len(), &opts),
        input.len(),
        |out| core::base64_encode_into(input, &opts, out),
    )
}

/// The bytes of one base64 line; `strict_mode` refuses anything but clean,
/// correctly padded base64.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, /, *extra, strict_mode=Arg::ABSENT),
    text_signature = "(data, /, *, strict_mode=False)"
)]
pub fn a2b_base64<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
    strict_mode: Arg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let by_position = data.count() + extra.len();
    let call = KeywordCall {
        name: "a2b_base64",
        total: 2,
        positional: 1,
        positional_only: true,
        given: by_position + strict_mode.count(),
        by_position,
    };
    let data = call.data(&data)?;
    let input = ascii_data(data)?;
    let opts = core::B64Decode {
        strict: strict_mode.flag_or(false)?,
        altchars: None,
    };
    let input = input.as_slice();
    guessed_bytes(
        py,
        base64_size_guess(input),
        input.len(),
        || core::base64_decoded_len(input, &opts),
        |out| core::base64_decode_into(input, &opts, out),
    )
}
