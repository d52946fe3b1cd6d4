//! Base64 fast paths: picks the AVX2 blocks when the CPU has them (with the
//! `dispatch` feature), else the 64-bit table blocks, then finishes the run
//! of clean quads with a table loop. Semantics stay in the scalar codec.

#[cfg(all(feature = "dispatch", target_arch = "x86_64"))]
use super::b64_avx2 as avx2;
use super::b64_swar as swar;
use crate::base64::STANDARD_TABLE;

/// Encodes whole blocks while both sides have room, writing `sym` for
/// sextets 62 and 63; returns the bytes read and written.
pub(crate) fn encode_blocks(input: &[u8], out: &mut [u8], sym: [u8; 2]) -> (usize, usize) {
    #[allow(unused_mut)]
    let (mut i, mut o) = (0, 0);
    #[cfg(all(feature = "dispatch", target_arch = "x86_64"))]
    if let Some(simd) = avx2::detect() {
        (i, o) = avx2::encode(simd, input, out, sym);
    }
    let rest_out = out.get_mut(o..).unwrap_or_default();
    let (si, so) = swar::encode(input.get(i..).unwrap_or_default(), rest_out);
    if sym != *b"+/" {
        // Unconditional stores, so that this loop vectorizes.
        for c in rest_out.iter_mut().take(so) {
            *c = match *c {
                b'+' => sym[0],
                b'/' => sym[1],
                x => x,
            };
        }
    }
    (i + si, o + so)
}

/// The URL-safe decoding table: the standard one after `bytes.maketrans(
/// b"-_", b"+/")` translation (so `+` and `/` still decode).
pub(crate) const URLSAFE_TABLE: [u8; 256] = {
    let mut t = STANDARD_TABLE;
    t[b'-' as usize] = 62;
    t[b'_' as usize] = 63;
    t
};

/// The alphabets the block paths know.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Alphabet {
    Standard,
    UrlSafe,
    /// Any other table: only the table loop.
    Other,
}

impl Alphabet {
    /// Which alphabet a decoding table is.
    pub(crate) fn of(table: &[u8; 256]) -> Self {
        if *table == STANDARD_TABLE {
            Alphabet::Standard
        } else if *table == URLSAFE_TABLE {
            Alphabet::UrlSafe
        } else {
            Alphabet::Other
        }
    }
}

/// Decodes 32-character blocks of a known alphabet; returns the number
/// decoded (24 bytes each).
fn decode_known_blocks(url: bool, input: &[u8], out: &mut [u8]) -> usize {
    #[cfg(all(feature = "dispatch", target_arch = "x86_64"))]
    if let Some(simd) = avx2::detect() {
        return avx2::decode_blocks(simd, url, input, out);
    }
    swar::decode_blocks(swar_tables(url), input, out)
}

/// The table path's decode tables for a known alphabet.
fn swar_tables(url: bool) -> &'static swar::DecTables {
    if url {
        &swar::DEC_URLSAFE
    } else {
        &swar::DEC_STANDARD
    }
}

/// Decodes whole `encodebytes` lines (76 characters and `\n`) of a known
/// alphabet; returns the number decoded (57 bytes each).
fn decode_known_lines(url: bool, input: &[u8], out: &mut [u8]) -> usize {
    #[cfg(all(feature = "dispatch", target_arch = "x86_64"))]
    if let Some(simd) = avx2::detect() {
        return avx2::decode_lines(simd, url, input, out);
    }
    swar::decode_lines(swar_tables(url), input, out)
}

/// Decodes quads of four sextets through `table` (any alphabet) until the
/// first byte that is not a sextet; returns the quads decoded.
fn decode_table_quads(input: &[u8], table: &[u8; 256], out: Option<&mut [u8]>) -> usize {
    let mut n = 0;
    let mut out = out;
    for q in input.chunks_exact(4) {
        let [a, b, c, d] = [q[0], q[1], q[2], q[3]].map(|x| table[usize::from(x)]);
        if (a | b | c | d) & 0xc0 != 0 {
            break;
        }
        if let Some(o) = out.as_deref_mut() {
            let Some(dst) = o.get_mut(3 * n..3 * n + 3) else {
                break;
            };
            dst[0] = (a << 2) | (b >> 4);
            dst[1] = (b << 4) | (c >> 2);
            dst[2] = (c << 6) | d;
        }
        n += 1;
    }
    n
}

/// Decodes the longest run of clean quads at the start of `input` into
/// `out` (`alphabet`: which one `table` is; known ones go through the
/// block paths first). With `skip_newlines`, a `\n` between
/// two quads is stepped over: the caller guarantees that this is what its
/// own rules would do there (lenient decoding).
/// Returns (characters consumed, bytes written, index where a byte that is
/// not a plain sextet was met or the run otherwise ended).
pub(crate) fn decode_blocks(
    input: &[u8],
    table: &[u8; 256],
    alphabet: Alphabet,
    skip_newlines: bool,
    out: &mut [u8],
) -> (usize, usize, usize) {
    // `altchars` can make `\n` a data character.
    let skip_newlines = skip_newlines && table[usize::from(b'\n')] & 0x80 != 0;
    let (mut i, mut o) = (0, 0);
    loop {
        if alphabet != Alphabet::Other {
            let url = alphabet == Alphabet::UrlSafe;
            if skip_newlines {
                let lines = decode_known_lines(
                    url,
                    input.get(i..).unwrap_or_default(),
                    out.get_mut(o..).unwrap_or_default(),
                );
                i += lines * 77;
                o += lines * 57;
            }
            let blocks = decode_known_blocks(
                url,
                input.get(i..).unwrap_or_default(),
                out.get_mut(o..).unwrap_or_default(),
            );
            i += blocks * 32;
            o += blocks * 24;
        }
        let rest_in = input.get(i..).unwrap_or_default();
        let rest_out = out.get_mut(o..).unwrap_or_default();
        let quads = decode_table_quads(rest_in, table, Some(rest_out));
        i += quads * 4;
        o += quads * 3;
        if skip_newlines && input.get(i) == Some(&b'\n') {
            i += 1;
            continue;
        }
        return (i, o, i);
    }
}

/// Like [`decode_blocks`] without output: the length of the run of clean
/// quads at the start of `input`, and where it ended.
pub(crate) fn clean_quads(input: &[u8], table: &[u8; 256]) -> (usize, usize) {
    let quads = decode_table_quads(input, table, None);
    (quads * 4, quads * 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base64::{ALPHABET, STANDARD_TABLE};

    fn data(n: usize) -> Vec<u8> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    /// The plain definition: every whole 3-byte group, with `sym`.
    fn reference(raw: &[u8], sym: [u8; 2]) -> Vec<u8> {
        let mut alpha = *ALPHABET;
        alpha[62] = sym[0];
        alpha[63] = sym[1];
        let mut t = Vec::new();
        for g in raw.chunks_exact(3) {
            let v = (u32::from(g[0]) << 16) | (u32::from(g[1]) << 8) | u32::from(g[2]);
            for k in [18, 12, 6, 0] {
                t.push(alpha[((v >> k) & 63) as usize]);
            }
        }
        t
    }

    #[test]
    fn encode_blocks_match_the_definition_at_every_length() {
        for sym in [*b"+/", *b"-_", *b"/+", *b"ab"] {
            for len in 0..300 {
                let raw = data(len);
                let want = reference(&raw, sym);
                let mut text = vec![0u8; want.len()];
                let (i, o) = encode_blocks(&raw, &mut text, sym);
                assert_eq!(i % 3, 0);
                assert_eq!(o, i / 3 * 4);
                assert!(len < 40 || i + 40 > len, "{len}: only {i} encoded");
                assert_eq!(text[..o], want[..o], "len {len} sym {sym:?}");
            }
        }
        // All 64 sextets in every position of a block.
        let raw: Vec<u8> = (0..64u8)
            .flat_map(|s| [s << 2 | s >> 4, s << 4 | s >> 2, s << 6 | s])
            .cycle()
            .take(3 * 64 * 4)
            .collect();
        let mut text = vec![0u8; raw.len() / 3 * 4];
        let (i, o) = encode_blocks(&raw, &mut text, *b"+/");
        assert_eq!(text[..o], reference(&raw[..i], *b"+/")[..]);
    }

    #[test]
    fn encode_blocks_stay_within_a_short_output() {
        let raw = data(200);
        for room in 0..100 {
            let mut text = vec![0u8; room];
            let (i, o) = encode_blocks(&raw, &mut text, *b"+/");
            assert!(o <= room);
            assert_eq!(text[..o], reference(&raw[..i], *b"+/")[..]);
        }
    }

    fn decode_ref(text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for q in text.chunks_exact(4) {
            let v = q.iter().fold(0u32, |v, &c| {
                (v << 6) | u32::from(STANDARD_TABLE[usize::from(c)])
            });
            out.extend_from_slice(&v.to_be_bytes()[1..]);
        }
        out
    }

    /// Every path: the dispatched blocks, the table blocks, and the whole
    /// run (with and without newline skipping).
    fn check_decode(text: &[u8], clean: usize) {
        let want = decode_ref(&text[..clean / 4 * 4]);
        let mut out = vec![0u8; text.len()];
        let n = decode_known_blocks(false, text, &mut out);
        assert_eq!(n, clean / 32, "blocks, clean {clean}");
        assert_eq!(out[..24 * n], want[..24 * n]);
        let n = swar::decode_blocks(&swar::DEC_STANDARD, text, &mut out);
        assert_eq!(n, clean / 32, "swar blocks, clean {clean}");
        assert_eq!(out[..24 * n], want[..24 * n]);
        // (A `\n` between quads is stepped over when skipping newlines.)
        let newline_at_quad = text.get(clean) == Some(&b'\n') && clean % 4 == 0;
        for lines in [false, true] {
            if lines && newline_at_quad {
                continue;
            }
            let (c, w, stop) =
                decode_blocks(text, &STANDARD_TABLE, Alphabet::Standard, lines, &mut out);
            let c_want = clean / 4 * 4;
            assert_eq!(
                (c, w, stop),
                (c_want, clean / 4 * 3, c_want),
                "run, clean {clean}"
            );
            assert_eq!(out[..w], want[..]);
        }
    }

    #[test]
    fn decode_stops_at_every_offset_of_a_bad_byte() {
        let text = reference(&data(3 * 48), *b"+/");
        check_decode(&text, text.len());
        for bad in [
            b'=', b'\n', b'-', b'_', b' ', 0x80, 0xff, 0, b'@', b'[', b'`', b'{', b':', b'*', b',',
            b'.',
        ] {
            for at in 0..text.len() {
                let mut t = text.clone();
                t[at] = bad;
                check_decode(&t, at);
            }
        }
    }

    #[test]
    fn decode_takes_every_character_of_the_alphabet_and_nothing_else() {
        // Each byte value at each position of a block.
        for c in 0..=255u8 {
            for at in 0..64 {
                let mut t = reference(&data(48 * 2), *b"+/");
                t[at] = c;
                let clean = if STANDARD_TABLE[usize::from(c)] < 64 {
                    t.len()
                } else {
                    at
                };
                check_decode(&t, clean);
            }
        }
    }

    #[test]
    fn decode_lengths_around_block_sizes() {
        for len in 0..200 {
            let text = reference(&data(len * 3), *b"+/");
            check_decode(&text, text.len());
            // The output is exactly as long as the result.
            let mut out = vec![0u8; len * 3];
            let (c, w, _) =
                decode_blocks(&text, &STANDARD_TABLE, Alphabet::Standard, false, &mut out);
            assert_eq!((c, w), (text.len(), len * 3));
            assert_eq!(out, decode_ref(&text));
            // A short output stops the run on a quad.
            let mut short = vec![0u8; (len * 3).saturating_sub(1)];
            let (c, w, _) = decode_blocks(
                &text,
                &STANDARD_TABLE,
                Alphabet::Standard,
                false,
                &mut short,
            );
            assert_eq!(c, w / 3 * 4);
            assert!(w < len * 3 || len == 0);
            assert_eq!(short[..w], decode_ref(&text)[..w]);
        }
    }

    /// `encodebytes` output: 76 characters and `\n` per line.
    fn mime(raw: &[u8]) -> Vec<u8> {
        let mut t = Vec::new();
        for line in raw.chunks(57) {
            t.extend(reference(line, *b"+/"));
            t.push(b'\n');
        }
        t
    }

    #[test]
    fn decode_skips_newlines_only_when_asked() {
        let raw = data(57 * 5);
        let text = mime(&raw);
        let mut out = vec![0u8; raw.len()];
        let (c, w, _) = decode_blocks(&text, &STANDARD_TABLE, Alphabet::Standard, true, &mut out);
        assert_eq!((c, w), (text.len(), raw.len()));
        assert_eq!(out, raw);
        let (c, w, stop) =
            decode_blocks(&text, &STANDARD_TABLE, Alphabet::Standard, false, &mut out);
        assert_eq!((c, w, stop), (76, 57, 76));
        // Both line decoders, whole and with a bad byte anywhere.
        for at in (0..77 * 3).step_by(5) {
            let mut t = text.clone();
            t[at] = b'*';
            let want = at / 77;
            let mut o = vec![0u8; raw.len()];
            assert_eq!(decode_known_lines(false, &t, &mut o), want);
            assert_eq!(o[..want * 57], raw[..want * 57]);
            let mut o = vec![0u8; raw.len()];
            assert_eq!(swar::decode_lines(&swar::DEC_STANDARD, &t, &mut o), want);
            assert_eq!(o[..want * 57], raw[..want * 57]);
        }
        assert_eq!(swar::decode_lines(&swar::DEC_STANDARD, &text, &mut out), 5);
        assert_eq!(out, raw);
        // Lines of other lengths, a newline inside a quad, and a bad byte
        // at every place of a line.
        let (c, _, _) = decode_blocks(
            b"QUJD\nREVG\n\nR0g=",
            &STANDARD_TABLE,
            Alphabet::Standard,
            true,
            &mut out,
        );
        assert_eq!(c, 11);
        let (c, _, _) = decode_blocks(
            b"QUJDR\nEVG",
            &STANDARD_TABLE,
            Alphabet::Standard,
            true,
            &mut out,
        );
        assert_eq!(c, 4);
        for at in 0..77 * 2 {
            for bad in [b'=', b'\r', b'*', b'\n'] {
                let mut t = text.clone();
                // (A `\n` put between two quads is skipped, rightly.)
                if t[at] == b'\n' || (bad == b'\n' && at % 77 % 4 == 0) {
                    continue;
                }
                t[at] = bad;
                let mut out = vec![0u8; raw.len()];
                let (c, w, _) =
                    decode_blocks(&t, &STANDARD_TABLE, Alphabet::Standard, true, &mut out);
                let line = at / 77;
                let col = at % 77 / 4 * 4;
                assert_eq!(
                    (c, w),
                    (line * 77 + col, line * 57 + col / 4 * 3),
                    "at {at} {bad}"
                );
                assert_eq!(out[..w], raw[..w]);
            }
        }
        // A last short line, and a short output.
        let raw = data(57 * 3 + 21);
        let text = mime(&raw);
        let (c, w, _) = decode_blocks(&text, &STANDARD_TABLE, Alphabet::Standard, true, &mut out);
        assert_eq!((c, w), (text.len(), raw.len()));
        assert_eq!(out[..w], raw[..]);
        for room in [0, 56, 57, 58, 100, 114, 150] {
            let mut short = vec![0u8; room];
            let (c, w, _) =
                decode_blocks(&text, &STANDARD_TABLE, Alphabet::Standard, true, &mut short);
            assert!(w <= room && room - w < 3, "room {room}: {w}");
            assert_eq!(w, c / 77 * 57 + c % 77 / 4 * 3);
            assert_eq!(short[..w], raw[..w]);
        }
    }

    #[test]
    fn urlsafe_blocks_take_both_symbol_pairs_and_nothing_else() {
        assert_eq!(Alphabet::of(&URLSAFE_TABLE), Alphabet::UrlSafe);
        assert_eq!(Alphabet::of(&STANDARD_TABLE), Alphabet::Standard);
        let raw = data(48 * 3);
        let mut text = reference(&raw, *b"-_");
        // Mix the two spellings of sextets 62 and 63.
        for (k, c) in text.iter_mut().enumerate() {
            if k % 3 == 0 {
                *c = match *c {
                    b'-' => b'+',
                    b'_' => b'/',
                    x => x,
                };
            }
        }
        let mut out = vec![0u8; raw.len()];
        for lines in [false, true] {
            let (c, w, _) =
                decode_blocks(&text, &URLSAFE_TABLE, Alphabet::UrlSafe, lines, &mut out);
            assert_eq!((c, w), (text.len(), raw.len()));
            assert_eq!(out, raw);
        }
        for url in [false, true] {
            let (tables, table) = if url {
                (&swar::DEC_URLSAFE, &URLSAFE_TABLE)
            } else {
                (&swar::DEC_STANDARD, &STANDARD_TABLE)
            };
            for c in 0..=255u8 {
                for at in [0, 1, 2, 3, 13, 31, 32, 45, 63] {
                    let mut t = text.clone();
                    t[at] = c;
                    let clean = t
                        .iter()
                        .position(|&c| table[usize::from(c)] >= 64)
                        .unwrap_or(t.len());
                    let mut o = vec![0u8; t.len()];
                    let want = {
                        let mut q = Vec::new();
                        for g in t[..clean / 4 * 4].chunks_exact(4) {
                            let v = g
                                .iter()
                                .fold(0u32, |v, &c| (v << 6) | u32::from(table[usize::from(c)]));
                            q.extend_from_slice(&v.to_be_bytes()[1..]);
                        }
                        q
                    };
                    let n = decode_known_blocks(url, &t, &mut o);
                    assert_eq!(n, clean / 32, "url {url} byte {c} at {at}");
                    assert_eq!(o[..24 * n], want[..24 * n]);
                    let n = swar::decode_blocks(tables, &t, &mut o);
                    assert_eq!(n, clean / 32, "swar url {url} byte {c} at {at}");
                    assert_eq!(o[..24 * n], want[..24 * n]);
                    let alphabet = if url {
                        Alphabet::UrlSafe
                    } else {
                        Alphabet::Standard
                    };
                    let (c, w, _) = decode_blocks(&t, table, alphabet, false, &mut o);
                    assert_eq!((c, w), (clean / 4 * 4, clean / 4 * 3));
                    assert_eq!(o[..w], want[..]);
                }
            }
        }
        // Whole MIME-shaped lines of the URL-safe alphabet.
        let raw = data(57 * 4);
        let mut text = Vec::new();
        for line in raw.chunks(57) {
            text.extend(reference(line, *b"-_"));
            text.push(b'\n');
        }
        let mut o = vec![0u8; raw.len()];
        assert_eq!(decode_known_lines(true, &text, &mut o), 4);
        assert_eq!(o, raw);
        assert_eq!(decode_known_lines(false, &text, &mut o), 0);
    }

    #[test]
    fn other_alphabets_decode_through_their_table() {
        let mut table = STANDARD_TABLE;
        table[usize::from(b'-')] = 62;
        table[usize::from(b'_')] = 63;
        let raw = data(300);
        let text = reference(&raw, *b"-_");
        let mut out = vec![0u8; raw.len()];
        let (c, w, _) = decode_blocks(&text, &table, Alphabet::Other, true, &mut out);
        assert_eq!((c, w), (text.len(), raw.len()));
        assert_eq!(out, raw);
        assert_eq!(clean_quads(&text, &table), (text.len(), text.len()));
        // `\n` as a data character is not skipped.
        table[usize::from(b'\n')] = 63;
        let (c, w, _) = decode_blocks(b"QUJD\nREV", &table, Alphabet::Other, true, &mut out);
        assert_eq!((c, w), (8, 6));
    }
}
