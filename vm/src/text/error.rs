//! The error type of the text algorithms: which Python exception to raise,
//! with CPython's message.

use std::fmt;

/// A failure of a text algorithm, named by the Python exception it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    ValueError(String),
    TypeError(String),
    OverflowError(String),
    IndexError(String),
    LookupError(String),
    /// Something CPython does that rpy cannot (message says what).
    NotImplemented(String),
    /// A result too large to allocate (CPython raises `MemoryError`).
    MemoryError,
}

impl TextError {
    /// The Python exception class name.
    pub fn kind(&self) -> &'static str {
        match self {
            TextError::ValueError(_) => "ValueError",
            TextError::TypeError(_) => "TypeError",
            TextError::OverflowError(_) => "OverflowError",
            TextError::IndexError(_) => "IndexError",
            TextError::LookupError(_) => "LookupError",
            TextError::NotImplemented(_) => "NotImplementedError",
            TextError::MemoryError => "MemoryError",
        }
    }

    /// The exception message (empty for `MemoryError`, as in CPython).
    pub fn message(&self) -> &str {
        match self {
            TextError::ValueError(m)
            | TextError::TypeError(m)
            | TextError::OverflowError(m)
            | TextError::IndexError(m)
            | TextError::LookupError(m)
            | TextError::NotImplemented(m) => m,
            TextError::MemoryError => "",
        }
    }

    pub(crate) fn value(msg: impl Into<String>) -> Self {
        TextError::ValueError(msg.into())
    }

    pub(crate) fn overflow(msg: impl Into<String>) -> Self {
        TextError::OverflowError(msg.into())
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message().is_empty() {
            f.write_str(self.kind())
        } else {
            write!(f, "{}: {}", self.kind(), self.message())
        }
    }
}

impl std::error::Error for TextError {}

/// Reserves room for `additional` more bytes, turning an impossible
/// allocation into `MemoryError` instead of an abort.
pub(crate) fn reserve(s: &mut String, additional: usize) -> Result<(), TextError> {
    s.try_reserve(additional)
        .map_err(|_| TextError::MemoryError)
}

/// Byte-vector version of [`reserve`].
pub(crate) fn reserve_bytes(v: &mut Vec<u8>, additional: usize) -> Result<(), TextError> {
    v.try_reserve(additional)
        .map_err(|_| TextError::MemoryError)
}
