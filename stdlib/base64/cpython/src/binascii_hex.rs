//! `binascii.b2a_hex`/`hexlify` and `binascii.a2b_hex`/`unhexlify`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::{exactly_one, KeywordCall};
use crate::input::{ascii_data, bytes_like};
use crate::int_args::{c_int, hex_separator, Arg};
use crate::output::exact_bytes;
use rpy_base64_core as core;

fn hex_encode<'py>(
    py: Python<'py>,
    name: &'static str,
    data: Arg<'py>,
    sep: Arg<'py>,
    bytes_per_sep: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    let given = data.count() + sep.count() + bytes_per_sep.count() + extra.len();
    let call = KeywordCall {
        name,
        total: 3,
        positional: 3,
        positional_only: false,
        given,
        by_position: given,
    };
    let data = call.data(&data)?;
    let input = bytes_like(data)?;
    let per = match bytes_per_sep.given() {
        Some(v) => c_int(v)?,
        None => 1,
    };
    let sep = match sep.given() {
        Some(s) => Some(hex_separator(s)?),
        None => None,
    };
    let opts = core::HexEncode {
        sep,
        bytes_per_sep: per,
    };
    let input = input.as_slice();
    exact_bytes(
        py,
        core::hex_encoded_len(input.len(), &opts),
        input.len(),
        |out| core::hex_encode_into(input, &opts, out),
    )
}

/// Hexadecimal digits of `data`, two per byte, optionally grouped by `sep`.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, sep=Arg::ABSENT, bytes_per_sep=Arg::ABSENT, *extra),
    text_signature = "(data, sep=<unrepresentable>, bytes_per_sep=1)"
)]
pub fn b2a_hex<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    sep: Arg<'py>,
    bytes_per_sep: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    hex_encode(py, "b2a_hex", data, sep, bytes_per_sep, extra)
}

/// Same as `b2a_hex`.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, sep=Arg::ABSENT, bytes_per_sep=Arg::ABSENT, *extra),
    text_signature = "(data, sep=<unrepresentable>, bytes_per_sep=1)"
)]
pub fn hexlify<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    sep: Arg<'py>,
    bytes_per_sep: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    hex_encode(py, "hexlify", data, sep, bytes_per_sep, extra)
}

fn hex_decode<'py>(
    py: Python<'py>,
    name: &'static str,
    hexstr: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    let hexstr = exactly_one(name, &hexstr, extra.len())?;
    let input = ascii_data(hexstr)?;
    let input = input.as_slice();
    exact_bytes(py, core::hex_decoded_len(input.len()), input.len(), |out| {
        core::hex_decode_into(input, out)
    })
}

/// The bytes spelled by an even number of hexadecimal digits.
#[pyfunction]
#[pyo3(signature = (hexstr=Arg::ABSENT, /, *extra), text_signature = "(hexstr, /)")]
pub fn a2b_hex<'py>(
    py: Python<'py>,
    hexstr: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    hex_decode(py, "a2b_hex", hexstr, extra)
}

/// Same as `a2b_hex`.
#[pyfunction]
#[pyo3(signature = (hexstr=Arg::ABSENT, /, *extra), text_signature = "(hexstr, /)")]
pub fn unhexlify<'py>(
    py: Python<'py>,
    hexstr: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    hex_decode(py, "unhexlify", hexstr, extra)
}
