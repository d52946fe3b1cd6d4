//! Base32 and base32hex (RFC 4648): the `base64` module's `b32encode`,
//! `b32decode` (`casefold`, `map01`), `b32hexencode`, `b32hexdecode`.
//! Errors are `binascii.Error`: "Incorrect padding", "Non-base32 digit found".

use crate::error::{add, fits, mul, Error, Result};
use crate::fast::b32 as fast;
use crate::sink::{exact, to_vec, Counter, Sink, SliceSink};

/// Which 32-character alphabet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Base32Alphabet {
    /// `A-Z2-7` (`b32encode`/`b32decode`).
    #[default]
    Standard,
    /// `0-9A-V` (`b32hexencode`/`b32hexdecode`).
    Hex,
}

impl Base32Alphabet {
    fn chars(self) -> &'static [u8; 32] {
        match self {
            Base32Alphabet::Standard => b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
            Base32Alphabet::Hex => b"0123456789ABCDEFGHIJKLMNOPQRSTUV",
        }
    }

    /// Byte -> value, or 0xff.
    fn table(self) -> [u8; 256] {
        let mut t = [0xff; 256];
        for (i, &c) in self.chars().iter().enumerate() {
            t[usize::from(c)] = i as u8;
        }
        t
    }
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
    let out = exact(out, len)?;
    let chars = alphabet.chars();
    let done = fast::encode_groups(input, alphabet == Base32Alphabet::Hex, out);
    let rest_in = input.get(5 * done..).unwrap_or_default();
    let rest_out = out.get_mut(8 * done..).unwrap_or_default();
    for (src, dst) in rest_in.chunks(5).zip(rest_out.chunks_exact_mut(8)) {
        let mut block = [0u8; 8];
        block[3..3 + src.len()].copy_from_slice(src);
        let v = u64::from_be_bytes(block);
        for (k, d) in dst.iter_mut().enumerate() {
            *d = chars[((v >> (35 - 5 * k)) & 31) as usize];
        }
        // Characters that carry no input bits become padding.
        let used = [0, 2, 4, 5, 7, 8][src.len()];
        for d in dst.iter_mut().skip(used) {
            *d = b'=';
        }
    }
    Ok(len)
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
    let mut count = Counter::default();
    decode(input, opts, &mut count)?;
    Ok(count.0)
}

/// Decodes `input` into `out` (at least as long as the result); returns the
/// number of bytes written.
pub fn base32_decode_into(input: &[u8], opts: &B32Decode, out: &mut [u8]) -> Result<usize> {
    let mut sink = SliceSink::new(out);
    decode(input, opts, &mut sink)?;
    sink.finish()
}

/// Decodes Base32 `input`.
pub fn base32_decode(input: &[u8], opts: &B32Decode) -> Result<Vec<u8>> {
    to_vec(base32_decoded_max_len(input.len()), |out| {
        base32_decode_into(input, opts, out)
    })
}

/// Byte -> digit value (0xff: not a digit) after `casefold` and `map01`.
fn digit_table(opts: &B32Decode) -> [u8; 256] {
    let mut table = opts.alphabet.table();
    let mut rewrite = |from: u8, to: u8| table[usize::from(from)] = table[usize::from(to)];
    if opts.casefold {
        for c in b'a'..=b'z' {
            rewrite(c, c.to_ascii_uppercase());
        }
    }
    if let Some(one) = opts.map01 {
        let one = if opts.casefold {
            one.to_ascii_uppercase()
        } else {
            one
        };
        let (zero_to, one_to) = (table[usize::from(b'O')], table[usize::from(one)]);
        table[usize::from(b'0')] = zero_to;
        table[usize::from(b'1')] = one_to;
    }
    table
}

/// CPython's order of checks: length, then (after `map01` and `casefold`
/// rewrite bytes, and trailing `=` are set aside) every digit, then the
/// number of `=`.
fn decode<S: Sink>(input: &[u8], opts: &B32Decode, sink: &mut S) -> Result<()> {
    if input.len() % 8 != 0 {
        return Err(Error::binascii("Incorrect padding"));
    }
    // `map01` may turn `1` into `=`, which then counts as padding.
    let is_pad = |c: u8| c == b'=' || (c == b'1' && opts.map01 == Some(b'='));
    let data_len = input.len() - input.iter().rev().take_while(|&&c| is_pad(c)).count();
    let pads = input.len() - data_len;
    let data = input.get(..data_len).unwrap_or_default();
    // Arithmetic blocks first when the alphabet is a plain one.
    let mut done = 0;
    if opts.map01.is_none() && data.len() >= 32 {
        let hex = opts.alphabet == Base32Alphabet::Hex;
        let groups = match sink.rest() {
            Some(out) => fast::decode_blocks(data, hex, opts.casefold, out),
            None => fast::clean_blocks(data, hex, opts.casefold),
        };
        sink.advance(5 * groups);
        done = 8 * groups;
    }
    let mut rest = data.get(done..).unwrap_or_default();
    let mut last = (0u64, 0usize);
    if !rest.is_empty() {
        let table = digit_table(opts);
        // Then whole groups through the table; the first group that is
        // not is the scalar loop's.
        let groups = match sink.rest() {
            Some(out) => fast::decode_groups(rest, &table, out),
            None => fast::clean_groups(rest, &table),
        };
        sink.advance(5 * groups);
        rest = rest.get(8 * groups..).unwrap_or_default();
        for chunk in rest.chunks(8) {
            let mut acc = 0u64;
            for &c in chunk {
                let v = table[usize::from(c)];
                if v == 0xff {
                    return Err(Error::binascii("Non-base32 digit found"));
                }
                acc = (acc << 5) | u64::from(v);
            }
            if chunk.len() == 8 {
                sink.put_slice(&acc.to_be_bytes()[3..]);
            } else {
                last = (acc, chunk.len());
            }
        }
    }
    // How many bytes a final quantum of 8 - pads characters carries.
    let keep = match pads {
        0 => return Ok(()),
        1 => 4,
        3 => 3,
        4 => 2,
        6 => 1,
        _ => return Err(Error::binascii("Incorrect padding")),
    };
    let (acc, n) = last;
    let bytes = (acc << (5 * (8 - n))).to_be_bytes();
    sink.put_slice(bytes.get(3..3 + keep).unwrap_or_default());
    Ok(())
}
