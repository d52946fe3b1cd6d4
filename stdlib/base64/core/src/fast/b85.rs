//! Radix-85 words, shared by base85, Z85 and Ascii85: a big-endian 32-bit
//! word to five digits and back, in two layers.
//! - Blocks of 16 words / 80 characters with digit arithmetic in every
//!   lane at once (division by 85 as multiply-shift, a digit's character
//!   as a sum of steps and a character's digit as a match of ranges, both
//!   derived from the alphabet at compile time), so that the compiler
//!   vectorizes them.
//! - Single words for what is left: divisions by 85 and 85² and a lookup
//!   of digit pairs; decoding sums the digits times powers of 85 side by
//!   side instead of one chained multiply-add.
//!
//! Folded words (`z`, `y`), short words, bad characters and overflowing
//! hunks are the scalar path's.

use crate::base85::{A85, A85_TABLE, B85, B85_TABLE, Z85, Z85_TABLE};

/// Which alphabet (and digit table) a block works with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Radix85 {
    B85,
    Z85,
    A85,
}

/// The number of digits at which `alphabet[d] - d` changes.
const fn count_steps(alphabet: &[u8; 85]) -> usize {
    let mut n = 0;
    let mut d = 1;
    while d < 85 {
        if alphabet[d].wrapping_sub(d as u8) != alphabet[d - 1].wrapping_sub(d as u8 - 1) {
            n += 1;
        }
        d += 1;
    }
    n
}

/// Those digits, each with how much `alphabet[d] - d` grows there
/// (wrapping), so that a digit's character is `alphabet[0] + d` plus the
/// growth of every step at or below it.
const fn steps<const N: usize>(alphabet: &[u8; 85]) -> [(u8, u8); N] {
    let mut t = [(0u8, 0u8); N];
    let mut n = 0;
    let mut d = 1;
    while d < 85 {
        let now = alphabet[d].wrapping_sub(d as u8);
        let before = alphabet[d - 1].wrapping_sub(d as u8 - 1);
        if now != before {
            t[n] = (d as u8, now.wrapping_sub(before));
            n += 1;
        }
        d += 1;
    }
    t
}

/// The number of runs of consecutive bytes with consecutive digit values
/// in a byte -> digit `table` (0xff: not a digit).
const fn count_ranges(table: &[u8; 256]) -> usize {
    let mut n = 0;
    let mut c = 0;
    while c < 256 {
        if table[c] != 0xff && (c == 0 || table[c - 1] == 0xff || table[c - 1] + 1 != table[c]) {
            n += 1;
        }
        c += 1;
    }
    n
}

/// Those runs as (first byte, length - 1, first byte - its digit), so that
/// a byte in a run has the digit `byte - that` (wrapping).
const fn ranges<const N: usize>(table: &[u8; 256]) -> [(u8, u8, u8); N] {
    let mut t = [(0u8, 0u8, 0u8); N];
    let mut n = 0;
    let mut c = 0;
    while c < 256 {
        if table[c] != 0xff && (c == 0 || table[c - 1] == 0xff || table[c - 1] + 1 != table[c]) {
            let mut end = c;
            while end + 1 < 256 && table[end + 1] != 0xff && table[end] + 1 == table[end + 1] {
                end += 1;
            }
            t[n] = (c as u8, (end - c) as u8, (c as u8).wrapping_sub(table[c]));
            n += 1;
        }
        c += 1;
    }
    t
}

const B85_STEPS: [(u8, u8); count_steps(B85)] = steps(B85);
const Z85_STEPS: [(u8, u8); count_steps(Z85)] = steps(Z85);
const A85_STEPS: [(u8, u8); count_steps(&A85)] = steps(&A85);
const B85_RANGES: [(u8, u8, u8); count_ranges(&B85_TABLE)] = ranges(&B85_TABLE);
const Z85_RANGES: [(u8, u8, u8); count_ranges(&Z85_TABLE)] = ranges(&Z85_TABLE);
const A85_RANGES: [(u8, u8, u8); count_ranges(&A85_TABLE)] = ranges(&A85_TABLE);

/// A digit's character, branch-free.
#[inline(always)]
fn char_of<const N: usize>(d: u8, first: u8, steps: &[(u8, u8); N]) -> u8 {
    let mut c = d.wrapping_add(first);
    for &(at, grow) in steps {
        c = c.wrapping_add(if d >= at { grow } else { 0 });
    }
    c
}

/// A character's digit, or 0xff, branch-free.
#[inline(always)]
fn digit_of<const N: usize>(c: u8, ranges: &[(u8, u8, u8); N]) -> u8 {
    let mut v = 0xff;
    for &(first, span, shift) in ranges {
        v = if c.wrapping_sub(first) <= span {
            c.wrapping_sub(shift)
        } else {
            v
        };
    }
    v
}

/// Words in an encode block.
const ENC_WORDS: usize = 64;
const ENC_IN: usize = 4 * ENC_WORDS;
const ENC_OUT: usize = 5 * ENC_WORDS;

/// Encodes a block of words; false (and `dst` meaningless) if one of them
/// folds.
#[inline(always)]
fn encode_block<const N: usize>(
    src: &[u8; ENC_IN],
    first: u8,
    steps: &[(u8, u8); N],
    fold_zero: bool,
    fold_spaces: bool,
    dst: &mut [u8; ENC_OUT],
) -> bool {
    let mut w = [0u32; ENC_WORDS];
    for (i, x) in w.iter_mut().enumerate() {
        *x = u32::from_be_bytes([src[4 * i], src[4 * i + 1], src[4 * i + 2], src[4 * i + 3]]);
    }
    // Branch-free, so that it vectorizes.
    let mut folds = false;
    for &x in &w {
        folds |= (fold_zero & (x == 0)) | (fold_spaces & (x == 0x2020_2020));
    }
    let mut d = [0u8; ENC_OUT];
    for (i, &word) in w.iter().enumerate() {
        let mut x = word;
        for k in (0..5).rev() {
            d[5 * i + k] = (x % 85) as u8;
            x /= 85;
        }
    }
    for (c, &digit) in dst.iter_mut().zip(&d) {
        *c = char_of(digit, first, steps);
    }
    !folds
}

#[inline(always)]
fn encode_blocks_with<const N: usize>(
    input: &[u8],
    first: u8,
    steps: &[(u8, u8); N],
    fold_zero: bool,
    fold_spaces: bool,
    out: &mut [u8],
) -> usize {
    let mut n = 0;
    for (src, dst) in input
        .chunks_exact(ENC_IN)
        .zip(out.chunks_exact_mut(ENC_OUT))
    {
        let (Ok(src), Ok(dst)) = (
            <&[u8; ENC_IN]>::try_from(src),
            <&mut [u8; ENC_OUT]>::try_from(dst),
        ) else {
            break;
        };
        if !encode_block(src, first, steps, fold_zero, fold_spaces, dst) {
            break;
        }
        n += 1;
    }
    n
}

dispatched! {
    /// Encodes whole blocks of words of `input` into `out` until a block
    /// with a word that folds, or too little input or room; returns the blocks
    /// encoded.
    fn encode_blocks(
        input: &[u8],
        radix: Radix85,
        fold_zero: bool,
        fold_spaces: bool,
        out: &mut [u8],
    ) -> usize {
        #[cfg(feature = "dispatch")]
        const WIDE: bool = multiversion::target::selected_target!().supports_feature_str("avx2");
        #[cfg(not(feature = "dispatch"))]
        const WIDE: bool = cfg!(target_feature = "avx2");
        let wide = WIDE;
        if !wide {
            // Narrower vectors lose to single words (measured at SSE2; AVX2
            // gains 1.4x).
            return 0;
        }
        match radix {
            Radix85::B85 => encode_blocks_with(input, B85[0], &B85_STEPS, fold_zero, fold_spaces, out),
            Radix85::Z85 => encode_blocks_with(input, Z85[0], &Z85_STEPS, fold_zero, fold_spaces, out),
            Radix85::A85 => encode_blocks_with(input, A85[0], &A85_STEPS, fold_zero, fold_spaces, out),
        }
    }
}

/// Hunks in a decode block.
const DEC_HUNKS: usize = 64;
const DEC_IN: usize = 5 * DEC_HUNKS;
const DEC_OUT: usize = 4 * DEC_HUNKS;

/// Decodes a block of hunks; false (and `dst` meaningless) if a character
/// is not a digit or a hunk overflows 32 bits.
#[inline(always)]
fn decode_block<const N: usize>(
    src: &[u8; DEC_IN],
    ranges: &[(u8, u8, u8); N],
    dst: &mut [u8; DEC_OUT],
) -> bool {
    let mut v = [0u8; DEC_IN];
    let mut bad = 0u8;
    for (x, &c) in v.iter_mut().zip(src) {
        *x = digit_of(c, ranges);
        bad |= *x;
    }
    let mut over = false;
    for (h, d) in v.chunks_exact(5).zip(dst.chunks_exact_mut(4)) {
        let (a, b, c, d4, e) = (
            u32::from(h[0]),
            u32::from(h[1]),
            u32::from(h[2]),
            u32::from(h[3]),
            u32::from(h[4]),
        );
        // Below 85^4 whatever the digits; `a * 85^4` fits while a <= 82.
        let low = b * (85 * 85 * 85) + c * (85 * 85) + d4 * 85 + e;
        let high = a.wrapping_mul(85 * 85 * 85 * 85);
        over |= (a > 82) | (low > !high);
        d.copy_from_slice(&high.wrapping_add(low).to_be_bytes());
    }
    bad & 0x80 == 0 && !over
}

#[inline(always)]
fn decode_blocks_with<const N: usize>(
    input: &[u8],
    ranges: &[(u8, u8, u8); N],
    out: &mut [u8],
) -> usize {
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
        if !decode_block(src, ranges, dst) {
            break;
        }
        n += 1;
    }
    n
}

dispatched! {
    /// Decodes whole blocks of hunks into `out` until a block with a
    /// character that is not a digit or a hunk that overflows, or too little
    /// input or room; returns the blocks decoded.
    fn decode_blocks(input: &[u8], radix: Radix85, out: &mut [u8]) -> usize {
        #[cfg(feature = "dispatch")]
        const WIDE: bool = multiversion::target::selected_target!().supports_feature_str("avx512vbmi");
        #[cfg(not(feature = "dispatch"))]
        const WIDE: bool = cfg!(target_feature = "avx512vbmi");
        let wide = WIDE;
        if !wide {
            // Without byte permutes the 5-character hunks are gathered byte by
            // byte and blocks lose to single hunks (measured at SSE2 and AVX2).
            return 0;
        }
        match radix {
            Radix85::B85 => decode_blocks_with(input, &B85_RANGES, out),
            Radix85::Z85 => decode_blocks_with(input, &Z85_RANGES, out),
            Radix85::A85 => decode_blocks_with(input, &A85_RANGES, out),
        }
    }
}

dispatched! {
    /// Like [`decode_blocks`], without output: the number of leading blocks
    /// it would decode.
    fn clean_blocks(input: &[u8], radix: Radix85) -> usize {
        #[cfg(feature = "dispatch")]
        const WIDE: bool = multiversion::target::selected_target!().supports_feature_str("avx512vbmi");
        #[cfg(not(feature = "dispatch"))]
        const WIDE: bool = cfg!(target_feature = "avx512vbmi");
        let wide = WIDE;
        if !wide {
            return 0;
        }
        let mut scratch = [0u8; DEC_OUT];
        let mut n = 0;
        for src in input.chunks_exact(DEC_IN) {
            let done = match radix {
                Radix85::B85 => decode_blocks_with(src, &B85_RANGES, &mut scratch),
                Radix85::Z85 => decode_blocks_with(src, &Z85_RANGES, &mut scratch),
                Radix85::A85 => decode_blocks_with(src, &A85_RANGES, &mut scratch),
            };
            if done == 0 {
                break;
            }
            n += 1;
        }
        n
    }
}

/// The digit table of `radix`.
fn table(radix: Radix85) -> &'static [u8; 256] {
    match radix {
        Radix85::B85 => &B85_TABLE,
        Radix85::Z85 => &Z85_TABLE,
        Radix85::A85 => &A85_TABLE,
    }
}

/// Encodes whole words of `input` into `out` (blocks, then single words)
/// until a word that folds (`fold_zero`: zero, `fold_spaces`: four spaces),
/// the last whole word, or a full `out`; returns the words encoded.
pub(crate) fn encode_run(
    input: &[u8],
    radix: Radix85,
    digits: &Digits85,
    fold_zero: bool,
    fold_spaces: bool,
    out: &mut [u8],
) -> usize {
    // Short input skips the dispatch.
    let blocks = if input.len() >= ENC_IN {
        encode_blocks(input, radix, fold_zero, fold_spaces, out)
    } else {
        0
    };
    let rest_in = input.get(ENC_IN * blocks..).unwrap_or_default();
    let rest_out = out.get_mut(ENC_OUT * blocks..).unwrap_or_default();
    ENC_WORDS * blocks + encode_words(rest_in, digits, fold_zero, fold_spaces, rest_out)
}

/// The number of leading hunks [`decode_run`] would decode (given room).
pub(crate) fn clean_run(input: &[u8], radix: Radix85) -> usize {
    let blocks = if input.len() >= DEC_IN {
        clean_blocks(input, radix)
    } else {
        0
    };
    let rest = input.get(DEC_IN * blocks..).unwrap_or_default();
    DEC_HUNKS * blocks + clean_hunks(rest, table(radix))
}

/// Decodes whole hunks of five digits of `radix` into `out` (blocks, then
/// single hunks) until a hunk that holds anything else or overflows, or a
/// full `out`; returns the hunks decoded.
pub(crate) fn decode_run(input: &[u8], radix: Radix85, out: &mut [u8]) -> usize {
    // Short input skips the dispatch.
    let blocks = if input.len() >= DEC_IN {
        decode_blocks(input, radix, out)
    } else {
        0
    };
    let rest_in = input.get(DEC_IN * blocks..).unwrap_or_default();
    let rest_out = out.get_mut(DEC_OUT * blocks..).unwrap_or_default();
    DEC_HUNKS * blocks + decode_hunks(rest_in, table(radix), rest_out)
}

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
    if !fold_zero && !fold_spaces {
        return input.len() / 4;
    }
    // 16 words at a time without branches, then the block with the word
    // that folds one word at a time.
    let mut n = 0;
    for block in input.chunks_exact(64) {
        let mut folds = false;
        for w in block.chunks_exact(4) {
            let x = u32::from_ne_bytes([w[0], w[1], w[2], w[3]]);
            folds |= (fold_zero & (x == 0)) | (fold_spaces & (x == 0x2020_2020));
        }
        if folds {
            break;
        }
        n += 16;
    }
    n + input
        .get(4 * n..)
        .unwrap_or_default()
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
    let [a, b, c, d, e] = match src {
        &[a, b, c, d, e] => [a, b, c, d, e],
        _ => return None,
    };
    let v = [
        table[usize::from(a)],
        table[usize::from(b)],
        table[usize::from(c)],
        table[usize::from(d)],
        table[usize::from(e)],
    ];
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

    static DIGITS: Digits85 = Digits85::new(&A85);

    fn table() -> [u8; 256] {
        A85_TABLE
    }

    const RADIXES: [Radix85; 3] = [Radix85::B85, Radix85::Z85, Radix85::A85];

    fn alphabet(radix: Radix85) -> &'static [u8; 85] {
        match radix {
            Radix85::B85 => B85,
            Radix85::Z85 => Z85,
            Radix85::A85 => &A85,
        }
    }

    /// Digit-at-a-time encoding of a word in `radix`'s alphabet.
    fn word_ref(radix: Radix85, word: u32) -> [u8; 5] {
        let mut w = word;
        let mut d = [0u8; 5];
        for slot in d.iter_mut().rev() {
            *slot = alphabet(radix)[(w % 85) as usize];
            w /= 85;
        }
        d
    }

    /// Deterministic words, with the edge values spread among them.
    fn words(n: usize, seed: u32) -> Vec<u32> {
        let mut x = seed | 1;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if i % 7 == 3 {
                    EDGES[(x as usize) % EDGES.len()].max(1)
                } else {
                    x
                }
            })
            .filter(|&w| w != 0x2020_2020)
            .collect()
    }

    #[test]
    fn steps_and_ranges_agree_with_the_tables() {
        for radix in RADIXES {
            let chars = alphabet(radix);
            let (first, t) = (chars[0], table_of(radix));
            for d in 0..85u8 {
                let c = match radix {
                    Radix85::B85 => char_of(d, first, &B85_STEPS),
                    Radix85::Z85 => char_of(d, first, &Z85_STEPS),
                    Radix85::A85 => char_of(d, first, &A85_STEPS),
                };
                assert_eq!(c, chars[usize::from(d)], "{radix:?} {d}");
            }
            for c in 0..=255u8 {
                let v = match radix {
                    Radix85::B85 => digit_of(c, &B85_RANGES),
                    Radix85::Z85 => digit_of(c, &Z85_RANGES),
                    Radix85::A85 => digit_of(c, &A85_RANGES),
                };
                assert_eq!(v, t[usize::from(c)], "{radix:?} {c}");
            }
        }
    }

    fn table_of(radix: Radix85) -> &'static [u8; 256] {
        super::table(radix)
    }

    #[test]
    fn encode_runs_match_the_reference_around_block_sizes() {
        for radix in RADIXES {
            let digits = Digits85::new(alphabet(radix));
            let ws = words(3 * ENC_WORDS + 5, 0xACE1);
            let raw: Vec<u8> = ws.iter().flat_map(|w| w.to_be_bytes()).collect();
            let want: Vec<u8> = ws.iter().flat_map(|&w| word_ref(radix, w)).collect();
            for len in [
                0,
                3,
                4,
                ENC_IN - 1,
                ENC_IN,
                ENC_IN + 5,
                2 * ENC_IN + 7,
                raw.len(),
            ] {
                let mut out = vec![0u8; want.len()];
                let n = encode_run(&raw[..len], radix, &digits, true, true, &mut out);
                assert_eq!(n, len / 4, "{radix:?} {len}");
                assert_eq!(out[..5 * n], want[..5 * n], "{radix:?} {len}");
                // Too little room stops at the last word that fits.
                let n = encode_run(&raw[..len], radix, &digits, true, true, &mut out[..len]);
                assert_eq!(n, (len / 4).min(len / 5));
            }
            // A word that folds stops the run right before it, wherever it is.
            let mut out = vec![0u8; want.len()];
            for k in (0..ws.len())
                .step_by(13)
                .chain([0, 1, 63, 64, 65, 127, 128])
            {
                for (word, zero, spaces) in [(0u32, true, false), (0x2020_2020, false, true)] {
                    let mut m = raw.clone();
                    m[4 * k..4 * k + 4].copy_from_slice(&word.to_be_bytes());
                    let n = encode_run(&m, radix, &digits, zero, spaces, &mut out);
                    assert_eq!(n, k, "{radix:?} {k}");
                    assert_eq!(out[..5 * k], want[..5 * k]);
                    assert_eq!(plain_words(&m, zero, spaces), k);
                    // Not folded: encoded like any other word.
                    let n = encode_run(&m, radix, &digits, !zero, !spaces, &mut out);
                    assert_eq!(n, ws.len());
                    assert_eq!(out[5 * k..5 * k + 5], word_ref(radix, word));
                }
            }
        }
    }

    /// The block code itself, whichever CPU level the runs would pick.
    #[test]
    fn blocks_match_single_words_at_every_cpu_level() {
        let ws = words(2 * ENC_WORDS + 1, 0x5EED);
        let raw: Vec<u8> = ws.iter().flat_map(|w| w.to_be_bytes()).collect();
        for radix in RADIXES {
            let text: Vec<u8> = ws.iter().flat_map(|&w| word_ref(radix, w)).collect();
            let mut out = vec![0u8; text.len()];
            let n = match radix {
                Radix85::B85 => encode_blocks_with(&raw, B85[0], &B85_STEPS, true, true, &mut out),
                Radix85::Z85 => encode_blocks_with(&raw, Z85[0], &Z85_STEPS, true, true, &mut out),
                Radix85::A85 => encode_blocks_with(&raw, A85[0], &A85_STEPS, true, true, &mut out),
            };
            assert_eq!(n, 2);
            assert_eq!(out[..2 * ENC_OUT], text[..2 * ENC_OUT]);
            let mut back = vec![0u8; raw.len()];
            let decode = |t: &[u8], o: &mut [u8]| match radix {
                Radix85::B85 => decode_blocks_with(t, &B85_RANGES, o),
                Radix85::Z85 => decode_blocks_with(t, &Z85_RANGES, o),
                Radix85::A85 => decode_blocks_with(t, &A85_RANGES, o),
            };
            assert_eq!(decode(&text, &mut back), 2);
            assert_eq!(back[..2 * DEC_OUT], raw[..2 * DEC_OUT]);
            let mut m = text.clone();
            m[DEC_IN + 7] = b' ';
            assert_eq!(decode(&m, &mut back), 1);
            let mut m = text.clone();
            m[DEC_IN + 5..DEC_IN + 10].copy_from_slice(&[alphabet(radix)[84]; 5]);
            assert_eq!(decode(&m, &mut back), 1);
        }
    }

    #[test]
    fn decode_runs_stop_at_any_bad_character_or_overflow() {
        for radix in RADIXES {
            let ws = words(2 * DEC_HUNKS + 3, 0xBEEF);
            let raw: Vec<u8> = ws.iter().flat_map(|w| w.to_be_bytes()).collect();
            let text: Vec<u8> = ws.iter().flat_map(|&w| word_ref(radix, w)).collect();
            let t = table_of(radix);
            let mut out = vec![0u8; raw.len()];
            for len in [0, 4, 5, DEC_IN - 1, DEC_IN, DEC_IN + 4, text.len()] {
                assert_eq!(decode_run(&text[..len], radix, &mut out), len / 5);
                assert_eq!(clean_run(&text[..len], radix), len / 5);
                assert_eq!(out[..4 * (len / 5)], raw[..4 * (len / 5)]);
            }
            assert_eq!(
                decode_run(&text, radix, &mut out[..raw.len() - 1]),
                ws.len() - 1
            );
            let bad: Vec<u8> = (0..=255u8).filter(|&c| t[usize::from(c)] == 0xff).collect();
            for at in 0..DEC_IN + 10 {
                let c = bad[at % bad.len()];
                let mut m = text.clone();
                m[at] = c;
                assert_eq!(
                    decode_run(&m, radix, &mut out),
                    at / 5,
                    "{radix:?} {at} {c}"
                );
                assert_eq!(clean_run(&m, radix), at / 5);
                assert_eq!(out[..4 * (at / 5)], raw[..4 * (at / 5)]);
            }
            // Hunks just past 2^32, and the largest ones, overflow.
            let digits_of = |v: u64| -> [u8; 5] {
                let mut d = [0u8; 5];
                let mut x = v;
                for slot in d.iter_mut().rev() {
                    *slot = alphabet(radix)[(x % 85) as usize];
                    x /= 85;
                }
                d
            };
            let top = 85u64.pow(5) - 1;
            for v in [
                1u64 << 32,
                (1 << 32) + 1,
                82 * 85u64.pow(4) + 14_516_046,
                83 * 85u64.pow(4),
                top,
            ] {
                for k in [0, 1, 63, 64, 65, 100] {
                    let mut m = text.clone();
                    m[5 * k..5 * k + 5].copy_from_slice(&digits_of(v));
                    assert_eq!(decode_run(&m, radix, &mut out), k, "{radix:?} {v} {k}");
                    assert_eq!(clean_run(&m, radix), k);
                }
            }
            // The largest words that fit do not.
            for v in [
                u32::MAX,
                u32::MAX - 1,
                82 * 52_200_625 + 14_516_045,
                82 * 52_200_625,
            ] {
                let mut m = text.clone();
                m[5 * 70..5 * 70 + 5].copy_from_slice(&digits_of(u64::from(v)));
                assert_eq!(decode_run(&m, radix, &mut out), ws.len(), "{radix:?} {v}");
                assert_eq!(out[4 * 70..4 * 70 + 4], v.to_be_bytes());
            }
        }
    }

    /// Digit-at-a-time Ascii85.
    fn reference(word: u32) -> [u8; 5] {
        word_ref(Radix85::A85, word)
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
