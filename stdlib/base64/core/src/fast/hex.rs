//! Hex blocks: 32 bytes to 64 digits and 64 digits (either case) to 32
//! bytes, with branch-free digit arithmetic instead of table lookups so
//! that the compiler vectorizes them. Separators, odd lengths and bad
//! digits are the scalar path's.

/// The digit of a nibble: `0-9`, then `a-f` (39 further on) or `A-F` (7).
#[inline(always)]
fn digit(n: u8, upper: bool) -> u8 {
    let letter_gap = if upper { 7 } else { 39 };
    n + b'0' + if n > 9 { letter_gap } else { 0 }
}

/// The value of a hex digit of either case, or 0xff.
#[inline(always)]
fn value(c: u8) -> u8 {
    let d = c.wrapping_sub(b'0');
    let l = (c | 0x20).wrapping_sub(b'a');
    let v = if l < 6 { l + 10 } else { 0xff };
    if d < 10 {
        d
    } else {
        v
    }
}

#[inline(always)]
fn encode_block(src: &[u8; 32], upper: bool, dst: &mut [u8; 64]) {
    for i in 0..32 {
        dst[2 * i] = digit(src[i] >> 4, upper);
        dst[2 * i + 1] = digit(src[i] & 15, upper);
    }
}

dispatched! {
    /// Encodes whole 32-byte blocks while both sides have room; returns the
    /// blocks encoded.
    pub(crate) fn encode_blocks(input: &[u8], upper: bool, out: &mut [u8]) -> usize {
        let mut n = 0;
        for (src, dst) in input.chunks_exact(32).zip(out.chunks_exact_mut(64)) {
            if let (Ok(src), Ok(dst)) = (<&[u8; 32]>::try_from(src), <&mut [u8; 64]>::try_from(dst)) {
                encode_block(src, upper, dst);
                n += 1;
            }
        }
        n
    }
}

/// Decodes one block; false (and `dst` meaningless) if a character is not
/// a hex digit.
#[inline(always)]
fn decode_block(src: &[u8; 64], dst: &mut [u8; 32]) -> bool {
    let mut bad = 0u8;
    for i in 0..32 {
        let hi = value(src[2 * i]);
        let lo = value(src[2 * i + 1]);
        bad |= hi | lo;
        dst[i] = (hi << 4) | (lo & 15);
    }
    bad & 0xf0 == 0
}

dispatched! {
    /// Decodes whole 64-digit blocks until one holds anything else or `out`
    /// is full; returns the blocks decoded.
    pub(crate) fn decode_blocks(input: &[u8], out: &mut [u8]) -> usize {
        let mut n = 0;
        for (src, dst) in input.chunks_exact(64).zip(out.chunks_exact_mut(32)) {
            let (Ok(src), Ok(dst)) = (<&[u8; 64]>::try_from(src), <&mut [u8; 32]>::try_from(dst))
            else {
                break;
            };
            if !decode_block(src, dst) {
                break;
            }
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_values_match_the_definitions() {
        for n in 0..16u8 {
            assert_eq!(digit(n, false), b"0123456789abcdef"[usize::from(n)]);
            assert_eq!(digit(n, true), b"0123456789ABCDEF"[usize::from(n)]);
        }
        for c in 0..=255u8 {
            let want = char::from(c).to_digit(16).map_or(0xff, |v| v as u8);
            assert_eq!(value(c), want, "{c}");
        }
    }

    #[test]
    fn blocks_round_trip_and_stop_at_a_bad_digit() {
        let raw: Vec<u8> = (0..=255u8).chain(0..64).collect();
        for upper in [false, true] {
            let mut text = vec![0u8; 2 * raw.len()];
            assert_eq!(encode_blocks(&raw, upper, &mut text), 10);
            let want: String = raw.iter().map(|b| format!("{b:02x}")).collect();
            let want = if upper {
                want.to_ascii_uppercase()
            } else {
                want
            };
            assert_eq!(text, want.as_bytes());
            assert_eq!(encode_blocks(&raw[..319], upper, &mut text), 9);
            assert_eq!(encode_blocks(&raw, upper, &mut text[..639]), 9);
            let mut back = vec![0u8; raw.len()];
            assert_eq!(decode_blocks(&text, &mut back), 10);
            assert_eq!(back, raw);
            assert_eq!(decode_blocks(&text[..639], &mut back), 9);
            for at in 0..text.len() {
                for bad in [b'g', b'G', b'/', b':', b'@', b'`', b' ', 0x80, 0xc1, 0xff] {
                    let mut m = text.clone();
                    m[at] = bad;
                    assert_eq!(decode_blocks(&m, &mut back), at / 64);
                }
            }
        }
    }
}
