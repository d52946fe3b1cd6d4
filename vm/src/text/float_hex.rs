//! `float.hex()` and `float.fromhex()`: exact hexadecimal float text.

use super::TextError;
use malachite::num::conversion::traits::{FromStringBase, RoundingFrom};
use malachite::num::logic::traits::SignificantBits;
use malachite::rounding_modes::RoundingMode;
use malachite::{Integer, Rational};

/// `x.hex()`: `0x1.8000000000000p+0`, subnormals as `0x0.…p-1022`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{mantissa:013x}p-1022")
    } else {
        format!("{sign}0x1.{mantissa:013x}p{:+}", exp - 1023)
    }
}

fn invalid() -> TextError {
    TextError::value("invalid hexadecimal floating-point string")
}

fn too_large() -> TextError {
    TextError::overflow("hexadecimal value too large to represent as a float")
}

/// `float.fromhex(s)`: `[sign][0x]hex[.hex][p[sign]dec]`, or inf/nan;
/// rounded half to even.
pub fn from_hex(s: &str) -> Result<f64, TextError> {
    let t = s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let apply_sign = |v: f64| if negative { -v } else { v };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(apply_sign(f64::INFINITY)),
        "nan" => return Ok(apply_sign(f64::NAN)),
        _ => {}
    }
    let body = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .unwrap_or(body);
    let (mantissa_text, exp_text) = match body.find(['p', 'P']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa_text.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mantissa_text, ""),
    };
    let all_hex = |p: &str| p.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !all_hex(int_part) || !all_hex(frac_part) {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if let Some(e) = exp_text {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        // Saturate: anything past ±2^62 is zero or overflow anyway.
        let mag = digits
            .parse::<i64>()
            .unwrap_or(i64::MAX / 2)
            .min(i64::MAX / 2);
        exp = if e.starts_with('-') { -mag } else { mag };
    }
    let digits = format!("{int_part}{frac_part}");
    let mantissa = Integer::from_string_base(16, &digits).ok_or_else(invalid)?;
    if mantissa == 0 {
        return Ok(apply_sign(0.0));
    }
    let exp2 = exp.saturating_sub(4 * frac_part.len() as i64);
    let top = (mantissa.significant_bits() as i64).saturating_add(exp2);
    if top > 1025 {
        return Err(too_large());
    }
    if top < -1100 {
        return Ok(apply_sign(0.0));
    }
    let value = Rational::from(mantissa) << exp2;
    // Round to nearest overflows from MAX + half an ulp up.
    let limit = (Rational::from(2u32) << 1023i64) - (Rational::from(1u32) << 970i64);
    if value >= limit {
        return Err(too_large());
    }
    let (f, _) = f64::rounding_from(&value, RoundingMode::Nearest);
    Ok(apply_sign(f))
}

#[cfg(test)]
mod tests {
    use super::super::float_repr;
    use super::super::oracle::{check, ok, outcome, py_float, py_str, sample_floats};
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        let cases: Vec<(String, String)> = sample_floats()
            .into_iter()
            .map(|x| (py_float(x), ok(to_hex(x))))
            .collect();
        check("", "float.hex", &cases);
    }

    #[test]
    fn fromhex_matches_cpython() {
        let mut inputs: Vec<String> = [
            "0x1.8p0",
            "1.8p0",
            "0X1P-1",
            "  -0x1p+3  ",
            "0x.8",
            "0x8.",
            "0x.",
            "0x",
            "0x1p",
            "0x1p+",
            "1",
            "-inf",
            "+Infinity",
            "nan",
            "-NaN",
            "0x1.fffffffffffff8p1023",
            "0x1.fffffffffffff7p1023",
            "0x1p1024",
            "0x1p-1075",
            "0x1p-1074",
            "0x1.8p-1074",
            "0x3p-1076",
            "0x1_0p0",
            "0x1p1000000000000",
            "0x0p1000000000000",
            "0x1p-100000000000000",
            "0xg",
            "0x1.2.3",
            "p1",
            "0x1P1",
            "0x00000000000000000000000001p-1074",
            "0x1 p1",
            "0x1e1",
            "-0x0p0",
            "0x1p99999999999999999999",
            "0x1.0000000000000800000000001p0",
            "0x1.00000000000008p0",
            "0x1.00000000000018p0",
            "\u{a0}0x1p0",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.extend(sample_floats().into_iter().map(to_hex));
        let cases: Vec<(String, String)> = inputs
            .iter()
            .map(|s| (py_str(s), outcome(&from_hex(s).map(float_repr::repr))))
            .collect();
        check("", "lambda s: repr(float.fromhex(s))", &cases);
    }
}
