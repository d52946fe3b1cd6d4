//! Python's hash values: numbers hash modulo the Mersenne prime 2**61 - 1 so
//! that equal numbers of different types hash alike (`hash(1) == hash(1.0)
//! == hash(True)`); strings and bytes use a fixed-key ahash (CPython
//! randomizes string hashes, so no program can depend on their values);
//! tuples combine item hashes with the xxHash-style mixing CPython uses.

use malachite::num::arithmetic::traits::{Mod, Sign};
use malachite::Integer;
use std::cmp::Ordering;

/// 2**61 - 1, the modulus of numeric hashes.
pub const MODULUS: u64 = (1u64 << 61) - 1;
/// `sys.hash_info.inf`.
pub const INF_HASH: i64 = 314159;

/// The hash of an int in i64 range.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a big int.
pub fn hash_bigint(i: &Integer) -> i64 {
    let m = Integer::from(MODULUS);
    let abs = if i.sign() == Ordering::Less {
        -i.clone()
    } else {
        i.clone()
    };
    let r = abs.mod_op(&m);
    let r = i64::try_from(&r).unwrap_or(0);
    let h = if i.sign() == Ordering::Less { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a float; NaN hashes by identity in CPython, `id_hash` is
/// that identity-based hash.
pub fn hash_f64(x: f64, id_hash: i64) -> i64 {
    if x.is_nan() {
        return id_hash;
    }
    if x.is_infinite() {
        return if x > 0.0 { INF_HASH } else { -INF_HASH };
    }
    if x == x.trunc() && x.abs() < 9.2e18 {
        return hash_i64(x as i64);
    }
    // x = m * 2**e with m an odd integer; hash = m * 2**e mod P, with
    // 2**e reduced as a rotation since 2**61 == 1 (mod P).
    let (mant, exp, sign) = decompose(x);
    let mut m = (mant % MODULUS as u128) as u64;
    let e = exp.rem_euclid(61) as u32;
    // m * 2**e mod P via rotation within 61 bits.
    m = ((m << e) & MODULUS) | (m >> (61 - e));
    let mut h = m as i64;
    if sign {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// x = mantissa * 2**exp (mantissa a non-negative integer), and the sign.
fn decompose(x: f64) -> (u128, i32, bool) {
    let bits = x.to_bits();
    let sign = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_bits == 0 {
        (frac as u128, -1074, sign)
    } else {
        ((frac | (1u64 << 52)) as u128, exp_bits - 1075, sign)
    }
}

/// The hash of string contents (any fixed function works, see module docs).
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The hash of bytes contents. `hash(b'')` is 0, as in CPython.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }

    let state = ahash::RandomState::with_seeds(
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    );
    let h = state.hash_one(b) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Combines item hashes as CPython's tuple hash does (xxHash64 primes).
pub fn hash_tuple_items(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11.
    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-2.5, 0), -1152921504606846978);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
        assert_eq!(hash_f64(1e300, 0), 1224995262755759164);
        assert_eq!(hash_bigint(&Integer::from(1u64 << 63)), 4);
    }

    #[test]
    fn tuple_hash_matches_cpython() {
        assert_eq!(
            hash_tuple_items([1i64, 2].into_iter()),
            -3550055125485641917
        );
        assert_eq!(hash_tuple_items(std::iter::empty()), 5740354900026072187);
    }
}
