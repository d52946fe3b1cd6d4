//! Base32 and base32hex (RFC 4648): the `base64` module's `b32encode`,
//! `b32decode` (`casefold`, `map01`), `b32hexencode`, `b32hexdecode`.
//! Errors are `binascii.Error`: "Incorrect padding", "Non-base32 digit found".

use crate::error::{add, fits, mul, unfinished, Result};
use crate::sink::{exact, to_vec};

/// Which 32-character alphabet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Base32Alphabet {
    /// `A-Z2-7` (`b32encode`/`b32decode`).
    #[default]
    Standard,
    /// `0-9A-V` (`b32hexencode`/`b32hexdecode`).
    Hex,
}

/// How to decode Base32.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct B32Decode {
    /// The alphabet.
    pub alphabet: Base32Alphabet,
    /// Accept lowercase letters (as `s.upper()` before decoding).
    pub casefold: bool,
    /// `b32decode`'s `map01`: read `0` as `O` and `1` as this byte (applied
    /// before `casefold`, as CPython does). `b32hexdecode` has no such
    /// option: hosts pass `None` for it.
    pub map01: Option<u8>,
}

/// Exact size of the Base32 encoding of `input_len` bytes (padded with `=`
/// to a multiple of 8).
pub fn base32_encoded_len(input_len: usize) -> Result<usize> {
    let groups = add(input_len / 5, usize::from(input_len % 5 != 0))?;
    fits(mul(groups, 8)?)
}

/// Encodes `input` into `out` (at least [`base32_encoded_len`] bytes);
/// returns the number of bytes written.
pub fn base32_encode_into(input: &[u8], alphabet: Base32Alphabet, out: &mut [u8]) -> Result<usize> {
    let len = base32_encoded_len(input.len())?;
    let _out = exact(out, len)?;
    let _ = alphabet;
    Err(unfinished("base32_encode_into"))
}

/// The Base32 encoding of `input`.
pub fn base32_encode(input: &[u8], alphabet: Base32Alphabet) -> Result<Vec<u8>> {
    let len = base32_encoded_len(input.len())?;
    to_vec(len, |out| base32_encode_into(input, alphabet, out))
}

/// An upper bound of the decoded size of `input_len` bytes of input.
pub fn base32_decoded_max_len(input_len: usize) -> usize {
    (input_len / 8) * 5 + 5
}

/// The exact number of bytes [`base32_decode_into`] writes for `input` if it
/// succeeds (may report the decode's error early).
pub fn base32_decoded_len(input: &[u8], opts: &B32Decode) -> Result<usize> {
    let _ = (input, opts);
    Err(unfinished("base32_decoded_len"))
}

/// Decodes `input` into `out` (at least as long as the result); returns the
/// number of bytes written.
pub fn base32_decode_into(input: &[u8], opts: &B32Decode, out: &mut [u8]) -> Result<usize> {
    let _ = (input, opts, out);
    Err(unfinished("base32_decode_into"))
}

/// Decodes Base32 `input`.
pub fn base32_decode(input: &[u8], opts: &B32Decode) -> Result<Vec<u8>> {
    to_vec(base32_decoded_max_len(input.len()), |out| {
        base32_decode_into(input, opts, out)
    })
}
