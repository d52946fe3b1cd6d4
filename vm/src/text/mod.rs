//! Text and number formatting with CPython 3.11's semantics, as plain Rust
//! algorithms on `&str`, `&[u8]`, `f64` and malachite integers.
//!
//! Nothing here knows about VM objects: every function takes Rust values and
//! returns a value or a [`TextError`] naming the Python exception to raise
//! and CPython's message for it. The VM's str/bytes/int/float methods wrap
//! these.
//!
//! Indexes: Python str indexes count code points, while `&str` is UTF-8.
//! Functions that take or return positions say which unit they use; the
//! `str_ops` functions take code-point positions and have a fast path for
//! ASCII text, where the two coincide.

pub mod bytes_ops;
pub mod codecs;
pub mod error;
pub mod float_hex;
pub mod float_repr;
pub mod format_spec;
pub mod format_string;
pub mod number_parse;
pub mod percent_format;
pub mod str_ops;
pub mod surrogates;
pub mod unicode_class;

#[cfg(test)]
mod oracle;

pub use error::TextError;
