//! The containers a deflate stream travels in, chosen by `wbits` as zlib
//! chooses them: raw (-15..-8), zlib (8..15, or 0: the window the header
//! says), gzip (16 + 8..15, or 16), either of zlib and gzip detected from
//! the first bytes (32 + 8..15, or 32). Also the headers and trailers
//! themselves: written for compression, parsed (with zlib's messages)
//! for decompression.

/// How the deflate data is wrapped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Container {
    Raw,
    Zlib,
    Gzip,
    /// zlib or gzip, whichever the header is (decompression only).
    Auto,
}

/// A container and the window size (`2**window` bytes; 0: whatever a
/// zlib header says).
#[derive(Clone, Copy, Debug)]
pub struct Format {
    pub container: Container,
    pub window: u8,
}

/// The format `inflateInit2(wbits)` accepts, if any.
pub fn for_inflate(wbits: i32) -> Option<Format> {
    let (container, bits) = match wbits {
        -15..=-8 => (Container::Raw, -wbits),
        0..=15 => (Container::Zlib, wbits),
        16..=31 => (Container::Gzip, wbits - 16),
        32..=47 => (Container::Auto, wbits - 32),
        _ => return None,
    };
    if bits != 0 && !(8..=15).contains(&bits) {
        return None;
    }
    let window = u8::try_from(bits).ok()?;
    Some(Format { container, window })
}

/// The format `deflateInit2(wbits)` accepts, if any (a window of 8 is
/// raised to 9, and allowed only with the zlib wrapper, as in zlib).
pub fn for_deflate(wbits: i32) -> Option<Format> {
    let (container, bits) = match wbits {
        -15..=-9 => (Container::Raw, -wbits),
        8..=15 => (Container::Zlib, wbits.max(9)),
        25..=31 => (Container::Gzip, wbits - 16),
        _ => return None,
    };
    let window = u8::try_from(bits).ok()?;
    Some(Format { container, window })
}

/// The zlib header for a window of `2**window` bytes, `level` (0..=9)
/// and, with a preset dictionary, its Adler-32.
pub fn zlib_header(window: u8, level: u32, dict_id: Option<u32>) -> Vec<u8> {
    let cmf = (window.saturating_sub(8) << 4) | 8;
    let level_bits: u8 = match level {
        0 | 1 => 0,
        2..=5 => 1,
        6 => 2,
        _ => 3,
    };
    let mut flg = (level_bits << 6) | if dict_id.is_some() { 0x20 } else { 0 };
    let rem = (u16::from(cmf) * 256 + u16::from(flg)) % 31;
    if rem != 0 {
        flg += (31 - rem) as u8;
    }
    let mut h = vec![cmf, flg];
    if let Some(id) = dict_id {
        h.extend_from_slice(&id.to_be_bytes());
    }
    h
}

/// The gzip header zlib writes: no name, no time, OS "Unix"; the extra
/// flags tell a best (2) or fastest (4) compression.
pub fn gzip_header(level: u32, strategy: i32) -> Vec<u8> {
    let xfl = if level == 9 {
        2
    } else if strategy >= 2 || level < 2 {
        4
    } else {
        0
    };
    vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
}

/// What parsing a header from the bytes seen so far found.
#[derive(Debug, PartialEq, Eq)]
pub enum Header {
    /// More bytes are needed.
    Incomplete,
    /// The header is `len` bytes; for zlib, the dictionary id it asks for.
    Complete {
        container: Container,
        len: usize,
        dict_id: Option<u32>,
    },
}

/// Parses the header of `container` (Zlib, Gzip or Auto) from `b`,
/// with a window of at most `2**window` bytes (0: any). Errors are
/// zlib's messages.
pub fn parse_header(container: Container, window: u8, b: &[u8]) -> Result<Header, &'static str> {
    match container {
        Container::Raw => Ok(Header::Complete {
            container,
            len: 0,
            dict_id: None,
        }),
        Container::Zlib => parse_zlib(window, b),
        Container::Gzip => parse_gzip(b),
        Container::Auto => match b {
            [] | [0x1f] => Ok(Header::Incomplete),
            [0x1f, 0x8b, ..] => parse_gzip(b),
            _ => parse_zlib(window, b),
        },
    }
}

fn parse_zlib(window: u8, b: &[u8]) -> Result<Header, &'static str> {
    let (Some(&cmf), Some(&flg)) = (b.first(), b.get(1)) else {
        return Ok(Header::Incomplete);
    };
    if (u16::from(cmf) * 256 + u16::from(flg)) % 31 != 0 {
        return Err("incorrect header check");
    }
    if cmf & 15 != 8 {
        return Err("unknown compression method");
    }
    let bits = (cmf >> 4) + 8;
    if bits > 15 || (window != 0 && bits > window) {
        return Err("invalid window size");
    }
    if flg & 0x20 == 0 {
        return Ok(Header::Complete {
            container: Container::Zlib,
            len: 2,
            dict_id: None,
        });
    }
    match b.get(2..6) {
        Some(&[a, b2, c, d]) => Ok(Header::Complete {
            container: Container::Zlib,
            len: 6,
            dict_id: Some(u32::from_be_bytes([a, b2, c, d])),
        }),
        _ => Ok(Header::Incomplete),
    }
}

fn parse_gzip(b: &[u8]) -> Result<Header, &'static str> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    let Some(fixed) = b.get(..10) else {
        // Check what is there already, as zlib does byte by byte.
        return match b {
            [x, ..] if *x != 0x1f => Err("incorrect header check"),
            [_, y, ..] if *y != 0x8b => Err("incorrect header check"),
            [_, _, m, ..] if *m != 8 => Err("unknown compression method"),
            [_, _, _, f, ..] if f & 0xe0 != 0 => Err("unknown header flags set"),
            _ => Ok(Header::Incomplete),
        };
    };
    if fixed[0] != 0x1f || fixed[1] != 0x8b {
        return Err("incorrect header check");
    }
    if fixed[2] != 8 {
        return Err("unknown compression method");
    }
    let flags = fixed[3];
    if flags & 0xe0 != 0 {
        return Err("unknown header flags set");
    }
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let Some(&[lo, hi]) = b.get(at..at + 2) else {
            return Ok(Header::Incomplete);
        };
        at += 2 + usize::from(u16::from_le_bytes([lo, hi]));
        if b.len() < at {
            return Ok(Header::Incomplete);
        }
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            match b.get(at..).and_then(|r| r.iter().position(|&c| c == 0)) {
                Some(nul) => at += nul + 1,
                None => return Ok(Header::Incomplete),
            }
        }
    }
    if flags & FHCRC != 0 {
        let Some(&[lo, hi]) = b.get(at..at + 2) else {
            return Ok(Header::Incomplete);
        };
        let crc = crate::checksum::crc32(0, b.get(..at).unwrap_or_default());
        if u16::from_le_bytes([lo, hi]) != (crc & 0xffff) as u16 {
            return Err("header crc mismatch");
        }
        at += 2;
    }
    Ok(Header::Complete {
        container: Container::Gzip,
        len: at,
        dict_id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_zlib_writes() {
        assert_eq!(zlib_header(15, 6, None), b"x\x9c");
        assert_eq!(zlib_header(15, 1, None), b"x\x01");
        assert_eq!(zlib_header(15, 9, None), b"x\xda");
        assert_eq!(zlib_header(9, 6, None), b"\x18\x95");
        assert_eq!(zlib_header(15, 6, Some(1))[..2], *b"x\xbb");
    }

    #[test]
    fn wbits_ranges() {
        assert!(for_inflate(7).is_none());
        assert!(for_inflate(17).is_none());
        assert!(for_inflate(48).is_none());
        assert!(for_inflate(-7).is_none());
        assert_eq!(for_inflate(0).map(|f| f.container), Some(Container::Zlib));
        assert_eq!(for_inflate(16).map(|f| f.container), Some(Container::Gzip));
        assert!(for_deflate(-8).is_none());
        assert!(for_deflate(24).is_none());
        assert_eq!(for_deflate(8).map(|f| f.window), Some(9));
    }

    #[test]
    fn gzip_header_in_pieces() {
        let h = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\x03name\x00";
        for n in 0..h.len() {
            assert_eq!(parse_gzip(&h[..n]), Ok(Header::Incomplete));
        }
        assert_eq!(
            parse_gzip(h),
            Ok(Header::Complete {
                container: Container::Gzip,
                len: h.len(),
                dict_id: None
            })
        );
        assert_eq!(parse_gzip(b"\x1f\x8c"), Err("incorrect header check"));
    }
}
