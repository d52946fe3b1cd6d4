//! Caret anchors for 3.11 tracebacks (`~~~^^^~~~`): where the primary
//! carets go under a failing binary operation or subscript.
//!
//! CPython 3.11 re-parses the failing source segment; if it is a single
//! expression statement that is a binary operation, the `^` carets mark the
//! operator (skipping whitespace and closing parentheses after the left
//! operand); for a subscript they run from the `[` to the `]`. The
//! arithmetic below follows CPython's, including its mixing of byte and
//! character offsets on non-ASCII text, so the carets land where CPython's
//! do.

use crate::ast::{ExprKind, Module, StmtKind};
use crate::Mode;

/// For a one-line source segment (the failing instruction's span), the
/// character range `start..end` of the primary (`^`) carets, if the segment
/// is a single binary operation or subscript expression.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let Ok(Module::Exec(body)) = crate::parse(segment, "<segment>", Mode::Exec) else {
        return None;
    };
    let [stmt] = body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let normalize = |offset: usize| byte_to_char_offset(segment, offset);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let left_end = left.loc.end_col as usize;
            let op_start = normalize(left_end);
            let op_end = normalize(right.loc.col as usize);
            let op: &[char] = chars.get(op_start..op_end.max(op_start)).unwrap_or(&[]);
            let op_offset = op.iter().take_while(|c| is_space(**c)).count();
            let mut left_anchor = left_end + op_offset;
            let mut right_anchor = left_anchor + 1;
            if op_offset + 1 < op.len() && op.get(op_offset + 1).is_some_and(|c| !is_space(*c)) {
                right_anchor += 1;
            }
            while let Some(c) = at(left_anchor) {
                if !(is_space(c) || c == ')' || c == '#') {
                    break;
                }
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((normalize(left_anchor), normalize(right_anchor)))
        }
        ExprKind::Subscript { value, slice } => {
            let mut left_anchor = normalize(value.loc.end_col as usize);
            let mut right_anchor = normalize(slice.loc.end_col as usize + 1);
            while at(left_anchor).is_some_and(|c| c != '[') {
                left_anchor += 1;
            }
            while at(right_anchor).is_some_and(|c| c != ']') {
                right_anchor += 1;
            }
            if right_anchor < chars.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

/// Python's `str.isspace()` (Rust's whitespace plus the ASCII separators
/// U+001C..U+001F that Python also counts).
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Characters in the first `offset` bytes of `s`; a character cut in the
/// middle counts once (as Python's lenient decode of the prefix does).
fn byte_to_char_offset(s: &str, offset: usize) -> usize {
    s.char_indices().take_while(|(i, _)| *i < offset).count()
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    /// Expected values from CPython 3.11's
    /// `traceback._extract_caret_anchors_from_line_segment`.
    #[test]
    fn matches_cpython() {
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("a/b", Some((1, 2))),
            ("(a) / b", Some((4, 5))),
            ("a  **  b", Some((3, 5))),
            ("a +(b)", Some((2, 4))),
            ("a [ 5 ]", Some((2, 7))),
            ("a[1]", Some((1, 4))),
            ("a[1:2]", Some((1, 6))),
            ("x[i][j]", Some((4, 7))),
            ("f(x)", None),
            ("a.b", None),
            ("x = a + b", None),
            ("a + b + c", Some((6, 7))),
            ("(a + b) * c", Some((8, 9))),
            ("a // b", Some((2, 4))),
            ("((a)) % (b)", Some((6, 8))),
            ("é + b", Some((3, 4))),
            ("'é' + b", Some((5, 6))),
            ("a; b", None),
            ("a +", None),
        ];
        for (segment, expected) in cases {
            assert_eq!(caret_anchors(segment), *expected, "segment {segment:?}");
        }
    }
}
