//! `_base64`: CPython 3.11's `binascii` functions and the `base64` module's
//! codecs as a CPython extension, on the same safe core (`rpy-base64-core`)
//! that rpy hosts natively. PyO3 holds all of its `unsafe`; this crate has none.
#![deny(unsafe_code)]

mod arity;
mod exceptions;
mod input;
mod int_args;
mod output;

use pyo3::prelude::*;

#[pymodule]
fn _base64(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<exceptions::Error>())?;
    m.add("Incomplete", py.get_type::<exceptions::Incomplete>())?;
    Ok(())
}
