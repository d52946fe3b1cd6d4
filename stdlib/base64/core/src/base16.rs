//! Base16 (RFC 4648): the `base64` module's `b16encode` (uppercase hex) and
//! `b16decode` (with `casefold`).

use crate::error::{unfinished, Result};
use crate::hex::{hex_decoded_len, hex_encoded_len, HexEncode};
use crate::sink::{exact, to_vec};

/// Exact size of the Base16 encoding of `input_len` bytes.
pub fn base16_encoded_len(input_len: usize) -> Result<usize> {
    hex_encoded_len(input_len, &HexEncode::default())
}

/// Encodes `input` as uppercase hex into `out` (at least
/// [`base16_encoded_len`] bytes); returns the number of bytes written.
pub fn base16_encode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = base16_encoded_len(input.len())?;
    let _out = exact(out, len)?;
    Err(unfinished("base16_encode_into"))
}

/// `base64.b16encode(input)`.
pub fn base16_encode(input: &[u8]) -> Result<Vec<u8>> {
    let len = base16_encoded_len(input.len())?;
    to_vec(len, |out| base16_encode_into(input, out))
}

/// Exact size of the decoding of `input` if it succeeds (may report the
/// decode's error early).
pub fn base16_decoded_len(input: &[u8], casefold: bool) -> Result<usize> {
    let _ = casefold;
    hex_decoded_len(input.len())
}

/// `b16decode` into `out` (at least [`base16_decoded_len`] bytes); returns
/// the number of bytes written. Errors (`binascii.Error`): "Non-base16 digit
/// found" (checked over the whole input first), then "Odd-length string".
pub fn base16_decode_into(input: &[u8], casefold: bool, out: &mut [u8]) -> Result<usize> {
    let _ = (input, casefold, out);
    Err(unfinished("base16_decode_into"))
}

/// `base64.b16decode(input, casefold)`.
pub fn base16_decode(input: &[u8], casefold: bool) -> Result<Vec<u8>> {
    to_vec(input.len() / 2, |out| {
        base16_decode_into(input, casefold, out)
    })
}
