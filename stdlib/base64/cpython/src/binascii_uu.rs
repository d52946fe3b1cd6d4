//! `binascii.b2a_uu` and `binascii.a2b_uu` (one line of uuencoding).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::{exactly_one, KeywordCall};
use crate::input::{ascii_data, bytes_like};
use crate::int_args::Arg;
use crate::output::exact_bytes;
use rpy_base64_core as core;

/// One uuencoded line of at most 45 bytes; `backtick` writes zeros as '`'.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, /, *extra, backtick=Arg::ABSENT),
    text_signature = "(data, /, *, backtick=False)"
)]
pub fn b2a_uu<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
    backtick: Arg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let by_position = data.count() + extra.len();
    let call = KeywordCall {
        name: "b2a_uu",
        total: 2,
        positional: 1,
        positional_only: true,
        given: by_position + backtick.count(),
        by_position,
    };
    let data = call.data(&data)?;
    let input = bytes_like(data)?;
    let backtick = backtick.flag_or(false)?;
    let input = input.as_slice();
    exact_bytes(py, core::uu_encoded_len(input.len()), input.len(), |out| {
        core::uu_encode_into(input, backtick, out)
    })
}

/// The bytes of one uuencoded line.
#[pyfunction]
#[pyo3(signature = (data=Arg::ABSENT, /, *extra), text_signature = "(data, /)")]
pub fn a2b_uu<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    let data = exactly_one("a2b_uu", &data, extra.len())?;
    let input = ascii_data(data)?;
    let input = input.as_slice();
    exact_bytes(py, core::uu_decoded_len(input), input.len(), |out| {
        core::uu_decode_into(input, out)
    })
}
