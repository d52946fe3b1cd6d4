//! Hexadecimal: `binascii.hexlify`/`b2a_hex` (with `sep` and
//! `bytes_per_sep`) and `unhexlify`/`a2b_hex`.

use crate::error::{fits, mul, unfinished, Error, Result};
use crate::sink::{exact, to_vec};

/// How to encode hex: lowercase digits, optionally grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct HexEncode {
    /// Separator byte between groups (`None`: no grouping). A host gets it
    /// from a `str`/`bytes` argument with [`hex_sep`].
    pub sep: Option<u8>,
    /// Bytes per group: positive counts groups from the right, negative
    /// from the left, 0 means no separator (CPython's `bytes_per_sep`, a C
    /// `int`).
    pub bytes_per_sep: i32,
}

/// The separator byte of a one-byte `sep` (a host encodes a `str` separator
/// to its one code unit first). Error: `ValueError("sep must be length 1.")`.
pub fn hex_sep(sep: &[u8]) -> Result<u8> {
    match sep {
        [b] => Ok(*b),
        _ => Err(Error::value("sep must be length 1.")),
    }
}

/// Exact size of the hex encoding of `input_len` bytes.
pub fn hex_encoded_len(input_len: usize, opts: &HexEncode) -> Result<usize> {
    let digits = mul(input_len, 2)?;
    let per = opts.bytes_per_sep.unsigned_abs() as usize;
    let seps = match opts.sep {
        Some(_) if per != 0 && input_len > 0 => (input_len - 1) / per,
        _ => 0,
    };
    fits(crate::error::add(digits, seps)?)
}

/// Encodes `input` into `out` (at least [`hex_encoded_len`] bytes); returns
/// the number of bytes written.
pub fn hex_encode_into(input: &[u8], opts: &HexEncode, out: &mut [u8]) -> Result<usize> {
    let len = hex_encoded_len(input.len(), opts)?;
    let _out = exact(out, len)?;
    Err(unfinished("hex_encode_into"))
}

/// `binascii.hexlify(input, sep, bytes_per_sep)`.
pub fn hex_encode(input: &[u8], opts: &HexEncode) -> Result<Vec<u8>> {
    let len = hex_encoded_len(input.len(), opts)?;
    to_vec(len, |out| hex_encode_into(input, opts, out))
}

/// Exact size of `unhexlify` of `input_len` digits.
/// Error: `binascii.Error("Odd-length string")`.
pub fn hex_decoded_len(input_len: usize) -> Result<usize> {
    if input_len % 2 != 0 {
        return Err(Error::binascii("Odd-length string"));
    }
    Ok(input_len / 2)
}

/// `unhexlify` into `out` (at least [`hex_decoded_len`] bytes); returns the
/// number of bytes written. Errors (`binascii.Error`): "Odd-length string",
/// "Non-hexadecimal digit found".
pub fn hex_decode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = hex_decoded_len(input.len())?;
    let _out = exact(out, len)?;
    Err(unfinished("hex_decode_into"))
}

/// `binascii.unhexlify(input)`.
pub fn hex_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = hex_decoded_len(input.len())?;
    to_vec(len, |out| hex_decode_into(input, out))
}
