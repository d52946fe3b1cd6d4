//! Non-data arguments with binascii's conversion rules: flags read as C
//! `int` (through `__index__`, so `1.0` and `"x"` are TypeErrors), checksums
//! reduced modulo 2**32, and an optional argument that tells "absent" apart
//! from an explicit `None`.

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyString};

/// An optional argument as given, `None` included; `Arg(None)` when absent.
pub struct Arg<'py>(pub Option<Bound<'py, PyAny>>);

impl<'a, 'py> FromPyObject<'a, 'py> for Arg<'py> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(Arg(Some(obj.to_owned())))
    }
}

impl<'py> Arg<'py> {
    pub const ABSENT: Arg<'static> = Arg(None);

    /// 1 when the argument was given, for counting a call's arguments.
    pub fn count(&self) -> usize {
        usize::from(self.0.is_some())
    }

    /// The argument, when given.
    pub fn given(&self) -> Option<&Bound<'py, PyAny>> {
        self.0.as_ref()
    }

    /// The flag's value as a C int, or `default` when absent.
    pub fn c_int_or(&self, default: i32) -> PyResult<i32> {
        match &self.0 {
            None => Ok(default),
            Some(obj) => c_int(obj),
        }
    }

    /// A C int flag, true when non-zero.
    pub fn flag_or(&self, default: bool) -> PyResult<bool> {
        self.c_int_or(i32::from(default)).map(|v| v != 0)
    }
}

fn int_too_large() -> PyErr {
    PyOverflowError::new_err("Python int too large to convert to C int")
}

/// An integer argument converted like CPython's C `int` parameters.
pub fn c_int(obj: &Bound<'_, PyAny>) -> PyResult<i32> {
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(i32::from(b.is_true()));
    }
    match obj.extract::<i64>() {
        Ok(v) => i32::try_from(v).map_err(|_| int_too_large()),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => Err(int_too_large()),
        Err(e) => Err(e),
    }
}

/// An integer argument reduced modulo 2**32, as binascii reads a CRC.
pub fn masked_u32(obj: &Bound<'_, PyAny>) -> PyResult<u32> {
    match obj.extract::<i64>() {
        // Truncation is the point: the value is taken modulo 2**32.
        Ok(v) => Ok(v as u32),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => {
            let py = obj.py();
            let index = py.import("operator")?.getattr("index")?.call1((obj,))?;
            index.bitand(0xFFFF_FFFFu32)?.extract::<u32>()
        }
        Err(e) => Err(e),
    }
}

/// The separator byte of `b2a_hex`/`hexlify`: a `str` or `bytes` of length 1.
pub fn hex_separator(sep: &Bound<'_, PyAny>) -> PyResult<u8> {
    if sep.len()? != 1 {
        return Err(PyValueError::new_err("sep must be length 1."));
    }
    if let Ok(s) = sep.cast::<PyString>() {
        // binascii emits a code point below 256 as that byte; above, it refuses.
        // A lone surrogate has no UTF-8 form and is above 255 as well.
        let c = s
            .to_cow()
            .ok()
            .and_then(|t| t.chars().next())
            .map(u32::from);
        return c
            .and_then(|c| u8::try_from(c).ok())
            .ok_or_else(|| PyValueError::new_err("sep must be ASCII."));
    }
    if let Ok(b) = sep.cast::<PyBytes>() {
        return Ok(b.as_bytes().first().copied().unwrap_or(0));
    }
    Err(PyTypeError::new_err("sep must be str or bytes."))
}
