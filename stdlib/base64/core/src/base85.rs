//! The base-85 family of the `base64` module: Ascii85 (`a85encode`,
//! `a85decode`), git's base85 (`b85encode`, `b85decode`) and ZeroMQ's Z85
//! (`z85encode`, `z85decode`, as CPython 3.13 defines them: base85 with the
//! Z85 alphabet swapped in by byte translation). Decoding errors are
//! `ValueError`s, as the `base64` module raises them.

use crate::error::{add, fits, mul, unfinished, Result};
use crate::sink::{exact, to_vec};

/// `a85encode`'s keyword options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct A85Encode {
    /// Write four spaces as `y`.
    pub foldspaces: bool,
    /// Break lines at most this long (0: no breaking). CPython raises a
    /// positive value below 1 (2 with `adobe`) to that minimum, and so does
    /// this crate; a host maps a negative `wrapcol` to 1, as `max()` does.
    pub wrapcol: usize,
    /// Pad the input with zero bytes to a multiple of 4.
    pub pad: bool,
    /// Frame the output in `<~` and `~>`.
    pub adobe: bool,
}

/// `a85decode`'s keyword options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct A85Decode<'a> {
    /// Accept `y` as four spaces.
    pub foldspaces: bool,
    /// The input must end in `~>` and may start with `<~`.
    pub adobe: bool,
    /// Bytes to skip.
    pub ignorechars: &'a [u8],
}

impl A85Decode<'static> {
    /// `a85decode`'s default `ignorechars`: ASCII whitespace.
    pub const DEFAULT_IGNORECHARS: &'static [u8] = b" \t\n\r\x0b";
}

impl Default for A85Decode<'static> {
    fn default() -> Self {
        A85Decode {
            foldspaces: false,
            adobe: false,
            ignorechars: Self::DEFAULT_IGNORECHARS,
        }
    }
}

/// Exact size of the Ascii85 encoding of `input` (it depends on the content:
/// all-zero and all-space words shrink to one byte).
pub fn a85_encoded_len(input: &[u8], opts: &A85Encode) -> Result<usize> {
    let _ = (input, opts);
    Err(unfinished("a85_encoded_len"))
}

/// `a85encode` into `out` (at least [`a85_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn a85_encode_into(input: &[u8], opts: &A85Encode, out: &mut [u8]) -> Result<usize> {
    let len = a85_encoded_len(input, opts)?;
    let _out = exact(out, len)?;
    Err(unfinished("a85_encode_into"))
}

/// `base64.a85encode(input, ...)`.
pub fn a85_encode(input: &[u8], opts: &A85Encode) -> Result<Vec<u8>> {
    let len = a85_encoded_len(input, opts)?;
    to_vec(len, |out| a85_encode_into(input, opts, out))
}

/// An upper bound of the decoded size of `input_len` bytes of Ascii85.
pub fn a85_decoded_max_len(input_len: usize) -> usize {
    input_len.saturating_mul(4)
}

/// The exact number of bytes [`a85_decode_into`] writes for `input` if it
/// succeeds; an error returned here is the one the decode returns.
pub fn a85_decoded_len(input: &[u8], opts: &A85Decode<'_>) -> Result<usize> {
    let _ = (input, opts);
    Err(unfinished("a85_decoded_len"))
}

/// `a85decode` into `out` (at least as long as the result); returns the
/// number of bytes written. Errors (`ValueError`): "Ascii85 encoded byte
/// sequences must end with b'~>'", "Ascii85 overflow", "z inside Ascii85
/// 5-tuple", "y inside Ascii85 5-tuple", "Non-Ascii85 digit found: C".
pub fn a85_decode_into(input: &[u8], opts: &A85Decode<'_>, out: &mut [u8]) -> Result<usize> {
    let _ = (input, opts, out);
    Err(unfinished("a85_decode_into"))
}

/// `base64.a85decode(input, ...)`.
pub fn a85_decode(input: &[u8], opts: &A85Decode<'_>) -> Result<Vec<u8>> {
    to_vec(a85_decoded_max_len(input.len()), |out| {
        a85_decode_into(input, opts, out)
    })
}

/// Exact size of the base85 encoding of `input_len` bytes.
pub fn b85_encoded_len(input_len: usize, pad: bool) -> Result<usize> {
    let words = input_len / 4;
    let rest = input_len % 4;
    let tail = match (rest, pad) {
        (0, _) => 0,
        (_, true) => 5,
        (r, false) => r + 1,
    };
    fits(add(mul(words, 5)?, tail)?)
}

/// `b85encode` into `out` (at least [`b85_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn b85_encode_into(input: &[u8], pad: bool, out: &mut [u8]) -> Result<usize> {
    let len = b85_encoded_len(input.len(), pad)?;
    let _out = exact(out, len)?;
    Err(unfinished("b85_encode_into"))
}

/// `base64.b85encode(input, pad)`.
pub fn b85_encode(input: &[u8], pad: bool) -> Result<Vec<u8>> {
    let len = b85_encoded_len(input.len(), pad)?;
    to_vec(len, |out| b85_encode_into(input, pad, out))
}

/// Exact size of the decoding of `input_len` bytes of base85 if it succeeds.
pub fn b85_decoded_len(input_len: usize) -> Result<usize> {
    // Input is padded to whole 5-character hunks; the padding's bytes are
    // dropped again, so a lone trailing character yields nothing.
    let rest = input_len % 5;
    Ok((input_len / 5) * 4 + rest.saturating_sub(1))
}

/// `b85decode` into `out` (at least [`b85_decoded_len`] bytes); returns the
/// number of bytes written. Errors (`ValueError`): "bad base85 character at
/// position N", "base85 overflow in hunk starting at byte N".
pub fn b85_decode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let _ = (input, out);
    Err(unfinished("b85_decode_into"))
}

/// `base64.b85decode(input)`.
pub fn b85_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = b85_decoded_len(input.len())?;
    to_vec(len, |out| b85_decode_into(input, out))
}

/// Exact size of the Z85 encoding of `input_len` bytes.
pub fn z85_encoded_len(input_len: usize) -> Result<usize> {
    b85_encoded_len(input_len, false)
}

/// `z85encode` into `out` (at least [`z85_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn z85_encode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let _ = (input, out);
    Err(unfinished("z85_encode_into"))
}

/// `base64.z85encode(input)` (CPython 3.13).
pub fn z85_encode(input: &[u8]) -> Result<Vec<u8>> {
    let len = z85_encoded_len(input.len())?;
    to_vec(len, |out| z85_encode_into(input, out))
}

/// Exact size of the decoding of `input_len` bytes of Z85 if it succeeds.
pub fn z85_decoded_len(input_len: usize) -> Result<usize> {
    b85_decoded_len(input_len)
}

/// `z85decode` into `out` (at least [`z85_decoded_len`] bytes); returns the
/// number of bytes written. Errors (`ValueError`): "bad z85 character at
/// position N", "z85 overflow in hunk starting at byte N".
pub fn z85_decode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let _ = (input, out);
    Err(unfinished("z85_decode_into"))
}

/// `base64.z85decode(input)` (CPython 3.13).
pub fn z85_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = z85_decoded_len(input.len())?;
    to_vec(len, |out| z85_decode_into(input, out))
}
