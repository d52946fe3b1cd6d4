//! Argument conversions the modules of this crate share, with CPython's
//! messages.

use rpy_vm::{PyResult, Value, Vm};

/// A `Py_ssize_t` argument (`__index__` allowed): "'str' object cannot be
/// interpreted as an integer", "Python int too large to convert to C
/// ssize_t".
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    isize::try_from(&i)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `a == b` as CPython's `PyObject_RichCompareBool` decides it: identity
/// first, then `__eq__`.
pub fn same_or_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    vm.eq(a, b)
}
