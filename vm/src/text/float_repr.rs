//! Floats to text the way CPython writes them: `repr(float)`, the
//! `e`/`f`/`g`/`r` conversions behind `format()` and `%`, and `round(x, n)`.
//!
//! Rust's own float formatting is correctly rounded (shortest round-trip
//! digits for `{:e}`, exact round-half-even for `{:.N}` and `{:.Ne}`), the
//! same results CPython gets from its dtoa; this module only rearranges
//! those digits into CPython's layouts.

use super::TextError;
use malachite::num::arithmetic::traits::Pow;
use malachite::num::conversion::traits::RoundingFrom;
use malachite::rounding_modes::RoundingMode;
use malachite::{Integer, Rational};

/// A float conversion: the presentation types of `format()` and `%`, plus
/// `r` (repr: shortest round-trip digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatKind {
    /// `e` / `E`: exponent notation with `precision` digits after the point.
    Exp,
    /// `f` / `F`: fixed point with `precision` digits after the point.
    Fixed,
    /// `g` / `G`: `precision` significant digits, fixed or exponent.
    General,
    /// `r`: the shortest digits that round-trip, as `repr()` writes them.
    Repr,
}

/// Options of [`to_string`], following CPython's conversion flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `#`: keep the decimal point (and, for `g`, trailing zeros).
    pub alternate: bool,
    /// Add `.0` to a fixed-notation result that has no point (`repr`, and
    /// `format()` with no type); it also moves `g`'s switch to exponent
    /// notation one digit earlier, as CPython does.
    pub add_dot_0: bool,
    /// Upper-case letters: `E`, `INF`, `NAN` (types `E`, `F`, `G`).
    pub upper: bool,
}

/// Decimal digits of a positive finite float: the value is
/// `0.DIGITS × 10^decpt`. For zero the digits are all `0` and decpt is 1.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Parses Rust's `{:e}` output (`d.ddde-N`) into digits and decimal point.
fn parse_sci(s: &str) -> Digits {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    Digits {
        digits,
        decpt: exp + 1,
    }
}

/// Shortest round-trip digits of `a` (positive, finite), no trailing zeros.
fn shortest_digits(a: f64) -> Digits {
    let mut d = parse_sci(&format!("{a:e}"));
    while d.digits.len() > 1 && d.digits.last() == Some(&b'0') {
        d.digits.pop();
    }
    d
}

/// A float's exact decimal expansion has at most this many significant
/// digits (767 for the smallest subnormals); past it every digit is 0.
const EXACT_SIGNIFICANT: usize = 800;
/// A float's exact decimal expansion has at most 1074 digits after the
/// point; past this every digit is 0.
const EXACT_FRACTION: usize = 1100;

/// `a` (positive, finite) correctly rounded to `n >= 1` significant digits.
/// Digits past the exact expansion are zeros written by us: Rust's
/// formatter panics on precisions above `u16::MAX`.
fn significant_digits(a: f64, n: usize) -> Digits {
    let mut d = parse_sci(&format!("{:.*e}", n.clamp(1, EXACT_SIGNIFICANT) - 1, a));
    d.digits.resize(n.max(1), b'0');
    d
}

/// `a` (positive, finite) in fixed notation with `precision` digits after
/// the point (zeros past the exact expansion written by us, as above).
fn fixed_digits(a: f64, precision: usize) -> String {
    let mut s = format!("{a:.*}", precision.min(EXACT_FRACTION));
    s.extend(std::iter::repeat_n(
        '0',
        precision.saturating_sub(EXACT_FRACTION),
    ));
    s
}

fn push_exponent(out: &mut String, exp: i64, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let mag = exp.unsigned_abs();
    if mag < 10 {
        out.push('0');
    }
    out.push_str(&mag.to_string());
}

/// Lays digits out in exponent notation: `d[.ddd]e±XX`.
fn layout_exp(d: &Digits, alternate: bool, upper: bool) -> String {
    let mut out = String::with_capacity(d.digits.len() + 6);
    let (first, rest) = d
        .digits
        .split_first()
        .map_or((b'0', &[][..]), |(f, r)| (*f, r));
    out.push(char::from(first));
    if !rest.is_empty() || alternate {
        out.push('.');
    }
    out.extend(rest.iter().map(|&b| char::from(b)));
    push_exponent(&mut out, d.decpt - 1, upper);
    out
}

/// Lays digits out in fixed notation around the decimal point.
fn layout_fixed(d: &Digits, alternate: bool) -> String {
    let n = d.digits.len() as i64;
    let mut out = String::new();
    if d.decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', d.decpt.unsigned_abs() as usize));
        out.extend(d.digits.iter().map(|&b| char::from(b)));
    } else if d.decpt >= n {
        out.extend(d.digits.iter().map(|&b| char::from(b)));
        out.extend(std::iter::repeat_n('0', (d.decpt - n) as usize));
        if alternate {
            out.push('.');
        }
    } else {
        let (int, frac) = d.digits.split_at(d.decpt as usize);
        out.extend(int.iter().map(|&b| char::from(b)));
        out.push('.');
        out.extend(frac.iter().map(|&b| char::from(b)));
    }
    out
}

/// Converts `x` to text like CPython's `PyOS_double_to_string`: `kind`
/// with `precision` (ignored for `Repr`), the sign written only when
/// negative (`-0.0` included), `inf`/`nan` for non-finite values.
pub fn to_string(x: f64, kind: FloatKind, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    }
    let a = x.abs();
    if !a.is_finite() {
        let word = if a.is_nan() { "nan" } else { "inf" };
        if flags.upper {
            out.push_str(&word.to_ascii_uppercase());
        } else {
            out.push_str(word);
        }
        return out;
    }
    let body = match kind {
        FloatKind::Fixed => {
            let mut s = fixed_digits(a, precision);
            if flags.alternate && precision == 0 {
                s.push('.');
            }
            s
        }
        FloatKind::Exp => layout_exp(
            &significant_digits(a, precision.saturating_add(1)),
            flags.alternate,
            flags.upper,
        ),
        FloatKind::General => {
            let p = precision.max(1);
            let mut d = significant_digits(a, p);
            if !flags.alternate {
                while d.digits.len() > 1 && d.digits.last() == Some(&b'0') {
                    d.digits.pop();
                }
            }
            let limit = if flags.add_dot_0 {
                p as i64 - 1
            } else {
                p as i64
            };
            if d.decpt <= -4 || d.decpt > limit {
                layout_exp(&d, flags.alternate, flags.upper)
            } else {
                with_dot_0(layout_fixed(&d, flags.alternate), flags.add_dot_0)
            }
        }
        FloatKind::Repr => {
            let d = if a == 0.0 {
                Digits {
                    digits: vec![b'0'],
                    decpt: 1,
                }
            } else {
                shortest_digits(a)
            };
            if d.decpt <= -4 || d.decpt > 16 {
                layout_exp(&d, flags.alternate, flags.upper)
            } else {
                with_dot_0(layout_fixed(&d, flags.alternate), flags.add_dot_0)
            }
        }
    };
    out.push_str(&body);
    out
}

fn with_dot_0(mut s: String, add: bool) -> String {
    if add && !s.contains('.') {
        s.push_str(".0");
    } else if add && s.ends_with('.') {
        s.push('0');
    }
    s
}

#[cfg(test)]
/// `repr(x)` (and `str(x)`) of a Python float: `1e+16`, `1.5e-05`,
/// `0.0001`, `-0.0`, `inf`, `nan`.
pub fn repr(x: f64) -> String {
    to_string(
        x,
        FloatKind::Repr,
        0,
        FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        },
    )
}

/// Beyond this many digits after the point a float is already exact
/// (CPython's bound: (53 - (-1021)) * log10(2)).
const NDIGITS_MAX: i64 = 323;
/// Below this many a float rounds to zero (-(1024 + 1) * log10(2)).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float, rounding the exact binary value half
/// to even like CPython (so `round(2.675, 2) == 2.67`).
pub fn round(x: f64, ndigits: i64) -> Result<f64, TextError> {
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded = if ndigits >= 0 {
        // Rust's fixed formatting rounds the exact value half to even, and
        // parsing is correctly rounded: together, CPython's dtoa round trip.
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().unwrap_or(x)
    } else {
        let scale = Integer::from(10u32).pow(ndigits.unsigned_abs());
        let Ok(exact) = Rational::try_from(x) else {
            return Ok(x);
        };
        let (q, _) = Integer::rounding_from(exact / Rational::from(&scale), RoundingMode::Nearest);
        let value = q * scale;
        // Round to nearest overflows from MAX + half an ulp (2^1024 - 2^970)
        // up; malachite saturates at MAX instead.
        let limit = Integer::from(2u32).pow(1024) - Integer::from(2u32).pow(970);
        if value >= limit || value <= -limit {
            return Err(TextError::overflow("rounded value too large to represent"));
        }
        let (f, _) = f64::rounding_from(&value, RoundingMode::Nearest);
        if f == 0.0 {
            0.0 * x
        } else {
            f
        }
    };
    if rounded.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{self, check, py_float, sample_floats};
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: Vec<(String, String)> = sample_floats()
            .into_iter()
            .map(|x| (py_float(x), oracle::ok(repr(x))))
            .collect();
        check("", "repr", &cases);
    }

    #[test]
    fn repr_examples() {
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1.5e-5), "1.5e-05");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(f64::INFINITY), "inf");
        assert_eq!(repr(f64::NAN), "nan");
        assert_eq!(repr(1e300), "1e+300");
        assert_eq!(repr(1e15), "1000000000000000.0");
    }

    #[test]
    fn percent_style_conversions_match_cpython() {
        let mut cases = Vec::new();
        for x in sample_floats() {
            for (conv, kind, upper) in [
                ('e', FloatKind::Exp, false),
                ('E', FloatKind::Exp, true),
                ('f', FloatKind::Fixed, false),
                ('g', FloatKind::General, false),
                ('G', FloatKind::General, true),
            ] {
                for prec in [0usize, 1, 3, 6, 17, 25] {
                    for alt in [false, true] {
                        let flags = FloatFlags {
                            alternate: alt,
                            add_dot_0: false,
                            upper,
                        };
                        let ours = to_string(x, kind, prec, flags);
                        let fmt = format!("'%{}.{prec}{conv}'", if alt { "#" } else { "" });
                        cases.push((format!("{fmt}, {}", py_float(x)), oracle::ok(ours)));
                    }
                }
            }
        }
        check("", "lambda f, x: f % x", &cases);
    }

    #[test]
    fn round_matches_cpython() {
        let mut cases = Vec::new();
        for x in sample_floats() {
            for n in [
                0i64, 1, 2, 3, 5, 10, 17, 300, 323, 324, 400, -1, -2, -5, -20, -300, -308, -309,
                -400,
            ] {
                let ours = match round(x, n) {
                    Ok(v) => oracle::ok(repr(v)),
                    Err(e) => oracle::err(&e),
                };
                cases.push((format!("{}, {n}", py_float(x)), ours));
            }
        }
        check("", "lambda x, n: repr(round(x, n))", &cases);
    }

    #[test]
    fn precision_beyond_the_exact_expansion() {
        // Rust's formatter panics above u16::MAX; CPython pads with zeros.
        let f = FloatFlags::default();
        let s = to_string(1.5, FloatKind::Fixed, 70_000, f);
        assert_eq!(s.len(), 70_002);
        assert!(s.starts_with("1.5000") && s.ends_with('0'));
        let e = to_string(1.0, FloatKind::Exp, 70_000, f);
        assert_eq!(e.len(), 70_006);
        assert!(e.starts_with("1.000") && e.ends_with("0e+00"));
        let tiny = to_string(5e-324, FloatKind::Exp, 900, f);
        assert_eq!(&tiny[..20], "4.940656458412465441");
        assert!(tiny.ends_with("000e-324"));
        let g = to_string(
            0.1,
            FloatKind::General,
            70_000,
            FloatFlags {
                alternate: true,
                ..f
            },
        );
        assert!(g.starts_with("0.1000000000000000055511151231257827"));
        assert_eq!(
            to_string(0.1, FloatKind::General, 70_000, f),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
    }

    #[test]
    fn round_examples() {
        assert_eq!(round(2.675, 2), Ok(2.67));
        assert_eq!(round(0.125, 2), Ok(0.12));
        assert_eq!(round(15.0, -1), Ok(20.0));
        assert!(round(1.7e308, -308).is_err());
    }
}
