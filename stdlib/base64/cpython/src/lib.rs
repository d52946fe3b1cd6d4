//! `_base64`: CPython 3.11's `binascii` functions and the `base64` module's
//! codecs as a CPython extension, on the same safe core (`rpy-base64-core`)
//! that rpy hosts natively. PyO3 holds all of its `unsafe`; this crate has none.
#![deny(unsafe_code)]

mod arity;
mod base64_85;
mod base64_b16;
mod base64_b32;
mod base64_b64;
mod binascii_base64;
mod binascii_crc;
mod binascii_hex;
mod binascii_qp;
mod binascii_uu;
mod codec_errors;
mod exceptions;
mod input;
mod int_args;
mod output;

use pyo3::prelude::*;

/// Conversion between binary data and ASCII: binascii's functions and the
/// base64 module's codecs, on rpy's safe Rust core.
#[pymodule]
fn _base64(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    exceptions::add_to(m)?;

    m.add_function(wrap_pyfunction!(binascii_base64::a2b_base64, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_base64::b2a_base64, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_hex::a2b_hex, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_hex::b2a_hex, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_hex::hexlify, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_hex::unhexlify, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_qp::a2b_qp, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_qp::b2a_qp, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_uu::a2b_uu, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_uu::b2a_uu, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_crc::crc32, m)?)?;
    m.add_function(wrap_pyfunction!(binascii_crc::crc_hqx, m)?)?;

    m.add_function(wrap_pyfunction!(base64_b64::b64encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::b64decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::standard_b64encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::standard_b64decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::urlsafe_b64encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::urlsafe_b64decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::encodebytes, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b64::decodebytes, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b32::b32encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b32::b32decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b32::b32hexencode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b32::b32hexdecode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b16::b16encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_b16::b16decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::b85encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::b85decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::a85encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::a85decode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::z85encode, m)?)?;
    m.add_function(wrap_pyfunction!(base64_85::z85decode, m)?)?;
    Ok(())
}
