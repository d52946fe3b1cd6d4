//! Character classes and case mappings as the SRE code words name them:
//! the CATEGORY codes, the word test of the AT_*BOUNDARY codes, and the
//! ASCII, locale (the C locale: ASCII only) and Unicode lower/upper
//! mappings that the *_IGNORE opcodes apply. Unicode properties come from
//! the VM's tables, so they agree with `str.isalnum` and friends.

use rpy_vm::unicode_class as uc;

/// `ch` as a `char`, if it is one (surrogates and out-of-range words are not).
fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

pub fn ascii_lower(ch: u32) -> u32 {
    if (u32::from(b'A')..=u32::from(b'Z')).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

pub fn ascii_upper(ch: u32) -> u32 {
    if (u32::from(b'a')..=u32::from(b'z')).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// The C locale's `tolower` on a byte (what LOCALE patterns see; other
/// locales are not supported by rpy).
pub fn locale_lower(ch: u32) -> u32 {
    ascii_lower(ch)
}

pub fn locale_upper(ch: u32) -> u32 {
    ascii_upper(ch)
}

/// The simple (one-to-one) lowercase mapping: for characters whose full
/// mapping has several characters, its first one (U+0130 -> 'i').
pub fn uni_lower(ch: u32) -> u32 {
    if ch < 128 {
        return ascii_lower(ch);
    }
    match as_char(ch) {
        Some(c) => uc::to_lower(c).next().map_or(ch, u32::from),
        None => ch,
    }
}

/// The simple uppercase mapping: characters whose full mapping has
/// several characters ('ß' -> "SS") keep themselves.
pub fn uni_upper(ch: u32) -> u32 {
    if ch < 128 {
        return ascii_upper(ch);
    }
    match as_char(ch) {
        Some(c) => {
            let mut m = uc::to_upper(c);
            match (m.next(), m.next()) {
                (Some(u), None) => u32::from(u),
                _ => ch,
            }
        }
        None => ch,
    }
}

pub fn ascii_is_cased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

pub fn uni_is_cased(ch: u32) -> bool {
    uni_lower(ch) != ch || uni_upper(ch) != ch
}

pub fn is_digit(ch: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&ch)
}

pub fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_'))
}

pub fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

/// The C locale's word characters: ASCII letters, digits and '_'.
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    as_char(ch).is_some_and(uc::is_decimal)
}

pub fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    as_char(ch).is_some_and(uc::is_space)
}

pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    as_char(ch).is_some_and(uc::is_alnum)
}

pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(ch, 10..=13 | 28..=30 | 0x85 | 0x2028 | 0x2029)
}

/// CATEGORY_* codes (re._constants.CHCODES order); None for an unknown code.
pub fn category(code: u32, ch: u32) -> Option<bool> {
    Some(match code {
        0 => is_digit(ch),
        1 => !is_digit(ch),
        2 => is_space(ch),
        3 => !is_space(ch),
        4 => is_word(ch),
        5 => !is_word(ch),
        6 => is_linebreak(ch),
        7 => !is_linebreak(ch),
        8 => is_loc_word(ch),
        9 => !is_loc_word(ch),
        10 => is_uni_digit(ch),
        11 => !is_uni_digit(ch),
        12 => is_uni_space(ch),
        13 => !is_uni_space(ch),
        14 => is_uni_word(ch),
        15 => !is_uni_word(ch),
        16 => is_uni_linebreak(ch),
        17 => !is_uni_linebreak(ch),
        _ => return None,
    })
}

/// The test of a CATEGORY code as a function (for the matcher's fast
/// loops over `\w+`, `\d*`, ...).
pub fn category_fn(code: u32) -> Option<fn(u32) -> bool> {
    Some(match code {
        0 => is_digit,
        1 => |c| !is_digit(c),
        2 => is_space,
        3 => |c| !is_space(c),
        4 => is_word,
        5 => |c| !is_word(c),
        6 => is_linebreak,
        7 => |c| !is_linebreak(c),
        8 => is_loc_word,
        9 => |c| !is_loc_word(c),
        10 => is_uni_digit,
        11 => |c| !is_uni_digit(c),
        12 => is_uni_space,
        13 => |c| !is_uni_space(c),
        14 => is_uni_word,
        15 => |c| !is_uni_word(c),
        16 => is_uni_linebreak,
        17 => |c| !is_uni_linebreak(c),
        _ => return None,
    })
}
