//! `Error` and `Incomplete`, this module's own exception classes, shaped like
//! binascii's: `Error` is a ValueError, `Incomplete` a plain Exception.
//!
//! Their `__module__` is `binascii` so that a program served by this module
//! prints the same traceback lines (`binascii.Error: ...`) as under CPython.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};

create_exception!(binascii, Error, PyValueError);
create_exception!(binascii, Incomplete, PyException);
