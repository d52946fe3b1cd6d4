//! Radix-85 words, shared by base85, Z85 and Ascii85: a big-endian 32-bit
//! word to five digits and back. Encoding divides by 85 and 85² (the
//! compiler turns both into multiply-shift) and looks digits up in pairs;
//! decoding sums the five digit values times powers of 85 side by side
//! instead of one chained multiply-add. Folded words (`z`, `y`), short
//! words, bad characters and overflowing hunks are the scalar path's.

/// An alphabet's characters for one digit and for pairs of digits (the
/// pair `85 * a + b` at index `85 * a + b`), sized to powers of two so that
/// a mask, not a bounds check, keeps every lookup in range.
pub(crate) struct Digits85 {
    pairs: [[u8; 2]; 8192],
    single: [u8; 128],
}

impl Digits85 {
    pub(crate) const fn new(alphabet: &[u8; 85]) -> Self {
        let mut pairs = [[0u8; 2]; 8192];
        let mut single = [0u8; 128];
        let mut a = 0;
        while a < 85 {
            single[a] = alphabet[a];
            let mut b = 0;
            while b < 85 {
                pairs[85 * a + b] = [alphabet[a], alphabet[b]];
                b += 1;
            }
            a += 1;
        }
        Digits85 { pairs, single }
    }

    /// The five characters of `word`, most significant digit first.
    #[inline(always)]
    fn word(&self, word: u32) -> [u8; 5] {
        let p = word / 85;
        let last = word - p * 85;
        // p < 2^32 / 85 < 85^4: two pairs of digits.
        let hi = p / (85 * 85);
        let lo = p - hi * (85 * 85);
        let [a, b] = self.pairs[(hi & 8191) as usize];
        let [c, d] = self.pairs[(lo & 8191) as usize];
        [a, b, c, d, self.single[(last & 127) as usize]]
    }
}

/// Whether `word` is one the encoder folds to one character.
#[inline(always)]
fn folded(word: u32, fold_zero: bool, fold_spaces: bool) -> bool {
    (fold_zero && word == 0) || (fold_spaces && word == 0x2020_2020)
}

/// Encodes whole words of `input` into `out` until a word that folds
/// (`fold_zero`: zero, `fold_spaces`: four spaces), the last whole word, or
/// a full `out`; returns the words encoded.
pub(crate) fn encode_words(
    input: &[u8],
    digits: &Digits85,
    fold_zero: bool,
    fold_spaces: bool,
    out: &mut [u8],
) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(4).zip(out.chunks_exact_mut(5)) {
        let word = u32::from_be_bytes([src[0], src[1], src[2], src[3]]);
        if folded(word, fold_zero, fold_spaces) {
            break;
        }
        dst.copy_from_slice(&digits.word(word));
        n += 1;
    }
    n
}

/// The number of leading whole words of `input` that do not fold.
pub(crate) fn plain_words(input: &[u8], fold_zero: bool, fold_spaces: bool) -> usize {
    input
        .chunks_exact(4)
        .take_while(|w| {
            !folded(
                u32::from_be_bytes([w[0], w[1], w[2], w[3]]),
                fold_zero,
                fold_spaces,
            )
        })
        .count()
}

/// The word of a hunk of five characters looked up in `table` (digit
/// values, 0xff: not a digit), or `None` if one is not a digit or the value
/// does not fit in 32 bits.
#[inline(always)]
fn hunk(src: &[u8], table: &[u8; 256]) -> Option<u32> {
    let v: [u8; 5] = [0, 1, 2, 3, 4].map(|k| src.get(k).map_or(0xff, |&c| table[usize::from(c)]));
    if (v[0] | v[1] | v[2] | v[3] | v[4]) & 0x80 != 0 {
        return None;
    }
    let acc = u64::from(v[0]) * 85 * 85 * 85 * 85
        + u64::from(v[1]) * 85 * 85 * 85
        + u64::from(v[2]) * 85 * 85
        + u64::from(v[3]) * 85
        + u64::from(v[4]);
    u32::try_from(acc).ok()
}

/// Decodes whole hunks of five digits of `table` into `out` until a hunk
/// that is not that or overflows, or a full `out`; returns the hunks
/// decoded.
pub(crate) fn decode_hunks(input: &[u8], table: &[u8; 256], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(5).zip(out.chunks_exact_mut(4)) {
        let Some(word) = hunk(src, table) else {
            break;
        };
        dst.copy_from_slice(&word.to_be_bytes());
        n += 1;
    }
    n
}

/// The number of leading hunks that [`decode_hunks`] would decode.
pub(crate) fn clean_hunks(input: &[u8], table: &[u8; 256]) -> usize {
    input
        .chunks_exact(5)
        .take_while(|src| hunk(src, table).is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A85: [u8; 85] = {
        let mut t = [0u8; 85];
        let mut i = 0;
        while i < 85 {
            t[i] = b'!' + i as u8;
            i += 1;
        }
        t
    };
    static DIGITS: Digits85 = Digits85::new(&A85);

    fn table() -> [u8; 256] {
        let mut t = [0xff; 256];
        for (i, &c) in A85.iter().enumerate() {
            t[usize::from(c)] = i as u8;
        }
        t
    }

    /// Digit-at-a-time reference.
    fn reference(word: u32) -> [u8; 5] {
        let mut w = word;
        let mut d = [0u8; 5];
        for slot in d.iter_mut().rev() {
            *slot = A85[(w % 85) as usize];
            w /= 85;
        }
        d
    }

    const EDGES: &[u32] = &[
        0,
        1,
        84,
        85,
        7224,
        7225,
        614_124,
        614_125,
        52_200_624,
        52_200_625,
        0x2020_2020,
        0x7fff_ffff,
        0x8000_0000,
        u32::MAX - 85,
        u32::MAX - 1,
        u32::MAX,
    ];

    #[test]
    fn words_match_the_reference() {
        let mut words: Vec<u32> = EDGES.to_vec();
        let mut x = 0x1234_5678u32;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            words.push(x);
        }
        let t = table();
        for &w in &words {
            assert_eq!(DIGITS.word(w), reference(w), "{w}");
            assert_eq!(hunk(&reference(w), &t), Some(w), "{w}");
        }
    }

    #[test]
    fn hunks_past_u32_overflow() {
        let t = table();
        // u32::MAX is "s8W-!"; one more and every larger hunk overflows.
        assert_eq!(hunk(b"s8W-!", &t), Some(u32::MAX));
        assert_eq!(hunk(b"s8W-\"", &t), None);
        assert_eq!(hunk(b"uuuuu", &t), None);
        assert_eq!(hunk(b"s8W-", &t), None);
    }

    #[test]
    fn encode_words_stop_at_folded_words_and_full_output() {
        let input: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37) | 1).collect();
        let mut out = vec![0u8; 80];
        assert_eq!(encode_words(&input, &DIGITS, true, true, &mut out), 16);
        assert_eq!(
            encode_words(&input, &DIGITS, true, true, &mut out[..79]),
            15
        );
        for k in 0..16 {
            for (word, zero, spaces) in [([0u8; 4], true, false), ([b' '; 4], false, true)] {
                let mut m = input.clone();
                m[4 * k..4 * k + 4].copy_from_slice(&word);
                assert_eq!(encode_words(&m, &DIGITS, zero, spaces, &mut out), k);
                assert_eq!(plain_words(&m, zero, spaces), k);
                assert_eq!(encode_words(&m, &DIGITS, !zero, !spaces, &mut out), 16);
                assert_eq!(plain_words(&m, !zero, !spaces), 16);
            }
        }
        // A trailing partial word is left alone.
        assert_eq!(
            encode_words(&input[..63], &DIGITS, false, false, &mut out),
            15
        );
    }

    #[test]
    fn decode_hunks_stop_at_any_bad_or_overflowing_hunk() {
        let words: Vec<u32> = (0..16u32).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
        let text: Vec<u8> = words.iter().flat_map(|&w| reference(w)).collect();
        let raw: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
        let t = table();
        let mut out = vec![0u8; 64];
        assert_eq!(decode_hunks(&text, &t, &mut out), 16);
        assert_eq!(out, raw);
        assert_eq!(clean_hunks(&text, &t), 16);
        assert_eq!(decode_hunks(&text[..79], &t, &mut out), 15);
        assert_eq!(decode_hunks(&text, &t, &mut out[..63]), 15);
        for at in 0..text.len() {
            for bad in [b'z', b'y', b' ', b'\n', b'~', b'v', 0, 0x80, 0xff] {
                let mut m = text.clone();
                m[at] = bad;
                assert_eq!(decode_hunks(&m, &t, &mut out), at / 5);
                assert_eq!(clean_hunks(&m, &t), at / 5);
            }
        }
        for k in 0..16 {
            let mut m = text.clone();
            m[5 * k..5 * k + 5].copy_from_slice(b"s8W-\"");
            assert_eq!(decode_hunks(&m, &t, &mut out), k);
            assert_eq!(clean_hunks(&m, &t), k);
        }
    }
}
