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
