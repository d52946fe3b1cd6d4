//! The one error type of every codec: which Python exception a host raises,
//! and CPython 3.11's exact message for it.

use std::borrow::Cow;
use std::fmt;

/// The Python exception a host raises for an [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `binascii.Error` (a subclass of `ValueError`).
    BinasciiError,
    /// `binascii.Incomplete`. No 3.11 codec raises it; kept so that a host's
    /// mapping covers every exception `binascii` defines.
    Incomplete,
    /// `ValueError` (the `base64` module's Ascii85/base85/Z85 decoders,
    /// `hexlify`'s separator check).
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError`: the result's size does not fit in `usize`/`isize`.
    MemoryError,
    /// Misuse of this crate by the host (an output buffer too small for the
    /// result). Never caused by input data alone; a host raises `SystemError`.
    Internal,
}

impl ErrorKind {
    /// The exception's name as Python spells it (`"binascii.Error"`, ...).
    pub fn python_name(self) -> &'static str {
        match self {
            ErrorKind::BinasciiError => "binascii.Error",
            ErrorKind::Incomplete => "binascii.Incomplete",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::Internal => "SystemError",
        }
    }
}

/// A codec failure: the exception to raise and its message (`str(exc)`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    /// Which exception.
    pub kind: ErrorKind,
    /// The exception's message, exactly as CPython 3.11 words it.
    pub message: Cow<'static, str>,
}

/// Every codec's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// A `binascii.Error`.
    pub fn binascii(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorKind::BinasciiError, message)
    }

    /// A `ValueError`.
    pub fn value(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    /// A `MemoryError` (CPython raises it with no message).
    pub fn memory() -> Self {
        Self::new(ErrorKind::MemoryError, "")
    }

    /// The host gave an output buffer smaller than the result.
    pub fn buffer_too_small(needed_at_least: usize, given: usize) -> Self {
        Self::new(
            ErrorKind::Internal,
            format!("output buffer too small: need at least {needed_at_least} bytes, got {given}"),
        )
    }

    /// Which exception to raise.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message to raise it with.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.python_name(), self.message)
    }
}

impl std::error::Error for Error {}

/// `a + b`, or a `MemoryError` when it overflows.
pub(crate) fn add(a: usize, b: usize) -> Result<usize> {
    a.checked_add(b).ok_or_else(Error::memory)
}

/// `a * b`, or a `MemoryError` when it overflows.
pub(crate) fn mul(a: usize, b: usize) -> Result<usize> {
    a.checked_mul(b).ok_or_else(Error::memory)
}

/// Sizes must also fit in `isize` (Python's `Py_ssize_t`).
pub(crate) fn fits(n: usize) -> Result<usize> {
    if isize::try_from(n).is_ok() {
        Ok(n)
    } else {
        Err(Error::memory())
    }
}
