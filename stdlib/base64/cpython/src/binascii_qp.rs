//! `binascii.b2a_qp` and `binascii.a2b_qp` (quoted-printable).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::arity::KeywordCall;
use crate::input::{ascii_data, bytes_like};
use crate::int_args::Arg;
use crate::output::{exact_bytes, maybe_detached};
use rpy_base64_core as core;

/// Quoted-printable text of `data`; `quotetabs` also quotes spaces and tabs,
/// `istext` keeps line breaks, `header` writes spaces as underscores.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, quotetabs=Arg::ABSENT, istext=Arg::ABSENT, header=Arg::ABSENT, *extra),
    text_signature = "(data, quotetabs=False, istext=True, header=False)"
)]
pub fn b2a_qp<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    quotetabs: Arg<'py>,
    istext: Arg<'py>,
    header: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    let given = data.count() + quotetabs.count() + istext.count() + header.count() + extra.len();
    let call = KeywordCall {
        name: "b2a_qp",
        total: 4,
        positional: 4,
        positional_only: false,
        given,
        by_position: given,
    };
    let data = call.data(&data)?;
    let input = bytes_like(data)?;
    let opts = core::QpEncode {
        quotetabs: quotetabs.flag_or(false)?,
        istext: istext.flag_or(true)?,
        header: header.flag_or(false)?,
    };
    let input = input.as_slice();
    exact_bytes(
        py,
        maybe_detached(py, input.len(), || core::qp_encoded_len(input, &opts)),
        input.len(),
        |out| core::qp_encode_into(input, &opts, out),
    )
}

/// The bytes of quoted-printable `data`; `header` reads underscores as spaces.
#[pyfunction]
#[pyo3(
    signature = (data=Arg::ABSENT, header=Arg::ABSENT, *extra),
    text_signature = "(data, header=False)"
)]
pub fn a2b_qp<'py>(
    py: Python<'py>,
    data: Arg<'py>,
    header: Arg<'py>,
    extra: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyBytes>> {
    let given = data.count() + header.count() + extra.len();
    let call = KeywordCall {
        name: "a2b_qp",
        total: 2,
        positional: 2,
        positional_only: false,
        given,
        by_position: given,
    };
    let data = call.data(&data)?;
    let input = ascii_data(data)?;
    let header = header.flag_or(false)?;
    let input = input.as_slice();
    exact_bytes(
        py,
        maybe_detached(py, input.len(), || core::qp_decoded_len(input, header)),
        input.len(),
        |out| core::qp_decode_into(input, header, out),
    )
}
