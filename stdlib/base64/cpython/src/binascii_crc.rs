//! `binascii.crc32` and `binascii.crc_hqx`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::arity::positional_range;
use crate::input::bytes_like;
use crate::int_args::{masked_u32, Arg};
use crate::output::maybe_detached;
use rpy_base64_core as core;

/// CRC-32 of `data`, continuing from `crc`.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, crc=Arg::ABSENT, /, *extra),
    text_signature = "(data, crc=0, /)"
)]
pub fn crc32<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    crc: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<u32> {
    let data = positional_range(
        "crc32",
        1,
        2,
        &data,
        data.count() + crc.count() + extra.len(),
    )?;
    let input = bytes_like(data)?;
    let start = match crc.given() {
        Some(c) => masked_u32(c)?,
        None => 0,
    };
    let input = input.as_slice();
    Ok(maybe_detached(py, input.len(), || {
        core::crc32(input, start)
    }))
}

/// CRC-CCITT (the 16-bit CRC of BinHex) of `data`, continuing from `crc`.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, crc=Arg::ABSENT, /, *extra),
    text_signature = "(data, crc, /)"
)]
pub fn crc_hqx<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    crc: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<u32> {
    let given = data.count() + crc.count() + extra.len();
    let data = positional_range("crc_hqx", 2, 2, &data, given)?;
    let input = bytes_like(data)?;
    let start = match crc.given() {
        Some(c) => masked_u32(c)?,
        None => 0,
    };
    let input = input.as_slice();
    Ok(maybe_detached(py, input.len(), || {
        u32::from(core::crc_hqx(input, (start & 0xFFFF) as u16))
    }))
}
