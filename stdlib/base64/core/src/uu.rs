//! uuencode, one line at a time: `binascii.b2a_uu` (with `backtick`) and
//! `binascii.a2b_uu`.

use crate::error::{unfinished, Error, Result};
use crate::sink::{exact, to_vec};

/// Exact size of `b2a_uu` of `input_len` bytes (length byte, 4 characters
/// per 3 bytes, newline). Error: `binascii.Error("At most 45 bytes at once")`.
pub fn uu_encoded_len(input_len: usize) -> Result<usize> {
    if input_len > 45 {
        return Err(Error::binascii("At most 45 bytes at once"));
    }
    Ok(2 + input_len.div_ceil(3) * 4)
}

/// `b2a_uu` into `out` (at least [`uu_encoded_len`] bytes); returns the
/// number of bytes written. `backtick` writes zero sextets as `` ` `` instead
/// of space.
pub fn uu_encode_into(input: &[u8], backtick: bool, out: &mut [u8]) -> Result<usize> {
    let len = uu_encoded_len(input.len())?;
    let _out = exact(out, len)?;
    let _ = backtick;
    Err(unfinished("uu_encode_into"))
}

/// `binascii.b2a_uu(input, backtick=backtick)`.
pub fn uu_encode(input: &[u8], backtick: bool) -> Result<Vec<u8>> {
    let len = uu_encoded_len(input.len())?;
    to_vec(len, |out| uu_encode_into(input, backtick, out))
}

/// Exact size of `a2b_uu(input)` if it succeeds: the line's length
/// character decides it (0 to 63; an empty line counts as 32, as in CPython).
pub fn uu_decoded_len(input: &[u8]) -> Result<usize> {
    let first = input.first().copied().unwrap_or(0);
    Ok(usize::from(first.wrapping_sub(b' ') & 0x3f))
}

/// `a2b_uu` into `out` (at least [`uu_decoded_len`] bytes); returns the
/// number of bytes written. Errors (`binascii.Error`): "Illegal char",
/// "Trailing garbage".
pub fn uu_decode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = uu_decoded_len(input)?;
    let _out = exact(out, len)?;
    Err(unfinished("uu_decode_into"))
}

/// `binascii.a2b_uu(input)`.
pub fn uu_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = uu_decoded_len(input)?;
    to_vec(len, |out| uu_decode_into(input, out))
}
