//! `bytes`/`bytearray` method algorithms with Python semantics on `&[u8]`:
//! ASCII-only whitespace and case, byte indexes, `repr`, `hex`/`fromhex`.

use super::error::reserve_bytes;
use super::str_ops::adjust_indices;
use super::TextError;

/// Python's bytes whitespace: space, `\t \n \r \x0b \x0c`.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `repr(b)` of a bytes object: `b'...'`, double quotes when the data has
/// a single quote and no double quote, `\xNN` for bytes outside
/// printable ASCII.
pub fn repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(char::from(q));
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            x if x == q => {
                out.push('\\');
                out.push(char::from(x));
            }
            b' '..=b'~' => out.push(char::from(x)),
            x => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(char::from(q));
    out
}

/// `repr()` of a bytearray: `bytearray(b'...')`. Unlike bytes' repr,
/// CPython escapes a single quote here even inside double quotes.
pub fn repr_bytearray(b: &[u8]) -> String {
    let inner = repr(b);
    let inner = if inner.starts_with("b\"") {
        let body = &inner[2..inner.len() - 1];
        format!("b\"{}\"", body.replace('\'', "\\'"))
    } else {
        inner
    };
    format!("bytearray({inner})")
}

fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() == 1 {
        return hay.iter().position(|&x| x == sub[0]);
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

/// `bytes.find(sub, start, end)` (byte indexes), or -1.
pub fn find(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return -1;
    }
    find_sub(&hay[s..e], sub).map_or(-1, |i| (s + i) as i64)
}

/// `bytes.rfind(sub, start, end)`.
pub fn rfind(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return -1;
    }
    rfind_sub(&hay[s..e], sub).map_or(-1, |i| (s + i) as i64)
}

/// `bytes.index`: "subsection not found" as CPython words it for bytes.
pub fn index(
    hay: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    usize::try_from(find(hay, sub, start, end))
        .map_err(|_| TextError::value("subsection not found"))
}

/// `bytes.rindex`.
pub fn rindex(
    hay: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    usize::try_from(rfind(hay, sub, start, end))
        .map_err(|_| TextError::value("subsection not found"))
}

/// `bytes.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let (s, e) = adjust_indices(start, end, hay.len());
    if s > e || s > hay.len() {
        return 0;
    }
    let mut window = &hay[s..e];
    if sub.is_empty() {
        return window.len() + 1;
    }
    let mut n = 0;
    while let Some(i) = find_sub(window, sub) {
        n += 1;
        window = &window[i + sub.len()..];
    }
    n
}

/// `bytes.startswith` for one prefix.
pub fn starts_with(hay: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, e) = adjust_indices(start, end, hay.len());
    s <= e && s <= hay.len() && hay[s..e].starts_with(prefix)
}

/// `bytes.endswith` for one suffix.
pub fn ends_with(hay: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, e) = adjust_indices(start, end, hay.len());
    s <= e && s <= hay.len() && hay[s..e].ends_with(suffix)
}

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

fn trim_start(b: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let i = b.iter().position(|&x| !pred(x)).unwrap_or(b.len());
    &b[i..]
}

fn trim_end(b: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let i = b.iter().rposition(|&x| !pred(x)).map_or(0, |i| i + 1);
    &b[..i]
}

/// `bytes.split(sep, maxsplit)`; `None` splits on runs of ASCII
/// whitespace.
pub fn split<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = b;
            while out.len() < limit {
                match find_sub(rest, sep) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut rest = trim_start(b, is_space);
            while !rest.is_empty() {
                if out.len() >= limit {
                    out.push(rest);
                    break;
                }
                let end = rest.iter().position(|&x| is_space(x)).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = trim_start(&rest[end..], is_space);
            }
        }
    }
    Ok(out)
}

/// `bytes.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = b;
            while out.len() < limit {
                match rfind_sub(rest, sep) {
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
            let mut rest = trim_end(b, is_space);
            while !rest.is_empty() {
                if out.len() >= limit {
                    out.push(rest);
                    break;
                }
                let start = rest.iter().rposition(|&x| is_space(x)).map_or(0, |i| i + 1);
                out.push(&rest[start..]);
                rest = trim_end(&rest[..start], is_space);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `bytes.splitlines(keepends)`: `\n`, `\r` and `\r\n` only.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(if keepends {
                &b[start..end]
            } else {
                &b[start..i]
            });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    out
}

/// `bytes.strip(chars)`; `None` strips ASCII whitespace.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    rstrip(lstrip(b, chars), chars)
}

/// `bytes.lstrip(chars)`.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    match chars {
        None => trim_start(b, is_space),
        Some(set) => trim_start(b, |x| set.contains(&x)),
    }
}

/// `bytes.rstrip(chars)`.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    match chars {
        None => trim_end(b, is_space),
        Some(set) => trim_end(b, |x| set.contains(&x)),
    }
}

/// The three parts of `partition`/`rpartition`.
pub type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `bytes.partition(sep)`.
pub fn partition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match find_sub(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (b, &b[b.len()..], &b[b.len()..]),
    })
}

/// `bytes.rpartition(sep)`.
pub fn rpartition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match rfind_sub(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

/// `bytes.replace(old, new, count)`; a negative count replaces all.
/// The length of `b.replace(old, new, count)`, computed before anything
/// is built (`None` past `usize::MAX`).
pub fn replaced_len(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Option<usize> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let n = if old.is_empty() {
        b.len().saturating_add(1)
    } else {
        let mut rest = b;
        let mut n = 0usize;
        while n < limit {
            match find_sub(rest, old) {
                Some(i) => {
                    rest = &rest[i + old.len()..];
                    n += 1;
                }
                None => break,
            }
        }
        n
    }
    .min(limit);
    let grown = n.checked_mul(new.len())?;
    b.len().checked_add(grown)?.checked_sub(n * old.len())
}

pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Result<Vec<u8>, TextError> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    if old.is_empty() {
        let mut n = 0;
        for (i, &x) in b.iter().enumerate() {
            if n >= limit {
                out.extend_from_slice(&b[i..]);
                return Ok(out);
            }
            reserve_bytes(&mut out, new.len() + 1)?;
            out.extend_from_slice(new);
            out.push(x);
            n += 1;
        }
        if n < limit {
            out.extend_from_slice(new);
        }
        return Ok(out);
    }
    let mut rest = b;
    let mut n = 0;
    while n < limit {
        match find_sub(rest, old) {
            Some(i) => {
                reserve_bytes(&mut out, i + new.len())?;
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(out)
}

fn padded(b: &[u8], left: usize, right: usize, fill: u8) -> Result<Vec<u8>, TextError> {
    let mut out = Vec::new();
    reserve_bytes(&mut out, b.len().saturating_add(left).saturating_add(right))?;
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(out.len() + right, fill);
    Ok(out)
}

fn margin(b: &[u8], width: i64) -> usize {
    usize::try_from(width).map_or(0, |w| w.saturating_sub(b.len()))
}

/// `bytes.center(width, fill)` (CPython's odd-margin rule, as for str).
pub fn center(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    let m = margin(b, width);
    let w = usize::try_from(width).unwrap_or(0);
    let left = m / 2 + (m & w & 1);
    padded(b, left, m - left, fill)
}

/// `bytes.ljust(width, fill)`.
pub fn ljust(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    padded(b, 0, margin(b, width), fill)
}

/// `bytes.rjust(width, fill)`.
pub fn rjust(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    padded(b, margin(b, width), 0, fill)
}

/// `bytes.zfill(width)`.
pub fn zfill(b: &[u8], width: i64) -> Result<Vec<u8>, TextError> {
    let m = margin(b, width);
    let mut out = padded(b, m, 0, b'0')?;
    if m > 0 {
        if let Some(&sign @ (b'+' | b'-')) = b.first() {
            out[0] = sign;
            out[m] = b'0';
        }
    }
    Ok(out)
}

/// The length of `bytes.expandtabs(tabsize)` of `b`, computed before
/// anything is allocated: OverflowError "result too long" past
/// `isize::MAX`.
pub fn expandtabs_len(b: &[u8], tabsize: i64) -> Result<usize, TextError> {
    super::str_ops::expanded_len(b.iter().map(|&x| (char::from(x), 1)), tabsize)
        .ok_or_else(|| TextError::overflow("result too long"))
}

/// `bytes.expandtabs(tabsize)`.
pub fn expandtabs(b: &[u8], tabsize: i64) -> Result<Vec<u8>, TextError> {
    let mut out = Vec::new();
    reserve_bytes(&mut out, expandtabs_len(b, tabsize)?)?;
    let size = usize::try_from(tabsize).unwrap_or(0);
    let mut column: usize = 0;
    for &x in b {
        match x {
            b'\t' if size > 0 => {
                let n = size - column % size;
                out.resize(out.len() + n, b' ');
                column += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(x);
                column = 0;
            }
            _ => {
                out.push(x);
                column += 1;
            }
        }
    }
    Ok(out)
}

/// `bytes.upper`.
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `bytes.lower`.
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `bytes.swapcase`.
pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&x| {
            if x.is_ascii_uppercase() {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            }
        })
        .collect()
}

/// `bytes.title`.
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut previous_cased = false;
    b.iter()
        .map(|&x| {
            let m = if previous_cased {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            };
            previous_cased = x.is_ascii_alphabetic();
            m
        })
        .collect()
}

/// `bytes.capitalize`.
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &x)| {
            if i == 0 {
                x.to_ascii_uppercase()
            } else {
                x.to_ascii_lowercase()
            }
        })
        .collect()
}

fn all_nonempty(b: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(|&x| pred(x))
}

/// `bytes.isspace`.
pub fn is_space_all(b: &[u8]) -> bool {
    all_nonempty(b, is_space)
}
/// `bytes.isalpha`.
pub fn is_alpha(b: &[u8]) -> bool {
    all_nonempty(b, |x| x.is_ascii_alphabetic())
}
/// `bytes.isalnum`.
pub fn is_alnum(b: &[u8]) -> bool {
    all_nonempty(b, |x| x.is_ascii_alphanumeric())
}
/// `bytes.isdigit`.
pub fn is_digit(b: &[u8]) -> bool {
    all_nonempty(b, |x| x.is_ascii_digit())
}
/// `bytes.isascii` (true when empty).
pub fn is_ascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `bytes.islower`: some lowercase letter and no uppercase one.
pub fn is_lower(b: &[u8]) -> bool {
    !b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase)
}

/// `bytes.isupper`.
pub fn is_upper(b: &[u8]) -> bool {
    !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase)
}

/// `bytes.istitle`.
pub fn is_title(b: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for &x in b {
        if x.is_ascii_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if x.is_ascii_lowercase() {
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

/// Checks a `sep` argument of `hex()` given as text: one ASCII character.
pub fn hex_sep_from_str(sep: &str) -> Result<u8, TextError> {
    let mut chars = sep.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii() => Ok(c as u8),
        (Some(_), None) => Err(TextError::value("sep must be ASCII.")),
        _ => Err(TextError::value("sep must be length 1.")),
    }
}

/// Checks a `sep` argument of `hex()` given as bytes.
pub fn hex_sep_from_bytes(sep: &[u8]) -> Result<u8, TextError> {
    match sep {
        [b] if b.is_ascii() => Ok(*b),
        [_] => Err(TextError::value("sep must be ASCII.")),
        _ => Err(TextError::value("sep must be length 1.")),
    }
}

/// `bytes.hex(sep, bytes_per_sep)`: a separator every `bytes_per_sep`
/// bytes, counted from the right when positive, from the left when
/// negative; none when `sep` is `None` or the count is 0.
pub fn hex(b: &[u8], sep: Option<u8>, bytes_per_sep: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = usize::try_from(bytes_per_sep.unsigned_abs()).unwrap_or(usize::MAX);
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len();
    for (i, &x) in b.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if bytes_per_sep > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i % group == 0
            };
            if boundary {
                out.push(char::from(sep));
            }
        }
        out.push(char::from(DIGITS[usize::from(x >> 4)]));
        out.push(char::from(DIGITS[usize::from(x & 15)]));
    }
    out
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs; the error gives the code-point position of the
/// offending character.
pub fn fromhex(s: &str) -> Result<Vec<u8>, TextError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| {
        TextError::value(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii() && is_space(c as u8) {
            i += 1;
            continue;
        }
        let hi = c
            .to_digit(16)
            .filter(|_| c.is_ascii())
            .ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of
/// `frm` to the byte at the same place in `to`.
pub fn maketrans(frm: &[u8], to: &[u8]) -> Result<Vec<u8>, TextError> {
    if frm.len() != to.len() {
        return Err(TextError::value(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in frm.iter().zip(to) {
        table[usize::from(f)] = t;
    }
    Ok(table)
}

/// `bytes.translate(table, delete)`: `table` is `None` or 256 bytes.
pub fn translate(b: &[u8], table: Option<&[u8]>, delete: &[u8]) -> Result<Vec<u8>, TextError> {
    if let Some(t) = table {
        if t.len() != 256 {
            return Err(TextError::value(
                "translation table must be 256 characters long",
            ));
        }
    }
    Ok(b.iter()
        .filter(|x| !delete.contains(x))
        .map(|&x| table.map_or(x, |t| t[usize::from(x)]))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::oracle::{check, ok, outcome, py_str};
    use super::*;

    fn samples() -> Vec<Vec<u8>> {
        vec![
            b"".to_vec(),
            b"a".to_vec(),
            b"abc".to_vec(),
            b"  a b  c ".to_vec(),
            b"a,b,,c,".to_vec(),
            b"hello world".to_vec(),
            b"Hello World".to_vec(),
            b"hELLO".to_vec(),
            b"x'y".to_vec(),
            b"x\"y".to_vec(),
            b"x'y\"z".to_vec(),
            b"a\x1cb\x85c\xa0".to_vec(),
            b"l1\nl2\r\nl3\rl4\x0bx\x0cy".to_vec(),
            b"a\tb\n\tc\r\td\t".to_vec(),
            b"-42".to_vec(),
            b"\x00\x07\x7f\x80\xff\\".to_vec(),
            b"abab".to_vec(),
            b"aaaa".to_vec(),
            b"they're bill's friends".to_vec(),
            b"123".to_vec(),
            (0..=255u8).collect(),
        ]
    }

    fn lit(b: &[u8]) -> String {
        repr(b)
    }

    fn list(v: &[&[u8]]) -> String {
        let items: Vec<String> = v.iter().map(|b| repr(b)).collect();
        format!("[{}]", items.join(", "))
    }

    fn py_bool(b: bool) -> String {
        if b { "True" } else { "False" }.to_string()
    }

    #[test]
    fn unary_methods_match_cpython() {
        type F = fn(&[u8]) -> String;
        let funcs: Vec<(&str, F)> = vec![
            ("repr", repr),
            ("lambda b: repr(bytearray(b))", repr_bytearray),
            ("lambda b: repr(b.split())", |b| {
                list(&split(b, None, -1).unwrap_or_default())
            }),
            ("lambda b: repr(b.split(None, 1))", |b| {
                list(&split(b, None, 1).unwrap_or_default())
            }),
            ("lambda b: repr(b.rsplit(None, 1))", |b| {
                list(&rsplit(b, None, 1).unwrap_or_default())
            }),
            ("lambda b: repr(b.split(b','))", |b| {
                list(&split(b, Some(b","), -1).unwrap_or_default())
            }),
            ("lambda b: repr(b.rsplit(b'a', 2))", |b| {
                list(&rsplit(b, Some(b"a"), 2).unwrap_or_default())
            }),
            ("lambda b: repr(b.splitlines())", |b| {
                list(&splitlines(b, false))
            }),
            ("lambda b: repr(b.splitlines(True))", |b| {
                list(&splitlines(b, true))
            }),
            ("lambda b: repr(b.strip())", |b| repr(strip(b, None))),
            ("lambda b: repr(b.lstrip(b'a '))", |b| {
                repr(lstrip(b, Some(b"a ")))
            }),
            ("lambda b: repr(b.rstrip(b'\\xff\\\\'))", |b| {
                repr(rstrip(b, Some(b"\xff\\")))
            }),
            ("lambda b: repr(b.upper())", |b| repr(&upper(b))),
            ("lambda b: repr(b.lower())", |b| repr(&lower(b))),
            ("lambda b: repr(b.swapcase())", |b| repr(&swapcase(b))),
            ("lambda b: repr(b.title())", |b| repr(&title(b))),
            ("lambda b: repr(b.capitalize())", |b| repr(&capitalize(b))),
            ("lambda b: repr(b.isspace())", |b| py_bool(is_space_all(b))),
            ("lambda b: repr(b.isalpha())", |b| py_bool(is_alpha(b))),
            ("lambda b: repr(b.isalnum())", |b| py_bool(is_alnum(b))),
            ("lambda b: repr(b.isdigit())", |b| py_bool(is_digit(b))),
            ("lambda b: repr(b.isascii())", |b| py_bool(is_ascii(b))),
            ("lambda b: repr(b.islower())", |b| py_bool(is_lower(b))),
            ("lambda b: repr(b.isupper())", |b| py_bool(is_upper(b))),
            ("lambda b: repr(b.istitle())", |b| py_bool(is_title(b))),
            ("lambda b: b.hex()", |b| hex(b, None, 1)),
            ("lambda b: b.hex(':')", |b| hex(b, Some(b':'), 1)),
            ("lambda b: b.hex('-', 2)", |b| hex(b, Some(b'-'), 2)),
            ("lambda b: b.hex('-', -3)", |b| hex(b, Some(b'-'), -3)),
            ("lambda b: b.hex(b' ', 0)", |b| hex(b, Some(b' '), 0)),
            ("lambda b: repr(b.partition(b'a'))", |b| {
                part(partition(b, b"a"))
            }),
            ("lambda b: repr(b.rpartition(b'a'))", |b| {
                part(rpartition(b, b"a"))
            }),
            ("lambda b: repr(b.expandtabs(4))", |b| {
                repr(&expandtabs(b, 4).unwrap_or_default())
            }),
            ("lambda b: repr(b.zfill(6))", |b| {
                repr(&zfill(b, 6).unwrap_or_default())
            }),
            ("lambda b: repr(b.center(10, b'*'))", |b| {
                repr(&center(b, 10, b'*').unwrap_or_default())
            }),
            ("lambda b: repr(b.ljust(5))", |b| {
                repr(&ljust(b, 5, b' ').unwrap_or_default())
            }),
            ("lambda b: repr(b.rjust(4, b'0'))", |b| {
                repr(&rjust(b, 4, b'0').unwrap_or_default())
            }),
            ("lambda b: repr(b.replace(b'a', b'XY'))", |b| {
                repr(&replace(b, b"a", b"XY", -1).unwrap_or_default())
            }),
            ("lambda b: repr(b.replace(b'', b'-', 3))", |b| {
                repr(&replace(b, b"", b"-", 3).unwrap_or_default())
            }),
            ("lambda b: repr(b.replace(b'', b'-'))", |b| {
                repr(&replace(b, b"", b"-", -1).unwrap_or_default())
            }),
            (
                "lambda b: repr(b.translate(bytes.maketrans(b'abc', b'xyz'), b' '))",
                |b| {
                    let t = maketrans(b"abc", b"xyz").unwrap_or_default();
                    repr(&translate(b, Some(&t), b" ").unwrap_or_default())
                },
            ),
            ("lambda b: repr(b.translate(None, b'a'))", |b| {
                repr(&translate(b, None, b"a").unwrap_or_default())
            }),
        ];
        for (f, ours) in funcs {
            let cases: Vec<(String, String)> =
                samples().iter().map(|b| (lit(b), ok(ours(b)))).collect();
            check("", f, &cases);
        }
    }

    fn part(r: Result<Parts, TextError>) -> String {
        match r {
            Ok((a, b, c)) => format!("({}, {}, {})", repr(a), repr(b), repr(c)),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn search_matches_cpython() {
        let bounds = [
            None,
            Some(-100i64),
            Some(-2),
            Some(0),
            Some(1),
            Some(3),
            Some(100),
        ];
        let mut cases = Vec::new();
        for hay in [&b""[..], b"abcabc", b"aaaa"] {
            for sub in [&b""[..], b"a", b"bc", b"aa", b"x"] {
                for start in bounds {
                    for end in bounds {
                        let src = |v: Option<i64>| v.map_or("None".to_string(), |v| v.to_string());
                        let res = format!(
                            "{} {} {} {} {}",
                            find(hay, sub, start, end),
                            rfind(hay, sub, start, end),
                            count(hay, sub, start, end),
                            py_bool(starts_with(hay, sub, start, end)),
                            py_bool(ends_with(hay, sub, start, end)),
                        );
                        cases.push((
                            format!("{}, {}, {}, {}", repr(hay), repr(sub), src(start), src(end)),
                            ok(res),
                        ));
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
    fn fromhex_and_sep_match_cpython() {
        let inputs = [
            "",
            "1",
            "0 1",
            "01 02",
            " 0102 ",
            "0g",
            "01\t02\n",
            "01\x0b02",
            "01\x1c02",
            "0 ",
            "1 2",
            "ZZ",
            "é1",
            "01 0",
            "0102\u{3000}",
            "aBcD eF",
            "0\u{e9}",
        ];
        let cases: Vec<(String, String)> = inputs
            .iter()
            .map(|s| (py_str(s), outcome(&fromhex(s).map(|b| repr(&b)))))
            .collect();
        check("", "lambda s: repr(bytes.fromhex(s))", &cases);
        let seps = ["", ":", "ab", "é"];
        let cases: Vec<(String, String)> = seps
            .iter()
            .map(|s| {
                let r = hex_sep_from_str(s).map(|c| hex(b"\x01\x02", Some(c), 1));
                (py_str(s), outcome(&r))
            })
            .collect();
        check("", "lambda s: b'\\x01\\x02'.hex(s)", &cases);
        let cases: Vec<(String, String)> = [&b""[..], b"::", b"\xff", b"-"]
            .iter()
            .map(|s| {
                let r = hex_sep_from_bytes(s).map(|c| hex(b"\x01\x02", Some(c), 1));
                (repr(s), outcome(&r))
            })
            .collect();
        check("", "lambda s: b'\\x01\\x02'.hex(s)", &cases);
    }

    #[test]
    fn errors_match_cpython() {
        let cases = vec![(
            "b'abc', b''".to_string(),
            outcome(&split(b"abc", Some(b""), -1).map(|_| String::new())),
        )];
        check("", "lambda b, s: b.split(s)", &cases);
        let cases = vec![(
            "b'abc', b'z'".to_string(),
            outcome(&index(b"abc", b"z", None, None).map(|i| i.to_string())),
        )];
        check("", "lambda b, s: str(b.index(s))", &cases);
        let cases = vec![(
            "b'ab', b'c'".to_string(),
            outcome(&maketrans(b"ab", b"c").map(|t| repr(&t))),
        )];
        check("", "lambda a, b: repr(bytes.maketrans(a, b))", &cases);
        let cases = vec![(
            "b'ab', b'c'".to_string(),
            outcome(&translate(b"ab", Some(b"c"), b"").map(|t| repr(&t))),
        )];
        check("", "lambda a, t: repr(a.translate(t))", &cases);
    }
}
