//! The base-85 family of the `base64` module: Ascii85 (`a85encode`,
//! `a85decode`), git's base85 (`b85encode`, `b85decode`) and ZeroMQ's Z85
//! (`z85encode`, `z85decode`, as CPython 3.13 defines them: base85 with the
//! Z85 alphabet swapped in by byte translation). Decoding errors are
//! `ValueError`s, as the `base64` module raises them.

use crate::error::{add, fits, mul, Error, Result};
use crate::fast::b85::{self as fast, Digits85, Radix85};
use crate::sink::{exact, to_vec, Counter, Sink, SliceSink};

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

/// git's base85 alphabet.
pub(crate) const B85: &[u8; 85] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";
/// ZeroMQ's Z85 alphabet.
pub(crate) const Z85: &[u8; 85] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
/// Ascii85's alphabet: `!` to `u`.
pub(crate) const A85: [u8; 85] = {
    let mut t = [0u8; 85];
    let mut i = 0;
    while i < 85 {
        t[i] = b'!' + i as u8;
        i += 1;
    }
    t
};

/// An alphabet: its characters, and its lookup tables for whole words.
struct Alphabet85 {
    radix: Radix85,
    chars: &'static [u8; 85],
    digits: Digits85,
}

static B85_ALPHABET: Alphabet85 = Alphabet85 {
    radix: Radix85::B85,
    chars: B85,
    digits: Digits85::new(B85),
};
static Z85_ALPHABET: Alphabet85 = Alphabet85 {
    radix: Radix85::Z85,
    chars: Z85,
    digits: Digits85::new(Z85),
};
static A85_ALPHABET: Alphabet85 = Alphabet85 {
    radix: Radix85::A85,
    chars: &A85,
    digits: Digits85::new(&A85),
};

/// Five digits of a 32-bit word, most significant first.
#[inline]
fn word_digits(word: u32, alphabet: &[u8; 85]) -> [u8; 5] {
    let mut w = word;
    let mut d = [0u8; 5];
    for slot in d.iter_mut().rev() {
        *slot = alphabet[(w % 85) as usize];
        w /= 85;
    }
    d
}

/// The shared encoder of `_85encode`: whole words as 5 digits (or `z`/`y`
/// when folding), a padded last word cut to its real bytes + 1 unless `pad`.
/// Runs of words that do not fold go through the block path first.
fn encode85<S: Sink>(
    input: &[u8],
    alphabet: &Alphabet85,
    pad: bool,
    foldnuls: bool,
    foldspaces: bool,
    sink: &mut S,
) {
    let mut rest = input;
    while !rest.is_empty() {
        let done = match sink.rest() {
            Some(out) => fast::encode_run(
                rest,
                alphabet.radix,
                &alphabet.digits,
                foldnuls,
                foldspaces,
                out,
            ),
            None => fast::plain_words(rest, foldnuls, foldspaces),
        };
        sink.advance(5 * done);
        rest = rest.get(4 * done..).unwrap_or_default();
        // One word (a folded or a last, partial one) the scalar way.
        let (chunk, tail) = rest.split_at(rest.len().min(4));
        rest = tail;
        if chunk.is_empty() {
            break;
        }
        let mut b = [0u8; 4];
        b[..chunk.len()].copy_from_slice(chunk);
        let (word, n) = (u32::from_be_bytes(b), chunk.len());
        let alphabet = alphabet.chars;
        if n < 4 && !pad {
            sink.put_slice(&word_digits(word, alphabet)[..n + 1]);
        } else if foldnuls && word == 0 {
            sink.put(b'z');
        } else if foldspaces && word == 0x2020_2020 {
            sink.put(b'y');
        } else {
            sink.put_slice(&word_digits(word, alphabet));
        }
    }
}

/// Length of the Ascii85 body (no framing, no line breaks).
fn a85_body_len(input: &[u8], opts: &A85Encode) -> usize {
    let mut c = Counter::default();
    encode85(
        input,
        &A85_ALPHABET,
        opts.pad,
        true,
        opts.foldspaces,
        &mut c,
    );
    c.0
}

/// Line width after CPython's `max(2 if adobe else 1, wrapcol)`; 0: none.
fn a85_width(opts: &A85Encode) -> usize {
    match opts.wrapcol {
        0 => 0,
        w => w.max(if opts.adobe { 2 } else { 1 }),
    }
}

/// Exact size of the Ascii85 encoding of `input` (it depends on the content:
/// all-zero and all-space words shrink to one byte).
pub fn a85_encoded_len(input: &[u8], opts: &A85Encode) -> Result<usize> {
    let framed = add(a85_body_len(input, opts), if opts.adobe { 2 } else { 0 })?;
    let mut len = framed;
    let width = a85_width(opts);
    if width > 0 && framed > 0 {
        let lines = framed.div_ceil(width);
        len = add(len, lines - 1)?;
        let last = framed - (lines - 1) * width;
        if opts.adobe && last + 2 > width {
            len = add(len, 1)?;
        }
    }
    if opts.adobe {
        len = add(len, 2)?;
    }
    fits(len)
}

/// `a85encode` into `out` (at least [`a85_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn a85_encode_into(input: &[u8], opts: &A85Encode, out: &mut [u8]) -> Result<usize> {
    let len = a85_encoded_len(input, opts)?;
    let out = exact(out, len)?;
    // The framed body first, unbroken; then spread into lines from the end.
    let framed = {
        let mut sink = SliceSink::new(out);
        if opts.adobe {
            sink.put_slice(b"<~");
        }
        encode85(
            input,
            &A85_ALPHABET,
            opts.pad,
            true,
            opts.foldspaces,
            &mut sink,
        );
        sink.finish()?
    };
    let width = a85_width(opts);
    let mut end = framed;
    if width > 0 && framed > 0 {
        let lines = framed.div_ceil(width);
        let extra = usize::from(opts.adobe && framed - (lines - 1) * width + 2 > width);
        end = framed + lines - 1 + extra;
        if extra == 1 {
            if let Some(c) = out.get_mut(end - 1) {
                *c = b'\n';
            }
        }
        // Line k (from 0) moves right by k newlines.
        for k in (1..lines).rev() {
            let from = k * width;
            let to = (from + width).min(framed);
            out.copy_within(from..to, from + k);
            if let Some(c) = out.get_mut(from + k - 1) {
                *c = b'\n';
            }
        }
    }
    if opts.adobe {
        if let Some(tail) = out.get_mut(end..end + 2) {
            tail.copy_from_slice(b"~>");
        }
    }
    Ok(len)
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
    let mut count = Counter::default();
    a85_decode_to(input, opts, &mut count)?;
    Ok(count.0)
}

/// `a85decode` into `out` (at least as long as the result); returns the
/// number of bytes written. Errors (`ValueError`): "Ascii85 encoded byte
/// sequences must end with b'~>'", "Ascii85 overflow", "z inside Ascii85
/// 5-tuple", "y inside Ascii85 5-tuple", "Non-Ascii85 digit found: C".
pub fn a85_decode_into(input: &[u8], opts: &A85Decode<'_>, out: &mut [u8]) -> Result<usize> {
    let mut sink = SliceSink::new(out);
    a85_decode_to(input, opts, &mut sink)?;
    sink.finish()
}

/// `base64.a85decode(input, ...)`.
pub fn a85_decode(input: &[u8], opts: &A85Decode<'_>) -> Result<Vec<u8>> {
    let len = a85_decoded_len(input, opts)?;
    to_vec(len, |out| a85_decode_into(input, opts, out))
}

/// The value of up to five Ascii85 digits (`!` = 0), or an overflow error.
fn a85_group(digits: &[u8]) -> Result<u32> {
    let acc = digits
        .iter()
        .fold(0u64, |acc, &d| acc * 85 + u64::from(d - b'!'));
    u32::try_from(acc).map_err(|_| Error::value("Ascii85 overflow"))
}

/// Byte -> digit value (0xff: not a digit) for Ascii85.
pub(crate) const A85_TABLE: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 85 {
        t[A85[i] as usize] = i as u8;
        i += 1;
    }
    t
};

fn a85_decode_to<S: Sink>(input: &[u8], opts: &A85Decode<'_>, sink: &mut S) -> Result<()> {
    let mut data = input;
    if opts.adobe {
        if !data.ends_with(b"~>") {
            return Err(Error::value(
                "Ascii85 encoded byte sequences must end with b'~>'",
            ));
        }
        let end = data.len() - 2;
        let start = if data.starts_with(b"<~") { 2 } else { 0 };
        data = data.get(start..end).unwrap_or_default();
    }
    let mut ignore = [false; 256];
    for &c in opts.ignorechars {
        ignore[usize::from(c)] = true;
    }
    let mut group = [0u8; 5];
    let mut n = 0usize;
    let mut rest = data;
    while let Some((&c, tail)) = rest.split_first() {
        if n == 0 {
            // Between groups: whole plain hunks through the block path.
            let done = match sink.rest() {
                Some(out) => fast::decode_run(rest, Radix85::A85, out),
                None => fast::clean_run(rest, Radix85::A85),
            };
            if done > 0 {
                sink.advance(4 * done);
                rest = rest.get(5 * done..).unwrap_or_default();
                continue;
            }
        }
        rest = tail;
        match c {
            b'!'..=b'u' => {
                group[n] = c;
                n += 1;
                if n == 5 {
                    sink.put_slice(&a85_group(&group)?.to_be_bytes());
                    n = 0;
                }
            }
            b'z' => {
                if n != 0 {
                    return Err(Error::value("z inside Ascii85 5-tuple"));
                }
                sink.put_slice(&[0; 4]);
            }
            b'y' if opts.foldspaces => {
                if n != 0 {
                    return Err(Error::value("y inside Ascii85 5-tuple"));
                }
                sink.put_slice(b"    ");
            }
            _ if ignore[usize::from(c)] => {}
            _ => {
                return Err(Error::value(format!(
                    "Non-Ascii85 digit found: {}",
                    char::from(c)
                )));
            }
        }
    }
    if n > 0 {
        // A partial group is completed with `u` and keeps n - 1 bytes.
        for slot in group.iter_mut().skip(n) {
            *slot = b'u';
        }
        let word = a85_group(&group)?.to_be_bytes();
        sink.put_slice(&word[..n - 1]);
    }
    Ok(())
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
    encode_alphabet(input, pad, &B85_ALPHABET, out)
}

fn encode_alphabet(
    input: &[u8],
    pad: bool,
    alphabet: &Alphabet85,
    out: &mut [u8],
) -> Result<usize> {
    let len = b85_encoded_len(input.len(), pad)?;
    let out = exact(out, len)?;
    let mut sink = SliceSink::new(out);
    encode85(input, alphabet, pad, false, false, &mut sink);
    sink.finish()?;
    Ok(len)
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
    decode_table(input, Radix85::B85, &B85_TABLE, "base85", out)
}

/// Byte -> digit value (0xff: not a digit) for base85.
pub(crate) const B85_TABLE: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 85 {
        t[B85[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// For Z85, as CPython 3.13 reads it: Z85 digits by their Z85 value, and
/// bytes outside the Z85 alphabet left as they are, so the base85 digits
/// among them (`;_`|~`) keep their base85 values.
pub(crate) const Z85_TABLE: [u8; 256] = {
    let mut t = B85_TABLE;
    let mut i = 0;
    while i < 85 {
        t[Z85[i] as usize] = i as u8;
        i += 1;
    }
    t
};

fn decode_table(
    input: &[u8],
    radix: Radix85,
    table: &[u8; 256],
    name: &str,
    out: &mut [u8],
) -> Result<usize> {
    let len = b85_decoded_len(input.len())?;
    let out = exact(out, len)?;
    // Whole hunks of digits first; the first one that is not (or that
    // overflows) is the scalar loop's, which reports it.
    let done = fast::decode_run(input, radix, out);
    let rest = input.get(5 * done..).unwrap_or_default();
    for (k, hunk) in rest.chunks(5).enumerate().map(|(k, h)| (k + done, h)) {
        let mut acc = 0u64;
        for (j, &c) in hunk.iter().enumerate() {
            let v = table[usize::from(c)];
            if v == 0xff {
                return Err(Error::value(format!(
                    "bad {name} character at position {}",
                    5 * k + j
                )));
            }
            acc = acc * 85 + u64::from(v);
        }
        // A short last hunk is padded with the highest digit.
        for _ in hunk.len()..5 {
            acc = acc * 85 + 84;
        }
        let word = u32::try_from(acc).map_err(|_| {
            Error::value(format!(
                "{name} overflow in hunk starting at byte {}",
                5 * k
            ))
        })?;
        // A short hunk of n digits carries n - 1 bytes.
        let n = hunk.len().min(5) - 1;
        if let Some(dst) = out.get_mut(4 * k..4 * k + n) {
            dst.copy_from_slice(&word.to_be_bytes()[..n]);
        }
    }
    Ok(len)
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
    encode_alphabet(input, false, &Z85_ALPHABET, out)
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
    decode_table(input, Radix85::Z85, &Z85_TABLE, "z85", out)
}

/// `base64.z85decode(input)` (CPython 3.13).
pub fn z85_decode(input: &[u8]) -> Result<Vec<u8>> {
    let len = z85_decoded_len(input.len())?;
    to_vec(len, |out| z85_decode_into(input, out))
}
