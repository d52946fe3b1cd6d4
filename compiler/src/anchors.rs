//! Caret anchors for 3.11 tracebacks (`~~~^^^~~~`): where the primary
//! carets go under a failing binary operation or subscript.

/// For a source segment (the failing instruction's span), the character
/// range of the primary carets, if the segment is a single binary operation
/// or subscript expression.
pub fn caret_anchors(_segment: &str) -> Option<(usize, usize)> {
    None
}
