//! Text to numbers and back as `int()`, `float()`, `str(int)`, `bin()`,
//! `oct()` and `hex()` do it, with CPython's syntax rules, its
//! integer-string digit limit and its error messages.

use super::unicode_class as uc;
use super::{bytes_ops, str_ops, TextError};
#[cfg(test)]
use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::num::conversion::traits::FromStringBase;
#[cfg(test)]
use malachite::num::conversion::traits::ToStringBase;
use malachite::Integer;

#[cfg(test)]
/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The outcome of scanning number text that is already ASCII.
enum Scan {
    Value(Integer),
    Invalid,
    TooManyDigits(usize),
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'a'..=b'z' => Some(u32::from(b - b'a') + 10),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        _ => None,
    }
}

/// Parses an int from ASCII text (surrounding C whitespace allowed).
/// `base` is 0 or 2..=36; `max_digits` of 0 means no limit.
fn scan_int(t: &[u8], base: u32, max_digits: usize) -> Scan {
    let mut i = 0;
    while t.get(i).copied().is_some_and(is_c_space) {
        i += 1;
    }
    let negative = match t.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut base = base;
    let mut after_prefix = false;
    let mut zeros_only = false;
    if t.get(i) == Some(&b'0') {
        let prefix_base = match t.get(i + 1).map(u8::to_ascii_lowercase) {
            Some(b'x') => 16,
            Some(b'o') => 8,
            Some(b'b') => 2,
            _ => 0,
        };
        if prefix_base != 0 && (base == 0 || base == prefix_base) {
            base = prefix_base;
            i += 2;
            after_prefix = true;
        } else if base == 0 {
            // "010" is no literal in base 0; "0", "00", "0_0" are.
            base = 10;
            zeros_only = true;
        }
    }
    if base == 0 {
        base = 10;
    }
    // An underscore may follow the base prefix directly: "0x_1f".
    if after_prefix && t.get(i) == Some(&b'_') {
        i += 1;
    }
    let mut digits = String::new();
    loop {
        match t.get(i).copied() {
            Some(b'_') => {
                if digits.is_empty()
                    || t.get(i + 1)
                        .and_then(|&b| digit_value(b))
                        .is_none_or(|d| d >= base)
                {
                    return Scan::Invalid;
                }
                i += 1;
            }
            Some(b) if digit_value(b).is_some_and(|d| d < base) => {
                digits.push(char::from(b));
                i += 1;
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return Scan::Invalid;
    }
    if max_digits > 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Scan::TooManyDigits(digits.len());
    }
    while t.get(i).copied().is_some_and(is_c_space) {
        i += 1;
    }
    if i != t.len() || (zeros_only && digits.bytes().any(|b| b != b'0')) {
        return Scan::Invalid;
    }
    let Ok(base8) = u8::try_from(base) else {
        return Scan::Invalid;
    };
    match Integer::from_string_base(base8, &digits) {
        Some(v) => Scan::Value(if negative { -v } else { v }),
        None => Scan::Invalid,
    }
}

fn check_base(base: u32) -> Result<(), TextError> {
    if base == 0 || (2..=36).contains(&base) {
        Ok(())
    } else {
        Err(TextError::value("int() base must be >= 2 and <= 36, or 0"))
    }
}

fn too_many_digits(n: usize, limit: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// CPython shows at most 200 characters of the literal's repr.
fn truncated(repr: String) -> String {
    match repr.char_indices().nth(200) {
        Some((i, _)) => repr[..i].to_string(),
        None => repr,
    }
}

/// Maps str text to the ASCII text CPython parses: decimal digits of any
/// script to ASCII digits, non-ASCII whitespace to spaces; any other
/// non-ASCII character becomes a byte that no parser accepts.
fn to_ascii_number_text(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if let Some(d) = uc::decimal_value(c) {
                b'0' + d as u8
            } else if uc::is_space(c) {
                b' '
            } else {
                0xff
            }
        })
        .collect()
}

/// `int(s, base)` for a str; `max_digits` is `sys.get_int_max_str_digits()`
/// (0: no limit).
pub fn parse_int(s: &str, base: u32, max_digits: usize) -> Result<Integer, TextError> {
    check_base(base)?;
    match scan_int(&to_ascii_number_text(s), base, max_digits) {
        Scan::Value(v) => Ok(v),
        Scan::TooManyDigits(n) => Err(too_many_digits(n, max_digits)),
        Scan::Invalid => Err(TextError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated(str_ops::repr(s))
        ))),
    }
}

/// `int(b, base)` for bytes or bytearray (the message shows the data as
/// bytes either way, as CPython's does).
pub fn parse_int_bytes(b: &[u8], base: u32, max_digits: usize) -> Result<Integer, TextError> {
    check_base(base)?;
    match scan_int(b, base, max_digits) {
        Scan::Value(v) => Ok(v),
        Scan::TooManyDigits(n) => Err(too_many_digits(n, max_digits)),
        Scan::Invalid => Err(TextError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated(bytes_ops::repr(b))
        ))),
    }
}

/// Parses ASCII float text: optional sign, then `inf`/`infinity`/`nan`
/// (any case) or decimal digits with an optional point and exponent,
/// underscores only between digits. Surrounding C whitespace allowed.
fn scan_float(t: &[u8]) -> Option<f64> {
    let start = t.iter().position(|&b| !is_c_space(b))?;
    let end = t.iter().rposition(|&b| !is_c_space(b))? + 1;
    let body = t.get(start..end)?;
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, body.get(1..)?),
        Some(b'+') => (false, body.get(1..)?),
        _ => (false, body),
    };
    let lower = rest.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    // Digits with single underscores between them.
    fn digit_run(t: &[u8], i: &mut usize, out: &mut String) -> usize {
        let mut n = 0;
        while let Some(&b) = t.get(*i) {
            if b.is_ascii_digit() {
                out.push(char::from(b));
                n += 1;
                *i += 1;
            } else if b == b'_' && n > 0 && t.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            } else {
                break;
            }
        }
        n
    }
    let mut clean = String::with_capacity(rest.len() + 1);
    if negative {
        clean.push('-');
    }
    let mut i = 0;
    let int_digits = digit_run(rest, &mut i, &mut clean);
    let mut frac_digits = 0;
    if rest.get(i) == Some(&b'.') {
        clean.push('.');
        i += 1;
        frac_digits = digit_run(rest, &mut i, &mut clean);
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(rest.get(i), Some(b'e' | b'E')) {
        clean.push('e');
        i += 1;
        if let Some(&s @ (b'+' | b'-')) = rest.get(i) {
            clean.push(char::from(s));
            i += 1;
        }
        if digit_run(rest, &mut i, &mut clean) == 0 {
            return None;
        }
    }
    if i != rest.len() {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float(s)` for a str.
pub fn parse_float(s: &str) -> Result<f64, TextError> {
    scan_float(&to_ascii_number_text(s)).ok_or_else(|| {
        TextError::value(format!(
            "could not convert string to float: {}",
            str_ops::repr(s)
        ))
    })
}

/// `float(b)` for bytes or bytearray.
pub fn parse_float_bytes(b: &[u8], is_bytearray: bool) -> Result<f64, TextError> {
    scan_float(b).ok_or_else(|| {
        let shown = if is_bytearray {
            format!("bytearray({})", bytes_ops::repr(b))
        } else {
            bytes_ops::repr(b)
        };
        TextError::value(format!("could not convert string to float: {shown}"))
    })
}

#[cfg(test)]
/// `str(n)` / `repr(n)` for an int, refusing more than `max_digits`
/// decimal digits (0: no limit) as CPython does.
pub fn int_to_decimal(n: &Integer, max_digits: usize) -> Result<String, TextError> {
    let s = n.to_string();
    let digits = s.len() - usize::from(*n < 0);
    if max_digits > 0 && digits > max_digits {
        return Err(TextError::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

#[cfg(test)]
/// `bin(n)`, `oct(n)`, `hex(n)`: base 2, 8 or 16 with its prefix, the sign
/// in front (`-0x1f`).
pub fn int_to_prefixed(n: &Integer, base: u8) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let digits = n.unsigned_abs().to_string_base(base);
    let sign = if *n < 0 { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// The longest prefix of `t` that is a float (as C's `strtod`): optional
/// sign, then `inf`/`infinity`/`nan` (any case) or digits with an optional
/// point and exponent. Its value and length.
fn float_prefix(t: &[u8]) -> Option<(f64, usize)> {
    let mut i = usize::from(matches!(t.first(), Some(b'+' | b'-')));
    let negative = t.first() == Some(&b'-');
    let rest = t.get(i..)?;
    let starts = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
    for (word, v) in [
        (&b"infinity"[..], f64::INFINITY),
        (&b"inf"[..], f64::INFINITY),
        (&b"nan"[..], f64::NAN),
    ] {
        if starts(word) {
            return Some((if negative { -v } else { v }, i + word.len()));
        }
    }
    let digits = |i: &mut usize| {
        let s = *i;
        while t.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - s
    };
    let mut n = digits(&mut i);
    if t.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if matches!(t.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(t.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(t.get(..i)?).ok()?;
    Some((text.parse::<f64>().ok()?, i))
}

/// `complex(s)` for a str: `<float>`, `<float>j`, `<float><signed
/// float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses,
/// with surrounding whitespace and underscores between digits, and
/// CPython's two messages.
pub fn parse_complex(s: &str) -> Result<(f64, f64), TextError> {
    let malformed = || TextError::value("complex() arg is a malformed string");
    let mut t = to_ascii_number_text(s);
    if t.contains(&b'_') {
        // Underscores only between digits, then dropped.
        let bad = || {
            TextError::value(format!(
                "could not convert string to complex: {}",
                str_ops::repr(s)
            ))
        };
        let mut out = Vec::with_capacity(t.len());
        let mut prev = 0u8;
        for &b in &t {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(bad());
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return Err(bad());
                }
                out.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return Err(bad());
        }
        t = out;
    }
    let at = |i: usize| t.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |b: u8| b == b'j' || b == b'J';
    match float_prefix(t.get(i..).unwrap_or_default()) {
        Some((z, n)) => {
            i += n;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match float_prefix(t.get(i..).unwrap_or_default()) {
                    Some((v, n)) => {
                        y = v;
                        i += n;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(at(i)) {
                    return Err(malformed());
                }
                i += 1;
            } else if is_j(at(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(at(i), b'+' | b'-') {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(at(i)) {
                return Err(malformed());
            }
            i += 1;
        }
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return Err(malformed());
        }
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    if i != t.len() {
        return Err(malformed());
    }
    Ok((x, y))
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, err, ok, outcome, py_str};
    use super::*;

    fn int_outcome(r: Result<Integer, TextError>) -> String {
        match r {
            Ok(v) => ok(v.to_string()),
            Err(e) => err(&e),
        }
    }

    fn int_samples() -> Vec<String> {
        let mut v: Vec<String> = [
            " 12 ",
            "-  1",
            "- 1",
            "+1",
            "1_000",
            "1__0",
            "_1",
            "1_",
            "0x_1f",
            "0_0",
            "010",
            "000",
            "00",
            "0b101",
            "0B101",
            "0o17",
            "0O17",
            "0x",
            "0x_",
            "z",
            "Z",
            "１２",
            "١٢٣",
            "\u{a0}12\u{2003}",
            "",
            "  ",
            "+",
            "-0",
            "0_",
            "0x1f",
            "1e5",
            "12\u{0}",
            "𝟎𝟏",
            "²",
            "0b",
            "0_b1",
            "0b_1",
            "0b1_",
            "abc",
            "ABC",
            "g",
            "-0x1f",
            "- 0x1f",
            "9",
            "7\x1c",
            "\u{3000}7",
            "\u{85}7",
            "7\x0b",
            "\x0c7",
            "7\x1f",
            "\u{200b}7",
            "٣x",
            "é",
            "0x0x1",
            "0o8",
            "-0b1_0",
            "+0_0",
            "00_1",
            "0_1",
            "1 2",
            "٣_٣",
            "12345678901234567890123",
            "-99999999999999999999999999",
            "zz",
            "0z",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.push("a".repeat(300));
        v.push("1".repeat(4300));
        v.push("1".repeat(4301));
        v.push(format!("{}x", "1".repeat(5000)));
        v.push(format!("x{}", "1".repeat(5000)));
        v.push("1_".repeat(4301));
        v.push(format!("-{}", "0".repeat(4301)));
        v.push("f".repeat(5000));
        v
    }

    #[test]
    fn parse_int_matches_cpython() {
        let mut cases = Vec::new();
        for s in int_samples() {
            for base in [0u32, 2, 8, 10, 16, 36, 7, 1, 37] {
                cases.push((
                    format!("{}, {base}", py_str(&s)),
                    int_outcome(parse_int(&s, base, DEFAULT_MAX_STR_DIGITS)),
                ));
            }
        }
        // str() of the result would hit the digit limit; compare hex.
        check(
            "",
            "lambda s, b: int(s, b).__format__('d') if len(s) < 4000 else hex(int(s, b))",
            &fix_big(cases),
        );
    }

    /// For long inputs compare in hex, like the Python side.
    fn fix_big(cases: Vec<(String, String)>) -> Vec<(String, String)> {
        cases
            .into_iter()
            .map(|(args, out)| {
                let long = args.len() > 4000;
                match (long, out.strip_prefix("ok:")) {
                    (true, Some(v)) => {
                        let n: Integer = v.parse().expect("int");
                        (args, ok(int_to_prefixed(&n, 16)))
                    }
                    _ => (args, out),
                }
            })
            .collect()
    }

    #[test]
    fn parse_int_bytes_matches_cpython() {
        let samples: Vec<Vec<u8>> = vec![
            b" 12 ".to_vec(),
            b"x".to_vec(),
            b"\xff".to_vec(),
            b"1_0".to_vec(),
            b"\xa012".to_vec(),
            b"0x1F".to_vec(),
            b"'\"".to_vec(),
            b"7\x1c".to_vec(),
        ];
        let mut cases = Vec::new();
        for b in &samples {
            for ctor in ["bytes", "bytearray"] {
                let lit = format!("{ctor}({})", bytes_ops::repr(b));
                cases.push((
                    format!("{lit}, 0"),
                    int_outcome(parse_int_bytes(b, 0, DEFAULT_MAX_STR_DIGITS)),
                ));
                cases.push((
                    format!("{lit}, 10"),
                    int_outcome(parse_int_bytes(b, 10, DEFAULT_MAX_STR_DIGITS)),
                ));
            }
        }
        check("", "int", &cases);
    }

    #[test]
    fn parse_float_matches_cpython() {
        let mut samples: Vec<String> = [
            "1.5",
            " 1.5 ",
            "1_0.5",
            "1._5",
            "1_.5",
            "1.5_",
            "_1",
            "1e1_0",
            "1e_10",
            "1_e10",
            ".5",
            "5.",
            ".",
            "e5",
            "1e",
            "1e+",
            "inf",
            "-Infinity",
            "+nAn",
            "infinit",
            "infinityx",
            "nan(1)",
            "-nan",
            "0x10",
            "1.5j",
            "１.５",
            "١٫٥",
            "1\u{0}",
            "",
            "  ",
            "1e500",
            "-1e500",
            "1e-500",
            "1,5",
            "+-1",
            "++1",
            "1_000_000.000_1",
            "in f",
            "1e1.5",
            "٣",
            "1_e1",
            "1e1_",
            "0_0.0_0e0_0",
            ".e1",
            "+.5",
            "-.5e-3",
            "1E5",
            "1.e5",
            "inf_",
            "i_nf",
            "7\x1c",
            "\u{3000}7",
            "\u{85}7",
            "-0",
            "-0.0",
            "0.1",
            "2.675",
            "1e-320",
            "4.9406564584124654e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "123456789012345678901234567890",
            "1e+0_1",
            "1.5E-0_3",
            " -inf ",
            "infINITY",
            "NaN",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        samples.push("a".repeat(300));
        samples.push(format!("0.{}1", "0".repeat(400)));
        samples.push("1".repeat(400));
        let cases: Vec<(String, String)> = samples
            .iter()
            .map(|s| {
                let r = parse_float(s).map(super::super::float_repr::repr);
                (py_str(s), outcome(&r))
            })
            .collect();
        check("", "lambda s: repr(float(s))", &cases);
        let bcases: Vec<(String, String)> = [&b"1.5"[..], b" 1.5\n", b"x", b"\xa01", b"1_0"]
            .iter()
            .flat_map(|b| {
                [("bytes", false), ("bytearray", true)].map(|(ctor, is_ba)| {
                    let r = parse_float_bytes(b, is_ba).map(super::super::float_repr::repr);
                    (format!("{ctor}({})", bytes_ops::repr(b)), outcome(&r))
                })
            })
            .collect();
        check("", "lambda b: repr(float(b))", &bcases);
    }

    #[test]
    fn int_to_text_matches_cpython() {
        use malachite::num::arithmetic::traits::Pow;
        let ten = Integer::from(10u32);
        let values: Vec<Integer> = vec![
            Integer::from(0),
            Integer::from(-1),
            Integer::from(255),
            Integer::from(-255),
            ten.clone().pow(4299),
            -ten.clone().pow(4299),
            ten.clone().pow(4300),
            -ten.clone().pow(4300),
            ten.clone().pow(5000),
        ];
        let mut cases = Vec::new();
        for v in &values {
            let text = match int_to_decimal(v, DEFAULT_MAX_STR_DIGITS) {
                Ok(s) => ok(format!(
                    "{} {} {} {}",
                    s.len(),
                    int_to_prefixed(v, 2).len(),
                    int_to_prefixed(v, 8).len(),
                    &int_to_prefixed(v, 16)[..int_to_prefixed(v, 16).len().min(12)]
                )),
                Err(e) => err(&e),
            };
            let src = format!("int('{}', 16)", int_to_prefixed(v, 16));
            cases.push((src.replace("int('-0x", "-int('0x"), text));
        }
        check(
            "",
            "lambda n: '%d %d %d %s' % (len(str(n)), len(bin(n)), len(oct(n)), hex(n)[:12])",
            &cases,
        );
        assert_eq!(int_to_prefixed(&Integer::from(-31), 16), "-0x1f");
        assert_eq!(int_to_prefixed(&Integer::from(5), 2), "0b101");
        assert_eq!(int_to_prefixed(&Integer::from(8), 8), "0o10");
    }
}
