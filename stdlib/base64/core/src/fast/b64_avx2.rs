//! Base64 blocks in AVX2 (x86-64, chosen at run time through `pulp`'s
//! safe intrinsics): 24 bytes to 32 characters (any two last symbols), and
//! 32 characters of the standard or URL-safe alphabet to 24 bytes, also as
//! whole 77-byte MIME lines. The vector steps are the well-known
//! nibble-table formulation (byte shuffles classify and translate 32
//! characters at once; two multiply-adds pack sextets into bytes).

use core::arch::x86_64::{__m128i, __m256i};
use pulp::x86::V3;
use pulp::{cast, NullaryFnOnce};

/// The same 16 bytes in both 128-bit lanes (byte shuffles work per lane).
fn lanes(t: [u8; 16]) -> [u8; 32] {
    let mut r = [0u8; 32];
    r[..16].copy_from_slice(&t);
    r[16..].copy_from_slice(&t);
    r
}

/// Per 4-byte lane, the bytes of three input bytes `b0 b1 b2` as
/// `b1 b0 b2 b1`: the two 16-bit halves then hold the first and the last
/// 12 bits with each sextet at a fixed place.
const ENC_SPLIT: [u8; 16] = [1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10];

/// Sextet class to the offset that makes it a character: index 13 is
/// `A..Z`, 0 is `a..z`, 1..=10 the digits, 11 and 12 the last two symbols.
const fn enc_offsets(sym: [u8; 2]) -> [u8; 16] {
    let mut t = [b'0'.wrapping_sub(52); 16];
    t[13] = b'A';
    t[0] = b'a'.wrapping_sub(26);
    t[11] = sym[0].wrapping_sub(62);
    t[12] = sym[1].wrapping_sub(63);
    t
}

/// [`enc_offsets`] of the standard alphabet, built at compile time.
const ENC_OFFSETS_STANDARD: [u8; 16] = enc_offsets(*b"+/");

/// For the low nibble of a character, the classes of high nibbles with
/// which it is NOT in the standard alphabet (bit 0: `2x`, bit 1: `3x`,
/// bit 2: `4x`/`6x`, bit 3: `5x`/`7x`, bit 4: every other high nibble).
const DEC_BAD_LO: [u8; 16] = [
    0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1a, 0x1b, 0x1b, 0x1b, 0x1a,
];
/// The class bit of each high nibble.
const DEC_CLASS_HI: [u8; 16] = [
    0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
];
/// Offset from a valid character to its sextet, by high nibble (index 1 is
/// `/`, moved there from `2` by its own compare).
const DEC_ROLL: [u8; 16] = [0, 16, 19, 4, 191, 191, 185, 185, 0, 0, 0, 0, 0, 0, 0, 0];
/// Per 128-bit lane, the three data bytes of each 32-bit word, high first.
const DEC_PACK: [u8; 16] = [
    2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80,
];

/// The AVX2 token when the CPU has it.
pub(crate) fn detect() -> Option<V3> {
    V3::try_new()
}

/// The encoding constants, loaded once per call.
#[derive(Clone, Copy)]
struct EncConsts {
    split: __m256i,
    offsets: __m256i,
    mask_hi: __m256i,
    mask_lo: __m256i,
    mul_lo: __m256i,
    n51: __m256i,
    n26: __m256i,
    n13: __m256i,
}

impl EncConsts {
    #[inline(always)]
    fn new(simd: V3, sym: [u8; 2]) -> Self {
        let avx = simd.avx;
        EncConsts {
            split: cast(lanes(ENC_SPLIT)),
            offsets: cast(lanes(if sym == *b"+/" {
                ENC_OFFSETS_STANDARD
            } else {
                enc_offsets(sym)
            })),
            mask_hi: avx._mm256_set1_epi32(0x0fc0_fc00),
            mask_lo: avx._mm256_set1_epi32(0x003f_03f0),
            // Sextets 1 and 3 move up by 4 and 8 bits.
            mul_lo: avx._mm256_set1_epi32(0x0100_0010),
            n51: avx._mm256_set1_epi8(51),
            n26: avx._mm256_set1_epi8(26),
            n13: avx._mm256_set1_epi8(13),
        }
    }
}

/// Encodes the first 24 of 28 bytes of `src` into the first 32 of `dst`;
/// false (nothing written) when either is shorter.
#[inline(always)]
fn encode24(simd: V3, k: &EncConsts, src: &[u8], dst: &mut [u8]) -> bool {
    let (avx, avx2) = (simd.avx, simd.avx2);
    let (Some(lo), Some(hi), Some(dst)) = (src.get(..16), src.get(12..28), dst.get_mut(..32))
    else {
        return false;
    };
    let (Ok(lo), Ok(hi)) = (<[u8; 16]>::try_from(lo), <[u8; 16]>::try_from(hi)) else {
        return false;
    };
    let v = avx._mm256_set_m128i(cast::<_, __m128i>(hi), cast::<_, __m128i>(lo));
    let v = avx2._mm256_shuffle_epi8(v, k.split);
    // Sextets 0 and 2 move down by 10 and 6 bits (shifts and a blend: a
    // multiply-high here is rewritten by the optimizer into slow code).
    let hi = avx2._mm256_and_si256(v, k.mask_hi);
    let a = avx2._mm256_blend_epi16::<0xaa>(
        avx2._mm256_srli_epi16::<10>(hi),
        avx2._mm256_srli_epi16::<6>(hi),
    );
    let b = avx2._mm256_mullo_epi16(avx2._mm256_and_si256(v, k.mask_lo), k.mul_lo);
    let sext = avx2._mm256_or_si256(a, b);
    let class = avx2._mm256_subs_epu8(sext, k.n51);
    let upper = avx2._mm256_cmpgt_epi8(k.n26, sext);
    let class = avx2._mm256_or_si256(class, avx2._mm256_and_si256(upper, k.n13));
    let chars = avx2._mm256_add_epi8(sext, avx2._mm256_shuffle_epi8(k.offsets, class));
    dst.copy_from_slice(&cast::<_, [u8; 32]>(chars));
    true
}

struct Encode<'a> {
    simd: V3,
    input: &'a [u8],
    out: &'a mut [u8],
    sym: [u8; 2],
}

impl NullaryFnOnce for Encode<'_> {
    type Output = (usize, usize);

    #[inline(always)]
    fn call(self) -> (usize, usize) {
        let Encode {
            simd,
            input,
            out,
            sym,
        } = self;
        let k = EncConsts::new(simd, sym);
        // Each step reads 28 bytes (two overlapping 16-byte loads) and
        // takes 24 of them; two steps per turn while 52 bytes are left.
        let mut n = 0;
        for (src, dst) in input.windows(52).step_by(48).zip(out.chunks_exact_mut(64)) {
            let (dst1, dst2) = dst.split_at_mut(32);
            if !(encode24(simd, &k, src, dst1)
                && encode24(simd, &k, src.get(24..).unwrap_or_default(), dst2))
            {
                break;
            }
            n += 2;
        }
        if let (Some(src), Some(dst)) = (input.get(24 * n..), out.get_mut(32 * n..)) {
            if encode24(simd, &k, src, dst) {
                n += 1;
            }
        }
        (24 * n, 32 * n)
    }
}

/// Encodes 24-byte steps while the input has 4 bytes beyond the step and
/// the output room for it, with `sym` for sextets 62 and 63; returns the
/// bytes read and written.
pub(crate) fn encode(simd: V3, input: &[u8], out: &mut [u8], sym: [u8; 2]) -> (usize, usize) {
    simd.vectorize(Encode {
        simd,
        input,
        out,
        sym,
    })
}

/// The decoding constants, loaded once per call.
#[derive(Clone, Copy)]
struct DecConsts {
    bad_lo: __m256i,
    class_hi: __m256i,
    roll: __m256i,
    pack: __m256i,
    compact: __m256i,
    nib: __m256i,
    slash: __m256i,
    plus: __m256i,
    minus: __m256i,
    underscore: __m256i,
    madd1: __m256i,
    madd2: __m256i,
}

impl DecConsts {
    #[inline(always)]
    fn new(simd: V3) -> Self {
        let avx = simd.avx;
        DecConsts {
            bad_lo: cast(lanes(DEC_BAD_LO)),
            class_hi: cast(lanes(DEC_CLASS_HI)),
            roll: cast(lanes(DEC_ROLL)),
            pack: cast(lanes(DEC_PACK)),
            compact: avx._mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7),
            nib: avx._mm256_set1_epi8(0x0f),
            slash: avx._mm256_set1_epi8(b'/' as i8),
            plus: avx._mm256_set1_epi8(b'+' as i8),
            minus: avx._mm256_set1_epi8(b'-' as i8),
            underscore: avx._mm256_set1_epi8(b'_' as i8),
            madd1: avx._mm256_set1_epi32(0x0140_0140),
            madd2: avx._mm256_set1_epi32(0x0001_1000),
        }
    }
}

/// Decodes 32 characters into the first 24 bytes of the result; also
/// returns a vector that is all zero iff every character was in the
/// standard alphabet (`URL`: the URL-safe table, which reads `-` and `_`
/// as `+` and `/` and still takes those two).
#[inline(always)]
fn decode32<const URL: bool>(simd: V3, k: &DecConsts, chars: [u8; 32]) -> ([u8; 32], __m256i) {
    let avx2 = simd.avx2;
    let mut x: __m256i = cast(chars);
    if URL {
        x = avx2._mm256_blendv_epi8(x, k.plus, avx2._mm256_cmpeq_epi8(x, k.minus));
        x = avx2._mm256_blendv_epi8(x, k.slash, avx2._mm256_cmpeq_epi8(x, k.underscore));
    }
    let hi = avx2._mm256_and_si256(avx2._mm256_srli_epi32::<4>(x), k.nib);
    let lo = avx2._mm256_and_si256(x, k.nib);
    let bad = avx2._mm256_and_si256(
        avx2._mm256_shuffle_epi8(k.bad_lo, lo),
        avx2._mm256_shuffle_epi8(k.class_hi, hi),
    );
    let roll_at = avx2._mm256_add_epi8(hi, avx2._mm256_cmpeq_epi8(x, k.slash));
    let sext = avx2._mm256_add_epi8(x, avx2._mm256_shuffle_epi8(k.roll, roll_at));
    let pairs = avx2._mm256_maddubs_epi16(sext, k.madd1);
    let words = avx2._mm256_madd_epi16(pairs, k.madd2);
    let bytes = avx2._mm256_shuffle_epi8(words, k.pack);
    let bytes = avx2._mm256_permutevar8x32_epi32(bytes, k.compact);
    (cast(bytes), bad)
}

struct Decode<'a, const URL: bool> {
    simd: V3,
    input: &'a [u8],
    out: &'a mut [u8],
}

impl<const URL: bool> NullaryFnOnce for Decode<'_, URL> {
    type Output = usize;

    #[inline(always)]
    fn call(self) -> usize {
        let Decode { simd, input, out } = self;
        let (avx, avx2) = (simd.avx, simd.avx2);
        let k = DecConsts::new(simd);
        let mut n = 0;
        // Two blocks per validity test; the output of a bad pair is
        // written but not counted.
        for (src, dst) in input.chunks_exact(64).zip(out.chunks_exact_mut(48)) {
            let (Ok(a), Ok(b)) = (
                <[u8; 32]>::try_from(&src[..32]),
                <[u8; 32]>::try_from(&src[32..]),
            ) else {
                break;
            };
            let (ra, bad_a) = decode32::<URL>(simd, &k, a);
            let (rb, bad_b) = decode32::<URL>(simd, &k, b);
            dst[..24].copy_from_slice(&ra[..24]);
            dst[24..].copy_from_slice(&rb[..24]);
            let bad = avx2._mm256_or_si256(bad_a, bad_b);
            if avx._mm256_testz_si256(bad, bad) == 0 {
                break;
            }
            n += 2;
        }
        // One more block of 32 if it is clean.
        if let (Some(src), Some(dst)) = (
            input.get(32 * n..32 * n + 32),
            out.get_mut(24 * n..24 * n + 24),
        ) {
            if let Ok(a) = <[u8; 32]>::try_from(src) {
                let (ra, bad) = decode32::<URL>(simd, &k, a);
                if avx._mm256_testz_si256(bad, bad) != 0 {
                    dst.copy_from_slice(&ra[..24]);
                    n += 1;
                }
            }
        }
        n
    }
}

/// Decodes 32-character blocks of the standard (`url`: URL-safe) alphabet
/// up to the first block holding anything else; returns the blocks decoded.
pub(crate) fn decode_blocks(simd: V3, url: bool, input: &[u8], out: &mut [u8]) -> usize {
    if url {
        simd.vectorize(Decode::<true> { simd, input, out })
    } else {
        simd.vectorize(Decode::<false> { simd, input, out })
    }
}

struct DecodeLines<'a, const URL: bool> {
    simd: V3,
    input: &'a [u8],
    out: &'a mut [u8],
}

impl<const URL: bool> NullaryFnOnce for DecodeLines<'_, URL> {
    type Output = usize;

    #[inline(always)]
    fn call(self) -> usize {
        let DecodeLines { simd, input, out } = self;
        let (avx, avx2) = (simd.avx, simd.avx2);
        let k = DecConsts::new(simd);
        let mut n = 0;
        for (src, dst) in input.chunks_exact(77).zip(out.chunks_exact_mut(57)) {
            if src[76] != b'\n' {
                break;
            }
            // Characters 0..32, 32..64 and 44..76 (overlapping): 57 bytes.
            let (Ok(a), Ok(b), Ok(c)) = (
                <[u8; 32]>::try_from(&src[..32]),
                <[u8; 32]>::try_from(&src[32..64]),
                <[u8; 32]>::try_from(&src[44..76]),
            ) else {
                break;
            };
            let (ra, bad_a) = decode32::<URL>(simd, &k, a);
            let (rb, bad_b) = decode32::<URL>(simd, &k, b);
            let (rc, bad_c) = decode32::<URL>(simd, &k, c);
            let bad = avx2._mm256_or_si256(avx2._mm256_or_si256(bad_a, bad_b), bad_c);
            if avx._mm256_testz_si256(bad, bad) == 0 {
                break;
            }
            dst[..24].copy_from_slice(&ra[..24]);
            dst[24..48].copy_from_slice(&rb[..24]);
            dst[33..].copy_from_slice(&rc[..24]);
            n += 1;
        }
        n
    }
}

/// Decodes whole MIME lines (76 characters of the alphabet and
/// `\n`) up to the first line that is anything else; returns the lines
/// decoded (57 bytes each).
pub(crate) fn decode_lines(simd: V3, url: bool, input: &[u8], out: &mut [u8]) -> usize {
    if url {
        simd.vectorize(DecodeLines::<true> { simd, input, out })
    } else {
        simd.vectorize(DecodeLines::<false> { simd, input, out })
    }
}
