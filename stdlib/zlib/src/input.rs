//! Reading bytes-like arguments: a `bytes` object in place (it is
//! immutable), any other buffer copied, CPython's TypeError otherwise.

use std::borrow::Cow;

use rpy_vm::{Payload, PyResult, Value, Vm};

/// The bytes of a bytes-like argument.
pub fn data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(Cow::Borrowed(b)),
        _ => vm.bytes_like(v).map(Cow::Owned),
    }
}
