//! Base32 groups: 5 bytes to 8 characters, and 8 digits to 5 bytes, each
//! group handled as one 64-bit word (SWAR) instead of character by
//! character. Padding, partial groups and bad digits are the scalar path's.

#[cfg(feature = "dispatch")]
use multiversion::multiversion;

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

/// Encodes whole groups while the input has 8 bytes to load (3 past the
/// group) and `out` has room; returns the groups encoded.
#[cfg_attr(
    feature = "dispatch",
    multiversion(targets(
        "x86_64+avx512f+avx512bw+avx512vl+avx512vbmi+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+sse4.1+ssse3",
    ))
)]
pub(crate) fn encode_groups(input: &[u8], hex: bool, out: &mut [u8]) -> usize {
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
fn decode_block(src: &[u8; DEC_IN], hex: bool, casefold: bool, dst: &mut [u8; DEC_OUT]) -> bool {
    let mut vals = [0u8; DEC_IN];
    let mut bad = 0u8;
    for (v, &c) in vals.iter_mut().zip(src) {
        *v = digit(c, hex, casefold);
        bad |= *v;
    }
    let mut words = [0u64; DEC_IN / 8];
    for (w, g) in words.iter_mut().zip(vals.chunks_exact(8)) {
        *w = pack(u64::from_be_bytes([
            g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7],
        ]));
    }
    for (w, d) in words.iter().zip(dst.chunks_exact_mut(5)) {
        let b = w.to_be_bytes();
        d.copy_from_slice(&b[3..]);
    }
    bad & 0xe0 == 0
}

/// Digits in a decode block, and the bytes they carry.
const DEC_IN: usize = 32;
const DEC_OUT: usize = DEC_IN / 8 * 5;
/// (digits, bytes) of a block of [`decode_blocks`].
pub(crate) const DECODE_BLOCK: (usize, usize) = (DEC_IN, DEC_OUT);

/// Decodes whole blocks of digits of a standard alphabet (`hex`, and
/// `casefold` as [`digit`] reads them) into `out` until a block holds
/// anything else or `out` is full; returns the blocks decoded.
#[cfg_attr(
    feature = "dispatch",
    multiversion(targets(
        "x86_64+avx512f+avx512bw+avx512vl+avx512vbmi+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
        "x86_64+sse4.1+ssse3",
    ))
)]
pub(crate) fn decode_blocks(input: &[u8], hex: bool, casefold: bool, out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input
        .chunks_exact(DEC_IN)
        .zip(out.chunks_exact_mut(DEC_OUT))
    {
        let (Ok(src), Ok(dst)) = (
            <&[u8; DEC_IN]>::try_from(src),
            <&mut [u8; DEC_OUT]>::try_from(dst),
        ) else {
            break;
        };
        if !decode_block(src, hex, casefold, dst) {
            break;
        }
        n += 1;
    }
    n
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
                // Every group with 3 bytes after it to load.
                assert_eq!(n, if len >= 8 { (len - 8) / 5 + 1 } else { 0 });
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
        let raw: Vec<u8> = (0..5 * DEC_OUT as u32)
            .map(|i| (i * 57 + 3) as u8)
            .collect();
        for (alphabet, hex) in [(STD, false), (HEX, true)] {
            let text = reference(&raw, alphabet);
            let lower = text.to_ascii_lowercase();
            let mut out = vec![0u8; raw.len()];
            assert_eq!(decode_blocks(&text, hex, false, &mut out), 5);
            assert_eq!(out, raw);
            out.fill(0);
            assert_eq!(decode_blocks(&lower, hex, true, &mut out), 5);
            assert_eq!(out, raw);
            assert_eq!(decode_blocks(&lower, hex, false, &mut out), 0);
            assert_eq!(
                decode_blocks(&text, hex, true, &mut out[..3 * DEC_OUT - 1]),
                2
            );
            assert_eq!(
                decode_blocks(&text[..3 * DEC_IN - 1], hex, true, &mut out),
                2
            );
            for at in 0..text.len() {
                for bad in [b'=', b'1', b'8', b'W', b'w', b'z', b'\n', 0x80, 0xff] {
                    if table(alphabet)[usize::from(bad.to_ascii_uppercase())] != 0xff {
                        continue;
                    }
                    let mut m = text.clone();
                    m[at] = bad;
                    assert_eq!(decode_blocks(&m, hex, true, &mut out), at / DEC_IN);
                    let done = DEC_OUT * (at / DEC_IN);
                    assert_eq!(out[..done], raw[..done]);
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
