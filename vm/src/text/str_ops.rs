//! `str` method algorithms with Python semantics on Rust `&str`.
//!
//! Python indexes a str by code point. Functions that take or return
//! positions use code-point indexes and take a [`Text`]: the string plus
//! its length in code points, which the VM's str object can keep. When
//! that length equals the byte length the text is ASCII and positions map
//! one to one, so no scanning is needed.

use super::error::reserve;
use super::unicode_class as uc;
use super::TextError;

/// A string with its length in code points.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub s: &'a str,
    /// Length in code points.
    pub chars: usize,
}

impl<'a> Text<'a> {
    #[cfg(test)]
    /// Counts the code points of `s`.
    pub fn new(s: &'a str) -> Self {
        Text {
            s,
            chars: s.chars().count(),
        }
    }

    /// With a code-point length the caller already knows.
    pub fn with_len(s: &'a str, chars: usize) -> Self {
        Text { s, chars }
    }

    /// Whether every character is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    /// The byte offset of code point `index` (clamped to the end).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(index)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }

    /// The code-point index of byte offset `byte` (a char boundary).
    pub fn char_index(&self, byte: usize) -> usize {
        if self.is_ascii() {
            byte
        } else {
            self.s.get(..byte).map_or(self.chars, |p| p.chars().count())
        }
    }

    /// The substring between code-point indexes `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        if self.is_ascii() {
            let end = end.min(self.s.len());
            return self.s.get(start.min(end)..end).unwrap_or("");
        }
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end).max(b0);
        self.s.get(b0..b1).unwrap_or("")
    }
}

/// Python's slice-index adjustment for `start`/`end` arguments (`None`
/// for absent; negative counts from the end). The start may stay past
/// `len`, which callers treat as "no match".
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |v: i64| if v < 0 { (v + len_i).max(0) } else { v };
    let end = end.map_or(len_i, fix).min(len_i);
    let start = start.map_or(0, fix);
    (start as usize, end as usize)
}

/// `str.find`: the code-point index of the first `sub` in `s[start:end]`,
/// or -1.
pub fn find(hay: Text, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    search(hay, sub, start, end, false)
}

/// `str.rfind`: the code-point index of the last `sub`, or -1.
pub fn rfind(hay: Text, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    search(hay, sub, start, end, true)
}

fn search(hay: Text, sub: &str, start: Option<i64>, end: Option<i64>, last: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, hay.chars);
    if start > end || start > hay.chars {
        return -1;
    }
    let window = hay.slice(start, end);
    let found = if last {
        window.rfind(sub)
    } else {
        window.find(sub)
    };
    match found {
        Some(b) => (start + Text::with_len(window, end - start).char_index(b)) as i64,
        None => -1,
    }
}

/// `str.index`: like `find` but "substring not found" is a ValueError.
pub fn index(
    hay: Text,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    let i = find(hay, sub, start, end);
    usize::try_from(i).map_err(|_| TextError::value("substring not found"))
}

/// `str.rindex`.
pub fn rindex(
    hay: Text,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    let i = rfind(hay, sub, start, end);
    usize::try_from(i).map_err(|_| TextError::value("substring not found"))
}

/// `str.count`: non-overlapping occurrences of `sub` in `s[start:end]`.
pub fn count(hay: Text, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let (start, end) = adjust_indices(start, end, hay.chars);
    if start > end || start > hay.chars {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    hay.slice(start, end).matches(sub).count()
}

/// `str.startswith` for one prefix.
pub fn starts_with(hay: Text, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let (start, end) = adjust_indices(start, end, hay.chars);
    if start > hay.chars {
        return false;
    }
    if start > end {
        // Only an empty prefix could match, and CPython says no.
        return false;
    }
    hay.slice(start, end).starts_with(prefix)
}

/// `str.endswith` for one suffix.
pub fn ends_with(hay: Text, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let (start, end) = adjust_indices(start, end, hay.chars);
    if start > hay.chars || start > end {
        return false;
    }
    hay.slice(start, end).ends_with(suffix)
}

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// `str.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace
/// and drops empty ends. A negative `maxsplit` means no limit.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while out.len() < limit {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(rest);
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(uc::is_space);
            while !rest.is_empty() {
                if out.len() >= limit {
                    out.push(rest);
                    break;
                }
                let end = rest.find(uc::is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(uc::is_space);
            }
            Ok(out)
        }
    }
}

/// `str.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = s;
            while out.len() < limit {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut rest = s.trim_end_matches(uc::is_space);
            while !rest.is_empty() {
                if out.len() >= limit {
                    out.push(rest);
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| uc::is_space(c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                out.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(uc::is_space);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `str.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !uc::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `str.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(uc::is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(uc::is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `str.removeprefix`.
pub fn remove_prefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `str.removesuffix`.
pub fn remove_suffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// The length in bytes of `str.expandtabs(tabsize)` of `s`, computed
/// before anything is allocated (CPython's first pass): OverflowError
/// "new string is too long" past `isize::MAX`.
pub fn expandtabs_len(s: &str, tabsize: i64) -> Result<usize, TextError> {
    expanded_len(s.chars().map(|c| (c, c.len_utf8())), tabsize)
        .ok_or_else(|| TextError::overflow("new string is too long"))
}

/// The expanded length of a text given as (character, encoded length):
/// tabs advance to the next multiple of `tabsize` columns, `\n` and `\r`
/// restart the count. `None` on overflow. Shared with bytes.
pub(crate) fn expanded_len(
    chars: impl Iterator<Item = (char, usize)>,
    tabsize: i64,
) -> Option<usize> {
    let size = usize::try_from(tabsize).unwrap_or(0);
    let (mut total, mut column) = (0usize, 0usize);
    for (c, width) in chars {
        match c {
            '\t' if size > 0 => {
                let n = size - column % size;
                column = column.checked_add(n)?;
                total = total.checked_add(n)?;
            }
            '\t' => {}
            '\n' | '\r' => {
                column = 0;
                total = total.checked_add(width)?;
            }
            _ => {
                column += 1;
                total = total.checked_add(width)?;
            }
        }
    }
    (total <= isize::MAX as usize).then_some(total)
}

/// `str.expandtabs(tabsize)`: tabs to spaces up to the next multiple of
/// `tabsize` columns; `\n` and `\r` restart the column count.
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, TextError> {
    let mut out = String::new();
    reserve(&mut out, expandtabs_len(s, tabsize)?)?;
    let size = usize::try_from(tabsize).unwrap_or(0);
    let mut column: usize = 0;
    for c in s.chars() {
        match c {
            '\t' if size > 0 => {
                let n = size - column % size;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(out)
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> Result<String, TextError> {
    let mut out = String::new();
    reserve(
        &mut out,
        s.len()
            .saturating_add(left.saturating_add(right).saturating_mul(fill.len_utf8())),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn margin(s: Text, width: i64) -> usize {
    usize::try_from(width).map_or(0, |w| w.saturating_sub(s.chars))
}

/// `str.center(width, fill)`; like CPython, an odd margin puts the extra
/// fill character on the left when the width is odd.
pub fn center(s: Text, width: i64, fill: char) -> Result<String, TextError> {
    let m = margin(s, width);
    let w = usize::try_from(width).unwrap_or(0);
    let left = m / 2 + (m & w & 1);
    padded(s.s, left, m - left, fill)
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: Text, width: i64, fill: char) -> Result<String, TextError> {
    padded(s.s, 0, margin(s, width), fill)
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: Text, width: i64, fill: char) -> Result<String, TextError> {
    padded(s.s, margin(s, width), 0, fill)
}

/// `str.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: Text, width: i64) -> Result<String, TextError> {
    let m = margin(s, width);
    let mut out = padded(s.s, m, 0, '0')?;
    if m > 0 && (s.s.starts_with('+') || s.s.starts_with('-')) {
        // The sign moved right by the padding: swap it with the first zero.
        let sign = &s.s[..1];
        out.replace_range(m..m + 1, "0");
        out.replace_range(0..1, sign);
    }
    Ok(out)
}

/// `str.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `str.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// `str.replace(old, new, count)`; a negative count replaces all. An
/// empty `old` inserts `new` before every character and at the end.
/// The length in bytes of `s.replace(old, new, count)`, computed before
/// anything is built (`None` past `usize::MAX`).
pub fn replaced_len(s: &str, old: &str, new: &str, count: i64) -> Option<usize> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let n = if old.is_empty() {
        s.chars().count().saturating_add(1)
    } else {
        s.matches(old).take(limit).count()
    }
    .min(limit);
    let grown = n.checked_mul(new.len())?;
    s.len().checked_add(grown)?.checked_sub(n * old.len())
}

pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, TextError> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = String::new();
    if old.is_empty() {
        let mut n = 0;
        for (i, c) in s.char_indices() {
            if n < limit {
                reserve(&mut out, new.len())?;
                out.push_str(new);
                n += 1;
            } else {
                out.push_str(&s[i..]);
                return Ok(out);
            }
            out.push(c);
        }
        if n < limit {
            out.push_str(new);
        }
        return Ok(out);
    }
    let mut rest = s;
    let mut n = 0;
    while n < limit {
        match rest.find(old) {
            Some(i) => {
                reserve(&mut out, i + new.len())?;
                out.push_str(&rest[..i]);
                out.push_str(new);
                rest = &rest[i + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `repr(s)`: quotes chosen as CPython does (single unless the text has a
/// single quote and no double quote), escapes for `\\`, the quote,
/// `\t \n \r`, and every non-printable character.
pub fn repr(s: &str) -> String {
    quote(s, false)
}

#[cfg(test)]
/// `ascii(s)`: `repr` with every non-ASCII character escaped.
pub fn ascii(s: &str) -> String {
    quote(s, true)
}

fn quote(s: &str, ascii_only: bool) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && !ascii_only && uc::is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(q);
    out
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that fits.
pub fn push_escape(out: &mut String, c: char) {
    let n = super::surrogates::code_point(c);
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

/// `str.upper`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().flat_map(uc::to_upper).collect()
}

/// `str.lower` (with the final-sigma rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .flat_map(|i| uc::lower_in_context(&chars, i))
        .collect()
}

/// `str.casefold`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(uc::case_fold).collect()
}

/// `str.swapcase`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if uc::is_upper(c) {
            out.extend(uc::lower_in_context(&chars, i));
        } else if uc::is_lower(c) {
            out.extend(uc::to_upper(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            out.extend(uc::lower_in_context(&chars, i));
        } else {
            out.extend(uc::to_title(c));
        }
        previous_cased = uc::is_cased(c);
    }
    out
}

/// `str.capitalize`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            out.extend(uc::to_title(c));
        } else {
            out.extend(uc::lower_in_context(&chars, i));
        }
    }
    out
}

/// `str.isspace`, `isalpha`, ...: non-empty and every character passes.
fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isspace`.
pub fn is_space(s: &str) -> bool {
    all_nonempty(s, uc::is_space)
}
/// `str.isalpha`.
pub fn is_alpha(s: &str) -> bool {
    all_nonempty(s, uc::is_alpha)
}
/// `str.isalnum`.
pub fn is_alnum(s: &str) -> bool {
    all_nonempty(s, uc::is_alnum)
}
/// `str.isdecimal`.
pub fn is_decimal(s: &str) -> bool {
    all_nonempty(s, uc::is_decimal)
}
/// `str.isdigit`.
pub fn is_digit(s: &str) -> bool {
    all_nonempty(s, uc::is_digit)
}
/// `str.isnumeric`.
pub fn is_numeric(s: &str) -> bool {
    all_nonempty(s, uc::is_numeric)
}
/// `str.isprintable` (true for the empty string).
pub fn is_printable(s: &str) -> bool {
    s.chars().all(uc::is_printable)
}
/// `str.isascii`.
pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}
/// `str.isidentifier`.
pub fn is_identifier(s: &str) -> bool {
    uc::is_identifier(s)
}

/// `str.isupper`: some uppercase character and no lowercase or titlecase
/// one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if uc::is_lower(c) || uc::is_title(c) {
            return false;
        }
        cased |= uc::is_upper(c);
    }
    cased
}

/// `str.islower`.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_title(c) {
            return false;
        }
        cased |= uc::is_lower(c);
    }
    cased
}

/// `str.istitle`: uppercase/titlecase characters only after uncased ones,
/// lowercase only after cased ones, and at least one cased character.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_title(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if uc::is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// What a `str.translate` table says for one character.
pub enum Translation {
    /// Not in the table (LookupError): keep the character.
    Keep,
    /// Mapped to None: delete it.
    Delete,
    Char(char),
    Str(String),
}

/// `str.translate` with a lookup the VM provides (it consults the table
/// object and may raise).
pub fn translate<E>(
    s: &str,
    mut lookup: impl FnMut(char) -> Result<Translation, E>,
) -> Result<String, E> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup(c)? {
            Translation::Keep => out.push(c),
            Translation::Delete => {}
            Translation::Char(m) => out.push(m),
            Translation::Str(m) => out.push_str(&m),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, ok, outcome, py_str};
    use super::*;

    fn samples() -> Vec<&'static str> {
        vec![
            "",
            "a",
            "abc",
            "  a b  c ",
            "a,b,,c,",
            ",a,",
            "hello world",
            "héllo wörld",
            "\u{3000}x\u{85}y\u{a0}z\x1c",
            "ΑΣ ΣΑ aΣ. Σ",
            "ǆa ǅB ǈ",
            "ß ﬁ İ ŉ",
            "line1\nline2\r\nline3\rline4\x0bx\x0cy\x1cz\u{2028}w\u{2029}\u{85}end",
            "a\tb\n\tc\r\td\t",
            "-42",
            "+7",
            "x'y",
            "x\"y",
            "x'y\"z",
            "\u{0}\u{7}\u{7f}\u{80}\u{a0}\u{ad}\u{300}\u{ffff}\u{10ffff}\u{e000}\u{1f600}\\",
            "😀a😀b😀",
            "aaaa",
            "abab",
            "they're bill's friends",
            "_id1",
            "1abc",
            "١٢٣",
            "²³",
            "一二三",
            "ABC",
            "Hello World",
            "Hello world",
            "hELLO",
        ]
    }

    fn join(v: &[&str]) -> String {
        let items: Vec<String> = v.iter().map(|s| repr(s)).collect();
        format!("[{}]", items.join(", "))
    }

    #[test]
    fn split_family_matches_cpython() {
        let mut cases = Vec::new();
        let mut rcases = Vec::new();
        for s in samples() {
            for sep in [
                None,
                Some(","),
                Some(" "),
                Some("a"),
                Some("ab"),
                Some(""),
                Some("😀"),
            ] {
                for maxsplit in [-1i64, 0, 1, 2] {
                    let sep_src = sep.map_or("None".to_string(), py_str);
                    let args = format!("{}, {sep_src}, {maxsplit}", py_str(s));
                    cases.push((
                        args.clone(),
                        outcome(&split(s, sep, maxsplit).map(|v| join(&v))),
                    ));
                    rcases.push((args, outcome(&rsplit(s, sep, maxsplit).map(|v| join(&v)))));
                }
            }
        }
        check("", "lambda s, sep, n: repr(s.split(sep, n))", &cases);
        check("", "lambda s, sep, n: repr(s.rsplit(sep, n))", &rcases);
    }

    #[test]
    fn simple_methods_match_cpython() {
        type F = fn(&str) -> String;
        let funcs: Vec<(&str, F)> = vec![
            ("lambda s: repr(s.splitlines())", |s| {
                join(&splitlines(s, false))
            }),
            ("lambda s: repr(s.splitlines(True))", |s| {
                join(&splitlines(s, true))
            }),
            ("lambda s: s.strip()", |s| strip(s, None).to_string()),
            ("lambda s: s.lstrip()", |s| lstrip(s, None).to_string()),
            ("lambda s: s.rstrip()", |s| rstrip(s, None).to_string()),
            ("lambda s: s.strip('a,')", |s| {
                strip(s, Some("a,")).to_string()
            }),
            ("lambda s: s.rstrip('😀b')", |s| {
                rstrip(s, Some("😀b")).to_string()
            }),
            ("repr", repr),
            ("ascii", ascii),
            ("str.upper", upper),
            ("str.lower", lower),
            ("str.casefold", casefold),
            ("str.swapcase", swapcase),
            ("str.title", title),
            ("str.capitalize", capitalize),
            ("lambda s: repr(s.isspace())", |s| py_bool(is_space(s))),
            ("lambda s: repr(s.isalpha())", |s| py_bool(is_alpha(s))),
            ("lambda s: repr(s.isalnum())", |s| py_bool(is_alnum(s))),
            ("lambda s: repr(s.isdecimal())", |s| py_bool(is_decimal(s))),
            ("lambda s: repr(s.isdigit())", |s| py_bool(is_digit(s))),
            ("lambda s: repr(s.isnumeric())", |s| py_bool(is_numeric(s))),
            ("lambda s: repr(s.isprintable())", |s| {
                py_bool(is_printable(s))
            }),
            ("lambda s: repr(s.isidentifier())", |s| {
                py_bool(is_identifier(s))
            }),
            ("lambda s: repr(s.isupper())", |s| py_bool(is_upper(s))),
            ("lambda s: repr(s.islower())", |s| py_bool(is_lower(s))),
            ("lambda s: repr(s.istitle())", |s| py_bool(is_title(s))),
            ("lambda s: repr(s.partition('a'))", |s| {
                part(partition(s, "a"))
            }),
            ("lambda s: repr(s.rpartition('a'))", |s| {
                part(rpartition(s, "a"))
            }),
            ("lambda s: s.removeprefix('a')", |s| {
                remove_prefix(s, "a").to_string()
            }),
            ("lambda s: s.removesuffix('c')", |s| {
                remove_suffix(s, "c").to_string()
            }),
        ];
        for (f, ours) in funcs {
            let cases: Vec<(String, String)> = samples()
                .into_iter()
                .map(|s| (py_str(s), ok(ours(s))))
                .collect();
            check("", f, &cases);
        }
    }

    fn py_bool(b: bool) -> String {
        if b { "True" } else { "False" }.to_string()
    }

    fn part(r: Result<(&str, &str, &str), TextError>) -> String {
        match r {
            Ok((a, b, c)) => format!("({}, {}, {})", repr(a), repr(b), repr(c)),
            Err(e) => format!("err:{}", e),
        }
    }

    #[test]
    fn partition_errors_match_cpython() {
        let cases = vec![(
            py_str("abc"),
            outcome(&partition("abc", "").map(|_| String::new())),
        )];
        check("", "lambda s: s.partition('')", &cases);
    }

    #[test]
    fn padding_matches_cpython() {
        let mut cases = Vec::new();
        for s in samples() {
            let t = Text::new(s);
            for w in [-1i64, 0, 3, 4, 5, 6, 7, 10, 11] {
                for fill in [' ', '*', 'é'] {
                    let args = format!("{}, {w}, {}", py_str(s), py_str(&fill.to_string()));
                    let c = outcome(&center(t, w, fill));
                    let l = outcome(&ljust(t, w, fill));
                    let r = outcome(&rjust(t, w, fill));
                    let z = outcome(&zfill(t, w));
                    cases.push((
                        args,
                        format!("{}|{}|{}|{}", &c[3..], &l[3..], &r[3..], &z[3..]),
                    ));
                }
            }
        }
        let cases: Vec<(String, String)> = cases.into_iter().map(|(a, r)| (a, ok(r))).collect();
        check(
            "",
            "lambda s, w, f: '|'.join([s.center(w, f), s.ljust(w, f), s.rjust(w, f), s.zfill(w)])",
            &cases,
        );
    }

    #[test]
    fn expandtabs_matches_cpython() {
        let mut cases = Vec::new();
        for s in samples() {
            for n in [-1i64, 0, 1, 3, 8] {
                cases.push((format!("{}, {n}", py_str(s)), outcome(&expandtabs(s, n))));
            }
        }
        check("", "lambda s, n: s.expandtabs(n)", &cases);
    }

    #[test]
    fn search_matches_cpython() {
        let mut cases = Vec::new();
        let bounds = [
            None,
            Some(-100i64),
            Some(-3),
            Some(-1),
            Some(0),
            Some(1),
            Some(2),
            Some(5),
            Some(100),
        ];
        for s in ["", "abcabc", "😀a😀bé😀", "aaaa"] {
            let t = Text::new(s);
            for sub in ["", "a", "bc", "😀", "é😀", "aa", "x"] {
                for start in bounds {
                    for end in bounds {
                        let src = |v: Option<i64>| v.map_or("None".to_string(), |v| v.to_string());
                        let args = format!(
                            "{}, {}, {}, {}",
                            py_str(s),
                            py_str(sub),
                            src(start),
                            src(end)
                        );
                        let res = format!(
                            "{} {} {} {} {}",
                            find(t, sub, start, end),
                            rfind(t, sub, start, end),
                            count(t, sub, start, end),
                            py_bool(starts_with(t, sub, start, end)),
                            py_bool(ends_with(t, sub, start, end)),
                        );
                        cases.push((args, ok(res)));
                    }
                }
            }
        }
        check(
            "",
            "lambda s, sub, a, b: '%d %d %d %r %r' % (s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b), s.startswith(sub, a, b), s.endswith(sub, a, b))",
            &cases,
        );
    }

    #[test]
    fn replace_matches_cpython() {
        let mut cases = Vec::new();
        for s in samples() {
            for (old, new) in [
                ("a", "XY"),
                ("", "-"),
                ("ab", ""),
                ("😀", "é"),
                (" ", "  "),
                ("zz", "q"),
            ] {
                for n in [-1i64, 0, 1, 2, 100] {
                    let args = format!("{}, {}, {}, {n}", py_str(s), py_str(old), py_str(new));
                    cases.push((args, outcome(&replace(s, old, new, n))));
                }
            }
        }
        check("", "lambda s, a, b, n: s.replace(a, b, n)", &cases);
    }

    #[test]
    fn index_error() {
        let t = Text::new("abc");
        assert_eq!(
            index(t, "z", None, None),
            Err(TextError::value("substring not found"))
        );
        assert_eq!(rindex(t, "c", None, None), Ok(2));
    }
}
