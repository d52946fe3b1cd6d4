//! Compile-time warnings (SyntaxWarning, DeprecationWarning): CPython issues
//! them through the `warnings` module while compiling; the compiler returns
//! them for the VM to issue.

use crate::bytecode::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCategory {
    /// Shown by default, e.g. `"is" with a literal. Did you mean "=="?`.
    SyntaxWarning,
    /// Hidden by default filters, e.g. `invalid escape sequence '\d'`.
    DeprecationWarning,
}

impl WarningCategory {
    pub fn python_name(self) -> &'static str {
        match self {
            WarningCategory::SyntaxWarning => "SyntaxWarning",
            WarningCategory::DeprecationWarning => "DeprecationWarning",
        }
    }
}

/// One warning, in the order CPython would issue it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub message: String,
    pub filename: String,
    /// `lineno` of the warning (CPython's `warn_explicit` line).
    pub line: u32,
    /// The span the warning is about.
    pub loc: Location,
}
