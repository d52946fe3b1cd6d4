//! Expressions back to source text, as CPython's C unparser writes them:
//! the strings that `from __future__ import annotations` stores as
//! annotations. Parentheses follow operator precedence, literals are
//! written as their `repr()`.

use crate::ast::{
    Arguments, BoolOp, CmpOp, Comprehension, Constant, Conversion, Expr, ExprKind, Keyword,
};
use crate::bytecode::{BinaryOperator, UnaryOperator};

// Precedence levels, loosest first (CPython's ast_unparse.c order).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text CPython would store for annotation `e`.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn paren_open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn paren_close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn join<'a>(out: &mut String, items: impl IntoIterator<Item = &'a Expr>, level: u8) {
    for (i, e) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn binop(op: BinaryOperator) -> (&'static str, u8) {
    use BinaryOperator as B;
    match op {
        B::Add => (" + ", PR_ARITH),
        B::Subtract => (" - ", PR_ARITH),
        B::Multiply => (" * ", PR_TERM),
        B::MatMultiply => (" @ ", PR_TERM),
        B::TrueDivide => (" / ", PR_TERM),
        B::Modulo => (" % ", PR_TERM),
        B::FloorDivide => (" // ", PR_TERM),
        B::LShift => (" << ", PR_SHIFT),
        B::RShift => (" >> ", PR_SHIFT),
        B::Or => (" | ", PR_EXPR),
        B::Xor => (" ^ ", PR_BXOR),
        B::And => (" & ", PR_BAND),
        B::Power => (" ** ", PR_POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(out, e, level));
}

fn expr_inner(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            paren_open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1);
            }
            paren_close(out, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop(*op);
            let rassoc = u8::from(*op == BinaryOperator::Power);
            paren_open(out, level > pr);
            expr(out, left, pr + rassoc);
            out.push_str(text);
            expr(out, right, pr + 1 - rassoc);
            paren_close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOperator::Not => ("not ", PR_NOT),
                UnaryOperator::Invert => ("~", PR_FACTOR),
                UnaryOperator::Positive => ("+", PR_FACTOR),
                UnaryOperator::Negative => ("-", PR_FACTOR),
            };
            paren_open(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr);
            paren_close(out, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            paren_open(out, level > PR_TEST);
            let positional = args.posonlyargs.len() + args.args.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args);
            out.push_str(": ");
            expr(out, body, PR_TEST);
            paren_close(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren_open(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            paren_close(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                join(out, elts, PR_TEST);
                out.push('}');
            }
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::Await(v) => {
            paren_open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, v, PR_ATOM);
            paren_close(out, level > PR_AWAIT);
        }
        ExprKind::Yield(v) => match v {
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield from ");
            expr(out, v, PR_TEST);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren_open(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, c, PR_CMP + 1);
            }
            paren_close(out, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(out, func, args, keywords),
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
            let mut body = String::new();
            fstring_element(&mut body, e);
            out.push('f');
            out.push_str(&str_repr(&body));
        }
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, PR_ATOM);
            let int_value = matches!(
                value.kind,
                ExprKind::Constant(Constant::Int(_) | Constant::BigInt(_))
            );
            out.push_str(if int_value { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple(elts) if !elts.is_empty() => {
                    join(out, elts, PR_TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            expr(out, v, PR_EXPR);
        }
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::List(elts) => {
            out.push('[');
            join(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple(elts) => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren_open(out, level > PR_TUPLE);
                join(out, elts, PR_TEST);
                if elts.len() == 1 {
                    out.push(',');
                }
                paren_close(out, level > PR_TUPLE);
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::NamedExpr { target, value } => {
            paren_open(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            paren_close(out, level > PR_TUPLE);
        }
    }
}

fn call(out: &mut String, func: &Expr, args: &[Expr], keywords: &[Keyword]) {
    expr(out, func, PR_ATOM);
    if let ([only], []) = (args, keywords) {
        if matches!(only.kind, ExprKind::GeneratorExp { .. }) {
            // A sole generator argument brings its own parentheses.
            expr(out, only, PR_TEST);
            return;
        }
    }
    out.push('(');
    let mut first = true;
    for a in args {
        if !first {
            out.push_str(", ");
        }
        first = false;
        expr(out, a, PR_TEST);
    }
    for k in keywords {
        if !first {
            out.push_str(", ");
        }
        first = false;
        match &k.arg {
            Some(name) => {
                out.push_str(name);
                out.push('=');
                expr(out, &k.value, PR_TEST);
            }
            None => {
                out.push_str("**");
                expr(out, &k.value, PR_EXPR);
            }
        }
    }
    out.push(')');
}

fn comprehensions(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn arguments(out: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<_> = a.posonlyargs.iter().chain(&a.args).collect();
    let first_default = positional.len().saturating_sub(a.defaults.len());
    for (i, p) in positional.iter().enumerate() {
        sep(out);
        out.push_str(&p.name);
        if let Some(d) = i.checked_sub(first_default).and_then(|j| a.defaults.get(j)) {
            out.push('=');
            expr(out, d, PR_TEST);
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if let Some(v) = &a.vararg {
        sep(out);
        out.push('*');
        out.push_str(&v.name);
    } else if !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
    }
    for (p, d) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        sep(out);
        out.push_str(&p.name);
        if let Some(d) = d {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.name);
    }
}

/// The inside of an f-string: literal parts with braces doubled, and
/// replacement fields.
fn fstring_element(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::JoinedStr(values) => {
            for v in values {
                fstring_element(out, v);
            }
        }
        ExprKind::Constant(Constant::Str(s)) => {
            out.push_str(&s.replace('{', "{{").replace('}', "}}"));
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let mut inner = String::new();
            expr(&mut inner, value, PR_TEST + 1);
            out.push('{');
            if inner.starts_with('{') {
                out.push(' ');
            }
            out.push_str(&inner);
            match conversion {
                Conversion::None => {}
                Conversion::Str => out.push_str("!s"),
                Conversion::Repr => out.push_str("!r"),
                Conversion::Ascii => out.push_str("!a"),
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_element(out, spec);
            }
            out.push('}');
        }
        _ => expr(out, e, PR_TEST),
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::BigInt(b) => out.push_str(&b.to_string()),
        Constant::Float(f) => out.push_str(&float_repr(*f, true)),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                out.push_str(&float_repr(*imag, false));
                out.push('j');
            } else {
                out.push('(');
                out.push_str(&float_repr(*real, false));
                if *imag >= 0.0 || imag.is_nan() {
                    out.push('+');
                }
                out.push_str(&float_repr(*imag, false));
                out.push_str("j)");
            }
        }
        Constant::Str(s) => out.push_str(&str_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::Ellipsis => out.push_str("..."),
        Constant::Code(_) => out.push_str("<code>"),
    }
}

/// Python's `repr(float)` (shortest round-trip digits, exponent form
/// below 1e-4 and from 1e16); infinity is written `1e309` as CPython's
/// unparser does. Without `point`, an integral value gets no `.0` (the
/// parts of a complex repr).
pub fn float_repr(f: f64, point: bool) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "1e309" } else { "-1e309" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: d.ddddde[-]x
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let (head, tail) = digits.split_at(1);
        let frac = if tail.is_empty() {
            String::new()
        } else {
            format!(".{tail}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{head}{frac}e{esign}{:02}", exp.abs());
    }
    let point_at = exp + 1;
    let body = if point_at <= 0 {
        format!("0.{}{digits}", "0".repeat((-point_at) as usize))
    } else if (point_at as usize) >= digits.len() {
        let zeros = "0".repeat(point_at as usize - digits.len());
        if point {
            format!("{digits}{zeros}.0")
        } else {
            format!("{digits}{zeros}")
        }
    } else {
        let (a, b) = digits.split_at(point_at as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !c.is_ascii() && crate::scan::non_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::{bytes_repr, float_repr, str_repr};

    /// Expected values are CPython 3.11's `repr()` of the same values.
    #[test]
    fn float_repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5e-05, "1.5e-05"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-4, "0.0001"),
            (9.999e-5, "9.999e-05"),
            (2.5, "2.5"),
            (1e22, "1e+22"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (100.0, "100.0"),
            (0.30000000000000004, "0.30000000000000004"),
            (-2.5e-10, "-2.5e-10"),
            (1234.5678, "1234.5678"),
        ];
        for (v, expected) in cases {
            assert_eq!(float_repr(*v, true), *expected);
        }
    }

    #[test]
    fn str_and_bytes_repr_match_cpython() {
        // repr() of the same values in CPython 3.11.
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
        assert_eq!(str_repr("\n\t\\\x00\x7f"), "'\\n\\t\\\\\\x00\\x7f'");
        assert_eq!(str_repr("é\u{2028}\u{a0}"), "'é\\u2028\\xa0'");
        assert_eq!(bytes_repr(b"\x00a'"), "b\"\\x00a'\"");
        assert_eq!(bytes_repr(b"\xff\"'"), "b'\\xff\"\\''");
    }
}
