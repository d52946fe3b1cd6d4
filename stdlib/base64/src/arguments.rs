//! Non-data arguments converted as CPython converts them: C `int` flags
//! (through `__index__`), checksums reduced modulo 2**32, `hexlify`'s
//! separator, and plain truth values.

use rpy_vm::{BinaryOperator, PyResult, Value, Vm};

/// An argument converted like a C `int` parameter of argument clinic.
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let overflow = |vm: &mut Vm| vm.overflow_error("Python int too large to convert to C int");
    match vm.to_i64(v) {
        Ok(i) => i32::try_from(i).map_err(|_| overflow(vm)),
        Err(e) => {
            let cls = vm.exc.overflow_error.clone();
            if vm.err_matches(&e, &cls) {
                Err(overflow(vm))
            } else {
                Err(e)
            }
        }
    }
}

/// A C `int` flag: `default` when absent, else true when non-zero.
pub fn flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => Ok(c_int(vm, v)? != 0),
    }
}

/// A truth value (`if x:`), false when absent.
pub fn truthy(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.is_true(v),
    }
}

/// An integer reduced modulo 2**32, as binascii reads a CRC.
pub fn masked_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    // Truncation is the point: the value is taken modulo 2**32.
    match v {
        Value::Int(i) => return Ok(*i as u32),
        Value::Bool(b) => return Ok(u32::from(*b)),
        _ => {}
    }
    let i = vm.to_index(v)?;
    let i = vm.new_int(i);
    match vm.binary_op(&i, &Value::Int(0xFFFF_FFFF), BinaryOperator::And)? {
        Value::Int(m) => Ok(m as u32),
        _ => Err(vm.system_error("masked CRC is not a small int")),
    }
}

/// The separator byte of `b2a_hex`/`hexlify`: a `str` or `bytes` of
/// length 1 (a character above U+00FF is refused).
pub fn hex_separator(vm: &mut Vm, sep: &Value) -> PyResult<u8> {
    if vm.len(sep)? != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    if let Some(s) = sep.as_str() {
        return match s
            .chars()
            .next()
            .and_then(|c| u8::try_from(u32::from(c)).ok())
        {
            Some(b) => Ok(b),
            None => Err(vm.value_error("sep must be ASCII.")),
        };
    }
    match sep.as_bytes() {
        Some(b) => Ok(b.first().copied().unwrap_or(0)),
        None => Err(vm.type_error("sep must be str or bytes.")),
    }
}
