//! Lone surrogates in string literals (`'\ud800'`): the parser crate
//! decodes such an escape to U+FFFD, so before parsing, the escapes in the
//! raw text of each str token are replaced by the character rpy's `str`
//! stores a lone surrogate as (U+D800 + k is held as
//! [`SURROGATE_STORE_BASE`] + k; see the VM's `text/surrogates.rs`).

/// Where rpy's str keeps lone surrogates: U+D800..U+DFFF are held as
/// U+DD800..U+DDFFF (an unassigned block of plane 13).
pub const SURROGATE_STORE_BASE: u32 = 0xDD800;

/// The body of a non-raw str token with each `\uDXXX` / `\U0000DXXX`
/// surrogate escape replaced by its stored character; None when there is
/// none (the common case, answered by a byte search).
pub fn store_surrogate_escapes(body: &str) -> Option<String> {
    if !body.contains("\\u") && !body.contains("\\U") {
        return None;
    }
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut copied = 0;
    let mut i = 0;
    let mut changed = false;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let digits = match b.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                // `\\` and other escapes: skip both characters.
                i += 2;
                continue;
            }
        };
        let hex = body.get(i + 2..i + 2 + digits);
        let cp = hex
            .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match cp {
            Some(cp @ 0xD800..=0xDFFF) => {
                let stored = char::from_u32(cp - 0xD800 + SURROGATE_STORE_BASE);
                if let (Some(c), Some(prev)) = (stored, body.get(copied..i)) {
                    out.push_str(prev);
                    out.push(c);
                    copied = i + 2 + digits;
                    changed = true;
                }
                i += 2 + digits;
            }
            _ => i += 2,
        }
    }
    if !changed {
        return None;
    }
    out.push_str(body.get(copied..).unwrap_or(""));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::store_surrogate_escapes;

    #[test]
    fn replaces_only_surrogate_escapes() {
        assert_eq!(store_surrogate_escapes("abc"), None);
        assert_eq!(store_surrogate_escapes(r"\u00e9"), None);
        assert_eq!(
            store_surrogate_escapes(r"a\ud800b\U0000DFFF").as_deref(),
            Some("a\u{DD800}b\u{DDFFF}")
        );
        assert_eq!(store_surrogate_escapes(r"\\ud800"), None);
        assert_eq!(
            store_surrogate_escapes(r"\\\udc80").as_deref(),
            Some("\\\\\u{DDC80}")
        );
    }
}
