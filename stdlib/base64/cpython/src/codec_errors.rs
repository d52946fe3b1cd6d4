//! The core's errors as the Python exceptions binascii and base64 raise.

use pyo3::exceptions::{PyMemoryError, PyOverflowError, PySystemError, PyTypeError, PyValueError};
use pyo3::PyErr;
use rpy_base64_core::{Error as CoreError, ErrorKind};

use crate::exceptions::{Error, Incomplete};

pub fn to_py(e: CoreError) -> PyErr {
    let message = e.message.into_owned();
    match e.kind {
        ErrorKind::BinasciiError => Error::new_err(message),
        ErrorKind::Incomplete => Incomplete::new_err(message),
        ErrorKind::ValueError => PyValueError::new_err(message),
        ErrorKind::TypeError => PyTypeError::new_err(message),
        ErrorKind::OverflowError => PyOverflowError::new_err(message),
        // CPython raises MemoryError without a message.
        ErrorKind::MemoryError => PyMemoryError::new_err(()),
        ErrorKind::Internal => PySystemError::new_err(message),
    }
}
