//! Base64: `binascii.b2a_base64`/`a2b_base64` and the `base64` module's
//! `b64encode`/`b64decode` (with `altchars`, `validate`), their standard and
//! URL-safe variants, and `encodebytes`/`decodebytes` (76-column MIME lines).
//!
//! Encoders: `*_encoded_len` gives the exact size up front; `*_encode_into`
//! fills a buffer of at least that size and returns the bytes written.
//! Decoders: `base64_decoded_len` gives the exact size a successful decode
//! writes, `base64_decoded_max_len` a cheap upper bound; `base64_decode_into`
//! accepts any buffer at least as long as the result and returns its length.

use crate::error::{add, fits, mul, Error, Result};
use crate::fast::b64 as fast;
use crate::sink::{exact, to_vec, Counter, Sink, SliceSink};

/// The standard alphabet, indexed by sextet.
pub(crate) const ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Decoding table class of `=`.
pub(crate) const PAD: u8 = 0x40;
/// Decoding table class of a byte outside the alphabet.
pub(crate) const INVALID: u8 = 0x80;

/// Byte -> sextet (0..64), [`PAD`] or [`INVALID`], for the standard alphabet.
pub(crate) const STANDARD_TABLE: [u8; 256] = {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t[b'=' as usize] = PAD;
    t
};

/// The decoding table after `bytes.maketrans(altchars, b'+/')` translation.
fn table_for(altchars: Option<[u8; 2]>) -> [u8; 256] {
    let mut t = STANDARD_TABLE;
    if let Some([a, b]) = altchars {
        // Assigned in this order so that the second wins if both are equal.
        t[usize::from(a)] = 62;
        t[usize::from(b)] = 63;
    }
    t
}

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
    let out = exact(out, len)?;
    let (body, nl) = out.split_at_mut(len - usize::from(opts.newline));
    let sym = opts.altchars.unwrap_or(*b"+/");
    let (done_in, done_out) = fast::encode_blocks(input, body, sym);
    let rest_in = input.get(done_in..).unwrap_or_default();
    let rest_out = body.get_mut(done_out..).unwrap_or_default();
    encode_scalar(rest_in, rest_out);
    // The blocks already wrote `altchars`; the scalar tail did not.
    if let Some([a, b]) = opts.altchars {
        for c in rest_out.iter_mut() {
            if *c == b'+' {
                *c = a;
            } else if *c == b'/' {
                *c = b;
            }
        }
    }
    if let Some(c) = nl.first_mut() {
        *c = b'\n';
    }
    Ok(len)
}

/// Encodes whole and partial groups one at a time; `out` is exactly the
/// encoding's size.
fn encode_scalar(input: &[u8], out: &mut [u8]) {
    let sextet = |v: u32| ALPHABET[(v & 63) as usize];
    for (src, dst) in input.chunks(3).zip(out.chunks_mut(4)) {
        let b0 = u32::from(src.first().copied().unwrap_or(0));
        let b1 = u32::from(src.get(1).copied().unwrap_or(0));
        let b2 = u32::from(src.get(2).copied().unwrap_or(0));
        let v = (b0 << 16) | (b1 << 8) | b2;
        let chars = [
            sextet(v >> 18),
            sextet(v >> 12),
            if src.len() > 1 { sextet(v >> 6) } else { b'=' },
            if src.len() > 2 { sextet(v) } else { b'=' },
        ];
        let n = dst.len().min(4);
        dst.copy_from_slice(&chars[..n]);
    }
}

/// The Base64 encoding of `input`.
pub fn base64_encode(input: &[u8], opts: &B64Encode) -> Result<Vec<u8>> {
    let len = base64_encoded_len(input.len(), opts)?;
    to_vec(len, |out| base64_encode_into(input, opts, out))
}

/// Input bytes per line of `encodebytes` (76 characters).
const MIME_LINE_BYTES: usize = 57;

/// Exact size of `base64.encodebytes` of `input_len` bytes: lines of 76
/// characters (57 input bytes), each ending in `\n`; empty for empty input.
pub fn base64_mime_encoded_len(input_len: usize) -> Result<usize> {
    let full = input_len / MIME_LINE_BYTES;
    let rest = input_len % MIME_LINE_BYTES;
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
    let out = exact(out, len)?;
    for (src, dst) in input.chunks(MIME_LINE_BYTES).zip(out.chunks_mut(77)) {
        base64_encode_into(src, &B64Encode::BINASCII, dst)?;
    }
    Ok(len)
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
/// succeeds; an error it returns is the one the decode returns.
pub fn base64_decoded_len(input: &[u8], opts: &B64Decode) -> Result<usize> {
    let mut count = Counter::default();
    decode(input, &table_for(opts.altchars), opts.strict, &mut count)?;
    Ok(count.0)
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
    let mut sink = SliceSink::new(out);
    decode(input, &table_for(opts.altchars), opts.strict, &mut sink)?;
    sink.finish()
}

/// Decodes `input` (see [`base64_decode_into`] for the errors).
pub fn base64_decode(input: &[u8], opts: &B64Decode) -> Result<Vec<u8>> {
    to_vec(base64_decoded_max_len(input.len()), |out| {
        base64_decode_into(input, opts, out)
    })
}

/// The one decoder with CPython's semantics. Runs of clean quads go
/// through the block fast path; everything else goes byte by byte here.
fn decode<S: Sink>(input: &[u8], table: &[u8; 256], strict: bool, sink: &mut S) -> Result<()> {
    // Sextets of the current quad seen so far, and their bits not yet written.
    let mut quad_pos = 0u8;
    let mut left = 0u8;
    // '=' seen since the last data character.
    let mut pads = 0u8;
    let mut padding_started = false;
    // The fast path is not tried again before this index (it found a
    // byte it cannot handle there).
    let mut fast_from = 0usize;
    let alphabet = fast::Alphabet::of(table);
    let mut i = 0usize;
    while let Some(&ch) = input.get(i) {
        if quad_pos == 0 && !(strict && padding_started) && i >= fast_from {
            let rest = input.get(i..).unwrap_or_default();
            let (consumed, stop) = match sink.rest() {
                Some(out) => {
                    let (consumed, written, stop) =
                        fast::decode_blocks(rest, table, alphabet, !strict, out);
                    sink.advance(written);
                    (consumed, stop)
                }
                None => {
                    let (consumed, stop) = fast::clean_quads(rest, table);
                    sink.advance(consumed / 4 * 3);
                    (consumed, stop)
                }
            };
            i += consumed;
            fast_from = i + stop.saturating_sub(consumed) + 1;
            continue;
        }
        i += 1;
        let class = table[usize::from(ch)];
        if class == PAD {
            padding_started = true;
            if strict && i == 1 {
                return Err(Error::binascii("Leading padding not allowed"));
            }
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i < input.len() {
                        return Err(Error::binascii("Excess data after padding"));
                    }
                    return Ok(());
                }
            }
            continue;
        }
        if class >= 64 {
            if strict {
                return Err(Error::binascii("Only base64 data is allowed"));
            }
            continue;
        }
        if strict && padding_started {
            return Err(Error::binascii("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                left = class;
                quad_pos = 1;
            }
            1 => {
                sink.put((left << 2) | (class >> 4));
                left = class & 0x0f;
                quad_pos = 2;
            }
            2 => {
                sink.put((left << 4) | (class >> 2));
                left = class & 0x03;
                quad_pos = 3;
            }
            _ => {
                sink.put((left << 6) | class);
                quad_pos = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(()),
        1 => Err(Error::binascii(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            sink.written() / 3 * 4 + 1
        ))),
        _ => Err(Error::binascii("Incorrect padding")),
    }
}
