//! The grammar of `str.format` strings as `_string` exposes it: splitting
//! a format string into literal text and replacement fields
//! (`{name!conv:spec}`), and a field name into its first part and the
//! `.attr` / `[key]` accessors after it. Errors carry CPython's messages;
//! both walks are lazy, so an error surfaces at the item where it is.

/// One step of a format string: literal text, then (unless the text ends
/// a doubled brace or the string) a field.
#[derive(Debug, PartialEq)]
pub struct Chunk {
    pub literal: String,
    pub field: Option<Field>,
}

/// A replacement field: name, format spec ("" if none) and conversion.
#[derive(Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub spec: String,
    pub conversion: Option<char>,
}

/// Reads one chunk at `*pos` of `s`; `None` at the end.
pub fn next_chunk(s: &[char], pos: &mut usize) -> Option<Result<Chunk, &'static str>> {
    if *pos >= s.len() {
        return None;
    }
    Some(read_chunk(s, pos))
}

fn read_chunk(s: &[char], pos: &mut usize) -> Result<Chunk, &'static str> {
    let start = *pos;
    let mut brace = None;
    while let Some(&c) = s.get(*pos) {
        *pos += 1;
        if c == '{' || c == '}' {
            brace = Some(c);
            break;
        }
    }
    let Some(b) = brace else {
        return Ok(Chunk {
            literal: s[start..*pos].iter().collect(),
            field: None,
        });
    };
    let next = s.get(*pos).copied();
    if b == '}' && next != Some('}') {
        return Err("Single '}' encountered in format string");
    }
    if next.is_none() {
        return Err("Single '{' encountered in format string");
    }
    if next == Some(b) {
        // A doubled brace: the text keeps one and no field follows.
        *pos += 1;
        return Ok(Chunk {
            literal: s[start..*pos - 1].iter().collect(),
            field: None,
        });
    }
    let literal = s[start..*pos - 1].iter().collect();
    let field = read_field(s, pos)?;
    Ok(Chunk {
        literal,
        field: Some(field),
    })
}

/// The field after a `{`, through its closing `}`.
fn read_field(s: &[char], pos: &mut usize) -> Result<Field, &'static str> {
    let name_start = *pos;
    let mut stop = None;
    while let Some(&c) = s.get(*pos) {
        *pos += 1;
        match c {
            '{' => return Err("unexpected '{' in field name"),
            // A key in brackets may hold any character but ']'.
            '[' => {
                while s.get(*pos).is_some_and(|&k| k != ']') {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(stop) = stop else {
        return Err("expected '}' before end of string");
    };
    let name = s[name_start..*pos - 1].iter().collect();
    let mut conversion = None;
    if stop == '}' {
        return Ok(Field {
            name,
            spec: String::new(),
            conversion,
        });
    }
    if stop == '!' {
        let Some(&c) = s.get(*pos) else {
            return Err("end of string while looking for conversion specifier");
        };
        *pos += 1;
        conversion = Some(c);
        if let Some(&after) = s.get(*pos) {
            *pos += 1;
            if after == '}' {
                return Ok(Field {
                    name,
                    spec: String::new(),
                    conversion,
                });
            }
            if after != ':' {
                return Err("expected ':' after conversion specifier");
            }
        }
    }
    // The spec runs to the `}` that balances the field's `{`.
    let spec_start = *pos;
    let mut depth = 1usize;
    while let Some(&c) = s.get(*pos) {
        *pos += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(Field {
                        name,
                        spec: s[spec_start..*pos - 1].iter().collect(),
                        conversion,
                    });
                }
            }
            _ => {}
        }
    }
    Err("unmatched '{' in format spec")
}

/// A part of a field name: a number (all decimal digits) or text.
#[derive(Debug, PartialEq)]
pub enum Key {
    Index(i64),
    Name(String),
}

/// An error of the field-name grammar.
pub const TOO_MANY_DIGITS: &str = "Too many decimal digits in format string";

/// Text that is all decimal digits as a number (`Err` if it does not fit
/// an index); other text as itself.
fn key(text: &[char]) -> Result<Key, &'static str> {
    if text.is_empty() || !text.iter().all(|c| c.is_ascii_digit()) {
        return Ok(Key::Name(text.iter().collect()));
    }
    let mut n: i64 = 0;
    for c in text {
        let d = i64::from(c.to_digit(10).unwrap_or(0) as u8);
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .ok_or(TOO_MANY_DIGITS)?;
    }
    Ok(Key::Index(n))
}

/// The first part of a field name and where the accessors after it start.
pub fn field_first(s: &[char]) -> Result<(Key, usize), &'static str> {
    let end = s
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(s.len());
    Ok((key(&s[..end])?, end))
}

/// The accessor at `*pos`: `(true, name)` for `.name`, `(false, key)`
/// for `[key]`; `None` at the end.
pub fn next_accessor(s: &[char], pos: &mut usize) -> Option<Result<(bool, Key), &'static str>> {
    let &c = s.get(*pos)?;
    *pos += 1;
    Some(match c {
        '.' => {
            let start = *pos;
            while s.get(*pos).is_some_and(|&k| k != '.' && k != '[') {
                *pos += 1;
            }
            if *pos == start {
                Err("Empty attribute in format string")
            } else {
                Ok((true, Key::Name(s[start..*pos].iter().collect())))
            }
        }
        '[' => {
            let start = *pos;
            while s.get(*pos).is_some_and(|&k| k != ']') {
                *pos += 1;
            }
            if *pos >= s.len() {
                Err("Missing ']' in format string")
            } else if *pos == start {
                Err("Empty attribute in format string")
            } else {
                let text = &s[start..*pos];
                *pos += 1;
                key(text).map(|k| (false, k))
            }
        }
        _ => Err("Only '.' or '[' may follow ']' in format field specifier"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(s: &str) -> Result<Vec<Chunk>, &'static str> {
        let s: Vec<char> = s.chars().collect();
        let mut pos = 0;
        let mut out = Vec::new();
        while let Some(c) = next_chunk(&s, &mut pos) {
            out.push(c?);
        }
        Ok(out)
    }

    #[test]
    fn splits_text_and_fields() {
        let c = chunks("a{0!r:>{w}}b{{").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].literal, "a");
        let f = c[0].field.as_ref().unwrap();
        assert_eq!(
            (f.name.as_str(), f.spec.as_str(), f.conversion),
            ("0", ">{w}", Some('r'))
        );
        assert_eq!(c[1].literal, "b{");
        assert!(c[1].field.is_none());
    }

    #[test]
    fn reports_cpythons_errors() {
        assert_eq!(
            chunks("}").unwrap_err(),
            "Single '}' encountered in format string"
        );
        assert_eq!(
            chunks("{").unwrap_err(),
            "Single '{' encountered in format string"
        );
        assert_eq!(chunks("{0!}").unwrap_err(), "unmatched '{' in format spec");
        assert_eq!(
            chunks("{[}").unwrap_err(),
            "expected '}' before end of string"
        );
        assert_eq!(
            chunks("{0[}]}").unwrap()[0].field.as_ref().unwrap().name,
            "0[}]"
        );
    }

    #[test]
    fn splits_field_names() {
        let s: Vec<char> = "01.a[2][x]".chars().collect();
        let (first, mut pos) = field_first(&s).unwrap();
        assert_eq!(first, Key::Index(1));
        let mut rest = Vec::new();
        while let Some(a) = next_accessor(&s, &mut pos) {
            rest.push(a.unwrap());
        }
        assert_eq!(
            rest,
            vec![
                (true, Key::Name("a".into())),
                (false, Key::Index(2)),
                (false, Key::Name("x".into()))
            ]
        );
        let big: Vec<char> = "9".repeat(30).chars().collect();
        assert_eq!(field_first(&big).unwrap_err(), TOO_MANY_DIGITS);
    }
}
