//! Base64 blocks in plain 64-bit integer code with lookup tables, for CPUs
//! (or builds) without the vector blocks: 12 input bits to two characters
//! per lookup when encoding, and per-position pre-shifted tables that give
//! a whole 24-bit group from four lookups and ORs when decoding.

use super::b64::URLSAFE_TABLE;
use crate::base64::{ALPHABET, STANDARD_TABLE};

/// 12 bits to their two characters of the standard alphabet, the first in
/// the low byte.
static ENC12: [u16; 4096] = {
    let mut t = [0u16; 4096];
    let mut v = 0;
    while v < 4096 {
        t[v] = ALPHABET[v >> 6] as u16 | (ALPHABET[v & 63] as u16) << 8;
        v += 1;
    }
    t
};

/// Sextet value of a character shifted to its place in a 24-bit group
/// (`shift` 18, 12, 6 or 0) by `table`, or [`BAD`] for anything that is not
/// a sextet there.
const fn dec_table(table: &[u8; 256], shift: u32) -> [u32; 256] {
    let mut t = [BAD; 256];
    let mut c = 0;
    while c < 256 {
        let s = table[c];
        if s < 64 {
            t[c] = (s as u32) << shift;
        }
        c += 1;
    }
    t
}

/// Marks a character outside the alphabet: bits above any 24-bit group.
const BAD: u32 = 0xff00_0000;

/// The four pre-shifted tables of one alphabet.
pub(crate) type DecTables = [[u32; 256]; 4];

const fn dec_tables(table: &[u8; 256]) -> DecTables {
    [
        dec_table(table, 18),
        dec_table(table, 12),
        dec_table(table, 6),
        dec_table(table, 0),
    ]
}

/// The standard alphabet's tables.
pub(crate) static DEC_STANDARD: DecTables = dec_tables(&STANDARD_TABLE);
/// The URL-safe alphabet's tables.
pub(crate) static DEC_URLSAFE: DecTables = dec_tables(&URLSAFE_TABLE);

/// Writes the eight characters of the 48-bit group at the top of `x`,
/// two per lookup.
#[inline(always)]
fn enc8(x: u64, dst: &mut [u8]) {
    let e = |v: u64| ENC12[(v & 0xfff) as usize].to_le_bytes();
    for (d, k) in dst.chunks_exact_mut(2).zip([52, 40, 28, 16]) {
        d.copy_from_slice(&e(x >> k));
    }
}

/// Encodes 12-byte steps (16 characters each, standard alphabet) while
/// both sides have room; returns the bytes read and written.
pub(crate) fn encode(input: &[u8], out: &mut [u8]) -> (usize, usize) {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(12).zip(out.chunks_exact_mut(16)) {
        let (Ok(a), Ok(b)) = (
            <[u8; 8]>::try_from(&src[..8]),
            <[u8; 4]>::try_from(&src[8..]),
        ) else {
            break;
        };
        let x = u64::from_be_bytes(a);
        // Bytes 6..12 at the top of `y`.
        let y = (x << 48) | u64::from(u32::from_be_bytes(b)) << 16;
        let (d0, d1) = dst.split_at_mut(8);
        enc8(x, d0);
        enc8(y, d1);
        n += 1;
    }
    (12 * n, 16 * n)
}

/// A 24-bit group from four characters (bits 24.. set if one was bad).
#[inline(always)]
fn group(dec: &DecTables, c: &[u8]) -> u32 {
    dec[0][usize::from(c[0])]
        | dec[1][usize::from(c[1])]
        | dec[2][usize::from(c[2])]
        | dec[3][usize::from(c[3])]
}

/// Decodes 32-character blocks of `dec`'s alphabet up to the first block
/// holding anything else; returns the blocks decoded (24 bytes each).
pub(crate) fn decode_blocks(dec: &DecTables, input: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(32).zip(out.chunks_exact_mut(24)) {
        let mut bad = 0;
        for (s, d) in src.chunks_exact(8).zip(dst.chunks_exact_mut(6)) {
            let (g0, g1) = (group(dec, &s[..4]), group(dec, &s[4..]));
            bad |= g0 | g1;
            let w = (u64::from(g0) << 40) | (u64::from(g1) << 16);
            d.copy_from_slice(&w.to_be_bytes()[..6]);
        }
        if bad & BAD != 0 {
            break;
        }
        n += 1;
    }
    n
}

/// Decodes whole MIME lines (76 characters of `dec`'s alphabet and
/// `\n`) up to the first line that is anything else; returns the lines
/// decoded (57 bytes each).
pub(crate) fn decode_lines(dec: &DecTables, input: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (src, dst) in input.chunks_exact(77).zip(out.chunks_exact_mut(57)) {
        if src[76] != b'\n' {
            break;
        }
        let (body, last) = src.split_at(72);
        let (dst, dst_last) = dst.split_at_mut(54);
        let mut bad = 0;
        for (s, d) in body.chunks_exact(8).zip(dst.chunks_exact_mut(6)) {
            let (g0, g1) = (group(dec, &s[..4]), group(dec, &s[4..]));
            bad |= g0 | g1;
            let w = (u64::from(g0) << 40) | (u64::from(g1) << 16);
            d.copy_from_slice(&w.to_be_bytes()[..6]);
        }
        let g = group(dec, last);
        bad |= g;
        dst_last.copy_from_slice(&g.to_be_bytes()[1..]);
        if bad & BAD != 0 {
            break;
        }
        n += 1;
    }
    n
}
