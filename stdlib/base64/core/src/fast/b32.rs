//! Base32 groups: 5 bytes to 8 characters, and 8 digits to 5 bytes, each
//! group handled as one 64-bit word (SWAR) instead of character by
//! character. Padding, partial groups and bad digits are the scalar path's.

/// Spreads the 40 low bits of `v` into eight bytes of five bits each, the
/// most significant field in the most significant byte.
#[inline(always)]
fn spread(v: u64) -> u64 {
    let x = ((v & 0xFF_FFF0_0000) << 12) | (v & 0xF_FFFF);
    let x = ((x & 0x000F_FC00_000F_FC00) << 6) | (x & 0x0000_03FF_0000_03FF);
    ((x & 0x03E0_03E0_03E0_03E0) << 3) | (x & 0x001F_001F_001F_001F)
}

/// The inverse of [`spread`]: eight bytes of five bits to 40 bits.
#[inline(always)]
fn pack(x: u64) -> u64 {
    let x = ((x >> 3) & 0x03E0_03E0_03E0_03E0) | (x & 0x001F_001F_001F_001F);
    let x = ((x >> 6) & 0x000F_FC00_000F_FC00) | (x & 0x0000_03FF_0000_03FF);
    ((x >> 12) & 0xFF_FFF0_0000) | (x & 0xF_FFFF)
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Eight 5-bit values (one per byte) to their characters, in every byte at
/// once: no byte can carry into the next.
#[inline(always)]
fn chars(x: u64, hex: bool) -> u64 {
    if hex {
        // `0-9`, then `A-V` (7 further on).
        let ge10 = ((x + 118 * ONES) >> 7) & ONES;
        x + u64::from(b'0') * ONES + 7 * ge10
    } else {
        // `A-Z`, then `2-7` (41 further back).
        let ge26 = ((x + 102 * ONES) >> 7) & ONES;
        x + u64::from(b'A') * ONES - 41 * ge26
    }
}

/// A 5-bit value's character (one byte of [`chars`]).
#[inline(always)]
fn char_of(v: u8, hex: bool) -> u8 {
    if hex {
        v + b'0' + if v >= 10 { 7 } else { 0 }
    } else {
        v.wrapping_add(b'A')
            .wrapping_sub(if v >= 26 { 41 } else { 0 })
    }
}

/// Encodes a block of `N` bytes (`M` = `N` / 5 * 8 characters) byte by
/// byte, like Base64's block: shifts and masks the compiler vectorizes when
/// it has byte permutes.
#[inline(always)]
fn encode_block<const N: usize, const M: usize>(src: &[u8; N], hex: bool, dst: &mut [u8; M]) {
    let mut idx = [0u8; M];
    for (b, v) in src.chunks_exact(5).zip(idx.chunks_exact_mut(8)) {
        v[0] = b[0] >> 3;
        v[1] = ((b[0] & 7) << 2) | (b[1] >> 6);
        v[2] = (b[1] >> 1) & 31;
        v[3] = ((b[1] & 1) << 4) | (b[2] >> 4);
        v[4] = ((b[2] & 15) << 1) | (b[3] >> 7);
        v[5] = (b[3] >> 2) & 31;
        v[6] = ((b[3] & 3) << 3) | (b[4] >> 5);
        v[7] = b[4] & 31;
    }
    for (d, &v) in dst.iter_mut().zip(&idx) {
        *d = char_of(v, hex);
    }
}

dispatched! {
    /// Encodes whole blocks of [`EB_IN`] bytes where the CPU has byte
    /// permutes (AVX-512 VBMI; elsewhere [`encode_words`] is faster); returns
    /// the blocks encoded.
    fn encode_blocks(input: &[u8], hex: bool, out: &mut [u8]) -> usize {
        #[cfg(feature = "dispatch")]
        const PERMUTES: bool =
            multiversion::target::selected_target!().supports_feature_str("avx512vbmi");
        #[cfg(not(feature = "dispatch"))]
        const PERMUTES: bool = cfg!(target_feature = "avx512vbmi");
        if !PERMUTES {
            return 0;
        }
        let mut blocks = 0;
        for (src, dst) in input.chunks_exact(EB_IN).zip(out.chunks_exact_mut(EB_OUT)) {
            let (Ok(src), Ok(dst)) = (
                <&[u8; EB_IN]>::try_from(src),
                <&mut [u8; EB_OUT]>::try_from(dst),
            ) else {
                break;
            };
            encode_block(src, hex, dst);
            blocks += 1;
        }
        blocks
    }
}

dispatched! {
    /// Encodes one 64-bit word per group while the input has 8 bytes to load
    /// (3 past the group) and `out` has room; returns the groups encoded.
    fn encode_words(input: &[u8], hex: bool, out: &mut [u8]) -> usize {
        let mut n = 0;
        for (src, dst) in input.windows(8).step_by(5).zip(out.chunks_exact_mut(8)) {
            let Ok(word) = <[u8; 8]>::try_from(src) else {
                break;
            };
            let v = u64::from_be_bytes(word) >> 24;
            dst.copy_from_slice(&chars(spread(v), hex).to_be_bytes());
            n += 1;
        }
        n
    }
}

/// Encodes whole groups (blocks first, then words); returns the groups
/// encoded. The last one or two groups are left to the caller when fewer
/// than 3 bytes follow them.
pub(crate) fn encode_groups(input: &[u8], hex: bool, out: &mut [u8]) -> usize {
    let blocks = if input.len() >= EB_IN {
        encode_blocks(input, hex, out)
    } else {
        0
    };
    let input = input.get(EB_IN * blocks..).unwrap_or_default();
    let out = out.get_mut(EB_OUT * blocks..).unwrap_or_default();
    EB_IN / 5 * blocks + encode_words(input, hex, out)
}

/// Bytes and characters of an encode block.
const EB_IN: usize = 80;
const EB_OUT: usize = EB_IN / 5 * 8;

/// The five bytes of a group of eight digits looked up in `table` (0xff:
/// not a digit), or `None` if any is not a digit.
#[inline(always)]
fn group(src: &[u8], table: &[u8; 256]) -> Option<[u8; 5]> {
    let mut x = 0u64;
    let mut bad = 0u8;
    for &c in src {
        let v = table[usize::from(c)];
        bad |= v;
        x = (x << 8) | u64::from(v);
    }
    if bad & 0xe0 != 0 {
        return None;
    }
    let b = pack(x).to_be_bytes();
    Some([b[3], b[4], b[5], b[6], b[7]])
}

/// The value of a digit of the standard (`hex`: base32hex) alphabet, lower
/// case too with `casefold`, or 0xff; branch-free so that it vectorizes.
#[inline(always)]
fn digit(c: u8, hex: bool, casefold: bool) -> u8 {
    let upper = c.wrapping_sub(b'A');
    let lower = c.wrapping_sub(b'a');
    let num = c.wrapping_sub(if hex { b'0' } else { b'2' });
    // (letters, their first value, digits, their first value)
    let (letters, letter_base, nums, num_base) = if hex { (22, 10, 10, 0) } else { (26, 0, 6, 26) };
    let mut v = 0xffu8;
    v = if num < nums { num + num_base } else { v };
    v = if upper < letters {
        upper + letter_base
    } else {
        v
    };
    if casefold && lower < letters {
        lower + letter_base
    } else {
        v
    }
}

/// Decodes one block of digits to bytes; false (and `dst`
/// meaningless) if any character is not a digit.
#[inline(always)]
fn decode_block<const N: usize, const M: usize>(
    src: &[u8; N],
    hex: bool,
    casefold: bool,
    bytewise: bool,
    dst: &mut [u8; M],
) -> bool {
    let mut vals = [0u8; N];
    let mut bad = 0u8;
    for (v, &c) in vals.iter_mut().zip(src) {
        *v = digit(c, hex, casefold);
        bad |= *v;
    }
    if bytewise {
        // Byte by byte, like Base64's block: shifts the compiler vectorizes
        // when it has byte permutes.
        for (v, d) in vals.chunks_exact(8).zip(dst.chunks_exact_mut(5)) {
            d[0] = (v[0] << 3) | (v[1] >> 2);
            d[1] = (v[1] << 6) | (v[2] << 1) | (v[3] >> 4);
            d[2] = (v[3] << 4) | (v[4] >> 1);
            d[3] = (v[4] << 7) | (v[5] << 2) | (v[6] >> 3);
            d[4] = (v[6] << 5) | v[7];
        }
    } else {
        // Else each group as one 64-bit word.
        for (v, d) in vals.chunks_exact(8).zip(dst.chunks_exact_mut(5)) {
            let w = u64::from_be_bytes([v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]]);
            d.copy_from_slice(&pack(w).to_be_bytes()[3..]);
        }
    }
    bad & 0xe0 == 0
}

/// Decodes whole blocks of `N` digits (`M` = `N` / 8 * 5 bytes) until one
/// holds anything else or `out` is full; returns the blocks decoded.
#[inline(always)]
fn decode_blocks_of<const N: usize, const M: usize>(
    input: &[u8],
    hex: bool,
    casefold: bool,
    bytewise: bool,
    out: &mut [u8],
) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(N).zip(out.chunks_exact_mut(M)) {
        let (Ok(src), Ok(dst)) = (<&[u8; N]>::try_from(src), <&mut [u8; M]>::try_from(dst)) else {
            break;
        };
        if !decode_block(src, hex, casefold, bytewise, dst) {
            break;
        }
        n += 1;
    }
    n
}

dispatched! {
    /// Blocks of 128 digits packed byte by byte, where the CPU has byte
    /// permutes (AVX-512 VBMI: 3.5x faster than 64-bit words; elsewhere that
    /// packing loses to them); returns the blocks decoded.
    fn decode_big_blocks(input: &[u8], hex: bool, casefold: bool, out: &mut [u8]) -> usize {
        #[cfg(feature = "dispatch")]
        const PERMUTES: bool =
            multiversion::target::selected_target!().supports_feature_str("avx512vbmi");
        #[cfg(not(feature = "dispatch"))]
        const PERMUTES: bool = cfg!(target_feature = "avx512vbmi");
        if !PERMUTES {
            return 0;
        }
        decode_blocks_of::<128, 80>(input, hex, casefold, true, out)
    }
}

dispatched! {
    /// Blocks of 32 digits packed as 64-bit words; returns the blocks decoded.
    fn decode_small_blocks(input: &[u8], hex: bool, casefold: bool, out: &mut [u8]) -> usize {
        decode_blocks_of::<32, 20>(input, hex, casefold, false, out)
    }
}

/// Decodes whole groups of digits of a standard alphabet (`hex`, and
/// `casefold` as [`digit`] reads them) into `out`, in blocks of 128 (where
/// they win) and then of 32 digits, until a block holds anything else or
/// `out` is full; returns the groups (8 digits, 5 bytes) decoded.
pub(crate) fn decode_blocks(input: &[u8], hex: bool, casefold: bool, out: &mut [u8]) -> usize {
    let big = if input.len() >= 128 {
        decode_big_blocks(input, hex, casefold, out)
    } else {
        0
    };
    let rest_in = input.get(128 * big..).unwrap_or_default();
    let rest_out = out.get_mut(80 * big..).unwrap_or_default();
    16 * big + 4 * decode_small_blocks(rest_in, hex, casefold, rest_out)
}

dispatched! {
    /// Like [`decode_blocks`] without output: the number of leading whole
    /// groups of digits, counted 128 digits per check.
    pub(crate) fn clean_blocks(input: &[u8], hex: bool, casefold: bool) -> usize {
        let mut n = 0;
        for src in input.chunks_exact(128) {
            let mut bad = 0u8;
            for &c in src {
                bad |= digit(c, hex, casefold);
            }
            if bad & 0xe0 != 0 {
                break;
            }
            n += 1;
        }
        16 * n
    }
}

/// Decodes whole groups of eight digits of `table` into `out` until a
/// group holds anything else or `out` is full; returns the groups decoded.
pub(crate) fn decode_groups(input: &[u8], table: &[u8; 256], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(8).zip(out.chunks_exact_mut(5)) {
        let Some(bytes) = group(src, table) else {
            break;
        };
        dst.copy_from_slice(&bytes);
        n += 1;
    }
    n
}

/// The number of leading groups of eight digits of `table`.
pub(crate) fn clean_groups(input: &[u8], table: &[u8; 256]) -> usize {
    input
        .chunks_exact(8)
        .take_while(|src| group(src, table).is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bit-at-a-time reference.
    fn reference(input: &[u8], alphabet: &[u8; 32]) -> Vec<u8> {
        let bits: Vec<u8> = input
            .iter()
            .flat_map(|b| (0..8).rev().map(move |k| (b >> k) & 1))
            .collect();
        bits.chunks(5)
            .map(|f| alphabet[usize::from(f.iter().fold(0u8, |a, &b| (a << 1) | b))])
            .collect()
    }

    const STD: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const HEX: &[u8; 32] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";

    fn table(alphabet: &[u8; 32]) -> [u8; 256] {
        let mut t = [0xff; 256];
        for (i, &c) in alphabet.iter().enumerate() {
            t[usize::from(c)] = i as u8;
        }
        t
    }

    #[test]
    fn spread_and_pack_are_inverse() {
        for v in [0u64, 1, 0xFF_FFFF_FFFF, 0x84_2108_4210, 0x12_3456_789A] {
            assert_eq!(pack(spread(v)), v);
            assert_eq!(spread(v) & !0x1F1F_1F1F_1F1F_1F1F, 0);
        }
    }

    #[test]
    fn encode_groups_match_the_reference_at_every_length() {
        let raw: Vec<u8> = (0..200u32).map(|i| (i * 97 + 13) as u8).collect();
        for (alphabet, hex) in [(STD, false), (HEX, true)] {
            for len in 0..=raw.len() {
                let input = &raw[..len];
                let mut out = vec![0u8; len.div_ceil(5) * 8];
                let n = encode_groups(input, hex, &mut out);
                // Every group with 3 bytes after it to load, and with
                // blocks (where used) maybe the last ones too.
                assert!(n >= if len >= 8 { (len - 8) / 5 + 1 } else { 0 });
                assert!(n <= len / 5);
                let want = reference(&input[..5 * n], alphabet);
                assert_eq!(&out[..8 * n], &want[..]);
            }
            // Every 5-bit value in every position.
            let all: Vec<u8> = (0..=255u8).cycle().take(640 + 3).collect();
            let mut out = vec![0u8; 1024];
            let n = encode_groups(&all, hex, &mut out);
            assert_eq!(&out[..8 * n], &reference(&all[..5 * n], alphabet)[..]);
        }
    }

    /// The block code itself, whichever CPU level picks it.
    #[test]
    fn encode_block_matches_the_reference() {
        let raw: Vec<u8> = (0..=255u8).cycle().take(EB_IN * 4).collect();
        for (alphabet, hex) in [(STD, false), (HEX, true)] {
            for src in raw.chunks_exact(EB_IN) {
                let mut dst = [0u8; EB_OUT];
                encode_block(<&[u8; EB_IN]>::try_from(src).unwrap(), hex, &mut dst);
                assert_eq!(&dst[..], &reference(src, alphabet)[..]);
            }
            for v in 0..32u8 {
                assert_eq!(char_of(v, hex), alphabet[usize::from(v)]);
            }
        }
    }

    #[test]
    fn digit_agrees_with_the_tables() {
        for (alphabet, hex) in [(STD, false), (HEX, true)] {
            let t = table(alphabet);
            for casefold in [false, true] {
                for c in 0..=255u8 {
                    let want = if casefold {
                        t[usize::from(c.to_ascii_uppercase())]
                    } else {
                        t[usize::from(c)]
                    };
                    assert_eq!(digit(c, hex, casefold), want, "{c} {hex} {casefold}");
                }
            }
        }
    }

    #[test]
    fn decode_blocks_stop_at_the_block_with_a_bad_digit() {
        // Five blocks of 128 digits and one of 32: 84 groups.
        let raw: Vec<u8> = (0..5 * 80u32 + 20).map(|i| (i * 57 + 3) as u8).collect();
        for (alphabet, hex) in [(STD, false), (HEX, true)] {
            let text = reference(&raw, alphabet);
            let lower = text.to_ascii_lowercase();
            let mut out = vec![0u8; raw.len()];
            assert_eq!(decode_blocks(&text, hex, false, &mut out), 84);
            assert_eq!(out, raw);
            out.fill(0);
            assert_eq!(decode_blocks(&lower, hex, true, &mut out), 84);
            assert_eq!(out, raw);
            assert_eq!(decode_blocks(&lower, hex, false, &mut out), 0);
            assert_eq!(clean_blocks(&text, hex, false), 80);
            assert_eq!(clean_blocks(&lower, hex, true), 80);
            assert_eq!(clean_blocks(&lower, hex, false), 0);
            // Both packings, whatever the CPU level picks.
            for bytewise in [false, true] {
                out.fill(0);
                let n = decode_blocks_of::<128, 80>(&text, hex, false, bytewise, &mut out);
                assert_eq!(n, 5);
                assert_eq!(out[..400], raw[..400]);
                let mut m = text.clone();
                m[300] = b'=';
                assert_eq!(
                    decode_blocks_of::<128, 80>(&m, hex, false, bytewise, &mut out),
                    2
                );
            }
            // Short output or input: big blocks, then small ones, then stop.
            assert_eq!(
                decode_blocks(&text, hex, true, &mut out[..2 * 80 + 59]),
                16 * 2 + 4 * 2
            );
            assert_eq!(
                decode_blocks(&text[..128 + 95], hex, true, &mut out),
                16 + 4 * 2
            );
            for at in 0..text.len() {
                for bad in [b'=', b'1', b'8', b'W', b'w', b'z', b'\n', 0x80, 0xff] {
                    if table(alphabet)[usize::from(bad.to_ascii_uppercase())] != 0xff {
                        continue;
                    }
                    let mut m = text.clone();
                    m[at] = bad;
                    // The 128-digit block with the bad digit is redone in
                    // 32-digit blocks up to the one holding it.
                    assert_eq!(clean_blocks(&m, hex, true), 16 * (at / 128));
                    let groups = 4 * (at / 32);
                    assert_eq!(decode_blocks(&m, hex, true, &mut out), groups, "{at}");
                    assert_eq!(out[..5 * groups], raw[..5 * groups]);
                }
            }
        }
    }

    #[test]
    fn decode_groups_stop_at_the_group_with_a_bad_digit() {
        let raw: Vec<u8> = (0..80u32).map(|i| (i * 31 + 7) as u8).collect();
        for alphabet in [STD, HEX] {
            let t = table(alphabet);
            let text = reference(&raw, alphabet);
            let mut out = vec![0u8; 80];
            assert_eq!(decode_groups(&text, &t, &mut out), 16);
            assert_eq!(out, raw);
            assert_eq!(clean_groups(&text, &t), 16);
            // A short output stops early, without writing past it.
            let mut short = vec![0u8; 12];
            assert_eq!(decode_groups(&text, &t, &mut short), 2);
            for at in 0..text.len() {
                for bad in [b'=', b'a', b'1', b'W', b'\n', 0x80, 0xff] {
                    if t[usize::from(bad)] != 0xff {
                        continue;
                    }
                    let mut m = text.clone();
                    m[at] = bad;
                    assert_eq!(decode_groups(&m, &t, &mut out), at / 8);
                    assert_eq!(clean_groups(&m, &t), at / 8);
                    assert_eq!(out[..5 * (at / 8)], raw[..5 * (at / 8)]);
                }
            }
        }
    }
}
