//! `zlib.error` and the failures of the codecs: a Python exception
//! already raised (MemoryError, a limit), or a zlib error code with
//! zlib's message, which becomes `zlib.error("Error -3 while
//! decompressing data: incorrect header check")`.

use rpy_vm::{PyErr, PyRef, Vm};

/// Where `zlib.error` lives between the module's creation and its use by
/// the codec objects.
const KEY: &str = "rpy_zlib.error";

/// Why a codec step failed.
pub enum Fail {
    /// A Python exception (memory, limits).
    Py(PyErr),
    /// A zlib error: its code and message ("" for none).
    Z(i32, &'static str),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

/// Records the module's `zlib.error` class for the codec objects.
pub fn set_error_class(vm: &mut Vm, cls: PyRef) {
    vm.extensions.insert(KEY, Box::new(cls));
}

/// The `zlib.error` class (made anew if the module was never set up).
fn error_class(vm: &mut Vm) -> PyRef {
    if let Some(c) = vm
        .extensions
        .get(KEY)
        .and_then(|c| c.downcast_ref::<PyRef>())
    {
        return c.clone();
    }
    let base = vm.exc.exception.clone();
    let cls = vm
        .new_exception_type("zlib", "error", &base)
        .unwrap_or(base);
    set_error_class(vm, cls.clone());
    cls
}

/// A `zlib.error` with message `msg`.
pub fn zlib_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let cls = error_class(vm);
    vm.new_error(&cls, msg)
}

/// The Python exception of a failure during `context` ("while
/// decompressing data").
pub fn raise(vm: &mut Vm, f: Fail, context: &str) -> PyErr {
    match f {
        Fail::Py(e) => e,
        Fail::Z(code, "") => zlib_error(vm, format!("Error {code} {context}")),
        Fail::Z(code, msg) => zlib_error(vm, format!("Error {code} {context}: {msg}")),
    }
}
