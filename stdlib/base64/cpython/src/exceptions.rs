//! `Error` and `Incomplete`: CPython's own `binascii.Error` and
//! `binascii.Incomplete`, imported from the interpreter's `binascii` when
//! this module initializes, so that `except binascii.Error:` catches what
//! this module raises (and `install()` can swap our functions into
//! `binascii` without changing which class its callers catch).

use pyo3::prelude::*;
use pyo3::types::PyType;

pyo3::import_exception!(binascii, Error);
pyo3::import_exception!(binascii, Incomplete);

/// Adds `Error` and `Incomplete` to the module. Imports them fallibly first:
/// the lazy cells behind `Error`/`Incomplete` are then filled here, at
/// init, and never import again (their own failure path, a panic, is thus
/// unreachable after a successful init).
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let binascii = py.import("binascii")?;
    for name in ["Error", "Incomplete"] {
        let class = binascii.getattr(name)?;
        class.cast::<PyType>()?;
    }
    m.add("Error", py.get_type::<Error>())?;
    m.add("Incomplete", py.get_type::<Incomplete>())?;
    Ok(())
}
