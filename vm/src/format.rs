//! String formatting: the format-spec mini-language (`format()`,
//! f-strings, `__format__` of int/float/str), `str.format`, and printf-style
//! `%` formatting for str and bytes.

use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::num::conversion::traits::ToStringBase;
use malachite::Integer;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::float::{as_float, float_repr};
use crate::objects::int::{as_int, to_integer};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A parsed format spec.
#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec.
pub fn parse_spec(vm: &mut Vm, s: &str) -> PyResult<Spec> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = c[start..i].iter().collect();
        sp.width = Some(
            w.parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let ps = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == ps {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        let p: String = c[ps..i].iter().collect();
        sp.precision = Some(
            p.parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(sp)
}

/// Pads `body` (with sign/prefix `prefix`) to the spec's width.
fn pad(sp: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let width = sp.width.unwrap_or(0);
    if len >= width {
        return format!("{prefix}{body}");
    }
    let fill_n = width - len;
    let (fill, align) = if sp.zero && sp.align.is_none() {
        (sp.fill.unwrap_or('0'), '=')
    } else {
        (sp.fill.unwrap_or(' '), sp.align.unwrap_or(default_align))
    };
    let f = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
    match align {
        '<' => format!("{prefix}{body}{}", f(fill_n)),
        '>' => format!("{}{prefix}{body}", f(fill_n)),
        '^' => format!("{}{prefix}{body}{}", f(fill_n / 2), f(fill_n - fill_n / 2)),
        _ => format!("{prefix}{}{body}", f(fill_n)),
    }
}

/// Inserts grouping separators every `every` digits of an integer part.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Zero-padding with grouping: widens the digits so the total reaches
/// `width` with separators inserted.
fn group_padded(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut d = digits.to_owned();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_len {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(int, spec)`.
pub fn format_int(vm: &mut Vm, i: &Integer, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = crate::objects::int::integer_to_f64(i)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"))?;
        return format_float(vm, f, spec);
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        let c = u32::try_from(i)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
        return Ok(pad(&sp, "", &c.to_string(), '<'));
    }
    let neg = *i < 0;
    let abs = Integer::from(i.unsigned_abs());
    let (digits, pfx, every) = match ty {
        'd' | 'n' => (abs.to_string(), "", 3),
        'x' => (abs.to_string_base(16), "0x", 4),
        'X' => (abs.to_string_base(16).to_uppercase(), "0X", 4),
        'o' => (abs.to_string_base(8), "0o", 4),
        'b' => (abs.to_string_base(2), "0b", 4),
        _ => {
            return Err(vm.value_error(format!(
                "Unknown format code '{ty}' for object of type 'int'"
            )));
        }
    };
    if ty == 'd' && digits.len() > vm.int_max_str_digits && vm.int_max_str_digits > 0 {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            vm.int_max_str_digits
        )));
    }
    let mut prefix = sign_str(neg, sp.sign).to_owned();
    if sp.alt {
        prefix.push_str(pfx);
    }
    let body = match sp.grouping {
        Some(g) => {
            if matches!(ty, 'x' | 'X' | 'o' | 'b') && g == ',' {
                return Err(vm.value_error(format!("Cannot specify ',' with '{ty}'.")));
            }
            if sp.zero && sp.align.is_none() {
                let min = sp.width.unwrap_or(0).saturating_sub(prefix.len());
                group_padded(&digits, g, every, min)
            } else {
                group(&digits, g, every)
            }
        }
        None => digits,
    };
    Ok(pad(&sp, &prefix, &body, '>'))
}

/// Formats a finite non-negative float in scientific notation with
/// `prec` digits after the point (Python style exponent).
fn sci(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{x:.prec$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let es = format!(
        "{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    );
    format!("{m}{es}")
}

/// Python's 'g' formatting of a finite non-negative float.
fn general(x: f64, prec: usize, upper: bool, alt: bool, repr_style: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let mut s = String::from("0");
        if alt {
            s.push('.');
            s.push_str(&"0".repeat(p - 1));
        } else if repr_style {
            s.push_str(".0");
        }
        return s;
    }
    let s = format!("{x:.prec$e}", prec = p - 1);
    let exp: i32 = s
        .split_once('e')
        .map(|(_, e)| e.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut out = if exp >= -4 && (exp as i64) < p as i64 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut f = format!("{x:.decimals$}");
        if !alt && f.contains('.') {
            while f.ends_with('0') {
                f.pop();
            }
            if f.ends_with('.') {
                f.pop();
            }
        }
        if repr_style && !f.contains('.') {
            f.push_str(".0");
        }
        f
    } else {
        let (m, _) = s.split_once('e').unwrap_or((&s, ""));
        let mut m = m.to_owned();
        if !alt && m.contains('.') {
            while m.ends_with('0') {
                m.pop();
            }
            if m.ends_with('.') {
                m.pop();
            }
        }
        format!(
            "{m}{}{}{:02}",
            if upper { 'E' } else { 'e' },
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    };
    if upper {
        out = out.to_uppercase();
    }
    out
}

/// `format(float, spec)`.
pub fn format_float(vm: &mut Vm, x: f64, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    if sp.ty.is_none()
        && sp.precision.is_none()
        && sp.width.is_none()
        && sp.sign.is_none()
        && sp.grouping.is_none()
        && !sp.z
    {
        return Ok(float_repr(x));
    }
    let ty = sp.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') {
            return Err(vm.value_error(format!(
                "Unknown format code '{t}' for object of type 'float'"
            )));
        }
    }
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let body = if a.is_nan() || a.is_infinite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_owned()
        };
        if matches!(ty, Some('%')) {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match ty {
            Some('e') | Some('E') => sci(a, sp.precision.unwrap_or(6), upper),
            Some('f') | Some('F') => {
                let p = sp.precision.unwrap_or(6);
                let mut s = format!("{a:.p$}");
                if sp.alt && p == 0 {
                    s.push('.');
                }
                s
            }
            Some('%') => {
                let p = sp.precision.unwrap_or(6);
                format!("{:.p$}%", a * 100.0)
            }
            Some('g') | Some('G') | Some('n') => {
                general(a, sp.precision.unwrap_or(6), upper, sp.alt, false)
            }
            _ => match sp.precision {
                Some(p) => general(a, p, false, sp.alt, true),
                None => float_repr(a),
            },
        }
    };
    if sp.z
        && neg
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-' | '%'))
    {
        neg = false;
    }
    let body = match sp.grouping {
        Some(g) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (&body[..i], &body[i..]),
                None => (&body[..], ""),
            };
            let prefix_len = sign_str(neg, sp.sign).len();
            let grouped = if sp.zero && sp.align.is_none() {
                let min = sp
                    .width
                    .unwrap_or(0)
                    .saturating_sub(prefix_len + rest.chars().count());
                group_padded(int_part, g, 3, min)
            } else {
                group(int_part, g, 3)
            };
            format!("{grouped}{rest}")
        }
        None => body,
    };
    Ok(pad(&sp, sign_str(neg, sp.sign), &body, '>'))
}

/// `format(str, spec)`.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(vm.value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
    }
    if sp.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    Ok(pad(&sp, "", &body, '<'))
}

/// `ascii()` escaping of a repr string.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        match v {
            Value::Int(i) => {
                let s = format_int(self, &Integer::from(*i), spec)?;
                return Ok(self.str_val(s));
            }
            Value::Float(f) => {
                let s = format_float(self, *f, spec)?;
                return Ok(self.str_val(s));
            }
            _ => {}
        }
        let sp = self.str_val(spec);
        let k = self.names.__format__.clone();
        match self.call_special(v, &k, &[sp])? {
            Some(r) => {
                if r.as_str().is_none() {
                    return Err(self.type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(&r)
                    )));
                }
                Ok(r)
            }
            None => Err(self.type_error(format!(
                "Type {} doesn't define __format__",
                self.type_name(v)
            ))),
        }
    }
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: Args) -> PyResult<String> {
    let pos: Vec<Value> = args.pos().to_vec();
    let kw: Vec<(String, Value)> = args.kw().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let mut auto = 0usize;
    let mut mode = 0u8; // 0 unknown, 1 auto, 2 manual
    format_impl(vm, fmt, &pos, &kw, &mut auto, &mut mode, 2)
}

fn format_impl(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(String, Value)],
    auto: &mut usize,
    mode: &mut u8,
    depth: u32,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching '}' (nested braces allowed in the spec).
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            // Split field into name, conversion, spec.
            let (name_conv, spec) = split_top(&field, ':');
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
                None => (&name_conv[..], None),
            };
            let value = resolve_field(vm, name, pos, kw, auto, mode)?;
            let value = match conv {
                None => value,
                Some("r") => {
                    let s = vm.repr(&value)?;
                    vm.str_val(s)
                }
                Some("s") => vm.str_value(&value)?,
                Some("a") => {
                    let s = vm.repr(&value)?;
                    vm.str_val(ascii_escape(&s))
                }
                Some(other) => {
                    let c = other.chars().next().unwrap_or(' ');
                    if other.is_empty() {
                        return Err(
                            vm.value_error("end of string while looking for conversion specifier")
                        );
                    }
                    return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
                }
            };
            let spec = match spec {
                Some(s) if s.contains('{') => {
                    if depth == 0 {
                        return Err(vm.value_error("Max string recursion exceeded"));
                    }
                    format_impl(vm, s, pos, kw, auto, mode, depth - 1)?
                }
                Some(s) => s.to_owned(),
                None => String::new(),
            };
            let r = vm.format(&value, &spec)?;
            out.push_str(r.as_str().unwrap_or(""));
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn split_top(s: &str, sep: char) -> (String, Option<&str>) {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return (s[..i].to_owned(), Some(&s[i + 1..])),
            _ => {}
        }
    }
    (s.to_owned(), None)
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    pos: &[Value],
    kw: &[(String, Value)],
    auto: &mut usize,
    mode: &mut u8,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if first.is_empty() {
        if *mode == 2 {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        *mode = 1;
        let idx = *auto;
        *auto += 1;
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )))
            }
        }
    } else if let Ok(idx) = first.parse::<usize>() {
        if *mode == 1 {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *mode = 2;
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )))
            }
        }
    } else {
        match kw.iter().find(|(k, _)| k == first) {
            Some((_, v)) => v.clone(),
            None => {
                let k = vm.str_val(first);
                return Err(vm.key_error(k));
            }
        }
    };
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == '.' {
            let s = i + 1;
            let mut e = s;
            while e < rest.len() && rest[e] != '.' && rest[e] != '[' {
                e += 1;
            }
            let attr: String = rest[s..e].iter().collect();
            let a = vm.intern(&attr);
            v = vm.get_attr(&v, &a)?;
            i = e;
        } else if rest[i] == '[' {
            let s = i + 1;
            let mut e = s;
            while e < rest.len() && rest[e] != ']' {
                e += 1;
            }
            let key: String = rest[s..e].iter().collect();
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => vm.str_val(key),
            };
            v = vm.get_item(&v, &k)?;
            i = e + 1;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}

/// printf-style `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let is_mapping = !args.as_tuple().is_some()
        && args.as_str().is_none()
        && (matches!(args.payload(), Some(Payload::Dict(_))) || {
            let k = vm.names.__getitem__.clone();
            vm.lookup_special(args, &k).is_some()
                && !matches!(args.payload(), Some(Payload::List(_) | Payload::Bytes(_)))
        });
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mut ai = 0usize;
    let mut used_mapping = false;
    let mut out = String::new();
    let mut i = 0;
    let next_arg = |vm: &mut Vm, ai: &mut usize| -> PyResult<Value> {
        match items.get(*ai) {
            Some(v) => {
                *ai += 1;
                Ok(v.clone())
            }
            None => Err(vm.type_error("not enough arguments for format string")),
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut mapped: Option<Value> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let ks = i + 1;
            let mut j = ks;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[ks..j - 1].iter().collect();
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let k = vm.str_val(key);
            mapped = Some(vm.get_item(args, &k)?);
            used_mapping = true;
            i = j;
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm, &mut ai)?;
            if !matches!(w, Value::Int(_) | Value::Bool(_)) {
                return Err(vm.type_error("* wants int"));
            }
            let w = vm.to_i64(&w)?;
            if w < 0 {
                flags.push('-');
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                width = chars[s..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(vm, &mut ai)?;
                if !matches!(p, Value::Int(_) | Value::Bool(_)) {
                    return Err(vm.type_error("* wants int"));
                }
                prec = Some(vm.to_i64(&p)?.max(0) as usize);
                i += 1;
            } else {
                let s = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(chars[s..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match mapped.take() {
            Some(v) => v,
            None => next_arg(vm, &mut ai)?,
        };
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let sign = if flags.contains('+') {
            Some('+')
        } else if flags.contains(' ') {
            Some(' ')
        } else {
            None
        };
        let alt = flags.contains('#');
        let mut spec = Spec {
            fill: None,
            align: Some(if left { '<' } else { '>' }),
            sign,
            z: false,
            alt,
            zero: false,
            width,
            grouping: None,
            precision: None,
            ty: None,
        };
        if zero {
            spec.align = Some('=');
            spec.fill = Some('0');
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str(&arg)?,
                    'r' => vm.repr(&arg)?,
                    _ => ascii_escape(&vm.repr(&arg)?),
                };
                let s: String = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                spec.fill = None;
                if spec.align == Some('=') {
                    spec.align = Some('>');
                }
                pad(&spec, "", &s, '>')
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = match to_integer(&arg) {
                    Some(i) => i,
                    None => match as_float(&arg) {
                        Some(f) if conv == 'd' || conv == 'i' || conv == 'u' => {
                            let v = crate::objects::float::float_to_int(vm, f)?;
                            to_integer(&v).unwrap_or_default()
                        }
                        _ => {
                            if matches!(conv, 'd' | 'i' | 'u') {
                                let k = vm.names.__int__.clone();
                                if vm.lookup_special(&arg, &k).is_some() {
                                    let v = vm.to_int(&arg)?;
                                    to_integer(&v).unwrap_or_default()
                                } else {
                                    return Err(vm.type_error(format!(
                                        "%{conv} format: a real number is required, not {}",
                                        vm.type_name(&arg)
                                    )));
                                }
                            } else if vm.is_index(&arg) {
                                vm.to_index(&arg)?
                            } else {
                                return Err(vm.type_error(format!(
                                    "%{conv} format: an integer is required, not {}",
                                    vm.type_name(&arg)
                                )));
                            }
                        }
                    },
                };
                let neg = iv < 0;
                let abs = Integer::from(iv.unsigned_abs());
                let mut digits = match conv {
                    'x' => abs.to_string_base(16),
                    'X' => abs.to_string_base(16).to_uppercase(),
                    'o' => abs.to_string_base(8),
                    _ => abs.to_string(),
                };
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let mut prefix = sign_str(neg, sign).to_owned();
                if alt {
                    prefix.push_str(match conv {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    });
                }
                pad(&spec, &prefix, &digits, '>')
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match as_float(&arg) {
                    Some(f) => f,
                    None => match as_int(&arg) {
                        Some(i) => crate::objects::int::int_to_f64(vm, &i)?,
                        None => {
                            let k = vm.names.__float__.clone();
                            if vm.lookup_special(&arg, &k).is_some() || vm.is_index(&arg) {
                                vm.to_float(&arg)?
                            } else {
                                return Err(vm.type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(&arg)
                                )));
                            }
                        }
                    },
                };
                let p = prec.unwrap_or(6);
                let neg = f.is_sign_negative() && !f.is_nan();
                let a = f.abs();
                let body = if a.is_nan() || a.is_infinite() {
                    let s = if a.is_nan() { "nan" } else { "inf" };
                    if conv.is_ascii_uppercase() {
                        s.to_uppercase()
                    } else {
                        s.to_owned()
                    }
                } else {
                    match conv {
                        'e' | 'E' => sci(a, p, conv == 'E'),
                        'f' | 'F' => {
                            let mut s = format!("{a:.p$}");
                            if alt && p == 0 {
                                s.push('.');
                            }
                            s
                        }
                        _ => general(a, p, conv == 'G', alt, false),
                    }
                };
                pad(&spec, sign_str(neg, sign), &body, '>')
            }
            'c' => {
                let ch = match &arg {
                    v if v.as_str().is_some() => {
                        let s = v.as_str().unwrap_or("");
                        if s.chars().count() != 1 {
                            return Err(vm.type_error("%c requires int or char"));
                        }
                        s.to_owned()
                    }
                    v => {
                        if !vm.is_index(v) {
                            return Err(vm.type_error("%c requires int or char"));
                        }
                        let n = vm.to_i64(v)?;
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(c) => c.to_string(),
                            None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                        }
                    }
                };
                spec.fill = None;
                if spec.align == Some('=') {
                    spec.align = Some('>');
                }
                pad(&spec, "", &ch, '>')
            }
            other => {
                let idx = start + (i - start) - 1;
                return Err(vm.value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {idx}",
                    other as u32
                )));
            }
        };
        out.push_str(&piece);
    }
    if ai < items.len() && !used_mapping && !(is_mapping && args.as_tuple().is_none()) {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// printf-style `bytes % args` (via the str implementation on latin-1).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let s: String = fmt.iter().map(|&b| b as char).collect();
    // Bytes arguments for %s/%b are inserted as latin-1 text.
    let conv_arg = |vm: &mut Vm, v: &Value| -> Value {
        match v.payload() {
            Some(Payload::Bytes(b)) => {
                let t: String = b.iter().map(|&c| c as char).collect();
                vm.str_val(t)
            }
            _ => v.clone(),
        }
    };
    let args2 = match args.as_tuple() {
        Some(t) => {
            let t = t.to_vec();
            let items: Vec<Value> = t.iter().map(|v| conv_arg(vm, v)).collect();
            vm.new_tuple(items)
        }
        None => conv_arg(vm, args),
    };
    let s = s.replace("%b", "%s");
    let r = percent_format(vm, &s, &args2)?;
    Ok(r.chars().map(|c| c as u32 as u8).collect())
}
