//! Hexadecimal: `binascii.hexlify`/`b2a_hex` (with `sep` and
//! `bytes_per_sep`) and `unhexlify`/`a2b_hex`.

use crate::error::{fits, mul, Error, Result};
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
    let out = exact(out, len)?;
    let per = opts.bytes_per_sep.unsigned_abs() as usize;
    match opts.sep {
        Some(sep) if per != 0 && input.len() > per => {
            // Positive counts whole groups from the right, so the first
            // group takes the remainder; negative from the left.
            let first = if opts.bytes_per_sep > 0 {
                match input.len() % per {
                    0 => per,
                    r => r,
                }
            } else {
                per
            };
            let (head, tail) = input.split_at(first);
            let (dst, mut rest) = out.split_at_mut(2 * first);
            encode_digits(head, dst, LOWER);
            for group in tail.chunks(per) {
                let (s, r) = rest.split_at_mut(1);
                s[0] = sep;
                let (dst, r) = r.split_at_mut(2 * group.len());
                encode_digits(group, dst, LOWER);
                rest = r;
            }
        }
        _ => encode_digits(input, out, LOWER),
    }
    Ok(len)
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
    let out = exact(out, len)?;
    if decode_digits(input, out) {
        Ok(len)
    } else {
        Err(Error::binascii("Non-hexadecimal digit found"))
    }
}

/// `binascii.unhexlify(input)`.
pub fn hex_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = hex_decoded_len(input.len())?;
    to_vec(len, |out| hex_decode_into(input, out))
}

/// Lowercase digits.
pub(crate) const LOWER: &[u8; 16] = b"0123456789abcdef";
/// Uppercase digits.
pub(crate) const UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Two digits per byte; `out` is exactly twice as long as `input`.
pub(crate) fn encode_digits(input: &[u8], out: &mut [u8], digits: &[u8; 16]) {
    let done = crate::fast::hex::encode_blocks(input, digits == UPPER, out);
    let input = input.get(32 * done..).unwrap_or_default();
    let out = out.get_mut(64 * done..).unwrap_or_default();
    for (&b, d) in input.iter().zip(out.chunks_exact_mut(2)) {
        d[0] = digits[usize::from(b >> 4)];
        d[1] = digits[usize::from(b & 15)];
    }
}

/// Value of a hex digit of either case, or 0xff.
const fn digit_value(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0xff,
    }
}

const DIGIT_VALUES: [u8; 256] = {
    let mut t = [0xff; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = digit_value(i as u8);
        i += 1;
    }
    t
};

/// Pairs of digits to bytes; false at the first non-digit. `out` is half
/// as long as `input`.
pub(crate) fn decode_digits(input: &[u8], out: &mut [u8]) -> bool {
    let done = crate::fast::hex::decode_blocks(input, out);
    let input = input.get(64 * done..).unwrap_or_default();
    let out = out.get_mut(32 * done..).unwrap_or_default();
    let mut bad = 0u8;
    for (pair, o) in input.chunks_exact(2).zip(out.iter_mut()) {
        let hi = DIGIT_VALUES[usize::from(pair[0])];
        let lo = DIGIT_VALUES[usize::from(pair[1])];
        bad |= hi | lo;
        *o = (hi << 4) | (lo & 15);
    }
    bad & 0xf0 == 0
}
