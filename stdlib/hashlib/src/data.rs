//! Arguments of the hash constructors and methods, read as CPython's hash
//! modules read them: the data to hash (a `str` is refused with "Strings
//! must be encoded before hashing"), the unsigned lengths of `shake` and
//! BLAKE2 (`_PyLong_UnsignedLong_Converter`: an exact int, "value must be
//! positive"), and truth-valued flags.

use std::borrow::Cow;

use malachite::Integer;
use rpy_vm::{Payload, PyResult, Value, Vm};

/// The bytes of data to hash: any object exporting a buffer (a `bytes`
/// object is read in place, being immutable; others are copied).
pub fn hash_data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(Cow::Borrowed(b));
    }
    if v.as_str().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match vm.buffer(v)? {
        Some(b) => Ok(Cow::Owned(b.bytes)),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

/// The optional data argument of a constructor: nothing when absent.
pub fn opt_data<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<Cow<'a, [u8]>> {
    match v {
        Some(v) => hash_data(vm, v),
        None => Ok(Cow::Borrowed(&[])),
    }
}

/// A flag converted as argument clinic's `bool` (`p`): the object's truth.
pub fn truth(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(default),
    }
}

/// The exact int value of `v` (bools included; `__index__` is not used,
/// as `PyLong_AsUnsignedLong` does not use it).
fn exact_int(v: &Value) -> Option<Integer> {
    match v {
        Value::Int(i) => Some(Integer::from(*i)),
        Value::Bool(b) => Some(Integer::from(i64::from(*b))),
        _ => match v.payload() {
            Some(Payload::Int(i)) => Some(i.clone()),
            _ => None,
        },
    }
}

/// An `unsigned long` (or, with `long_long`, `unsigned long long`)
/// argument read by CPython's unsigned converters: TypeError "an integer
/// is required", ValueError "value must be positive", OverflowError when
/// it does not fit 64 bits.
pub fn unsigned(vm: &mut Vm, v: &Value, long_long: bool) -> PyResult<u64> {
    let Some(i) = exact_int(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    if i < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    u64::try_from(&i).map_err(|_| {
        vm.overflow_error(if long_long {
            "int too big to convert"
        } else {
            "Python int too large to convert to C unsigned long"
        })
    })
}
