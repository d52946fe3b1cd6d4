//! Whether the REPL has a whole statement or must prompt with `... `.
//!
//! Like CPython's interactive loop: open brackets, an open triple-quoted
//! string or a trailing backslash ask for more, and so does a compound
//! statement until an empty line ends it; but a syntax error already
//! present in the lines typed so far is reported at once rather than after
//! the empty line. The compiler tells the first cases
//! ([`rpy_compiler::incomplete_input`]); for the last, the text is compiled
//! as if the empty line had come: an error located in the text typed, and
//! not one that only says the text ends too soon, is real.

use rpy_compiler::{compile, incomplete_input, CompileErrorKind, Mode};

/// True when `source` (lines typed so far, each ending in '\n') needs
/// more lines before it can be compiled.
pub fn needs_more(source: &str) -> bool {
    if !incomplete_input(source) {
        return false;
    }
    let closed = format!("{source}\n");
    match compile(&closed, "<stdin>", Mode::Single) {
        Ok(_) => true,
        Err(e) => {
            let at_end = e.message.contains("was never closed")
                || e.message.contains("unexpected EOF")
                || e.message.starts_with("unterminated triple-quoted")
                || (e.kind == CompileErrorKind::IndentationError
                    && e.message.starts_with("expected an indented block"));
            let typed_lines = source.lines().count() as u32;
            at_end || e.line == 0 || e.line > typed_lines
        }
    }
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn incomplete_and_complete() {
        for src in [
            "if x:\n",
            "if x:\n    y = 1\n",
            "def f():\n",
            "def f():\n    return (1,\n",
            "(1,\n",
            "s = '''a\n",
            "class C:\n    def f(self):\n",
            "@dec\n",
            "try:\n    pass\n",
        ] {
            assert!(needs_more(src), "{src:?} should ask for more");
        }
        for src in [
            "x = 1\n",
            "if x:\n    y = 1\n\n",
            "x = )\n",
            "def f(:\n",
            "if x:\n    y = )\n",
            "",
        ] {
            assert!(!needs_more(src), "{src:?} should be complete");
        }
    }
}
