//! Quoted-printable: `binascii.b2a_qp` (`quotetabs`, `istext`, `header`)
//! and `binascii.a2b_qp` (`header`). Neither raises on any input.

use crate::error::Result;
use crate::sink::{to_vec, Counter, Sink, SliceSink};

/// `b2a_qp`'s options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QpEncode {
    /// Encode every space and tab.
    pub quotetabs: bool,
    /// Treat the data as text: line breaks are kept as they are.
    pub istext: bool,
    /// Header mode: spaces become `_`, and `_` is encoded.
    pub header: bool,
}

impl Default for QpEncode {
    /// `b2a_qp`'s defaults: `quotetabs=False, istext=True, header=False`.
    fn default() -> Self {
        QpEncode {
            quotetabs: false,
            istext: true,
            header: false,
        }
    }
}

/// Longest encoded line, soft line break excluded.
const MAX_LINE: usize = 76;

/// Exact size of `b2a_qp(input, ...)` (it depends on the content).
pub fn qp_encoded_len(input: &[u8], opts: &QpEncode) -> Result<usize> {
    let mut count = Counter::default();
    encode(input, opts, &mut count);
    crate::error::fits(count.0)
}

/// `b2a_qp` into `out` (at least [`qp_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn qp_encode_into(input: &[u8], opts: &QpEncode, out: &mut [u8]) -> Result<usize> {
    let mut sink = SliceSink::new(out);
    encode(input, opts, &mut sink);
    sink.finish()
}

/// `binascii.b2a_qp(input, ...)`.
pub fn qp_encode(input: &[u8], opts: &QpEncode) -> Result<Vec<u8>> {
    let len = qp_encoded_len(input, opts)?;
    to_vec(len, |out| qp_encode_into(input, opts, out))
}

fn put_hex<S: Sink>(sink: &mut S, b: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    sink.put(DIGITS[usize::from(b >> 4)]);
    sink.put(DIGITS[usize::from(b & 15)]);
}

/// CPython's rules: line ends are CRLF if the first `\n` follows a `\r`;
/// lines are broken softly before 76 characters; whitespace before a line
/// end is encoded.
fn encode<S: Sink>(data: &[u8], opts: &QpEncode, sink: &mut S) {
    let crlf = match data.iter().position(|&c| c == b'\n') {
        Some(p) if p > 0 => data.get(p - 1) == Some(&b'\r'),
        _ => false,
    };
    let soft_break = |sink: &mut S| {
        sink.put(b'=');
        if crlf {
            sink.put(b'\r');
        }
        sink.put(b'\n');
    };
    let at = |i: usize| data.get(i).copied();
    // The last byte written, for the end-of-line whitespace rule.
    let mut last: Option<u8> = None;
    let mut line = 0usize;
    let mut i = 0usize;
    while let Some(c) = at(i) {
        let is_last = i + 1 == data.len();
        let next = at(i + 1);
        let quote = c > 126
            || c == b'='
            || (opts.header && c == b'_')
            || (c == b'.' && line == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!opts.istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && is_last)
            || (c < 33
                && c != b'\r'
                && c != b'\n'
                && (opts.quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if line + 3 >= MAX_LINE {
                soft_break(sink);
                line = 0;
            }
            sink.put(b'=');
            put_hex(sink, c);
            last = Some(b'0');
            i += 1;
            line += 3;
        } else if opts.istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line = 0;
            if let Some(ws @ (b' ' | b'\t')) = last {
                sink.set_last(b'=');
                put_hex(sink, ws);
            }
            if crlf {
                sink.put(b'\r');
            }
            sink.put(b'\n');
            last = Some(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !is_last && next != Some(b'\n') && line + 1 >= MAX_LINE {
                soft_break(sink);
                line = 0;
            }
            line += 1;
            let b = if opts.header && c == b' ' { b'_' } else { c };
            sink.put(b);
            last = Some(b);
            i += 1;
        }
    }
}

/// Exact size of `a2b_qp(input, header)`.
pub fn qp_decoded_len(input: &[u8], header: bool) -> Result<usize> {
    let mut count = Counter::default();
    decode(input, header, &mut count);
    Ok(count.0)
}

/// `a2b_qp` into `out` (at least [`qp_decoded_len`] bytes; the input's
/// length always suffices); returns the number of bytes written.
pub fn qp_decode_into(input: &[u8], header: bool, out: &mut [u8]) -> Result<usize> {
    let mut sink = SliceSink::new(out);
    decode(input, header, &mut sink);
    sink.finish()
}

/// `binascii.a2b_qp(input, header)`.
pub fn qp_decode(input: &[u8], header: bool) -> Result<Vec<u8>> {
    let len = qp_decoded_len(input, header)?;
    to_vec(len, |out| qp_decode_into(input, header, out))
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `=XX` escapes (either case), soft line breaks (`=` before a line end;
/// `=\r` drops the rest of its line), `_` as space in headers; anything
/// else, malformed escapes included, passes through.
fn decode<S: Sink>(data: &[u8], header: bool, sink: &mut S) {
    let at = |i: usize| data.get(i).copied();
    let mut i = 0usize;
    while let Some(c) = at(i) {
        if c == b'=' {
            i += 1;
            match at(i) {
                None => break,
                Some(b'\n') => i += 1,
                Some(b'\r') => {
                    while at(i).is_some_and(|c| c != b'\n') {
                        i += 1;
                    }
                    if at(i).is_some() {
                        i += 1;
                    }
                }
                Some(b'=') => {
                    sink.put(b'=');
                    i += 1;
                }
                Some(h) => match (hex_value(h), at(i + 1).and_then(hex_value)) {
                    (Some(hi), Some(lo)) => {
                        sink.put((hi << 4) | lo);
                        i += 2;
                    }
                    _ => sink.put(b'='),
                },
            }
        } else if header && c == b'_' {
            sink.put(b' ');
            i += 1;
        } else {
            sink.put(c);
            i += 1;
        }
    }
}
