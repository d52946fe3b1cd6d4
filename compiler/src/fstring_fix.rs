//! What CPython 3.11 accepts inside an f-string's replacement fields that
//! the parser crate's own f-string scanner does not. The crate ends a
//! nested string at the next quote of its kind, so a nested triple-quoted
//! string holding that quote (`f'''{"""a"b"""}'''`) derails it. This file
//! scans the fields as CPython's `fstring_find_expr` does (nested strings,
//! brackets, the conversion and the format spec with its own fields),
//! raises CPython's errors for a backslash or a `#` in an expression, and
//! rewrites such a nested string as an equal implicit concatenation of
//! pieces the crate can scan (`"a" '"' "b"`). The token keeps its span, so
//! locations are unchanged.

/// The checked (and, if needed, rewritten) body of an f-string token;
/// `Err` holds CPython's SyntaxError message.
pub fn fix(body: &str) -> Result<Option<String>, String> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len());
    let mut changed = false;
    let mut i = 0;
    literal(&chars, &mut i, &mut out, &mut changed, 0)?;
    Ok(changed.then_some(out))
}

/// Copies literal text and fields until the end, or (in a format spec,
/// `depth > 0`) until the `}` closing the field.
fn literal(
    c: &[char],
    i: &mut usize,
    out: &mut String,
    changed: &mut bool,
    depth: u32,
) -> Result<(), String> {
    while let Some(&ch) = c.get(*i) {
        match ch {
            '{' if depth == 0 && c.get(*i + 1) == Some(&'{') => {
                out.push_str("{{");
                *i += 2;
            }
            '{' => {
                out.push('{');
                *i += 1;
                field(c, i, out, changed, depth)?;
            }
            '}' if depth > 0 => return Ok(()),
            _ => {
                out.push(ch);
                *i += 1;
            }
        }
    }
    Ok(())
}

/// One replacement field after its `{`: the expression, `=`, the
/// conversion, the format spec; copies through the closing `}`.
fn field(
    c: &[char],
    i: &mut usize,
    out: &mut String,
    changed: &mut bool,
    depth: u32,
) -> Result<(), String> {
    expression(c, i, out, changed)?;
    // Whatever follows (`=`, `!r`, `:spec`, `}`) is the crate's to check;
    // a spec may hold fields of its own.
    while let Some(&ch) = c.get(*i) {
        out.push(ch);
        *i += 1;
        match ch {
            ':' => {
                literal(c, i, out, changed, depth + 1)?;
                if let Some(&'}') = c.get(*i) {
                    out.push('}');
                    *i += 1;
                }
                return Ok(());
            }
            '}' => return Ok(()),
            _ => {}
        }
    }
    Ok(())
}

/// The expression of a field, up to a top-level `!`, `:`, `}` or `=` (not
/// part of `!=`, `==`, `<=`, `>=`).
fn expression(
    c: &[char],
    i: &mut usize,
    out: &mut String,
    changed: &mut bool,
) -> Result<(), String> {
    let mut parens: Vec<char> = Vec::new();
    let begin = out.len();
    while let Some(&ch) = c.get(*i) {
        let depth = parens.len();
        match ch {
            '\\' => return Err("f-string expression part cannot include a backslash".into()),
            '\'' | '"' => {
                nested_string(c, i, out, changed)?;
                continue;
            }
            '[' | '(' | '{' => parens.push(ch),
            ']' | ')' | '}' if depth > 0 => {
                let open = parens.pop().unwrap_or('(');
                if !matches!((open, ch), ('(', ')') | ('[', ']') | ('{', '}')) {
                    return Err(format!(
                        "f-string: closing parenthesis '{ch}' does not match opening parenthesis '{open}'"
                    ));
                }
            }
            ']' | ')' => return Err(format!("f-string: unmatched '{ch}'")),
            '#' => return Err("f-string expression part cannot include '#'".into()),
            '!' | ':' | '}' | '=' | '<' | '>' if depth == 0 => {
                let next = c.get(*i + 1).copied();
                if next == Some('=') && matches!(ch, '!' | '=' | '<' | '>') {
                    out.push(ch);
                    out.push('=');
                    *i += 2;
                    continue;
                }
                if !matches!(ch, '<' | '>') {
                    if out.get(begin..).is_some_and(|e| e.trim().is_empty()) {
                        return Err("f-string: empty expression not allowed".into());
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        out.push(ch);
        *i += 1;
    }
    // The token ended inside the expression (a nested string closed it).
    Err("f-string: expecting '}'".into())
}

/// A string literal inside an expression, starting at its quote; its
/// prefix letters were already copied.
fn nested_string(
    c: &[char],
    i: &mut usize,
    out: &mut String,
    changed: &mut bool,
) -> Result<(), String> {
    let Some(&q) = c.get(*i) else {
        return Ok(());
    };
    let triple = c.get(*i + 1) == Some(&q) && c.get(*i + 2) == Some(&q);
    let open = if triple { 3 } else { 1 };
    let start = *i + open;
    let mut j = start;
    let end = loop {
        match c.get(j) {
            None => return Err("f-string: unterminated string".into()),
            Some('\\') => return Err("f-string expression part cannot include a backslash".into()),
            Some(&ch) if ch == q => {
                if !triple {
                    break j;
                }
                if c.get(j + 1) == Some(&q) && c.get(j + 2) == Some(&q) {
                    break j;
                }
                j += 1;
            }
            Some(_) => j += 1,
        }
    };
    let content = c.get(start..end).unwrap_or_default();
    *i = end + open;
    let prefix = string_prefix(out);
    let needs_rewrite = triple && content.iter().any(|&ch| ch == q || ch == '\n');
    if !needs_rewrite || prefix.contains(['f', 'F']) {
        let mut text = String::new();
        for _ in 0..open {
            text.push(q);
        }
        text.extend(content.iter());
        for _ in 0..open {
            text.push(q);
        }
        out.push_str(&text);
        return Ok(());
    }
    *changed = true;
    // The prefix is already written before the first piece; later pieces
    // repeat it (a newline piece drops `r`, which needs an escape).
    let other = if q == '"' { '\'' } else { '"' };
    let bytes = prefix.contains(['b', 'B']);
    let mut pieces = 0usize;
    let mut piece = |out: &mut String, delim: char, text: &str, raw_ok: bool| {
        if pieces > 0 {
            out.push(' ');
            if raw_ok {
                out.push_str(&prefix);
            } else if bytes {
                out.push('b');
            }
        }
        pieces += 1;
        out.push(delim);
        out.push_str(text);
        out.push(delim);
    };
    let mut run = String::new();
    let empty = content.is_empty();
    for &ch in content {
        if ch == q || ch == '\n' {
            if !run.is_empty() {
                piece(out, q, &run, true);
                run.clear();
            }
            if ch == q {
                piece(out, other, &q.to_string(), true);
            } else {
                piece(out, q, "\\n", false);
            }
        } else {
            run.push(ch);
        }
    }
    if !run.is_empty() || empty {
        piece(out, q, &run, true);
    }
    Ok(())
}

/// The string prefix letters just written (`r`, `b`, `rb`, `u`, `f`, ...).
fn string_prefix(out: &str) -> String {
    let tail: String = out
        .chars()
        .rev()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect();
    let tail: String = tail.chars().rev().collect();
    if tail.len() <= 2 && tail.chars().all(|ch| "rRbBuUfF".contains(ch)) {
        tail
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::fix;

    #[test]
    fn plain_fields_are_left_alone() {
        assert_eq!(fix("a{b}c{d!r:>{w}}"), Ok(None));
        assert_eq!(fix("{'''x'''}"), Ok(None));
        assert_eq!(fix("{{}}{a != b}"), Ok(None));
    }

    #[test]
    fn nested_triple_quotes_holding_their_quote_are_split() {
        assert_eq!(
            fix("x{\"\"\"a\"b\"\"\"}y"),
            Ok(Some("x{\"a\" '\"' \"b\"}y".to_owned()))
        );
        assert_eq!(
            fix("{r'''a'\nb'''}"),
            Ok(Some("{r'a' r\"'\" '\\n' r'b'}".to_owned()))
        );
    }

    #[test]
    fn backslash_and_comment_are_errors() {
        assert!(fix("{'\\n'}").is_err());
        assert!(fix("{a#}").is_err());
        assert_eq!(fix("{'#'}"), Ok(None));
        assert_eq!(fix("\\n{a}"), Ok(None));
        assert_eq!(fix("{"), Err("f-string: expecting '}'".into()));
        assert_eq!(
            fix("{f\"\"\"{"),
            Err("f-string: unterminated string".into())
        );
        assert_eq!(fix("{'''x"), Err("f-string: unterminated string".into()));
    }
}
