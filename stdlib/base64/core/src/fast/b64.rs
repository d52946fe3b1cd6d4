//! Base64 blocks: 48 bytes to 64 characters, and 32 characters of the
//! standard alphabet (no `=`, nothing else) to 24 bytes.

#[cfg(feature = "dispatch")]
use multiversion::multiversion;

/// Sextet to character of the standard alphabet, branch-free so that it
/// vectorizes: start from `A` and shift by the gap before each range.
#[inline(always)]
fn ascii(s: u8) -> u8 {
    let mut c = s.wrapping_add(b'A');
    c = c.wrapping_add(if s >= 26 { 6 } else { 0 });
    c = c.wrapping_sub(if s >= 52 { 75 } else { 0 });
    c = c.wrapping_sub(if s >= 62 { 15 } else { 0 });
    c.wrapping_add(if s >= 63 { 3 } else { 0 })
}

#[inline(always)]
fn encode_block(src: &[u8; 48], dst: &mut [u8; 64]) {
    let mut sext = [0u8; 64];
    for g in 0..16 {
        let (b0, b1, b2) = (src[3 * g], src[3 * g + 1], src[3 * g + 2]);
        sext[4 * g] = b0 >> 2;
        sext[4 * g + 1] = ((b0 & 3) << 4) | (b1 >> 4);
        sext[4 * g + 2] = ((b1 & 15) << 2) | (b2 >> 6);
        sext[4 * g + 3] = b2 & 63;
    }
    for (d, s) in dst.iter_mut().zip(sext) {
        *d = ascii(s);
    }
}

/// Encodes whole 48-byte blocks while both sides have room; returns the
/// bytes read and written.
#[cfg_attr(
    feature = "dispatch",
    multiversion(targets(
        "x86_64+avx512f+avx512bw+avx512vl+avx512vbmi+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+sse4.1+ssse3",
    ))
)]
pub(crate) fn encode_blocks(input: &[u8], out: &mut [u8]) -> (usize, usize) {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(48).zip(out.chunks_exact_mut(64)) {
        if let (Ok(src), Ok(dst)) = (<&[u8; 48]>::try_from(src), <&mut [u8; 64]>::try_from(dst)) {
            encode_block(src, dst);
            n += 1;
        }
    }
    (n * 48, n * 64)
}

/// Character to sextet for the standard alphabet, or a value with bit 7
/// set for anything else (`=` included), branch-free.
#[inline(always)]
fn sextet(c: u8) -> u8 {
    let upper = c.wrapping_sub(b'A') < 26;
    let lower = c.wrapping_sub(b'a') < 26;
    let digit = c.wrapping_sub(b'0') < 10;
    let mut v = 0x80u8;
    v = if upper { c.wrapping_sub(b'A') } else { v };
    v = if lower { c.wrapping_sub(b'a' - 26) } else { v };
    v = if digit { c.wrapping_add(52 - b'0') } else { v };
    v = if c == b'+' { 62 } else { v };
    if c == b'/' {
        63
    } else {
        v
    }
}

/// Decodes one block of 32 characters into 24 bytes, returning the OR of
/// its sextets: bit 7 or 6 set means some character was not a plain
/// sextet, and what was written is meaningless.
#[inline(always)]
fn decode_block(src: &[u8], dst: &mut [u8]) -> u8 {
    let mut s = [0u8; 32];
    let mut bad = 0u8;
    for (v, &c) in s.iter_mut().zip(src) {
        *v = sextet(c);
        bad |= *v;
    }
    for (d, q) in dst.chunks_exact_mut(3).zip(s.chunks_exact(4)) {
        d[0] = (q[0] << 2) | (q[1] >> 4);
        d[1] = (q[1] << 4) | (q[2] >> 2);
        d[2] = (q[2] << 6) | q[3];
    }
    bad
}

/// Blocks decoded per validity check. Checking less often keeps the
/// horizontal OR out of the inner loop, but MIME lines (76 characters) then
/// miss the fast path; measured best at 1 on this project's machine.
const GROUP: usize = 1;

#[cfg_attr(
    feature = "dispatch",
    multiversion(targets(
        "x86_64+avx512f+avx512bw+avx512vl+avx512vbmi+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+sse4.1+ssse3",
    ))
)]
fn decode_standard_blocks(input: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input
        .chunks_exact(32 * GROUP)
        .zip(out.chunks_exact_mut(24 * GROUP))
    {
        let mut bad = 0u8;
        for (s, d) in src.chunks_exact(32).zip(dst.chunks_exact_mut(24)) {
            bad |= decode_block(s, d);
        }
        if bad & 0xc0 != 0 {
            break;
        }
        n += GROUP;
    }
    n
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
/// `out` (`standard`: `table` is the standard alphabet's, so whole blocks can
/// be decoded arithmetically first).
/// Returns (characters consumed, bytes written, index where a byte that is
/// not a plain sextet was met or the run otherwise ended).
pub(crate) fn decode_blocks(
    input: &[u8],
    table: &[u8; 256],
    standard: bool,
    out: &mut [u8],
) -> (usize, usize, usize) {
    let mut blocks = 0;
    if standard {
        blocks = decode_standard_blocks(input, out);
    }
    let (i, o) = (blocks * 32, blocks * 24);
    let rest_in = input.get(i..).unwrap_or_default();
    let rest_out = out.get_mut(o..).unwrap_or_default();
    let quads = decode_table_quads(rest_in, table, Some(rest_out));
    let consumed = i + quads * 4;
    (consumed, o + quads * 3, consumed)
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

    #[test]
    fn blocks_round_trip_and_stop_at_unclean_bytes() {
        let raw: Vec<u8> = (0..=255u8).cycle().take(48 * 5).collect();
        // 64-character encode blocks are ten 32-character decode blocks.
        let mut text = vec![0u8; 64 * 5];
        assert_eq!(encode_blocks(&raw, &mut text), (48 * 5, 64 * 5));
        let mut back = vec![0u8; 48 * 5];
        assert_eq!(decode_standard_blocks(&text, &mut back), 10);
        assert_eq!(back, raw);
        for bad in [b'=', b'\n', b'-', 0x80] {
            let mut t = text.clone();
            t[64 * 3 + 17] = bad;
            assert_eq!(decode_standard_blocks(&t, &mut back), 6);
        }
    }
}
