//! Invalid escape sequences in string literals: CPython 3.11 compiles them
//! (keeping the backslash) but issues a DeprecationWarning for the first
//! one of each literal.

/// The message for the first invalid escape in the raw text of a string
/// literal token (prefix and quotes included), if any.
pub fn first_invalid_escape(token: &str) -> Option<String> {
    let prefix_len = token.find(['\'', '"'])?;
    let prefix = token.get(..prefix_len)?.to_ascii_lowercase();
    if prefix.contains('r') {
        return None;
    }
    let bytes_literal = prefix.contains('b');
    let fstring = prefix.contains('f');
    let body = token.get(prefix_len..)?;
    let mut chars = body.chars().peekable();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        if fstring {
            // Escapes inside replacement fields belong to expressions.
            match c {
                '{' if chars.peek() == Some(&'{') && depth == 0 => {
                    chars.next();
                    continue;
                }
                '{' => {
                    depth += 1;
                    continue;
                }
                '}' if depth > 0 => {
                    depth -= 1;
                    continue;
                }
                _ if depth > 0 => continue,
                _ => {}
            }
        }
        if c != '\\' {
            continue;
        }
        let Some(next) = chars.next() else {
            break;
        };
        match next {
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {}
            'N' | 'u' | 'U' if !bytes_literal => {}
            '0'..='7' => {
                let mut digits = String::from(next);
                while digits.len() < 3 {
                    match chars.peek() {
                        Some(d @ '0'..='7') => {
                            digits.push(*d);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                if u32::from_str_radix(&digits, 8).unwrap_or(0) > 0o377 {
                    return Some(format!("invalid octal escape sequence '\\{digits}'"));
                }
            }
            other => return Some(format!("invalid escape sequence '\\{other}'")),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_invalid_escape;

    /// Messages from CPython 3.11's DeprecationWarnings for the same literals.
    #[test]
    fn matches_cpython() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#""\d""#, Some(r"invalid escape sequence '\d'")),
            (r#"b"\d""#, Some(r"invalid escape sequence '\d'")),
            (r#"r"\d""#, None),
            (r#""\777""#, Some(r"invalid octal escape sequence '\777'")),
            (r#"f"{1}\d""#, Some(r"invalid escape sequence '\d'")),
            (r#"b"\N{DASH}""#, Some(r"invalid escape sequence '\N'")),
            (r#""\u00e9\q\w""#, Some(r"invalid escape sequence '\q'")),
            (r#"b"\u1234""#, Some(r"invalid escape sequence '\u'")),
            (r#""\8""#, Some(r"invalid escape sequence '\8'")),
            (r#""\n\t\x41\101""#, None),
            ("\"\"\"a\nb\\d\"\"\"", Some(r"invalid escape sequence '\d'")),
        ];
        for (token, expected) in cases {
            assert_eq!(first_invalid_escape(token).as_deref(), *expected, "{token}");
        }
    }
}

/// CPython's SyntaxError message for an escape sequence that cannot be
/// decoded in the raw text of a string literal token (`"\x4"`,
/// `"\N{no such name}"`, ...), if any. Positions count bytes of the literal's
/// body the way CPython's decoder sees them (a non-ASCII character is ten:
/// CPython turns it into a `\U........` escape first).
pub fn decode_error(token: &str) -> Option<String> {
    let prefix_len = token.find(['\'', '"'])?;
    let prefix = token.get(..prefix_len)?.to_ascii_lowercase();
    if prefix.contains('r') {
        return None;
    }
    let bytes_literal = prefix.contains('b');
    let fstring = prefix.contains('f');
    let rest = token.get(prefix_len..)?;
    let quote_len = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let body = rest.get(quote_len..rest.len().saturating_sub(quote_len))?;
    let chars: Vec<char> = body.chars().collect();
    // CPython byte position of each char, and of the end.
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0usize;
    for c in &chars {
        pos.push(p);
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let unicode = |start: usize, end: usize, reason: &str| {
        Some(format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {reason}"
        ))
    };
    let at = |i: usize| pos.get(i).copied().unwrap_or(p);
    let hex_run = |from: usize, max: usize| {
        chars
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_hexdigit())
            .count()
    };
    let mut i = 0;
    let mut depth = 0usize;
    // In an f-string, positions restart after each replacement field.
    let mut base = 0usize;
    while let Some(&c) = chars.get(i) {
        if fstring {
            match c {
                '{' if chars.get(i + 1) == Some(&'{') && depth == 0 => {
                    i += 2;
                    continue;
                }
                '{' => {
                    depth += 1;
                    i += 1;
                    continue;
                }
                '}' if depth > 0 => {
                    depth -= 1;
                    i += 1;
                    if depth == 0 {
                        base = at(i);
                    }
                    continue;
                }
                _ if depth > 0 => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        if c != '\\' {
            i += 1;
            continue;
        }
        let start = at(i) - base;
        match chars.get(i + 1) {
            Some('x') => {
                let n = hex_run(i + 2, 2);
                if n < 2 {
                    return if bytes_literal {
                        Some(format!(
                            "(value error) invalid \\x escape at position {start}"
                        ))
                    } else {
                        unicode(start, start + 1 + n, "truncated \\xXX escape")
                    };
                }
                i += 2 + n;
            }
            Some('u') if !bytes_literal => {
                let n = hex_run(i + 2, 4);
                if n < 4 {
                    return unicode(start, start + 1 + n, "truncated \\uXXXX escape");
                }
                i += 2 + n;
            }
            Some('U') if !bytes_literal => {
                let n = hex_run(i + 2, 8);
                if n < 8 {
                    return unicode(start, start + 1 + n, "truncated \\UXXXXXXXX escape");
                }
                let digits: String = chars.get(i + 2..i + 10).unwrap_or(&[]).iter().collect();
                if u32::from_str_radix(&digits, 16)
                    .map_or(true, |v| char::from_u32(v).is_none() && v > 0x10ffff)
                {
                    return unicode(start, start + 9, "illegal Unicode character");
                }
                i += 10;
            }
            Some('N') if !bytes_literal => {
                if chars.get(i + 2) != Some(&'{') {
                    return unicode(start, start + 1, "malformed \\N character escape");
                }
                let Some(close) = chars
                    .get(i + 3..)
                    .and_then(|r| r.iter().position(|c| *c == '}'))
                else {
                    return unicode(
                        start,
                        at(chars.len()) - base - 1,
                        "malformed \\N character escape",
                    );
                };
                let name: String = chars
                    .get(i + 3..i + 3 + close)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let end = at(i + 3 + close) - base;
                if name.is_empty() {
                    return unicode(start, end, "malformed \\N character escape");
                }
                if unicode_names2::character(&name).is_none() {
                    return unicode(start, end, "unknown Unicode character name");
                }
                i += 4 + close;
            }
            Some(_) => i += 2,
            None => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod decode_tests {
    use super::decode_error;

    /// Messages from CPython 3.11's SyntaxErrors for the same literals.
    #[test]
    fn matches_cpython() {
        let u = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
        let cases: &[(&str, Option<String>)] = &[
            (
                r#""\N{foo}""#,
                Some(format!("{u}0-6: unknown Unicode character name")),
            ),
            (
                r#""ab\N{foo bar}cd""#,
                Some(format!("{u}2-12: unknown Unicode character name")),
            ),
            (r#""\x4""#, Some(format!("{u}0-2: truncated \\xXX escape"))),
            (r#""\x4g""#, Some(format!("{u}0-2: truncated \\xXX escape"))),
            (
                r#""\u12""#,
                Some(format!("{u}0-3: truncated \\uXXXX escape")),
            ),
            (
                r#""\U1234""#,
                Some(format!("{u}0-5: truncated \\UXXXXXXXX escape")),
            ),
            (
                r#""\U00110000""#,
                Some(format!("{u}0-9: illegal Unicode character")),
            ),
            (
                r#""\N{""#,
                Some(format!("{u}0-2: malformed \\N character escape")),
            ),
            (
                r#""\N""#,
                Some(format!("{u}0-1: malformed \\N character escape")),
            ),
            (
                r#"b"\x4""#,
                Some("(value error) invalid \\x escape at position 0".to_owned()),
            ),
            (
                r#""é\x4""#,
                Some(format!("{u}10-12: truncated \\xXX escape")),
            ),
            (
                "\"\"\"a\nb\\x4\"\"\"",
                Some(format!("{u}3-5: truncated \\xXX escape")),
            ),
            (r#"f"\x4""#, Some(format!("{u}0-2: truncated \\xXX escape"))),
            (
                r#""\N{EM DASH}\N{foo}""#,
                Some(format!("{u}11-17: unknown Unicode character name")),
            ),
            (r#""\N{EM DASH}\x41\u00e9""#, None),
            (r#"r"\x4""#, None),
        ];
        for (token, expected) in cases {
            assert_eq!(decode_error(token), *expected, "{token}");
        }
    }
}
