//! The core's errors as Python exceptions: binascii's `Error` for the
//! binascii-level codecs, `ValueError` where the `base64` module raises it.

use pyo3::exceptions::PyValueError;
use pyo3::PyErr;
use rpy_base64_core as core;

use crate::exceptions::Error;

pub fn to_py(e: core::Error) -> PyErr {
    match e {
        core::Error::Binascii(msg) => Error::new_err(msg),
        core::Error::Value(msg) => PyValueError::new_err(msg),
    }
}
