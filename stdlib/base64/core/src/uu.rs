//! uuencode, one line at a time: `binascii.b2a_uu` (with `backtick`) and
//! `binascii.a2b_uu`.

use crate::error::{Error, Result};
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
    let out = exact(out, len)?;
    let char_of = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let (first, rest) = out.split_at_mut(1);
    // The length byte: `backtick` spells an empty line's as '`' too.
    first[0] = char_of(input.len() as u8);
    for (src, dst) in input.chunks(3).zip(rest.chunks_exact_mut(4)) {
        let mut b = [0u8; 3];
        b[..src.len()].copy_from_slice(src);
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (k, d) in dst.iter_mut().enumerate() {
            *d = char_of(((v >> (18 - 6 * k)) & 63) as u8);
        }
    }
    if let Some(nl) = out.last_mut() {
        *nl = b'\n';
    }
    Ok(len)
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
    let out = exact(out, len)?;
    let mut data = input.iter().skip(1).copied();
    let mut acc = 0u32;
    let mut bits = 0u32;
    let mut written = 0usize;
    while written < len {
        // Past the end, and at line ends, characters count as zero sextets
        // (spaces eaten at the end of a line).
        let v = match data.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c @ b' '..=b'`') => (c - b' ') & 63,
            Some(_) => return Err(Error::binascii("Illegal char")),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            if let Some(o) = out.get_mut(written) {
                *o = (acc >> bits) as u8;
            }
            acc &= (1 << bits) - 1;
            written += 1;
        }
    }
    if data.any(|c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(Error::binascii("Trailing garbage"));
    }
    Ok(len)
}

/// `binascii.a2b_uu(input)`.
pub fn uu_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = uu_decoded_len(input)?;
    to_vec(len, |out| uu_decode_into(input, out))
}
