//! How a `str` holds lone surrogates (U+D800..U+DFFF), which Rust's UTF-8
//! `String` cannot: each is stored as the code point 0xD0000 above it, in
//! U+DD800..U+DDFFF, an unassigned block of plane 13 (planes 4-13 have no
//! characters). Every per-code-point algorithm (length, indexing, slicing,
//! find, split, replace, join, concatenation, hashing, equality,
//! formatting) then works unchanged on the ordinary `&str`; only the places
//! where a code point's *value* shows (`ord`, `repr`, the codecs, ordering,
//! the Unicode database, regular expressions, the OS boundary) translate with
//! [`code_point`] / [`from_code_point`]. The real code points of that block
//! cannot be represented: making one (`chr`, decoding, a literal) raises.
//! docs/vm.md ("Lone surrogates") explains the choice.

/// The first stored form (that of U+D800).
pub const STORED_BASE: u32 = rpy_compiler::SURROGATE_STORE_BASE;
/// The last stored form (that of U+DFFF).
pub const STORED_LAST: u32 = 0xDDFFF;
const OFFSET: u32 = STORED_BASE - 0xD800;

/// Whether `c` is the stored form of a lone surrogate.
#[inline]
pub fn is_stored(c: char) -> bool {
    (STORED_BASE..=STORED_LAST).contains(&(c as u32))
}

/// The Python code point `c` stands for (a surrogate for a stored form).
#[inline]
pub fn code_point(c: char) -> u32 {
    let n = c as u32;
    if (STORED_BASE..=STORED_LAST).contains(&n) {
        n - OFFSET
    } else {
        n
    }
}

/// The `char` that holds code point `cp` in a str (the stored form for a
/// surrogate); None above U+10FFFF and for the block rpy reserves.
#[inline]
pub fn from_code_point(cp: u32) -> Option<char> {
    match cp {
        0xD800..=0xDFFF => char::from_u32(cp + OFFSET),
        STORED_BASE..=STORED_LAST => None,
        _ => char::from_u32(cp),
    }
}

/// Whether `s` holds a lone surrogate. All stored forms are encoded in
/// UTF-8 as F3 9D A0..BF xx, so text without the byte 0xF3 is answered
/// by a byte scan.
#[inline]
pub fn has_surrogates(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.contains(&0xF3) {
        return false;
    }
    s.chars().any(is_stored)
}

/// The message for a code point rpy cannot hold in a str.
pub fn reserved_message(cp: u32) -> String {
    format!(
        "rpy: code point U+{cp:X} cannot be held in a str (rpy stores lone surrogates in U+{STORED_BASE:X}..U+{STORED_LAST:X})"
    )
}

/// The code points of `s` (surrogates as themselves).
pub fn code_points(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.chars().map(code_point)
}

/// Three-way comparison of two strs by code point, as CPython orders
/// them (a surrogate sorts below U+E000).
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    // UTF-8 byte order is code point order, except where the first
    // differing characters include a stored surrogate: find that point
    // (in blocks first, as memcmp would) and decide there.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len().min(y.len());
    let mut i = 0;
    while i + 32 <= n && x.get(i..i + 32) == y.get(i..i + 32) {
        i += 32;
    }
    let Some(i) = (i..n).find(|&j| x.get(j) != y.get(j)) else {
        return x.len().cmp(&y.len());
    };
    let mut start = i;
    while start > 0 && !a.is_char_boundary(start) {
        start -= 1;
    }
    let c = a.get(start..).and_then(|t| t.chars().next());
    let d = b.get(start..).and_then(|t| t.chars().next());
    match (c, d) {
        (Some(c), Some(d)) => code_point(c).cmp(&code_point(d)),
        _ => x.get(i).cmp(&y.get(i)),
    }
}

/// `s` with each lone surrogate escaped as `\udXXX` (for text that goes
/// out where CPython would write it with `backslashreplace`).
pub fn escaped(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_surrogates(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_stored(c) {
            out.push_str(&format!("\\u{:04x}", code_point(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for cp in [0xD800u32, 0xDBFF, 0xDC80, 0xDFFF] {
            let c = from_code_point(cp).unwrap();
            assert!(is_stored(c));
            assert_eq!(code_point(c), cp);
        }
        assert_eq!(from_code_point(0xDD800), None);
        assert_eq!(from_code_point(0x41), Some('A'));
        let s: String = [from_code_point(0xDC80).unwrap(), 'x'].iter().collect();
        assert!(has_surrogates(&s));
        assert!(!has_surrogates("\u{F3}\u{10FFFF}"));
        assert_eq!(escaped(&s), "\\udc80x");
        assert_eq!(compare(&s, "\u{E000}"), std::cmp::Ordering::Less);
        let long = "x".repeat(70);
        let (a, b) = (format!("{long}{s}"), format!("{long}\u{E000}"));
        assert_eq!(compare(&a, &b), std::cmp::Ordering::Less);
        assert_eq!(compare(&b, &a), std::cmp::Ordering::Greater);
        assert_eq!(compare(&long, &a), std::cmp::Ordering::Less);
        assert_eq!(compare("ab", "ab"), std::cmp::Ordering::Equal);
        assert_eq!(compare("\u{e9}", "\u{ff}"), std::cmp::Ordering::Less);
    }
}
