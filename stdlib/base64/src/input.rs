//! Reading data arguments the way CPython does: binascii's encoders take a
//! C-contiguous buffer, its decoders also an ASCII `str`; the `base64`
//! module copies any buffer through `memoryview(s).tobytes()` and reads
//! its decoders' input with `_bytes_from_decode_data`.

use rpy_vm::{PyResult, Value, Vm};

/// binascii's message for a `str` with a non-ASCII character.
const NON_ASCII: &str = "string argument should contain only ASCII characters";

/// The bytes of an ASCII `str`, or binascii's ValueError.
fn ascii_str(vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
    if s.is_ascii() {
        Ok(s.as_bytes().to_vec())
    } else {
        Err(vm.value_error(NON_ASCII))
    }
}

/// binascii's encoders and checksums: a C-contiguous buffer ("a bytes-like
/// object is required, not 'str'", BufferError for a strided memoryview).
pub fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_like(v)
}

/// binascii's decoders: an ASCII `str` or a C-contiguous buffer.
pub fn ascii_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return ascii_str(vm, s);
    }
    match vm.buffer(v) {
        Ok(Some(b)) if b.contiguous => Ok(b.bytes),
        // Anything else, a released or strided view included, is "not a buffer".
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{t}'"
            )))
        }
    }
}

/// `memoryview(v).tobytes()`: the `base64` module's encoders accept any
/// buffer, contiguous or not.
pub fn view_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.buffer(v)? {
        Some(b) => Ok(b.bytes),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{t}'"
            )))
        }
    }
}

/// The `base64` module's `_bytes_from_decode_data`: an ASCII `str` or any
/// buffer.
pub fn decode_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return ascii_str(vm, s);
    }
    match vm.buffer(v)? {
        Some(b) => Ok(b.bytes),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "argument should be a bytes-like object or ASCII string, not '{t}'"
            )))
        }
    }
}

/// `repr()` of what `_bytes_from_decode_data(v)` returned: `v` itself for
/// bytes and bytearray, else the bytes it was converted to.
pub fn decoded_repr(vm: &mut Vm, v: &Value, converted: &[u8]) -> PyResult<String> {
    if v.as_bytes().is_some() || v.is_bytearray() {
        return vm.repr(v);
    }
    let b = vm.new_bytes(converted.to_vec());
    vm.repr(&b)
}
