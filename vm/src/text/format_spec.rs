//! Python's format-spec mini-language
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`):
//! parsing with CPython's error messages, and its application to `str`,
//! `int` and `float` values (`format(x, spec)`, `str.format`, f-strings).

use super::error::reserve;
use super::float_repr::{self, FloatFlags, FloatKind};
use super::TextError;
use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::num::conversion::traits::{RoundingFrom, ToStringBase};
use malachite::rounding_modes::RoundingMode;
use malachite::Integer;

/// Where padding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: between the sign (and base prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: a sign for positive numbers too.
    Plus,
    /// `-`: a sign for negative numbers only (the default behaviour).
    Minus,
    /// ` `: a space for positive numbers.
    Space,
}

/// A parsed format spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character; `None` when the spec names none.
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: turn a negative zero (after rounding) into a positive one.
    pub no_neg_zero: bool,
    /// `#`
    pub alternate: bool,
    /// The `0` before the width.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; `None` when the spec has none.
    pub ty: Option<char>,
}

/// How CPython prints a presentation-type character in its messages:
/// itself when printable ASCII, else `\x` and its hex code.
fn code_display(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

fn unknown_code(c: char, type_name: &str) -> TextError {
    TextError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_display(c)
    ))
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of ASCII digits as a size; CPython's limit is Py_ssize_t.
fn read_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, TextError> {
    let start = *pos;
    let mut value: usize = 0;
    let mut overflow = false;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
        {
            Some(v) if v <= isize::MAX as usize => value = v,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(TextError::value("Too many decimal digits in format string"));
    }
    Ok(if *pos == start { None } else { Some(value) })
}

impl FormatSpec {
    /// Parses `spec` for an object whose type is called `type_name` (used
    /// in messages); `default_type` is the presentation type the object
    /// uses when the spec names none (`s` for str, `d` for int, none for
    /// float), which the grouping check sees.
    pub fn parse(
        spec: &str,
        default_type: Option<char>,
        type_name: &str,
    ) -> Result<FormatSpec, TextError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        if let (Some(&fill), Some(a)) = (chars.first(), chars.get(1).and_then(|&c| is_align(c))) {
            out.fill = Some(fill);
            out.align = Some(a);
            pos = 2;
        } else if let Some(a) = chars.first().and_then(|&c| is_align(c)) {
            out.align = Some(a);
            pos = 1;
        }
        match chars.get(pos) {
            Some('+') => out.sign = Some(Sign::Plus),
            Some('-') => out.sign = Some(Sign::Minus),
            Some(' ') => out.sign = Some(Sign::Space),
            _ => {}
        }
        if out.sign.is_some() {
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'0') {
            out.zero_pad = true;
            pos += 1;
        }
        // The '0' flag's zero also counts as the width's first digit.
        let width_start = if out.zero_pad { pos - 1 } else { pos };
        let mut wpos = width_start;
        out.width = read_number(&chars, &mut wpos)?;
        pos = pos.max(wpos);
        if chars.get(pos) == Some(&',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping.is_some() {
                return Err(TextError::value("Cannot specify both ',' and '_'."));
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
            return Err(TextError::value("Cannot specify both ',' and '_'."));
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = read_number(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        let rest = chars.get(pos..).unwrap_or(&[]);
        if rest.len() > 1 {
            return Err(TextError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        out.ty = rest.first().copied();
        if let Some(sep) = out.grouping {
            let ty = out.ty.or(default_type);
            let allowed = match ty {
                None => true,
                Some(t) => "deEfFgG%".contains(t) || (sep == '_' && "boxX".contains(t)),
            };
            if !allowed {
                let shown = ty.map(code_display).unwrap_or_default();
                return Err(TextError::value(format!(
                    "Cannot specify '{sep}' with '{shown}'."
                )));
            }
        }
        if out.zero_pad {
            if out.fill.is_none() {
                out.fill = Some('0');
            }
            // Only numbers (default right-aligned) turn '0' into '='.
            if out.align.is_none() && default_type != Some('s') {
                out.align = Some(Align::AfterSign);
            }
        }
        Ok(out)
    }

    fn fill_char(&self) -> char {
        self.fill.unwrap_or(' ')
    }
}

/// Pads `body` (whose length in code points is `len`) to `width`.
fn pad(body: &str, len: usize, spec: &FormatSpec, default: Align) -> Result<String, TextError> {
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return Ok(body.to_string());
    }
    let total = width - len;
    let (left, right) = match spec.align.unwrap_or(default) {
        Align::Left => (0, total),
        Align::Right | Align::AfterSign => (total, 0),
        Align::Center => (total / 2, total - total / 2),
    };
    let fill = spec.fill_char();
    let mut out = String::new();
    reserve(
        &mut out,
        body.len()
            .saturating_add(total.saturating_mul(fill.len_utf8())),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, TextError> {
    let spec = FormatSpec::parse(spec, Some('s'), "str")?;
    format_str_with(s, &spec)
}

/// Applies a parsed spec to a str.
pub fn format_str_with(s: &str, spec: &FormatSpec) -> Result<String, TextError> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(unknown_code(t, "str"));
        }
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad(body, len, spec, Align::Left)
}

/// Inserts `sep` every `every` digits from the right of `digits` (ASCII),
/// adding leading zeros until the result is at least `min_width` long;
/// like CPython, a result never starts with a separator.
fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: usize) -> String {
    let Some((sep, every)) = sep else {
        let mut out = String::new();
        out.extend(std::iter::repeat_n(
            '0',
            min_width.saturating_sub(digits.len()),
        ));
        out.push_str(digits);
        return out;
    };
    let grouped_len = |k: usize| k + k.saturating_sub(1) / every;
    let mut k = digits.len().max(1);
    while grouped_len(k) < min_width {
        k += 1;
    }
    let padded: String = std::iter::repeat_n('0', k - digits.len())
        .chain(digits.chars())
        .collect();
    let mut out = String::with_capacity(grouped_len(k));
    for (i, c) in padded.chars().enumerate() {
        if i > 0 && (k - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The parts of a formatted number, laid out by [`assemble`].
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// Integer-part digits, grouped by `assemble`; empty for inf/nan.
    digits: &'a str,
    /// The rest: fraction, exponent, `%`, or `inf`/`nan`.
    rest: &'a str,
    /// Separator and group size, if grouping.
    group: Option<(char, usize)>,
}

fn assemble(parts: &NumberParts, spec: &FormatSpec) -> Result<String, TextError> {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => "-",
        (false, Some(Sign::Plus)) => "+",
        (false, Some(Sign::Space)) => " ",
        _ => "",
    };
    let width = spec.width.unwrap_or(0);
    let zero_fill = spec.fill_char() == '0' && spec.align == Some(Align::AfterSign);
    let fixed_len = sign.len() + parts.prefix.len() + parts.rest.chars().count();
    let digits = if parts.digits.is_empty() {
        String::new()
    } else if zero_fill {
        group_digits(parts.digits, parts.group, width.saturating_sub(fixed_len))
    } else {
        group_digits(parts.digits, parts.group, 0)
    };
    let len = fixed_len + digits.len();
    let mut out = String::new();
    let pad_total = width.saturating_sub(len);
    let fill = spec.fill_char();
    reserve(&mut out, len + pad_total.saturating_mul(fill.len_utf8()))?;
    let (left, middle, right) = match spec.align.unwrap_or(Align::Right) {
        Align::Left => (0, 0, pad_total),
        Align::Right => (pad_total, 0, 0),
        Align::Center => (pad_total / 2, 0, pad_total - pad_total / 2),
        Align::AfterSign => (0, pad_total, 0),
    };
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, middle));
    out.push_str(&digits);
    out.push_str(parts.rest);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `format(n, spec)` for an int whose type is called `type_name` (`int`,
/// `bool`, or a subclass's name, for messages). An empty spec gives the
/// decimal digits; CPython's `format(True, '')` is `str(True)`, which the
/// caller handles.
pub fn format_int(n: &Integer, spec: &str, type_name: &str) -> Result<String, TextError> {
    let spec = FormatSpec::parse(spec, Some('d'), type_name)?;
    format_int_with(n, &spec, type_name)
}

#[cfg(test)]
/// `format_int` for an i64.
pub fn format_i64(n: i64, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_int(&Integer::from(n), spec, type_name)
}

/// Applies a parsed spec to an int.
pub fn format_int_with(
    n: &Integer,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, TextError> {
    let ty = spec.ty.unwrap_or('d');
    if !"bcdoxXneEfFgG%".contains(ty) {
        return Err(unknown_code(ty, type_name));
    }
    if "eEfFgG%".contains(ty) {
        let x = int_to_f64(n)?;
        return format_float_with(x, spec, type_name);
    }
    if spec.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = int_to_char(n)?;
        let mut buf = [0u8; 4];
        return assemble(
            &NumberParts {
                negative: false,
                prefix: "",
                digits: "",
                rest: c.encode_utf8(&mut buf),
                group: None,
            },
            spec,
        );
    }
    let (base, prefix, every) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mag = n.unsigned_abs();
    let digits = if ty == 'X' {
        mag.to_string_base_upper(base)
    } else {
        mag.to_string_base(base)
    };
    let prefix = if spec.alternate { prefix } else { "" };
    assemble(
        &NumberParts {
            negative: *n < 0,
            prefix,
            digits: &digits,
            rest: "",
            group: spec.grouping.map(|sep| (sep, every)),
        },
        spec,
    )
}

/// int -> float as Python's `float(n)`: round half to even, OverflowError
/// past the float range.
pub fn int_to_f64(n: &Integer) -> Result<f64, TextError> {
    let (x, _) = f64::rounding_from(n, RoundingMode::Nearest);
    // malachite saturates at MAX; Python overflows from MAX + half an ulp.
    if x.abs() == f64::MAX {
        let limit = Integer::from(1u32) << 1024u32;
        let half_ulp = Integer::from(1u32) << 970u32;
        let mag = n.unsigned_abs();
        if mag >= limit - half_ulp {
            return Err(TextError::overflow("int too large to convert to float"));
        }
    }
    Ok(x)
}

/// The character of `%c` / format type `c` for an int code point.
pub fn int_to_char(n: &Integer) -> Result<char, TextError> {
    let code = i64::try_from(n)
        .map_err(|_| TextError::overflow("Python int too large to convert to C long"))?;
    let code = u32::try_from(code)
        .ok()
        .filter(|&c| c < 0x110000)
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
    super::surrogates::from_code_point(code)
        .ok_or_else(|| TextError::NotImplemented(super::surrogates::reserved_message(code)))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    let spec = FormatSpec::parse(spec, None, type_name)?;
    format_float_with(x, &spec, type_name)
}

/// Applies a parsed spec to a float.
pub fn format_float_with(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    let ty = spec.ty;
    let (kind, default_precision, add_dot_0) = match ty {
        None => (FloatKind::Repr, 0, true),
        Some('e' | 'E') => (FloatKind::Exp, 6, false),
        Some('f' | 'F' | '%') => (FloatKind::Fixed, 6, false),
        Some('g' | 'G' | 'n') => (FloatKind::General, 6, false),
        Some(c) => return Err(unknown_code(c, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    let kind = match (kind, spec.precision) {
        (FloatKind::Repr, Some(_)) => FloatKind::General,
        (k, _) => k,
    };
    let precision = spec.precision.unwrap_or(default_precision);
    let value = if ty == Some('%') { x * 100.0 } else { x };
    let flags = FloatFlags {
        alternate: spec.alternate,
        add_dot_0,
        upper: matches!(ty, Some('E' | 'F' | 'G')),
    };
    let mut body = float_repr::to_string(value.abs(), kind, precision, flags);
    if ty == Some('%') {
        body.push('%');
    }
    let mut negative = value.is_sign_negative() && !value.is_nan();
    if negative && spec.no_neg_zero && rounds_to_zero(&body) {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    assemble(
        &NumberParts {
            negative,
            prefix: "",
            digits,
            rest,
            group: spec.grouping.map(|sep| (sep, 3)),
        },
        spec,
    )
}

/// `format(z, spec)` for a complex with parts `re` and `im` (CPython's
/// `format_complex_internal`): each part formatted as a float, the
/// imaginary one always signed unless the real one is left out (no type:
/// `str()`'s layout, a zero real part omitted, else parentheses), then
/// padded as a whole; no zero padding and no `=` alignment.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    let spec = FormatSpec::parse(spec, None, type_name)?;
    if spec.fill == Some('0') {
        return Err(TextError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(TextError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut kind, default_precision) = match spec.ty {
        None => (FloatKind::Repr, 0),
        Some('e' | 'E') => (FloatKind::Exp, 6),
        Some('f' | 'F') => (FloatKind::Fixed, 6),
        Some('g' | 'G' | 'n') => (FloatKind::General, 6),
        Some(c) => return Err(unknown_code(c, type_name)),
    };
    let (mut skip_re, mut parens) = (false, false);
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    if spec.precision.is_some() && kind == FloatKind::Repr {
        kind = FloatKind::General;
    }
    let precision = spec.precision.unwrap_or(default_precision);
    let flags = FloatFlags {
        alternate: spec.alternate,
        add_dot_0: false,
        upper: matches!(spec.ty, Some('E' | 'F' | 'G')),
    };
    // Each part laid out with the spec's sign and grouping, unpadded.
    let part = |x: f64, sign: Option<Sign>| -> Result<String, TextError> {
        let body = float_repr::to_string(x.abs(), kind, precision, flags);
        let mut negative = x.is_sign_negative() && !x.is_nan();
        if negative && spec.no_neg_zero && rounds_to_zero(&body) {
            negative = false;
        }
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (digits, rest) = body.split_at(split);
        let bare = FormatSpec {
            fill: None,
            align: None,
            sign,
            width: None,
            ..spec.clone()
        };
        assemble(
            &NumberParts {
                negative,
                prefix: "",
                digits,
                rest,
                group: spec.grouping.map(|sep| (sep, 3)),
            },
            &bare,
        )
    };
    let re_text = if skip_re {
        String::new()
    } else {
        part(re, spec.sign)?
    };
    let im_sign = if skip_re { spec.sign } else { Some(Sign::Plus) };
    let im_text = part(im, im_sign)?;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    body.push_str(&re_text);
    body.push_str(&im_text);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    pad(&body, len, &spec, Align::Right)
}

/// Whether a formatted magnitude shows zero: no nonzero digit before any
/// exponent.
fn rounds_to_zero(body: &str) -> bool {
    let mantissa = body.split(['e', 'E']).next().unwrap_or(body);
    mantissa.bytes().all(|b| !(b'1'..=b'9').contains(&b)) && !body.contains(['i', 'n', 'I', 'N'])
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{self, check, py_str};
    use super::*;

    fn int_specs() -> Vec<&'static str> {
        vec![
            "",
            "d",
            "x",
            "X",
            "o",
            "b",
            "c",
            "n",
            "#x",
            "#X",
            "#o",
            "#b",
            "+d",
            " d",
            "-d",
            "5",
            "<5",
            "^5",
            "=5",
            ">5",
            "05",
            "+05",
            " 05",
            "0<5",
            "x^9",
            "x^8",
            "*=+10",
            ",",
            "_",
            "_x",
            "_b",
            "_o",
            "#_x",
            "#012_x",
            "012,",
            "0=12,",
            "013,",
            "014,",
            "010_",
            "010_x",
            "013_x",
            "014_x",
            "#010_x",
            "#011_x",
            "05,",
            "06,",
            ",x",
            "_n",
            ",n",
            ",c",
            ".2d",
            ".2",
            "#c",
            "+c",
            "z",
            "zd",
            "k",
            "\u{1}",
            "\u{1234}",
            "é",
            "\u{7f}",
            ",_",
            "_,",
            ",,",
            "__",
            "0=",
            "<<",
            ".",
            ".f",
            "abc",
            "dd",
            "<<<",
            "5.2.",
            "0x",
            "=+#0_10d",
            ".2k",
            "zk",
            "#k",
            "+k",
            "=k",
            ",k",
            ",s",
            ".1z",
            "z.2",
            "zc",
            "+#c",
            "z#c",
            "z,",
            ".2,x",
            ".2n",
            ",\u{1}",
            "_c",
            "e",
            ".3e",
            "%",
            "g",
            ".2f",
            "E",
            "F",
            "G",
            ",.2f",
            "<5c",
            "05c",
            "^5c",
            "=5c",
            "#^+10x",
            "#=10x",
            "#010X",
            "#010b",
            "-",
            "#",
            "#d",
            "#n",
            "10000000000000000000000",
            ".10000000000000000000000",
            "\u{0}",
            "ab\u{1}",
            "é^5",
            "🎉<5x",
            "=020_",
            "0>10,",
        ]
    }

    fn ints() -> Vec<Integer> {
        let mut v: Vec<Integer> = [0i64, 1, -1, 5, -5, 12, -12, 65, 255, 1234567, -1234567]
            .iter()
            .map(|&i| Integer::from(i))
            .collect();
        v.push(Integer::from(0x12345678));
        v.push(Integer::from(0x1f600));
        v.push(Integer::from(0x110000));
        v.push(Integer::from(10u32).pow_u(20));
        v.push(-Integer::from(10u32).pow_u(30));
        v.push(Integer::from(1u32) << 64u32);
        v.push(Integer::from(10u32).pow_u(400));
        v
    }

    trait PowU {
        fn pow_u(self, e: u64) -> Integer;
    }
    impl PowU for Integer {
        fn pow_u(self, e: u64) -> Integer {
            use malachite::num::arithmetic::traits::Pow;
            self.pow(e)
        }
    }

    #[test]
    fn format_int_matches_cpython() {
        let mut cases = Vec::new();
        for n in ints() {
            for spec in int_specs() {
                let got = oracle::outcome(&format_int(&n, spec, "int"));
                cases.push((format!("{n}, {}", py_str(spec)), got));
            }
        }
        check("", "format", &cases);
    }

    fn float_specs() -> Vec<&'static str> {
        vec![
            "",
            "e",
            "E",
            "f",
            "F",
            "g",
            "G",
            "n",
            "%",
            ".0",
            ".1",
            ".2",
            ".3",
            ".4",
            ".5",
            ".16",
            ".17",
            ".20",
            "#",
            "#.0",
            "#.1",
            "#.3",
            "#g",
            "#.0f",
            "#.0e",
            "#n",
            ".0n",
            ".3n",
            ".0%",
            ".1%",
            ".2%",
            "=+10.2%",
            "z",
            "z.0f",
            "z.1f",
            "z.1e",
            "ze",
            "zg",
            "z%",
            "z.2%",
            "z.3",
            "+z",
            "+",
            " ",
            "010",
            "=+10",
            "^010",
            "=010",
            "010,",
            ",",
            "_",
            ",.2f",
            "020,.2f",
            "=020,.2f",
            "x<020,.2f",
            "_e",
            "_%",
            ",%",
            "_g",
            ",n",
            "_,",
            "c",
            "d",
            "x",
            "r",
            "k",
            ".2k",
            "zk",
            "\u{1}",
            "ff",
            "=+#0_10f",
            "+#0,10.3f",
            ".1000f",
            ".30f",
            ".2147483648f",
            "10",
            "<10",
            "^10",
            "-^11.3e",
            " 12.4G",
            "0>12",
            "015_.3f",
            "08.3",
        ]
    }

    #[test]
    fn format_float_matches_cpython() {
        let mut floats = oracle::sample_floats();
        floats.truncate(60);
        floats.extend([-0.0001, -0.004, -1e-9, 0.4, -0.4, 1.25]);
        let mut cases = Vec::new();
        for x in floats {
            for spec in float_specs() {
                let got = oracle::outcome(&format_float(x, spec, "float"));
                let lit = oracle::py_float(x);
                cases.push((format!("{lit}, {}", py_str(spec)), got));
            }
        }
        check("", "format", &cases);
    }

    #[test]
    fn format_str_matches_cpython() {
        let strs = ["", "a", "ab", "abc", "héllo", "😀", "tab\there", "\u{301}e"];
        let specs = [
            "",
            "s",
            "5",
            "<5",
            ">5",
            "^5",
            "^6",
            "*^7",
            "é^5",
            "=",
            "=5",
            "+",
            "-",
            " ",
            "#",
            ",",
            "_",
            "z",
            "d",
            "c",
            "0",
            "05",
            "<05",
            "^06",
            "x<",
            ".0",
            ".2",
            ">10.2",
            ".10",
            "ss",
            "{",
            "+#",
            "#+",
            "z#",
            "#=",
            "=#",
            " =",
            "=z",
            "+z=",
            "z=",
            "#=5",
            "=,",
            "-s",
            ".2k",
            "+k",
            "zk",
            "=k",
            ",k",
            "\u{1}",
            "0=5",
            "10000000000000000000000",
            "x^0",
        ];
        let mut cases = Vec::new();
        for s in strs {
            for spec in specs {
                let got = oracle::outcome(&format_str(s, spec));
                cases.push((format!("{}, {}", py_str(s), py_str(spec)), got));
            }
        }
        check("", "format", &cases);
    }

    #[test]
    fn examples() {
        assert_eq!(
            format_i64(-1234567, "013,", "int").as_deref(),
            Ok("-0,001,234,567")
        );
        assert_eq!(
            format_float(12345.678, "020,.2f", "float").as_deref(),
            Ok("0,000,000,012,345.68")
        );
        assert_eq!(format_str("ab", "*^7").as_deref(), Ok("**ab***"));
        assert_eq!(
            format_str("a", ",").unwrap_err(),
            TextError::value("Cannot specify ',' with 's'.")
        );
    }
}
