//! Whether the REPL has a whole statement or must prompt with `... `.
//!
//! Like CPython's interactive loop: open brackets, an open triple-quoted
//! string or a trailing backslash ask for more, and so does a compound
//! statement until an empty line ends it; but a syntax error already
//! present in the lines typed so far is reported at once rather than after
//! the empty line. The compiler tells the first cases
//! ([`rpy_compiler::incomplete_input`]). For a compound statement the text
//! is compiled as if it ended now, and as if an indented block followed:
//! when both fail at a line already typed (and not merely because the text
//! ends too soon), the error is real.

use rpy_compiler::{compile, incomplete_input, CompileErrorKind, Mode};

/// True when `source` (lines typed so far, each ending in '\n') needs
/// more lines before it can be compiled.
pub fn needs_more(source: &str) -> bool {
    if source.ends_with("\\\n") || source.ends_with("\\\r\n") {
        return true;
    }
    if !incomplete_input(source) {
        return false;
    }
    let typed_lines = source.lines().count() as u32;
    // The error, if any, once the statement is ended as typed, and once
    // more with a deeper-indented `pass` as if a block were still to come.
    let probes = [
        format!("{source}\n"),
        format!("{source}{}    pass\n\n", last_indent(source)),
    ];
    probes
        .iter()
        .any(|probe| match compile(probe, "<stdin>", Mode::Single) {
            Ok(_) => true,
            Err(e) => {
                let at_end = e.message.contains("was never closed")
                    || e.message.contains("unexpected EOF")
                    || e.message.starts_with("unterminated triple-quoted")
                    || (e.kind == CompileErrorKind::IndentationError
                        && e.message.starts_with("expected an indented block"));
                at_end || e.line == 0 || e.line > typed_lines
            }
        })
}

/// The leading whitespace of the last non-blank line.
fn last_indent(source: &str) -> &str {
    let line = source
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let body = line.trim_start_matches([' ', '\t']);
    line.get(..line.len() - body.len()).unwrap_or("")
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
            "@dec\ndef g():\n",
            "if x:\n    pass\nelse:\n",
            "y = 1 + \\\n",
            "for i in x:\n    if i:\n",
        ] {
            assert!(needs_more(src), "{src:?} should ask for more");
        }
        for src in [
            "x = 1\n",
            "if x:\n    y = 1\n\n",
            "x = )\n",
            "def f(:\n",
            "if x:\n    y = )\n",
            "for x in y:\n    f()\n  g()\n",
            "y = 1 + \\\n2\n",
            "",
        ] {
            assert!(!needs_more(src), "{src:?} should be complete");
        }
    }
}
