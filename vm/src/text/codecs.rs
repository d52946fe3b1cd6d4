//! The codecs `str.encode` and `bytes.decode` use without the codec
//! registry: UTF-8, UTF-16, UTF-32, ASCII and Latin-1, with the error
//! handlers `strict`,
//! `ignore`, `replace`, `backslashreplace`, and (encoding) `xmlcharrefreplace`
//! and `namereplace`; failures carry what `UnicodeEncodeError` /
//! `UnicodeDecodeError` need, with CPython's wording.

use super::surrogates;
use super::TextError;

/// A codec this module implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16 or UTF-32 (`width` 2 or 4 bytes a unit).
    Wide {
        width: u8,
        order: ByteOrder,
    },
}

/// The byte order of a UTF-16/32 codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    Little,
    Big,
    /// `utf-16` / `utf-32`: a byte-order mark first; little-endian (this
    /// machine's order, as CPython) when encoding or when there is none.
    Marked,
}

impl Codec {
    /// The name CPython puts in messages and in the exception's
    /// `encoding` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Wide {
                width: 2,
                order: ByteOrder::Little,
            } => "utf-16-le",
            Codec::Wide {
                width: 2,
                order: ByteOrder::Big,
            } => "utf-16-be",
            Codec::Wide { width: 2, .. } => "utf-16",
            Codec::Wide {
                order: ByteOrder::Little,
                ..
            } => "utf-32-le",
            Codec::Wide {
                order: ByteOrder::Big,
                ..
            } => "utf-32-be",
            Codec::Wide { .. } => "utf-32",
        }
    }

    /// Looks an encoding name up as CPython's codec registry normalizes
    /// and aliases it (case, `-`, spaces and `_` do not matter).
    pub fn lookup(encoding: &str) -> Result<Codec, TextError> {
        let norm: String = encoding
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
                Ok(Codec::Utf8)
            }
            "ascii" | "646" | "us_ascii" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv_1991" | "iso_ir_6" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso8859" => {
                Ok(Codec::Latin1)
            }
            "utf_16" | "utf16" | "u16" => Ok(Codec::Wide {
                width: 2,
                order: ByteOrder::Marked,
            }),
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Ok(Codec::Wide {
                width: 2,
                order: ByteOrder::Little,
            }),
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Ok(Codec::Wide {
                width: 2,
                order: ByteOrder::Big,
            }),
            "utf_32" | "utf32" | "u32" => Ok(Codec::Wide {
                width: 4,
                order: ByteOrder::Marked,
            }),
            "utf_32_le" | "utf_32le" => Ok(Codec::Wide {
                width: 4,
                order: ByteOrder::Little,
            }),
            "utf_32_be" | "utf_32be" => Ok(Codec::Wide {
                width: 4,
                order: ByteOrder::Big,
            }),
            _ => Err(TextError::LookupError(format!(
                "unknown encoding: {encoding}"
            ))),
        }
    }
}

/// An error handler this module implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
}

impl Handler {
    /// Looks a handler name up; CPython does so only when an error
    /// happens, so callers should call this lazily too.
    pub fn lookup(name: &str) -> Result<Handler, TextError> {
        match name {
            "strict" => Ok(Handler::Strict),
            "ignore" => Ok(Handler::Ignore),
            "replace" => Ok(Handler::Replace),
            "backslashreplace" => Ok(Handler::BackslashReplace),
            "xmlcharrefreplace" => Ok(Handler::XmlCharRefReplace),
            "namereplace" => Ok(Handler::NameReplace),
            "surrogateescape" => Ok(Handler::SurrogateEscape),
            "surrogatepass" => Ok(Handler::SurrogatePass),
            _ => Err(TextError::LookupError(format!(
                "unknown error handler name '{name}'"
            ))),
        }
    }
}

/// A failed encode or decode: the fields of `UnicodeEncodeError` /
/// `UnicodeDecodeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError {
    pub encoding: &'static str,
    /// Code-point positions when encoding, byte positions when decoding.
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
    /// For the message: the character at `start` (encoding) or the byte
    /// (decoding).
    pub culprit: u32,
    pub decoding: bool,
}

impl CodecError {
    /// `str()` of the exception, as CPython writes it.
    pub fn message(&self) -> String {
        let enc = self.encoding;
        if self.decoding {
            if self.end == self.start + 1 {
                format!(
                    "'{enc}' codec can't decode byte 0x{:02x} in position {}: {}",
                    self.culprit, self.start, self.reason
                )
            } else {
                format!(
                    "'{enc}' codec can't decode bytes in position {}-{}: {}",
                    self.start,
                    self.end.saturating_sub(1),
                    self.reason
                )
            }
        } else if self.end == self.start + 1 {
            let c = self.culprit;
            let shown = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            format!(
                "'{enc}' codec can't encode character '{shown}' in position {}: {}",
                self.start, self.reason
            )
        } else {
            format!(
                "'{enc}' codec can't encode characters in position {}-{}: {}",
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

/// Why an encode/decode failed: a Unicode error or a bad handler name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecFailure {
    Unicode(CodecError),
    Other(TextError),
}

impl From<TextError> for CodecFailure {
    fn from(e: TextError) -> Self {
        CodecFailure::Other(e)
    }
}

fn push_escape_bytes(out: &mut Vec<u8>, c: char) {
    let n = surrogates::code_point(c);
    let s = if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// Appends the code unit(s) of `cp` as `codec` writes them (a surrogate
/// as itself: `surrogatepass`); the caller has checked it fits.
fn push_unit(out: &mut Vec<u8>, codec: Codec, cp: u32) {
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Utf8 => {
            if cp < 0x80 {
                out.push(cp as u8);
            } else if cp < 0x800 {
                out.extend_from_slice(&[0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]);
            } else if cp < 0x10000 {
                out.extend_from_slice(&[
                    0xe0 | (cp >> 12) as u8,
                    0x80 | ((cp >> 6) & 0x3f) as u8,
                    0x80 | (cp & 0x3f) as u8,
                ]);
            } else {
                out.extend_from_slice(&[
                    0xf0 | (cp >> 18) as u8,
                    0x80 | ((cp >> 12) & 0x3f) as u8,
                    0x80 | ((cp >> 6) & 0x3f) as u8,
                    0x80 | (cp & 0x3f) as u8,
                ]);
            }
        }
        Codec::Wide { width, order } => {
            let big = order == ByteOrder::Big;
            let mut units = [0u32; 2];
            let n = if width == 2 && cp >= 0x10000 {
                let v = cp - 0x10000;
                units = [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)];
                2
            } else {
                units[0] = cp;
                1
            };
            for &u in &units[..n] {
                if width == 2 {
                    let u = u as u16;
                    out.extend_from_slice(&if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                } else {
                    out.extend_from_slice(&if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                }
            }
        }
    }
}

/// Appends ASCII replacement text (`?`, escapes, character references).
fn push_ascii(out: &mut Vec<u8>, codec: Codec, text: &[u8]) {
    match codec {
        Codec::Wide { .. } => text
            .iter()
            .for_each(|&b| push_unit(out, codec, u32::from(b))),
        _ => out.extend_from_slice(text),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, codec: Codec, errors: &str) -> Result<Vec<u8>, CodecFailure> {
    let lone = surrogates::has_surrogates(s);
    let (limit, reason) = match codec {
        Codec::Utf8 if !lone => return Ok(s.as_bytes().to_vec()),
        Codec::Wide { width, order } if !lone => return Ok(encode_wide(s, width, order)),
        Codec::Utf8 | Codec::Wide { .. } => (0x110000, "surrogates not allowed"),
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
    };
    if limit == 0x80 && s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    if let Codec::Wide {
        order: ByteOrder::Marked,
        ..
    } = codec
    {
        push_unit(&mut out, codec, 0xfeff);
    }
    let mut handler = None;
    let chars: Vec<char> = s.chars().collect();
    let bad = |c: char| surrogates::is_stored(c) || (c as u32) >= limit;
    let fail = |start: usize, end: usize| {
        CodecFailure::Unicode(CodecError {
            encoding: codec.name(),
            start,
            end,
            reason,
            culprit: chars.get(start).map_or(0, |&c| surrogates::code_point(c)),
            decoding: false,
        })
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !bad(c) {
            push_unit(&mut out, codec, c as u32);
            i += 1;
            continue;
        }
        let h = match handler {
            Some(h) => h,
            None => *handler.insert(Handler::lookup(errors)?),
        };
        // The run of characters this codec cannot encode (CPython's
        // UTF-16/32 encoders report them one at a time).
        let end = if matches!(codec, Codec::Wide { .. }) {
            i + 1
        } else {
            chars[i..]
                .iter()
                .position(|&c| !bad(c))
                .map_or(chars.len(), |n| i + n)
        };
        let run = &chars[i..end];
        match h {
            Handler::Strict => return Err(fail(i, end)),
            Handler::Ignore => {}
            Handler::Replace => run.iter().for_each(|_| push_ascii(&mut out, codec, b"?")),
            Handler::BackslashReplace => {
                for &c in run {
                    let mut esc = Vec::new();
                    push_escape_bytes(&mut esc, c);
                    push_ascii(&mut out, codec, &esc);
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in run {
                    let r = format!("&#{};", surrogates::code_point(c));
                    push_ascii(&mut out, codec, r.as_bytes());
                }
            }
            Handler::NameReplace => {
                for &c in run {
                    match unicode_names2::name(c).filter(|_| !surrogates::is_stored(c)) {
                        Some(name) => {
                            push_ascii(&mut out, codec, format!("\\N{{{name}}}").as_bytes())
                        }
                        None => {
                            let mut esc = Vec::new();
                            push_escape_bytes(&mut esc, c);
                            push_ascii(&mut out, codec, &esc);
                        }
                    }
                }
            }
            Handler::SurrogateEscape => {
                // Bytes smuggled in as U+DC80..U+DCFF go back out as
                // themselves (not through UTF-16/32); the rest fails.
                let ok = if matches!(codec, Codec::Wide { .. }) {
                    0
                } else {
                    run.iter()
                        .take_while(|&&c| {
                            matches!(surrogates::code_point(c), 0xdc80..=0xdcff)
                                && surrogates::is_stored(c)
                        })
                        .count()
                };
                for &c in &run[..ok] {
                    out.push((surrogates::code_point(c) - 0xdc00) as u8);
                }
                if ok < run.len() {
                    return Err(fail(i + ok, end));
                }
            }
            Handler::SurrogatePass => {
                if matches!(codec, Codec::Ascii | Codec::Latin1) {
                    return Err(fail(i, end));
                }
                for &c in run {
                    push_unit(&mut out, codec, surrogates::code_point(c));
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// Whether CPython reaches this codec by its built-in shortcut (the
/// normalized names `utf_8`, `utf_16`, `utf_32`, `latin_1`, `ascii` and
/// their spellings); through the registry instead, a bad error-handler
/// name is reported wrapped: "decoding with 'l1' codec failed (...)".
fn is_shortcut_name(encoding: &str) -> bool {
    let norm: String = encoding
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    matches!(
        norm.as_str(),
        "utf_8"
            | "utf8"
            | "utf_16"
            | "utf16"
            | "utf_32"
            | "utf32"
            | "latin_1"
            | "latin1"
            | "iso_8859_1"
            | "iso8859_1"
            | "ascii"
            | "us_ascii"
    )
}

fn wrap_lookup(encoding: &str, decoding: bool, f: CodecFailure) -> CodecFailure {
    match f {
        CodecFailure::Other(TextError::LookupError(m)) if !is_shortcut_name(encoding) => {
            let verb = if decoding { "decoding" } else { "encoding" };
            CodecFailure::Other(TextError::LookupError(format!(
                "{verb} with '{encoding}' codec failed (LookupError: {m})"
            )))
        }
        other => other,
    }
}

/// `s.encode(encoding, errors)` by encoding name.
pub fn encode_named(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecFailure> {
    let codec = Codec::lookup(encoding)?;
    encode(s, codec, errors).map_err(|f| wrap_lookup(encoding, false, f))
}

/// `b.decode(encoding, errors)` by encoding name.
pub fn decode_named(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecFailure> {
    let codec = Codec::lookup(encoding)?;
    decode(b, codec, errors).map_err(|f| wrap_lookup(encoding, true, f))
}

/// UTF-16/UTF-32 encoding (a str holds no lone surrogates, so it cannot
/// fail).
fn encode_wide(s: &str, width: u8, order: ByteOrder) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * usize::from(width) + 4);
    let big = order == ByteOrder::Big;
    let push = |out: &mut Vec<u8>, unit: u32| {
        if width == 2 {
            let u = unit as u16;
            out.extend_from_slice(&if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        } else {
            out.extend_from_slice(&if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
    };
    if order == ByteOrder::Marked {
        push(&mut out, 0xfeff);
    }
    for c in s.chars() {
        if width == 2 {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                push(&mut out, u32::from(*u));
            }
        } else {
            push(&mut out, c as u32);
        }
    }
    out
}

/// UTF-16/UTF-32 decoding with CPython's error spans and reasons.
fn decode_wide(
    b: &[u8],
    codec: Codec,
    width: u8,
    order: ByteOrder,
    errors: &str,
) -> Result<String, CodecFailure> {
    let w = usize::from(width);
    let mut big = order == ByteOrder::Big;
    let mut pos = 0;
    if order == ByteOrder::Marked {
        let bom_le: &[u8] = if w == 2 {
            b"\xff\xfe"
        } else {
            b"\xff\xfe\x00\x00"
        };
        let bom_be: &[u8] = if w == 2 {
            b"\xfe\xff"
        } else {
            b"\x00\x00\xfe\xff"
        };
        if b.starts_with(bom_le) {
            pos = w;
        } else if b.starts_with(bom_be) {
            pos = w;
            big = true;
        }
    }
    let unit = |at: usize| -> Option<u32> {
        let bytes = b.get(at..at + w)?;
        Some(if w == 2 {
            let pair = [bytes[0], bytes[1]];
            u32::from(if big {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            })
        } else {
            let quad = [bytes[0], bytes[1], bytes[2], bytes[3]];
            if big {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            }
        })
    };
    // Errors name the byte order found ('utf-16-le' for plain 'utf-16').
    let codec = match codec {
        Codec::Wide { width, .. } => Codec::Wide {
            width,
            order: if big {
                ByteOrder::Big
            } else {
                ByteOrder::Little
            },
        },
        other => other,
    };
    let mut out = String::with_capacity(b.len() / w);
    let mut handler = None;
    while pos < b.len() {
        // (bytes consumed, the character) or (bad span, reason).
        let step: Result<(usize, char), (usize, &'static str)> = match unit(pos) {
            None => Err((b.len() - pos, "truncated data")),
            Some(u) if w == 4 => match char::from_u32(u) {
                Some(c) => Ok((4, c)),
                None if u > 0x10ffff => Err((4, "code point not in range(0x110000)")),
                None => Err((
                    4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                )),
            },
            Some(u @ 0xdc00..=0xdfff) => {
                let _ = u;
                Err((2, "illegal encoding"))
            }
            Some(hi @ 0xd800..=0xdbff) => match unit(pos + 2) {
                None => Err((b.len() - pos, "unexpected end of data")),
                Some(lo @ 0xdc00..=0xdfff) => {
                    let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                    Ok((4, char::from_u32(c).unwrap_or('\u{fffd}')))
                }
                Some(_) => Err((2, "illegal UTF-16 surrogate")),
            },
            Some(u) => Ok((2, char::from_u32(u).unwrap_or('\u{fffd}'))),
        };
        match step {
            Ok((n, c)) => {
                if surrogates::is_stored(c) {
                    return Err(
                        TextError::NotImplemented(surrogates::reserved_message(c as u32)).into(),
                    );
                }
                out.push(c);
                pos += n;
            }
            Err((n, reason)) => {
                let h = match handler {
                    Some(h) => h,
                    None => *handler.insert(Handler::lookup(errors)?),
                };
                // `surrogatepass`: a lone surrogate unit decodes to itself.
                let lone = unit(pos).filter(|u| (0xd800..=0xdfff).contains(u) && n >= w);
                if let (Handler::SurrogatePass, Some(u)) = (h, lone) {
                    out.extend(surrogates::from_code_point(u));
                    pos += w;
                    continue;
                }
                decode_error(&mut out, h, codec, &b[pos..pos + n], pos, reason)?;
                pos += n;
            }
        }
    }
    Ok(out)
}

/// Whether `b` can never start a UTF-8 sequence.
fn invalid_start(b: u8) -> bool {
    matches!(b, 0x80..=0xc1 | 0xf5..=0xff)
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], codec: Codec, errors: &str) -> Result<String, CodecFailure> {
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| char::from(x)).collect()),
        Codec::Wide { width, order } => decode_wide(b, codec, width, order, errors),
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(b.iter().map(|&x| char::from(x)).collect());
            }
            let mut out = String::with_capacity(b.len());
            let mut handler = None;
            for (i, &x) in b.iter().enumerate() {
                if x.is_ascii() {
                    out.push(char::from(x));
                    continue;
                }
                let h = match handler {
                    Some(h) => h,
                    None => *handler.insert(Handler::lookup(errors)?),
                };
                decode_error(
                    &mut out,
                    h,
                    codec,
                    &b[i..i + 1],
                    i,
                    "ordinal not in range(128)",
                )?;
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut offset = 0;
            let mut handler = None;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        check_reserved(s)?;
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        let valid = std::str::from_utf8(&rest[..good]).unwrap_or("");
                        check_reserved(valid)?;
                        out.push_str(valid);
                        if let [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..] = rest[good..] {
                            if errors == "surrogatepass" {
                                let cp =
                                    0xd000 | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
                                out.extend(surrogates::from_code_point(cp));
                                offset += good + 3;
                                rest = &rest[good + 3..];
                                continue;
                            }
                        }
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) if invalid_start(rest[good]) => (n, "invalid start byte"),
                            Some(n) => (n, "invalid continuation byte"),
                        };
                        let h = match handler {
                            Some(h) => h,
                            None => *handler.insert(Handler::lookup(errors)?),
                        };
                        let bad = &rest[good..good + len];
                        decode_error(&mut out, h, codec, bad, offset + good, reason)?;
                        offset += good + len;
                        rest = &rest[good + len..];
                    }
                }
            }
        }
    }
}

/// Applies a handler to the undecodable bytes `bad` found at `start`.
fn decode_error(
    out: &mut String,
    h: Handler,
    codec: Codec,
    bad: &[u8],
    start: usize,
    reason: &'static str,
) -> Result<(), CodecFailure> {
    match h {
        Handler::Strict | Handler::XmlCharRefReplace | Handler::NameReplace => {
            if h != Handler::Strict {
                // These handlers only know how to encode.
                return Err(CodecFailure::Other(TextError::TypeError(
                    "don't know how to handle UnicodeDecodeError in error callback".into(),
                )));
            }
            Err(CodecFailure::Unicode(CodecError {
                encoding: codec.name(),
                start,
                end: start + bad.len(),
                reason,
                culprit: u32::from(bad.first().copied().unwrap_or(0)),
                decoding: true,
            }))
        }
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{fffd}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for &x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        Handler::SurrogateEscape if bad.iter().all(|&x| x >= 0x80) => {
            out.extend(
                bad.iter()
                    .filter_map(|&x| surrogates::from_code_point(0xdc00 | u32::from(x))),
            );
            Ok(())
        }
        Handler::SurrogateEscape | Handler::SurrogatePass => {
            decode_error(out, Handler::Strict, codec, bad, start, reason)
        }
    }
}

/// Valid UTF-8 that holds a code point of the block rpy stores lone
/// surrogates in cannot become a str.
fn check_reserved(s: &str) -> Result<(), CodecFailure> {
    if !surrogates::has_surrogates(s) {
        return Ok(());
    }
    match s.chars().find(|&c| surrogates::is_stored(c)) {
        Some(c) => Err(TextError::NotImplemented(surrogates::reserved_message(c as u32)).into()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, py_str};
    use super::super::{bytes_ops, str_ops};
    use super::*;

    fn enc_outcome(r: Result<Vec<u8>, CodecFailure>) -> String {
        match r {
            Ok(b) => format!("ok:{}", bytes_ops::repr(&b)),
            Err(CodecFailure::Unicode(e)) => format!(
                "ok:UnicodeEncodeError|{}|{}|{}|{}|{}",
                e.message(),
                e.encoding,
                e.start,
                e.end,
                e.reason
            ),
            Err(CodecFailure::Other(e)) => format!("err:{}:{}", e.kind(), e.message()),
        }
    }

    fn dec_outcome(r: Result<String, CodecFailure>) -> String {
        match r {
            Ok(s) => format!("ok:{}", str_ops::ascii(&s)),
            Err(CodecFailure::Unicode(e)) => format!(
                "ok:UnicodeDecodeError|{}|{}|{}|{}|{}",
                e.message(),
                e.encoding,
                e.start,
                e.end,
                e.reason
            ),
            Err(CodecFailure::Other(e)) => format!("err:{}:{}", e.kind(), e.message()),
        }
    }

    const PRELUDE: &str = r#"
def _enc(s, enc, err):
    try:
        return repr(s.encode(enc, err))
    except UnicodeEncodeError as e:
        return '|'.join(map(str, ['UnicodeEncodeError', e, e.encoding, e.start, e.end, e.reason]))
def _dec(b, enc, err):
    try:
        return ascii(b.decode(enc, err))
    except UnicodeDecodeError as e:
        return '|'.join(map(str, ['UnicodeDecodeError', e, e.encoding, e.start, e.end, e.reason]))
"#;

    const HANDLERS: [&str; 7] = [
        "strict",
        "ignore",
        "replace",
        "backslashreplace",
        "xmlcharrefreplace",
        "namereplace",
        "bogus",
    ];

    #[test]
    fn encode_matches_cpython() {
        let texts = [
            "",
            "abc",
            "é",
            "aéb",
            "aé😀b",
            "😀😀",
            "ab\u{20ac}\u{20ac}\u{20ac}c",
            "\u{80}\u{ff}\u{100}",
            "\u{e000}x\u{4e00}",
        ];
        let mut cases = Vec::new();
        for s in texts {
            for enc in [
                "utf-8",
                "ascii",
                "latin-1",
                "UTF8",
                "Latin_1",
                "US-ASCII",
                "iso-8859-1",
                "cp1252x",
                "utf-16",
                "utf-16-le",
                "UTF_16BE",
                "utf-32",
                "utf-32-le",
                "utf32be",
                "u16",
                "l1",
                "latin",
                "646",
                "u8",
            ] {
                for err in HANDLERS {
                    let r = encode_named(s, enc, err);
                    cases.push((
                        format!("{}, {}, {}", py_str(s), py_str(enc), py_str(err)),
                        enc_outcome(r),
                    ));
                }
            }
        }
        check(PRELUDE, "_enc", &cases);
    }

    #[test]
    fn decode_matches_cpython() {
        let data: Vec<&[u8]> = vec![
            b"",
            b"abc",
            b"\xff",
            b"a\xffb",
            b"\xe2\x82",
            b"\xe2\x82a",
            b"\xe2(",
            b"\xf0\x90\x80",
            b"\xed\xa0\x80",
            b"\xc0\x80",
            b"\xf5\x80\x80\x80",
            b"\xe0\x80\x80",
            b"\xf4\x90\x80\x80",
            b"\x80",
            b"\xc2",
            b"ab\xf0\x9f\x98",
            b"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
            b"\xe9t\xe9",
            b"x\xf0\x9f\x98\x80\xff\xfe",
            b"\xff\xfea\x00",
            b"\xfe\xff\x00a",
            b"a",
            b"a\x00b",
            b"\x00\xd8a\x00",
            b"\x00\xdca\x00",
            b"\x00\xd8",
            b"=\xd8\x00\xde",
            b"\xff\xfe\x00\x00a\x00\x00\x00",
            b"a\x00\x00",
            b"\x00\x00\x11\x00",
            b"\x00\xd8\x00\x00",
            b"a\x00\x00\x00b",
            b"\xff\xfe",
            b"\x00\xd8\x00\xd8",
            b"\x00\xd8\x00",
            b"\x00\x00\xfe\xff\x00\x00\x00a",
        ];
        let mut cases = Vec::new();
        for b in data {
            for enc in [
                "utf-8",
                "ascii",
                "latin-1",
                "utf-16",
                "utf-16-le",
                "utf-16-be",
                "utf-32",
                "utf-32-le",
                "utf-32-be",
            ] {
                for err in ["strict", "ignore", "replace", "backslashreplace", "bogus"] {
                    let r = decode_named(b, enc, err);
                    cases.push((
                        format!("{}, {}, {}", bytes_ops::repr(b), py_str(enc), py_str(err)),
                        dec_outcome(r),
                    ));
                }
            }
        }
        check(PRELUDE, "_dec", &cases);
    }
}
