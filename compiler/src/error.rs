//! Compile errors: what the VM turns into `SyntaxError` and friends.

use std::fmt;

/// Which Python exception a [`CompileError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Valid Python 3.11 that rpy does not run (`match`, `async`, ...). The
    /// message names the feature; the VM raises it as it sees fit
    /// (NotImplementedError or SyntaxError).
    Unsupported,
    /// "maximum recursion depth exceeded during compilation"; no position.
    RecursionError,
}

impl CompileErrorKind {
    /// The Python exception class name.
    pub fn python_name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::Unsupported => "NotImplementedError",
            CompileErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A compile-time error, mirroring `SyntaxError`'s attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    /// `SyntaxError.msg`.
    pub message: String,
    pub filename: String,
    /// `lineno`, 1-based; 0 when the error has no position.
    pub line: u32,
    /// `offset`: 1-based, in characters (code points) of `text`; 0 if
    /// unknown. Signed because CPython reports -1 in some cases.
    pub offset: i32,
    /// `end_lineno`, 0 when unknown.
    pub end_line: u32,
    /// `end_offset`, like `offset`; 0 when unknown (CPython also reports 0
    /// or -1 for some tokenizer errors, kept as is).
    pub end_offset: i32,
    /// `text`: the offending source line, as CPython gives it: with a
    /// newline for parser errors, as in the source for tokenizer errors, and
    /// `None` for errors CPython raises after parsing (symbol table and
    /// compiler errors such as "'return' outside function"); for those
    /// CPython reads the line from the file `filename` if it exists, and so
    /// may the VM.
    pub text: Option<String>,
}

impl CompileError {
    /// An error without position (RecursionError).
    pub fn bare(kind: CompileErrorKind, message: impl Into<String>, filename: &str) -> Self {
        CompileError {
            kind,
            message: message.into(),
            filename: filename.to_owned(),
            line: 0,
            offset: 0,
            end_line: 0,
            end_offset: 0,
            text: None,
        }
    }

    /// The recursion-limit error CPython raises for too deeply nested code.
    pub fn recursion(filename: &str) -> Self {
        Self::bare(
            CompileErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
            filename,
        )
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.kind.python_name(), self.message)
        } else {
            write!(
                f,
                "{}: {} ({}, line {})",
                self.kind.python_name(),
                self.message,
                self.filename,
                self.line
            )
        }
    }
}

impl std::error::Error for CompileError {}
