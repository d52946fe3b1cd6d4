//! The syntax of `str.format` / `str.format_map` templates: literal text,
//! `{{`/`}}` escapes, replacement fields `{name!conv:spec}`, and field
//! names with attribute and index access (`{0.attr[key]}`), with CPython's
//! error messages and automatic-numbering rules.
//!
//! Looking fields up, converting and formatting the objects is the VM's
//! part. CPython's order, which the VM follows per field: look the object
//! up (numbering errors, IndexError/KeyError, attribute and item access),
//! apply the conversion ([`check_conversion`]), expand a nested spec
//! (recursing at most [`MAX_RECURSION`] levels), then call `__format__`.

use super::unicode_class as uc;
use super::TextError;

/// How deep specs may nest fields: `'{0:{1}}'` is fine,
/// `'{0:{1:{2}}}'` is "Max string recursion exceeded".
pub const MAX_RECURSION: usize = 2;

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item<'a> {
    /// Text to copy (escapes already undone).
    Literal(&'a str),
    Field(Field<'a>),
}

/// A replacement field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field name, parsed by [`parse_field_name`].
    pub name: &'a str,
    /// The character after `!`.
    pub conversion: Option<char>,
    /// The format spec, which may itself contain fields.
    pub spec: &'a str,
    /// Whether `spec` contains `{` and so must be expanded first.
    pub spec_has_fields: bool,
}

/// Iterates over the pieces of a template.
pub struct Template<'a> {
    s: &'a str,
    pos: usize,
    failed: bool,
}

/// Parses a template lazily (CPython reports a malformed field only when
/// it reaches it).
pub fn parse(s: &str) -> Template<'_> {
    Template {
        s,
        pos: 0,
        failed: false,
    }
}

impl<'a> Template<'a> {
    fn field(&mut self) -> Result<Field<'a>, TextError> {
        let s = self.s;
        let bytes = s.as_bytes();
        let start = self.pos;
        let mut i = start;
        // The field name ends at '}', ':' or '!' outside brackets.
        let mut stop = None;
        while i < bytes.len() {
            match bytes[i] {
                b'{' => return Err(TextError::value("unexpected '{' in field name")),
                b'[' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b']' {
                        i += 1;
                    }
                    continue;
                }
                c @ (b'}' | b':' | b'!') => {
                    stop = Some(c);
                    break;
                }
                _ => i += 1,
            }
        }
        let name = &s[start..i.min(s.len())];
        let Some(stop) = stop else {
            return Err(TextError::value("expected '}' before end of string"));
        };
        i += 1;
        if stop == b'}' {
            self.pos = i;
            return Ok(Field {
                name,
                conversion: None,
                spec: "",
                spec_has_fields: false,
            });
        }
        let mut conversion = None;
        if stop == b'!' {
            let c = s.get(i..).and_then(|r| r.chars().next()).ok_or_else(|| {
                TextError::value("end of string while looking for conversion specifier")
            })?;
            conversion = Some(c);
            i += c.len_utf8();
            if let Some(&next) = bytes.get(i) {
                i += 1;
                if next == b'}' {
                    self.pos = i;
                    return Ok(Field {
                        name,
                        conversion,
                        spec: "",
                        spec_has_fields: false,
                    });
                }
                if next != b':' {
                    return Err(TextError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = i;
        let mut depth = 1;
        let mut has_fields = false;
        while i < bytes.len() {
            match bytes[i] {
                b'{' => {
                    has_fields = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos = i + 1;
                        return Ok(Field {
                            name,
                            conversion,
                            spec: &s[spec_start..i],
                            spec_has_fields: has_fields,
                        });
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Err(TextError::value("unmatched '{' in format spec"))
    }
}

impl<'a> Iterator for Template<'a> {
    type Item = Result<Item<'a>, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.s.len() {
            return None;
        }
        let s = self.s;
        let bytes = s.as_bytes();
        let start = self.pos;
        let brace = bytes[start..]
            .iter()
            .position(|&b| b == b'{' || b == b'}')
            .map(|n| start + n);
        let Some(at) = brace else {
            self.pos = s.len();
            return Some(Ok(Item::Literal(&s[start..])));
        };
        let c = bytes[at];
        let doubled = bytes.get(at + 1) == Some(&c);
        if doubled {
            // `{{` or `}}`: the text up to and including one brace.
            self.pos = at + 2;
            return Some(Ok(Item::Literal(&s[start..at + 1])));
        }
        if c == b'}' {
            self.failed = true;
            return Some(Err(TextError::value(
                "Single '}' encountered in format string",
            )));
        }
        if at + 1 >= s.len() {
            self.failed = true;
            return Some(Err(TextError::value(
                "Single '{' encountered in format string",
            )));
        }
        if at > start {
            // The literal first; the field comes on the next call.
            self.pos = at;
            return Some(Ok(Item::Literal(&s[start..at])));
        }
        self.pos = at + 1;
        let field = self.field();
        if field.is_err() {
            self.failed = true;
        }
        Some(field.map(Item::Field))
    }
}

/// The first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// Empty: the next automatic number.
    Auto,
    /// All decimal digits (of any script): a positional index.
    Index(usize),
    /// A keyword name.
    Name(&'a str),
}

/// One `.attr` or `[key]` step after the first part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access<'a> {
    Attr(&'a str),
    /// `[digits]`: an int key.
    Index(usize),
    /// `[text]`: a str key.
    Key(&'a str),
}

/// The value of text made only of decimal digits (any script), `None`
/// for empty or other text.
fn decimal_index(s: &str) -> Result<Option<usize>, TextError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for c in s.chars() {
        let Some(d) = uc::decimal_value(c) else {
            return Ok(None);
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| TextError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(value))
}

/// A parsed field name: its first part, then access steps read lazily,
/// since CPython applies each step before it looks at the next (so an
/// attribute error comes before a syntax error further on).
#[derive(Debug, Clone)]
pub struct FieldName<'a> {
    pub key: FieldKey<'a>,
    rest: &'a str,
}

/// Splits a field name into its first part and the rest.
pub fn parse_field_name(name: &str) -> Result<FieldName<'_>, TextError> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let key = if first.is_empty() {
        FieldKey::Auto
    } else {
        match decimal_index(first)? {
            Some(i) => FieldKey::Index(i),
            None => FieldKey::Name(first),
        }
    };
    Ok(FieldName {
        key,
        rest: &name[first_end..],
    })
}

impl<'a> Iterator for FieldName<'a> {
    type Item = Result<Access<'a>, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        let c = self.rest.chars().next()?;
        let rest = &self.rest[c.len_utf8()..];
        let step = match c {
            '.' => {
                let end = rest.find(['.', '[']).unwrap_or(rest.len());
                self.rest = &rest[end..];
                if end == 0 {
                    Err(TextError::value("Empty attribute in format string"))
                } else {
                    Ok(Access::Attr(&rest[..end]))
                }
            }
            '[' => match rest.find(']') {
                None => Err(TextError::value("Missing ']' in format string")),
                Some(0) => Err(TextError::value("Empty attribute in format string")),
                Some(end) => {
                    self.rest = &rest[end + 1..];
                    let key = &rest[..end];
                    decimal_index(key).map(|i| match i {
                        Some(i) => Access::Index(i),
                        None => Access::Key(key),
                    })
                }
            },
            _ => Err(TextError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            )),
        };
        if step.is_err() {
            self.rest = "";
        }
        Some(step)
    }
}

/// Automatic field numbering across one `format()` call, nested specs
/// included.
#[derive(Debug, Default, Clone)]
pub struct Numbering {
    next: usize,
    auto_used: bool,
    manual_used: bool,
}

impl Numbering {
    pub fn new() -> Self {
        Numbering::default()
    }

    /// The positional index for a field key (`None` for a name), checking
    /// that automatic and manual numbering are not mixed.
    pub fn index(&mut self, key: &FieldKey) -> Result<Option<usize>, TextError> {
        match key {
            FieldKey::Auto => {
                if self.manual_used {
                    return Err(TextError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.auto_used = true;
                let i = self.next;
                self.next += 1;
                Ok(Some(i))
            }
            FieldKey::Index(i) => {
                if self.auto_used {
                    return Err(TextError::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.manual_used = true;
                Ok(Some(*i))
            }
            FieldKey::Name(_) => Ok(None),
        }
    }
}

/// The IndexError for a positional field past the arguments.
pub fn index_out_of_range(i: usize) -> TextError {
    TextError::IndexError(format!(
        "Replacement index {i} out of range for positional args tuple"
    ))
}

/// The error of `format_map` when the template has positional fields.
pub fn positional_in_format_map() -> TextError {
    TextError::value("Format string contains positional fields")
}

/// The error when specs nest too deep.
pub fn recursion_exceeded() -> TextError {
    TextError::value("Max string recursion exceeded")
}

/// Checks a conversion character: `r`, `s` or `a`.
pub fn check_conversion(c: char) -> Result<char, TextError> {
    match c {
        'r' | 's' | 'a' => Ok(c),
        _ => {
            let n = c as u32;
            let shown = if n > 32 && n < 127 {
                c.to_string()
            } else {
                format!("\\x{n:x}")
            };
            Err(TextError::value(format!(
                "Unknown conversion specifier {shown}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, outcome, py_str};
    use super::super::{format_spec, str_ops};
    use super::*;

    /// A stand-in for the VM with one kind of object, `O`, whose
    /// attributes, items and `__format__` are strings (as in the Python
    /// prelude), plus str values.
    #[derive(Clone)]
    enum V {
        O,
        S(String),
    }

    const PRELUDE: &str = r#"
class O:
    def __getattr__(self, n): return 'attr:' + n
    def __getitem__(self, k): return 'item:' + repr(k)
    def __format__(self, spec): return 'fmt:' + spec
    def __repr__(self): return 'O()'
    def __str__(self): return 'str-O'
o = O()
def _fmt(t):
    return t.format(o, 'S', o, a=o, b='B')
def _map(t):
    return t.format_map({'a': o, 'b': 'B'})
"#;

    fn lookup(v: V, step: &Access) -> Result<V, TextError> {
        match (v, step) {
            (V::O, Access::Attr(a)) => Ok(V::S(format!("attr:{a}"))),
            (V::O, Access::Index(i)) => Ok(V::S(format!("item:{i}"))),
            (V::O, Access::Key(k)) => Ok(V::S(format!("item:{}", str_ops::repr(k)))),
            (V::S(_), _) => Err(TextError::value("str access is not modelled")),
        }
    }

    fn render(
        t: &str,
        positional: &[V],
        named: &[(&str, V)],
        num: &mut Numbering,
        depth: usize,
        is_map: bool,
    ) -> Result<String, TextError> {
        if depth == 0 {
            return Err(recursion_exceeded());
        }
        let mut out = String::new();
        for item in parse(t) {
            match item? {
                Item::Literal(l) => out.push_str(l),
                Item::Field(f) => {
                    let name = parse_field_name(f.name)?;
                    let key = name.key.clone();
                    let mut v = match num.index(&key)? {
                        Some(_) if is_map => return Err(positional_in_format_map()),
                        Some(i) => positional
                            .get(i)
                            .cloned()
                            .ok_or_else(|| index_out_of_range(i))?,
                        None => {
                            let FieldKey::Name(n) = key else {
                                unreachable!()
                            };
                            named
                                .iter()
                                .find(|(k, _)| *k == n)
                                .map(|(_, v)| v.clone())
                                .ok_or_else(|| TextError::value(format!("KeyError {n}")))?
                        }
                    };
                    for step in name {
                        v = lookup(v, &step?)?;
                    }
                    if let Some(c) = f.conversion {
                        let c = check_conversion(c)?;
                        v = V::S(match (&v, c) {
                            (V::O, 's') => "str-O".into(),
                            (V::O, _) => "O()".into(),
                            (V::S(s), 's') => s.clone(),
                            (V::S(s), _) => str_ops::repr(s),
                        });
                    }
                    let spec = if f.spec_has_fields {
                        render(f.spec, positional, named, num, depth - 1, is_map)?
                    } else {
                        f.spec.to_string()
                    };
                    match v {
                        V::O => out.push_str(&format!("fmt:{spec}")),
                        V::S(s) => out.push_str(&format_spec::format_str(&s, &spec)?),
                    }
                }
            }
        }
        Ok(out)
    }

    fn templates() -> Vec<&'static str> {
        vec![
            "{}",
            "{0}",
            "{} {}",
            "{0} {}",
            "{} {0}",
            "{",
            "}",
            "a}b",
            "a{b",
            "{{}}",
            "{{",
            "}}",
            "{0",
            "{0!r}",
            "{0!}",
            "{0!x}",
            "{0!rr}",
            "{0!r:>5}",
            "{0!r",
            "{0:",
            "{0:{1}}",
            "{0:{}}",
            "{:{}}",
            "{0:{1:{2}}}",
            "{0.x}",
            "{0.}",
            "{0..x}",
            "{0[0]}",
            "{0[}",
            "{0[0}",
            "{0[0]x}",
            "{a}",
            "{a.x}",
            "{ a}",
            "{0 }",
            "{-1}",
            "{1}",
            "{3}",
            "{00}",
            "{0x}",
            "{0[a]}",
            "{0[-1]}",
            "{!r}",
            "{:}",
            "{0:}}",
            "{0:{{}}",
            "{:{:}}",
            "{0!s:{1}}",
            "{0:{{}",
            "{[0]}",
            "{.x}",
            "{0:x}{1:{}}",
            "{0:}}}",
            "{0:{1}x}",
            "{a[b]}",
            "{99999999999999999999}",
            "{0]}",
            "{0[0]]}",
            "{:\u{e9}}",
            "{0[}]}",
            "{0[{]}",
            "{0[:]}",
            "{0[!]}",
            "{0[]]}",
            "{0[x y]}",
            "{0[]}",
            "{0[00]}",
            "{0[ 1]}",
            "{0[a]b}",
            "{0[a]!r}",
            "{1:{0[a]}}",
            "{1:{{}}}",
            "{1:{{",
            "{1!r:{2}}",
            "{2:{1!r}}",
            "{0!s}",
            "{0!a}",
            "{1!:x}",
            "{1!r!s}",
            "{1!r}x",
            "{0.a.}",
            "{0[a]b.}",
            "{1[a}",
            "{0[0x10]}",
            "{0[1_0]}",
            "{0[\u{661}]}",
            "{\u{661}}",
            "{!}",
            "{:",
            "{1:{2}",
            "{1:{2",
            "{1:{2}}}",
            "x{1}y{2}z",
            "{1}{}",
            "{}{}{}{}{}",
            "{0!",
            "{a{b}",
            "{0!\u{e9}}",
            "{0!\u{1}}",
            "{0!R}",
            "{9!x}",
            "{0!x:{9}}",
            "{0:{9}}",
            "{0[99999999999999999999]}",
            "{0.a[x}",
            "{0[x]y}",
            "{0.[x]}",
            "{0[x]..a}",
            "{0!r:{0!x}}",
            "{0:{0:{0}}}",
            "{:{:{}}}",
            "{0}}",
            "{{0}}",
            "{0}{{",
            "{b}",
            "{b:>4}",
            "{0:{b}}",
            "{0[{}]}",
            "{0:[}",
            "{0:]}",
            "{0:!}",
            "{0.a:}",
            "{0.a!r}",
            "",
            "plain",
            "é{0}😀{{x}}",
            "{1:😀^5}",
        ]
    }

    #[test]
    fn format_matches_cpython() {
        let positional = [V::O, V::S("S".into()), V::O];
        let named = [("a", V::O), ("b", V::S("B".into()))];
        let mut cases = Vec::new();
        let mut map_cases = Vec::new();
        for t in templates() {
            let r = render(
                t,
                &positional,
                &named,
                &mut Numbering::new(),
                MAX_RECURSION,
                false,
            );
            cases.push((py_str(t), outcome(&r)));
            let r = render(t, &[], &named, &mut Numbering::new(), MAX_RECURSION, true);
            map_cases.push((py_str(t), outcome(&r)));
        }
        // KeyError's message is the repr of the key: produced by the VM,
        // so compare only the kind here.
        let fix = |cases: Vec<(String, String)>| -> Vec<(String, String)> {
            cases
                .into_iter()
                .map(|(a, o)| {
                    if let Some(k) = o.strip_prefix("err:ValueError:KeyError ") {
                        (a, format!("err:KeyError:{}", str_ops::repr(k)))
                    } else {
                        (a, o)
                    }
                })
                .collect()
        };
        check(PRELUDE, "_fmt", &fix(cases));
        check(PRELUDE, "_map", &fix(map_cases));
    }
}
