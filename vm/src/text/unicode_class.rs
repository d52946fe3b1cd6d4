//! Character properties and case mappings as Python 3.11's `str` methods
//! see them (Unicode 14.0).
//!
//! General categories come from `unicode-general-category` 0.5 and case
//! mappings from `unicode-case-mapping` 0.4, both generated from Unicode
//! 14.0, CPython 3.11's version. Properties taken from newer tables (Rust's
//! own `char` methods, `unicode-ident`) are limited to code points assigned
//! in 14.0, so a character Unicode added later looks unassigned, as it does
//! to CPython 3.11.

use unicode_case_mapping as ucm;
use unicode_general_category::{get_general_category, GeneralCategory as Gc};

/// The general category under Unicode 14.0.
pub fn category(c: char) -> Gc {
    get_general_category(c)
}

/// Whether `c` is assigned in Unicode 14.0.
pub fn is_assigned(c: char) -> bool {
    category(c) != Gc::Unassigned
}

/// `str.isspace` for one character: bidi class WS/B/S or category Zs.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..=' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Whitespace for `int()`/`float()` text: C's ASCII `isspace` set, or a
/// non-ASCII character that `str.isspace` accepts (CPython maps those to
/// spaces first; `\x1c`-`\x1f` are not among them).
pub fn is_number_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        is_space(c)
    }
}

/// `str.isdecimal` for one character: category Nd.
pub fn is_decimal(c: char) -> bool {
    category(c) == Gc::DecimalNumber
}

/// The value of a decimal digit (category Nd) in any script.
///
/// Unicode encodes every set of decimal digits as a contiguous run from
/// zero to nine, so the value is the distance from the run's start.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !is_decimal(c) {
        return None;
    }
    let mut start = c as u32;
    while start > 0 && char::from_u32(start - 1).is_some_and(is_decimal) {
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

/// Code points whose Numeric_Type is Digit (Unicode 14.0
/// DerivedNumericType.txt): digits that are not decimal digits, such as
/// superscripts and circled digits. No crate carries Unicode 14.0's
/// Numeric_Type, and Unicode adds no more characters of this type.
const DIGIT_RANGES: &[(u32, u32)] = &[
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];

/// Han ideographs with a numeric value in Unicode 14.0's Unihan database
/// (kPrimaryNumeric, kAccountingNumeric, kOtherNumeric): the characters
/// of Numeric_Type=Numeric outside categories Nl and No.
const HAN_NUMERIC: &[u32] = &[
    0x3405, 0x3483, 0x382A, 0x3B4D, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94, 0x4E96,
    0x4EBF, 0x4EC0, 0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x5104, 0x5146, 0x5169, 0x516B, 0x516D, 0x5341,
    0x5343, 0x5344, 0x5345, 0x534C, 0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB, 0x58F1, 0x58F9, 0x5E7A,
    0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D, 0x5F0E, 0x5F10, 0x62FE, 0x634C, 0x67D2, 0x6F06, 0x7396, 0x767E,
    0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x9621, 0x9646, 0x964C, 0x9678, 0x96F6, 0xF96B, 0xF973,
    0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x20001, 0x20064, 0x200E2, 0x20121, 0x2092A, 0x20983,
    0x2098C, 0x2099C, 0x20AEA, 0x20AFD, 0x20B19, 0x22390, 0x22998, 0x23B1B, 0x2626D, 0x2F890,
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let n = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isdigit` for one character: Numeric_Type Decimal or Digit.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(c, DIGIT_RANGES)
}

/// `str.isnumeric` for one character: any Numeric_Type.
pub fn is_numeric(c: char) -> bool {
    matches!(
        category(c),
        Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber
    ) || HAN_NUMERIC.binary_search(&(c as u32)).is_ok()
}

/// `str.isalpha` for one character: a letter (categories Lu Ll Lt Lm Lo).
pub fn is_alpha(c: char) -> bool {
    matches!(
        category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
    )
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// The derived Uppercase property (what `str.isupper` tests).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() && is_assigned(c)
}

/// The derived Lowercase property (what `str.islower` tests).
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    match c {
        // Lowercase in 14.0, no longer in Rust's newer tables.
        '\u{295}' => true,
        // Lowercase (Other_Lowercase) only since Unicode 15.
        '\u{10fc}' | '\u{a7f2}'..='\u{a7f4}' | '\u{ab69}' => false,
        _ => c.is_lowercase() && is_assigned(c),
    }
}

/// A titlecase letter (category Lt).
pub fn is_title(c: char) -> bool {
    category(c) == Gc::TitlecaseLetter
}

/// The derived Cased property: upper, lower or titlecase.
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}

/// The derived Case_Ignorable property: marks, format characters,
/// modifiers, and the Word_Break MidLetter/MidNumLet/Single_Quote
/// characters (listed here: no crate exposes Word_Break for one char).
pub fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '\u{b7}'
            | '\u{387}'
            | '\u{55f}'
            | '\u{5f4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe52}'
            | '\u{fe55}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\u{ff1a}'
    ) || matches!(
        category(c),
        Gc::NonspacingMark
            | Gc::EnclosingMark
            | Gc::Format
            | Gc::ModifierLetter
            | Gc::ModifierSymbol
    )
}

/// `str.isprintable` for one character: not in categories Cc Cf Cs Co Cn
/// Zl Zp Zs, except the ASCII space.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_ascii() {
        return c.is_ascii_graphic();
    }
    !matches!(
        category(c),
        Gc::Control
            | Gc::Format
            | Gc::Surrogate
            | Gc::PrivateUse
            | Gc::Unassigned
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::SpaceSeparator
    )
}

/// Characters whose identifier status changed after Unicode 14.0 (in
/// 15.1 they became ID_Continue).
fn id_changed_after_14(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{30fb}' | '\u{ff65}')
}

/// XID_Start (for the first character of an identifier, with `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    unicode_ident::is_xid_start(c) && is_assigned(c) && !id_changed_after_14(c)
}

/// XID_Continue (for the later characters of an identifier).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    unicode_ident::is_xid_continue(c) && is_assigned(c) && !id_changed_after_14(c)
}

/// `str.isidentifier`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_xid_start(c) => chars.all(is_xid_continue),
        _ => false,
    }
}

/// A line boundary for `str.splitlines` (`\r\n` is handled by the caller).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The one to three characters a case mapping yields.
#[derive(Debug, Clone)]
pub struct Mapped {
    chars: [char; 3],
    len: u8,
    pos: u8,
}

impl Mapped {
    fn one(c: char) -> Self {
        Mapped {
            chars: [c, '\0', '\0'],
            len: 1,
            pos: 0,
        }
    }

    /// From the crate's zero-padded code point array; all zeros means
    /// the character maps to itself.
    fn from_table(c: char, table: &[u32]) -> Self {
        let mut out = Mapped {
            chars: ['\0'; 3],
            len: 0,
            pos: 0,
        };
        for &u in table.iter().take(3) {
            if u == 0 {
                break;
            }
            if let Some(m) = char::from_u32(u) {
                out.chars[usize::from(out.len)] = m;
                out.len += 1;
            }
        }
        if out.len == 0 {
            Mapped::one(c)
        } else {
            out
        }
    }
}

impl Iterator for Mapped {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        if self.pos < self.len {
            let c = self.chars[usize::from(self.pos)];
            self.pos += 1;
            Some(c)
        } else {
            None
        }
    }
}

/// Full uppercase mapping (SpecialCasing included, context-free).
pub fn to_upper(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_uppercase());
    }
    Mapped::from_table(c, &ucm::to_uppercase(c))
}

/// Full lowercase mapping, without the final-sigma rule (see
/// [`lower_in_context`]).
pub fn to_lower(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_lowercase());
    }
    Mapped::from_table(c, &ucm::to_lowercase(c))
}

/// Full titlecase mapping.
pub fn to_title(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_uppercase());
    }
    Mapped::from_table(c, &ucm::to_titlecase(c))
}

/// Full case folding (`str.casefold`). The crate has the simple folding
/// only; where Unicode's full folding has several characters it equals the
/// lowercase of the full uppercase (`ß` -> `ss`), or the full lowercase
/// (`İ` -> `i̇`). The exhaustive test checks this against CPython.
pub fn case_fold(c: char) -> impl Iterator<Item = char> {
    if c.is_ascii() {
        return FoldIter::One(Mapped::one(c.to_ascii_lowercase()));
    }
    let simple = ucm::case_folded(c)
        .and_then(|n| char::from_u32(n.get()))
        .unwrap_or(c);
    let upper = to_upper(simple);
    if upper.len > 1 {
        let mut out = Vec::with_capacity(3);
        for u in upper {
            out.extend(to_lower(u));
        }
        return FoldIter::Many(out.into_iter());
    }
    let lower = to_lower(c);
    if simple == c && lower.len > 1 {
        return FoldIter::One(lower);
    }
    FoldIter::One(Mapped::one(simple))
}

enum FoldIter {
    One(Mapped),
    Many(std::vec::IntoIter<char>),
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::One(m) => m.next(),
            FoldIter::Many(v) => v.next(),
        }
    }
}

/// Lowercase of `chars[i]` in its context: a capital sigma at the end of a
/// word (after a cased letter and not before one, case-ignorable
/// characters skipped) becomes the final form `ς`.
pub fn lower_in_context(chars: &[char], i: usize) -> Mapped {
    let Some(&c) = chars.get(i) else {
        return Mapped::one('\0');
    };
    if c != '\u{3a3}' {
        return to_lower(c);
    }
    let before = chars[..i].iter().rev().find(|&&p| !is_case_ignorable(p));
    let after = chars[i + 1..].iter().find(|&&p| !is_case_ignorable(p));
    let final_form = before.is_some_and(|&p| is_cased(p)) && !after.is_some_and(|&p| is_cased(p));
    Mapped::one(if final_form { '\u{3c2}' } else { '\u{3c3}' })
}

#[cfg(test)]
mod tests {
    use super::super::oracle::call_each;
    use super::*;

    /// Ranges of code points (surrogates excluded) where `pred` holds, as
    /// "start-end" hex, the way the Python side writes them.
    fn ranges(pred: impl Fn(char) -> bool) -> String {
        let mut out = Vec::new();
        let mut start: Option<u32> = None;
        for cp in 0..=0x110000u32 {
            let p = char::from_u32(cp).is_some_and(&pred);
            match (p, start) {
                (true, None) => start = Some(cp),
                (false, Some(s)) => {
                    out.push(format!("{s:x}-{:x}", cp - 1));
                    start = None;
                }
                _ => {}
            }
        }
        out.join(",")
    }

    const PY_RANGES: &str = r#"
def _ranges(pred):
    out = []
    start = None
    for cp in range(0x110001):
        p = cp < 0x110000 and not (0xd800 <= cp < 0xe000) and pred(chr(cp))
        if p and start is None:
            start = cp
        elif not p and start is not None:
            out.append('%x-%x' % (start, cp - 1))
            start = None
    return ','.join(out)
"#;

    fn expand(ranges: &str) -> std::collections::BTreeSet<u32> {
        let mut set = std::collections::BTreeSet::new();
        for r in ranges.split(',').filter(|r| !r.is_empty()) {
            let (a, b) = r.split_once('-').expect("range");
            let a = u32::from_str_radix(a, 16).expect("hex");
            let b = u32::from_str_radix(b, 16).expect("hex");
            set.extend(a..=b);
        }
        set
    }

    /// The code points where two range lists disagree (at most 40).
    fn first_difference(a: &str, b: &str) -> String {
        let sa = expand(a);
        let sb = expand(b);
        let only_a: Vec<String> = sa
            .difference(&sb)
            .take(40)
            .map(|c| format!("{c:x}"))
            .collect();
        let only_b: Vec<String> = sb
            .difference(&sa)
            .take(40)
            .map(|c| format!("{c:x}"))
            .collect();
        format!("only rust: {only_a:?} only cpython: {only_b:?}")
    }

    #[test]
    fn predicates_match_cpython_for_every_code_point() {
        type Pred = Box<dyn Fn(char) -> bool>;
        let preds: Vec<(&str, Pred)> = vec![
            ("str.isspace", Box::new(is_space)),
            ("str.isdecimal", Box::new(is_decimal)),
            ("str.isdigit", Box::new(is_digit)),
            ("str.isnumeric", Box::new(is_numeric)),
            ("str.isalpha", Box::new(is_alpha)),
            ("str.isalnum", Box::new(is_alnum)),
            ("str.isprintable", Box::new(is_printable)),
            ("str.isupper", Box::new(is_upper)),
            ("str.islower", Box::new(is_lower)),
            ("str.istitle", Box::new(|c| is_title(c) || is_upper(c))),
            (
                "lambda c: c.isidentifier()",
                Box::new(|c| c == '_' || is_xid_start(c)),
            ),
            (
                "lambda c: ('a' + c).isidentifier()",
                Box::new(is_xid_continue),
            ),
            (
                "lambda c: len(c.splitlines()) == 1 and c.splitlines()[0] == '' ",
                Box::new(is_linebreak),
            ),
            // Case_Ignorable or Cased, seen through the final-sigma rule.
            (
                r"lambda c: ('a\u03a3' + c + 'a').lower()[1] == '\u03c3'",
                Box::new(|c| is_case_ignorable(c) || is_cased(c)),
            ),
        ];
        let args: Vec<String> = preds.iter().map(|(p, _)| p.to_string()).collect();
        let expected = call_each(PY_RANGES, "_ranges", &args);
        let mut bad = Vec::new();
        for ((name, pred), want) in preds.iter().zip(expected) {
            let got = ranges(pred);
            if format!("ok:{got}") != want {
                let want = want.strip_prefix("ok:").unwrap_or(&want);
                bad.push(format!("{name}: {}", first_difference(&got, want)));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn decimal_values_match_cpython() {
        let mut ours = String::new();
        for cp in 0..0x110000u32 {
            if let Some(c) = char::from_u32(cp) {
                if let Some(v) = decimal_value(c) {
                    ours.push_str(&format!("{cp:x}:{v},"));
                }
            }
        }
        let prelude = "def _values():\n    return ''.join('%x:%d,' % (cp, int(chr(cp))) for cp in range(0x110000) if chr(cp).isdecimal())";
        let want = call_each(prelude, "lambda _: _values()", &["None".to_string()]);
        assert_eq!(format!("ok:{ours}"), want[0]);
    }

    /// Every code point whose mapping differs from itself, as
    /// "cp:hex,hex;" entries.
    fn mapping_table(f: impl Fn(char) -> Vec<char>) -> String {
        let mut out = String::new();
        for cp in 0..0x110000u32 {
            if let Some(c) = char::from_u32(cp) {
                let m = f(c);
                if m != [c] {
                    out.push_str(&format!("{cp:x}:"));
                    let hex: Vec<String> = m.iter().map(|&x| format!("{:x}", x as u32)).collect();
                    out.push_str(&hex.join(","));
                    out.push(';');
                }
            }
        }
        out
    }

    #[test]
    fn case_mappings_match_cpython_for_every_code_point() {
        let prelude = r#"
def _table(f):
    out = []
    for cp in range(0x110000):
        if 0xd800 <= cp < 0xe000:
            continue
        c = chr(cp)
        m = f(c)
        if m != c:
            out.append('%x:%s;' % (cp, ','.join('%x' % ord(x) for x in m)))
    return ''.join(out)
"#;
        type MapFn = Box<dyn Fn(char) -> Vec<char>>;
        let maps: Vec<(&str, MapFn)> = vec![
            ("str.upper", Box::new(|c| to_upper(c).collect())),
            (
                "str.lower",
                Box::new(|c| lower_in_context(&[c], 0).collect()),
            ),
            ("str.casefold", Box::new(|c| case_fold(c).collect())),
            // title() of a lone character is its titlecase mapping.
            ("str.title", Box::new(|c| to_title(c).collect())),
        ];
        let args: Vec<String> = maps.iter().map(|(p, _)| p.to_string()).collect();
        let expected = call_each(prelude, "_table", &args);
        let mut bad = Vec::new();
        for ((name, f), want) in maps.iter().zip(expected) {
            let got = format!("ok:{}", mapping_table(f));
            if got != want {
                let g: Vec<&str> = got.split(';').collect();
                let w: Vec<&str> = want.split(';').collect();
                let gs: std::collections::BTreeSet<&str> = g.iter().copied().collect();
                let ws: std::collections::BTreeSet<&str> = w.iter().copied().collect();
                let diff = format!(
                    "only rust: {:?} only cpython: {:?}",
                    gs.difference(&ws).take(30).collect::<Vec<_>>(),
                    ws.difference(&gs).take(30).collect::<Vec<_>>()
                );
                bad.push(format!("{name}: {diff}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("_x1"));
        assert!(is_identifier("été"));
        assert!(!is_identifier("1x"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("a-b"));
    }
}
