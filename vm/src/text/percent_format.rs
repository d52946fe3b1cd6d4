//! `%`-formatting (`"%5.2f" % x`, `b"%s" % y`): the parse of format
//! strings into literal text and conversion specs, and the number and text
//! layout of each conversion, with CPython's messages.
//!
//! The parse is lazy ([`Parser`] is an iterator) because CPython reports a
//! malformed spec only when it reaches it, after the earlier specs have
//! taken their arguments. Taking arguments and calling `str()`/`repr()`
//! on them is the VM's part; the order is: mapping key, `*` width, `*`
//! precision, the value, then [`check_conversion`].

use super::float_repr::{self, FloatFlags, FloatKind};
use super::TextError;
use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::num::conversion::traits::ToStringBase;
use malachite::Integer;

/// The flag characters `- + space # 0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alternate: bool,
    pub zero: bool,
}

/// A width or precision: written out, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Star,
    Value(usize),
}

/// One conversion spec, `%(key)#5.2f`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec<'a> {
    /// The mapping key, the text between the parentheses.
    pub key: Option<&'a [u8]>,
    pub flags: Flags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character (any character: see [`check_conversion`]).
    pub conversion: char,
    /// Where the conversion character is: a code-point index for str
    /// formats, a byte index for bytes formats (for messages).
    pub index: usize,
    /// Whether the format is bytes (where `%b` exists).
    pub in_bytes: bool,
}

/// A piece of a parsed format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text copied as it is (for a str format, valid UTF-8).
    Literal(&'a [u8]),
    /// `%%`.
    Percent,
    Spec(Spec<'a>),
}

/// Parses a format lazily, one piece at a time.
pub struct Parser<'a> {
    fmt: &'a [u8],
    pos: usize,
    is_text: bool,
    has_mapping: bool,
    failed: bool,
    /// A byte position and the number of characters before it.
    chars_before: (usize, usize),
}

impl<'a> Parser<'a> {
    /// A parser for a str format.
    pub fn for_str(fmt: &'a str) -> Self {
        Parser {
            fmt: fmt.as_bytes(),
            pos: 0,
            is_text: true,
            has_mapping: false,
            failed: false,
            chars_before: (0, 0),
        }
    }

    /// A parser for a bytes format.
    pub fn for_bytes(fmt: &'a [u8]) -> Self {
        Parser {
            fmt,
            pos: 0,
            is_text: false,
            has_mapping: false,
            failed: false,
            chars_before: (0, 0),
        }
    }

    /// Says whether the right operand is a mapping (CPython: has
    /// `__getitem__` and is not a tuple or str/bytes); a `%(key)` without
    /// one is a TypeError.
    pub fn with_mapping(mut self, has_mapping: bool) -> Self {
        self.has_mapping = has_mapping;
        self
    }

    fn peek(&self) -> Option<u8> {
        self.fmt.get(self.pos).copied()
    }

    fn incomplete() -> TextError {
        TextError::value("incomplete format")
    }

    fn number(&mut self, too_big: &str, limit: usize) -> Result<usize, TextError> {
        let mut value: usize = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(usize::from(d - b'0')))
                .filter(|&v| v <= limit)
                .ok_or_else(|| TextError::value(too_big))?;
            self.pos += 1;
        }
        Ok(value)
    }

    fn spec(&mut self) -> Result<Piece<'a>, TextError> {
        let mut key = None;
        if self.peek() == Some(b'(') {
            if !self.has_mapping {
                return Err(TextError::TypeError("format requires a mapping".into()));
            }
            self.pos += 1;
            let start = self.pos;
            let mut depth = 1;
            while depth > 0 {
                match self.peek() {
                    Some(b'(') => depth += 1,
                    Some(b')') => depth -= 1,
                    Some(_) => {}
                    None => return Err(TextError::value("incomplete format key")),
                }
                self.pos += 1;
            }
            key = self.fmt.get(start..self.pos - 1);
        }
        let mut flags = Flags::default();
        loop {
            match self.peek() {
                Some(b'-') => flags.left = true,
                Some(b'+') => flags.plus = true,
                Some(b' ') => flags.space = true,
                Some(b'#') => flags.alternate = true,
                Some(b'0') => flags.zero = true,
                _ => break,
            }
            self.pos += 1;
        }
        let mut width = None;
        if self.peek() == Some(b'*') {
            self.pos += 1;
            width = Some(Count::Star);
        } else if self.peek().is_some_and(|b| b.is_ascii_digit()) {
            width = Some(Count::Value(
                self.number("width too big", isize::MAX as usize)?,
            ));
        }
        let mut precision = None;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.peek() == Some(b'*') {
                self.pos += 1;
                precision = Some(Count::Star);
            } else {
                precision = Some(Count::Value(
                    self.number("precision too big", i32::MAX as usize)?,
                ));
            }
        }
        while matches!(self.peek(), Some(b'h' | b'l' | b'L')) {
            self.pos += 1;
        }
        let at = self.pos;
        let conversion = if self.is_text {
            // The first character of the rest (decoding only its bytes:
            // the whole rest at each spec would be quadratic).
            let rest = self.fmt.get(at..).unwrap_or(&[]);
            let len = match rest.first() {
                Some(&b) if b >= 0xf0 => 4,
                Some(&b) if b >= 0xe0 => 3,
                Some(&b) if b >= 0xc0 => 2,
                _ => 1,
            };
            let head = rest.get(..len.min(rest.len())).unwrap_or(&[]);
            std::str::from_utf8(head)
                .ok()
                .and_then(|c| c.chars().next())
        } else {
            self.peek().map(char::from)
        }
        .ok_or_else(Self::incomplete)?;
        self.pos += if self.is_text {
            conversion.len_utf8()
        } else {
            1
        };
        let index = if self.is_text {
            // Counted on from the previous spec's position.
            let (from, chars) = self.chars_before;
            let between = self.fmt.get(from..at).unwrap_or(&[]);
            let n = chars + between.iter().filter(|&&b| b & 0xc0 != 0x80).count();
            self.chars_before = (at, n);
            n
        } else {
            at
        };
        Ok(Piece::Spec(Spec {
            key,
            flags,
            width,
            precision,
            conversion,
            index,
            in_bytes: !self.is_text,
        }))
    }
}

impl<'a> Iterator for Parser<'a> {
    type Item = Result<Piece<'a>, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.fmt.len() {
            return None;
        }
        let rest = self.fmt.get(self.pos..)?;
        if rest.first() != Some(&b'%') {
            let n = rest.iter().position(|&b| b == b'%').unwrap_or(rest.len());
            self.pos += n;
            return Some(Ok(Piece::Literal(&rest[..n])));
        }
        self.pos += 1;
        if self.peek() == Some(b'%') {
            self.pos += 1;
            return Some(Ok(Piece::Percent));
        }
        let piece = self.spec();
        if piece.is_err() {
            self.failed = true;
        }
        Some(piece)
    }
}

/// The error for a conversion character `%` does not know, raised after
/// its argument was taken (`b` is known to bytes formats only).
pub fn check_conversion(spec: &Spec) -> Result<(), TextError> {
    let known =
        "sracdiuoxXeEfFgG".contains(spec.conversion) || (spec.conversion == 'b' && spec.in_bytes);
    if known {
        return Ok(());
    }
    Err(unsupported(spec.conversion, spec.index))
}

/// `unsupported format character 'y' (0x79) at index 3`.
pub fn unsupported(c: char, index: usize) -> TextError {
    let n = c as u32;
    let shown = if (32..=126).contains(&n) { c } else { '?' };
    TextError::value(format!(
        "unsupported format character '{shown}' (0x{n:x}) at index {index}"
    ))
}

/// A spec with its `*` counts taken: what the layout functions need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub flags: Flags,
    pub width: usize,
    pub precision: Option<usize>,
}

impl Layout {
    /// From a parsed spec and the values of its `*` counts (a negative
    /// `*` width means left-aligned, a negative `*` precision means 0).
    pub fn new(spec: &Spec, star_width: Option<i64>, star_precision: Option<i64>) -> Layout {
        let mut flags = spec.flags;
        let width = match spec.width {
            Some(Count::Value(w)) => w,
            Some(Count::Star) => {
                let w = star_width.unwrap_or(0);
                if w < 0 {
                    flags.left = true;
                }
                usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX)
            }
            None => 0,
        };
        let precision = match spec.precision {
            Some(Count::Value(p)) => Some(p),
            Some(Count::Star) => {
                Some(usize::try_from(star_precision.unwrap_or(0).max(0)).unwrap_or(0))
            }
            None => None,
        };
        Layout {
            flags,
            width,
            precision,
        }
    }
}

/// Lays out sign, prefix and digits in `width`: spaces on the right when
/// left-aligned, zeros after the sign with the `0` flag, else spaces on
/// the left.
fn pad_number(sign: &str, prefix: &str, body: &str, layout: &Layout) -> String {
    let len = sign.len() + prefix.len() + body.chars().count();
    let fill = layout.width.saturating_sub(len);
    let mut out = String::with_capacity(len + fill);
    if layout.flags.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if layout.flags.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    out
}

fn sign_of(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

/// `%d %i %u %o %x %X` of an int (the VM has turned floats and `__index__`
/// objects into ints): the precision is a minimum digit count, `#` adds
/// `0o`/`0x`/`0X`.
pub fn format_int(n: &Integer, conversion: char, layout: &Layout) -> String {
    let (base, prefix) = match conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mag = n.unsigned_abs();
    let mut digits = if conversion == 'X' {
        mag.to_string_base_upper(base)
    } else {
        mag.to_string_base(base)
    };
    if let Some(p) = layout.precision {
        if p > digits.len() {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let prefix = if layout.flags.alternate { prefix } else { "" };
    pad_number(sign_of(*n < 0, &layout.flags), prefix, &digits, layout)
}

/// `%e %E %f %F %g %G` of a float (precision 6 when absent).
pub fn format_float(x: f64, conversion: char, layout: &Layout) -> String {
    let kind = match conversion {
        'e' | 'E' => FloatKind::Exp,
        'f' | 'F' => FloatKind::Fixed,
        _ => FloatKind::General,
    };
    let flags = FloatFlags {
        alternate: layout.flags.alternate,
        add_dot_0: false,
        upper: conversion.is_ascii_uppercase(),
    };
    let body = float_repr::to_string(x.abs(), kind, layout.precision.unwrap_or(6), flags);
    let negative = x.is_sign_negative() && !x.is_nan();
    pad_number(sign_of(negative, &layout.flags), "", &body, layout)
}

/// `%s %r %a` of the text the VM got from `str()`/`repr()`/`ascii()`:
/// cut to the precision, padded with spaces to the width.
pub fn format_text(s: &str, layout: &Layout) -> String {
    let s = match layout.precision.and_then(|p| s.char_indices().nth(p)) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    pad_text(s, layout)
}

/// `%c` of a character: padded like text, precision ignored.
pub fn format_char(c: char, layout: &Layout) -> String {
    pad_text(c.encode_utf8(&mut [0; 4]), layout)
}

fn pad_text(s: &str, layout: &Layout) -> String {
    let fill = layout.width.saturating_sub(s.chars().count());
    let mut out = String::with_capacity(s.len() + fill);
    if layout.flags.left {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', fill));
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(s);
    }
    out
}

/// Bytes version of [`format_text`] (for `%s`, `%b`, `%r`, `%a`, `%c`
/// of bytes formats).
pub fn format_bytes(b: &[u8], layout: &Layout, truncate: bool) -> Vec<u8> {
    let b = match layout.precision {
        Some(p) if truncate && p < b.len() => &b[..p],
        _ => b,
    };
    let fill = layout.width.saturating_sub(b.len());
    let mut out = Vec::with_capacity(b.len() + fill);
    if layout.flags.left {
        out.extend_from_slice(b);
        out.resize(out.len() + fill, b' ');
    } else {
        out.resize(fill, b' ');
        out.extend_from_slice(b);
    }
    out
}

/// The error when the arguments run out.
pub fn not_enough_arguments() -> TextError {
    TextError::TypeError("not enough arguments for format string".into())
}

/// The error when arguments are left over.
pub fn not_all_converted() -> TextError {
    TextError::TypeError("not all arguments converted during string formatting".into())
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, outcome, py_str};
    use super::super::str_ops;
    use super::*;

    /// A stand-in for the VM: formats with a tuple of plain values, to
    /// check the parser and the layouts against CPython end to end.
    #[derive(Clone)]
    enum Arg {
        Int(i64),
        Big(Integer),
        Float(f64),
        Str(&'static str),
    }

    impl Arg {
        fn py(&self) -> String {
            match self {
                Arg::Int(i) => i.to_string(),
                Arg::Big(n) => n.to_string(),
                Arg::Float(x) => super::super::oracle::py_float(*x),
                Arg::Str(s) => py_str(s),
            }
        }
        fn type_name(&self) -> &'static str {
            match self {
                Arg::Int(_) | Arg::Big(_) => "int",
                Arg::Float(_) => "float",
                Arg::Str(_) => "str",
            }
        }
        fn str(&self) -> String {
            match self {
                Arg::Int(i) => i.to_string(),
                Arg::Big(n) => n.to_string(),
                Arg::Float(x) => float_repr::repr(*x),
                Arg::Str(s) => s.to_string(),
            }
        }
        fn repr(&self) -> String {
            match self {
                Arg::Str(s) => str_ops::repr(s),
                _ => self.str(),
            }
        }
    }

    fn run(fmt: &str, args: &[Arg]) -> Result<String, TextError> {
        let mut out = String::new();
        let mut next = 0;
        let take = |next: &mut usize| -> Result<Arg, TextError> {
            let a = args.get(*next).cloned().ok_or_else(not_enough_arguments)?;
            *next += 1;
            Ok(a)
        };
        for piece in Parser::for_str(fmt) {
            match piece? {
                Piece::Literal(t) => out.push_str(std::str::from_utf8(t).unwrap_or("")),
                Piece::Percent => out.push('%'),
                Piece::Spec(spec) => {
                    let star =
                        |c: Option<Count>, next: &mut usize| -> Result<Option<i64>, TextError> {
                            if c != Some(Count::Star) {
                                return Ok(None);
                            }
                            match take(next)? {
                                Arg::Int(i) => Ok(Some(i)),
                                _ => Err(TextError::TypeError("* wants int".into())),
                            }
                        };
                    let w = star(spec.width, &mut next)?;
                    let p = star(spec.precision, &mut next)?;
                    let layout = Layout::new(&spec, w, p);
                    let arg = take(&mut next)?;
                    check_conversion(&spec)?;
                    let c = spec.conversion;
                    let text = match (c, &arg) {
                        ('s', a) => format_text(&a.str(), &layout),
                        ('r', a) => format_text(&a.repr(), &layout),
                        ('a', Arg::Str(t)) => format_text(&str_ops::ascii(t), &layout),
                        ('a', a) => format_text(&a.repr(), &layout),
                        ('c', Arg::Int(i)) => {
                            format_char(char::from_u32(*i as u32).unwrap_or('?'), &layout)
                        }
                        ('d' | 'i' | 'u', Arg::Float(x)) => {
                            format_int(&Integer::from(x.trunc() as i64), c, &layout)
                        }
                        (_, Arg::Int(i)) if "diuoxX".contains(c) => {
                            format_int(&Integer::from(*i), c, &layout)
                        }
                        (_, Arg::Big(n)) if "diuoxX".contains(c) => format_int(n, c, &layout),
                        ('d' | 'i' | 'u', a) => {
                            return Err(TextError::TypeError(format!(
                                "%{c} format: a real number is required, not {}",
                                a.type_name()
                            )))
                        }
                        ('o' | 'x' | 'X', a) => {
                            return Err(TextError::TypeError(format!(
                                "%{c} format: an integer is required, not {}",
                                a.type_name()
                            )))
                        }
                        (_, Arg::Float(x)) => format_float(*x, c, &layout),
                        (_, Arg::Int(i)) => format_float(*i as f64, c, &layout),
                        (_, a) => {
                            return Err(TextError::TypeError(format!(
                                "must be real number, not {}",
                                a.type_name()
                            )))
                        }
                    };
                    out.push_str(&text);
                }
            }
        }
        if next < args.len() {
            return Err(not_all_converted());
        }
        Ok(out)
    }

    #[test]
    fn str_formats_match_cpython() {
        use Arg::*;
        let cases: Vec<(&str, Vec<Arg>)> = vec![
            ("%d %y", vec![Str("a"), Int(1)]),
            ("%y %d", vec![Str("a")]),
            ("%", vec![]),
            ("abc%", vec![]),
            ("%(a", vec![Int(1)]),
            ("%(a)s", vec![Int(1)]),
            ("%s", vec![]),
            ("%s %s", vec![Int(1)]),
            ("%s", vec![Int(1), Int(2)]),
            ("", vec![Int(1)]),
            ("", vec![]),
            ("%%", vec![]),
            ("%%", vec![Int(1)]),
            ("%5%", vec![]),
            ("%5%", vec![Int(1)]),
            ("%-5%|", vec![]),
            ("%*%", vec![Int(3), Int(4)]),
            ("%*d", vec![Int(5), Int(1)]),
            ("%*d", vec![Str("x"), Int(1)]),
            ("%.*f", vec![Int(2), Float(1.0)]),
            ("%*.*f", vec![Int(8), Int(2), Float(1.0)]),
            ("%-*d|", vec![Int(-5), Int(1)]),
            ("%*d|", vec![Int(-5), Int(1)]),
            ("%.*f", vec![Int(-2), Float(1.0)]),
            ("%d", vec![Float(1.5)]),
            ("%d", vec![Float(-3.99)]),
            ("%d", vec![Str("1")]),
            ("%u", vec![Int(-3)]),
            (
                "%x|%#x|%#X|%#o|%o",
                vec![Int(255), Int(255), Int(255), Int(8), Int(-8)],
            ),
            ("%x", vec![Float(1.5)]),
            ("%X", vec![Str("a")]),
            (
                "%c|%5c|%-5c|%.5c|%05c",
                vec![Int(65), Int(66), Int(67), Int(68), Int(69)],
            ),
            (
                "%5d|%-5d|%05d|%+d|% d|%+05d|%-05d",
                vec![Int(1), Int(2), Int(3), Int(4), Int(5), Int(6), Int(7)],
            ),
            (
                "%.3d|%.3x|%#.3x|%08.3d|%-08.3d|",
                vec![Int(5), Int(-5), Int(5), Int(5), Int(5)],
            ),
            (
                "%010.5d|%+x|% x|%-+5d|%-0+ #5d",
                vec![Int(-3), Int(255), Int(-255), Int(3), Int(1)],
            ),
            ("%#010x|%#-10x|%-#10o|", vec![Int(255), Int(255), Int(8)]),
            (
                "%e|%E|%f|%F|%g|%G",
                vec![
                    Float(1.5),
                    Float(1e100),
                    Float(1.0),
                    Float(f64::INFINITY),
                    Float(1e-5),
                    Float(1e20),
                ],
            ),
            (
                "%#g|%#.0f|%.0e|%+.2f|% f|%010.2f|%-10.2f|",
                vec![
                    Float(1.0),
                    Float(1.0),
                    Float(1.5),
                    Float(-0.0),
                    Float(f64::NAN),
                    Float(-1.5),
                    Float(1.5),
                ],
            ),
            (
                "%010f|%-010f|%+010.1f",
                vec![
                    Float(f64::INFINITY),
                    Float(f64::NEG_INFINITY),
                    Float(f64::NAN),
                ],
            ),
            ("%f", vec![Str("x")]),
            (
                "%d|%x|%o",
                vec![
                    Big(Integer::from(10u64.pow(18)) * Integer::from(10u64.pow(12))),
                    Big(-(Integer::from(1u64) << 100u32)),
                    Big(Integer::from(1u64) << 70u32),
                ],
            ),
            (
                "%s|%r|%5s|%-5s|%.1s|%5.1r|%.0s|",
                vec![
                    Str("é😀"),
                    Str("a'b"),
                    Str("ab"),
                    Str("cd"),
                    Str("ef"),
                    Str("xy"),
                    Str("abc"),
                ],
            ),
            (
                "%ld %li %lu %hd %Ld %lf",
                vec![Int(1), Int(2), Int(3), Int(4), Int(5), Float(1.5)],
            ),
            ("%l", vec![Int(1)]),
            (
                "%#s|%0s|%05s|% s|%+s",
                vec![Str("a"), Str("b"), Str("c"), Str("d"), Str("e")],
            ),
            ("%10.4", vec![Int(1)]),
            ("%.", vec![Int(1)]),
            ("%.f", vec![Float(1.5)]),
            ("%*", vec![Int(1)]),
            ("%s%%%s", vec![Int(1), Int(2)]),
            ("%sé%y", vec![Int(1)]),
            ("é%é", vec![Int(1)]),
            ("%\u{0}", vec![Int(1)]),
            ("%99999999999999999999d", vec![Int(1)]),
            ("%.99999999999999999999d", vec![Int(1)]),
            ("%.2147483648d", vec![Int(1)]),
            ("%.2147483647s", vec![Str("x")]),
            ("%s %", vec![Int(1)]),
            ("%s %", vec![]),
            (
                "%.3g|%#.3g|%.3g",
                vec![Float(0.0001), Float(0.0001), Float(100000.0)],
            ),
            ("%r|%s|%.3r", vec![Float(1.0), Float(1e16), Str("x")]),
            ("%b", vec![Int(1)]),
            ("%a", vec![Str("é")]),
        ];
        let checked: Vec<(String, String)> = cases
            .iter()
            .map(|(fmt, args)| {
                let tuple: Vec<String> = args.iter().map(Arg::py).collect();
                let src = format!(
                    "{}, ({}{})",
                    py_str(fmt),
                    tuple.join(", "),
                    if args.len() == 1 { "," } else { "" }
                );
                (src, outcome(&run(fmt, args)))
            })
            .collect();
        check("", "lambda f, a: f % a", &checked);
    }

    #[test]
    fn key_without_mapping_message() {
        let mut p = Parser::for_str("%(a)s");
        assert_eq!(
            p.next().and_then(Result::err),
            Some(TextError::TypeError("format requires a mapping".into()))
        );
        let mut p = Parser::for_str("%(a)s").with_mapping(true);
        assert!(matches!(
            p.next(),
            Some(Ok(Piece::Spec(Spec {
                key: Some(b"a"),
                ..
            })))
        ));
    }

    /// Expected message from CPython:
    /// `b'ab%5.2f%%\xff%y' % (1.0, 2)`.
    #[test]
    fn bytes_parse_positions() {
        let pieces: Vec<_> = Parser::for_bytes(b"ab%5.2f%%\xff%y").collect();
        assert_eq!(pieces.len(), 5);
        match &pieces[4] {
            Ok(Piece::Spec(s)) => {
                assert_eq!(s.index, 11);
                assert_eq!(
                    check_conversion(s).unwrap_err().message(),
                    "unsupported format character 'y' (0x79) at index 11"
                );
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
