//! Base64: `binascii.b2a_base64`/`a2b_base64` and the `base64` module's
//! `b64encode`/`b64decode` (with `altchars`, `validate`), their standard and
//! URL-safe variants, and `encodebytes`/`decodebytes` (76-column MIME lines).
//!
//! Encoders: `*_encoded_len` gives the exact size up front; `*_encode_into`
//! fills a buffer of at least that size and returns the bytes written.
//! Decoders: `base64_decoded_len` gives the exact size a successful decode
//! writes, `base64_decoded_max_len` a cheap upper bound; `base64_decode_into`
//! accepts any buffer at least as long as the result and returns its length.

use crate::error::{add, fits, mul, unfinished, Result};
use crate::sink::{exact, to_vec};

/// How to encode: `b2a_base64` is [`B64Encode::BINASCII`], `b64encode`
/// [`B64Encode::STANDARD`], `urlsafe_b64encode` [`B64Encode::URLSAFE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct B64Encode {
    /// Append `\n` (`b2a_base64`'s `newline`).
    pub newline: bool,
    /// Write these two bytes instead of `+` and `/` (`b64encode`'s `altchars`).
    pub altchars: Option<[u8; 2]>,
}

impl B64Encode {
    /// `binascii.b2a_base64(data)`: standard alphabet, trailing newline.
    pub const BINASCII: Self = B64Encode {
        newline: true,
        altchars: None,
    };
    /// `base64.b64encode(s)`: standard alphabet, no newline.
    pub const STANDARD: Self = B64Encode {
        newline: false,
        altchars: None,
    };
    /// `base64.urlsafe_b64encode(s)`: `-` and `_` for `+` and `/`.
    pub const URLSAFE: Self = B64Encode {
        newline: false,
        altchars: Some(*b"-_"),
    };
}

impl Default for B64Encode {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// How to decode: `a2b_base64(s)`/`b64decode(s)` is [`B64Decode::STANDARD`],
/// `a2b_base64(s, strict_mode=True)`/`b64decode(s, validate=True)` is
/// [`B64Decode::STRICT`], `urlsafe_b64decode` is [`B64Decode::URLSAFE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct B64Decode {
    /// `strict_mode` of `a2b_base64` (= `validate` of `b64decode`): refuse
    /// anything but clean, correctly padded Base64. When false, bytes
    /// outside the alphabet are skipped and CPython's lenient rules for `=`
    /// and data after padding apply.
    pub strict: bool,
    /// `b64decode`'s `altchars`: the input is first translated as by
    /// `s.translate(bytes.maketrans(altchars, b'+/'))` (so `+` and `/`
    /// themselves still decode, and if both bytes are equal it means `/`).
    pub altchars: Option<[u8; 2]>,
}

impl B64Decode {
    /// Lenient standard decoding (`a2b_base64`, `b64decode`, `decodebytes`).
    pub const STANDARD: Self = B64Decode {
        strict: false,
        altchars: None,
    };
    /// `strict_mode=True` / `validate=True`.
    pub const STRICT: Self = B64Decode {
        strict: true,
        altchars: None,
    };
    /// `urlsafe_b64decode`: `-_` read as `+/`, lenient.
    pub const URLSAFE: Self = B64Decode {
        strict: false,
        altchars: Some(*b"-_"),
    };
}

impl Default for B64Decode {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// Exact size of the Base64 encoding of `input_len` bytes.
/// Errors: `MemoryError` when it does not fit in `isize`.
pub fn base64_encoded_len(input_len: usize, opts: &B64Encode) -> Result<usize> {
    let groups = input_len / 3 + usize::from(input_len % 3 != 0);
    fits(add(mul(groups, 4)?, usize::from(opts.newline))?)
}

/// Encodes `input` into `out` (at least [`base64_encoded_len`] bytes) and
/// returns the number of bytes written.
pub fn base64_encode_into(input: &[u8], opts: &B64Encode, out: &mut [u8]) -> Result<usize> {
    let len = base64_encoded_len(input.len(), opts)?;
    let _out = exact(out, len)?;
    Err(unfinished("base64_encode_into"))
}

/// The Base64 encoding of `input`.
pub fn base64_encode(input: &[u8], opts: &B64Encode) -> Result<Vec<u8>> {
    let len = base64_encoded_len(input.len(), opts)?;
    to_vec(len, |out| base64_encode_into(input, opts, out))
}

/// Exact size of `base64.encodebytes` of `input_len` bytes: lines of 76
/// characters (57 input bytes), each ending in `\n`; empty for empty input.
pub fn base64_mime_encoded_len(input_len: usize) -> Result<usize> {
    let full = input_len / 57;
    let rest = input_len % 57;
    let tail = if rest == 0 {
        0
    } else {
        base64_encoded_len(rest, &B64Encode::BINASCII)?
    };
    fits(add(mul(full, 77)?, tail)?)
}

/// `base64.encodebytes` into `out` (at least [`base64_mime_encoded_len`]
/// bytes); returns the number of bytes written.
pub fn base64_mime_encode_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = base64_mime_encoded_len(input.len())?;
    let _out = exact(out, len)?;
    Err(unfinished("base64_mime_encode_into"))
}

/// `base64.encodebytes(input)`.
pub fn base64_mime_encode(input: &[u8]) -> Result<Vec<u8>> {
    let len = base64_mime_encoded_len(input.len())?;
    to_vec(len, |out| base64_mime_encode_into(input, out))
}

/// An upper bound of the decoded size of any `input_len` bytes of input.
pub fn base64_decoded_max_len(input_len: usize) -> usize {
    (input_len / 4) * 3 + (input_len % 4)
}

/// The exact number of bytes [`base64_decode_into`] writes for `input` if it
/// succeeds. May report the decoding error itself (then the decode would
/// too), but need not: only the decode is authoritative for errors.
pub fn base64_decoded_len(input: &[u8], opts: &B64Decode) -> Result<usize> {
    let _ = (input, opts);
    Err(unfinished("base64_decoded_len"))
}

/// Decodes `input` into `out`, which must be at least as long as the result
/// ([`base64_decoded_len`] exactly, or [`base64_decoded_max_len`]); returns
/// the number of bytes written.
///
/// Errors (`binascii.Error`, CPython 3.11's messages): "Incorrect padding",
/// "Invalid base64-encoded string: number of data characters (N) cannot be
/// 1 more than a multiple of 4", and in strict mode also "Only base64 data
/// is allowed", "Leading padding not allowed", "Discontinuous padding not
/// allowed", "Excess data after padding".
pub fn base64_decode_into(input: &[u8], opts: &B64Decode, out: &mut [u8]) -> Result<usize> {
    let _ = (input, opts, out);
    Err(unfinished("base64_decode_into"))
}

/// Decodes `input` (see [`base64_decode_into`] for the errors).
pub fn base64_decode(input: &[u8], opts: &B64Decode) -> Result<Vec<u8>> {
    to_vec(base64_decoded_max_len(input.len()), |out| {
        base64_decode_into(input, opts, out)
    })
}
