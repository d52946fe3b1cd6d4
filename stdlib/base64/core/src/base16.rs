//! Base16 (RFC 4648): the `base64` module's `b16encode` (uppercase hex) and
//! `b16decode` (with `casefold`).

use crate::error::{Error, Result};
use crate::hex::{
    decode_digits, encode_digits, hex_decoded_len, hex_encoded_len, HexEncode, UPPER,
};
use crate::sink::{exact, to_vec};

/// Exact size of the Base16 encoding of `input_len` bytes.
pub fn base16_encoded_len(input_len: usize) -> Result<usize> {
    hex_encoded_len(input_len, &HexEncode::default())
}

/// Encodes `input` as uppercase hex into `out` (at least
/// [`base16_encoded_len`] bytes); returns the number of bytes written.
pub fn base16_encode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = base16_encoded_len(input.len())?;
    let out = exact(out, len)?;
    encode_digits(input, out, UPPER);
    Ok(len)
}

/// `base64.b16encode(input)`.
pub fn base16_encode(input: &[u8]) -> Result<Vec<u8>> {
    let len = base16_encoded_len(input.len())?;
    to_vec(len, |out| base16_encode_into(input, out))
}

/// Exact size of the decoding of `input` if it succeeds (may report the
/// decode's error early).
pub fn base16_decoded_len(input: &[u8], casefold: bool) -> Result<usize> {
    if input.len() % 2 != 0 {
        // Which error the decode reports depends on the digits.
        check_digits(input, casefold)?;
    }
    hex_decoded_len(input.len())
}

/// "Non-base16 digit found" unless every byte is `0-9A-F` (or `a-f` with
/// `casefold`).
fn check_digits(input: &[u8], casefold: bool) -> Result<()> {
    let ok =
        |c: u8| matches!(c, b'0'..=b'9' | b'A'..=b'F') || (casefold && matches!(c, b'a'..=b'f'));
    if input.iter().all(|&c| ok(c)) {
        Ok(())
    } else {
        Err(Error::binascii("Non-base16 digit found"))
    }
}

/// `b16decode` into `out` (at least [`base16_decoded_len`] bytes); returns
/// the number of bytes written. Errors (`binascii.Error`): "Non-base16 digit
/// found" (checked over the whole input first), then "Odd-length string".
pub fn base16_decode_into(input: &[u8], casefold: bool, out: &mut [u8]) -> Result<usize> {
    check_digits(input, casefold)?;
    let len = hex_decoded_len(input.len())?;
    let out = exact(out, len)?;
    decode_digits(input, out);
    Ok(len)
}

/// `base64.b16decode(input, casefold)`.
pub fn base16_decode(input: &[u8], casefold: bool) -> Result<Vec<u8>> {
    to_vec(input.len() / 2, |out| {
        base16_decode_into(input, casefold, out)
    })
}
