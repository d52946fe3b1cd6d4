//! CPython's messages for a binascii call with too few or too many
//! arguments. Every binascii function collects surplus positional arguments
//! in `*extra` and declares its parameters with an "absent" default, so that
//! the count can be checked here and reported in CPython's words.
//!
//! Keyword misuse (an unknown name, a positional-only parameter passed by
//! name) is rejected by PyO3's own parser, with the same TypeError but its
//! own wording: reporting it ourselves would need the tuple-and-dict calling
//! convention, which costs more than a whole binascii call at 64 bytes.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Functions with keyword parameters (`b2a_base64(data, /, *, newline)`,
/// `b2a_qp(data, quotetabs, istext, header)`, ...): `total` is how many
/// parameters exist, `positional` how many may be passed by position, `given`
/// how many arguments came (by position or name), `by_position` how many by
/// position, `data` whether the required first argument came.
pub struct KeywordCall {
    pub name: &'static str,
    pub total: usize,
    pub positional: usize,
    pub positional_only: bool,
    pub given: usize,
    pub by_position: usize,
    pub data: bool,
}

impl KeywordCall {
    pub fn check(&self) -> PyResult<()> {
        let name = self.name;
        if self.given > self.total {
            return Err(PyTypeError::new_err(format!(
                "{name}() takes at most {} argument{} ({} given)",
                self.total,
                plural(self.total),
                self.given
            )));
        }
        if self.by_position > self.positional || (self.positional_only && !self.data) {
            return Err(PyTypeError::new_err(format!(
                "{name}() takes exactly {} positional argument{} ({} given)",
                self.positional,
                plural(self.positional),
                self.by_position
            )));
        }
        if !self.data {
            return Err(PyTypeError::new_err(format!(
                "{name}() missing required argument 'data' (pos 1)"
            )));
        }
        Ok(())
    }
}

/// Functions of exactly one positional argument (`a2b_hex`, `a2b_uu`, ...).
pub fn exactly_one(name: &str, given: usize) -> PyResult<()> {
    if given == 1 {
        return Ok(());
    }
    Err(PyTypeError::new_err(format!(
        "binascii.{name}() takes exactly one argument ({given} given)"
    )))
}

/// Functions of positional arguments only, between `min` and `max` of them
/// (`crc32`, `crc_hqx`).
pub fn positional_range(name: &str, min: usize, max: usize, given: usize) -> PyResult<()> {
    let message = if min == max && given != min {
        format!("{name} expected {min} argument{}, got {given}", plural(min))
    } else if given < min {
        format!("{name} expected at least {min} argument{}, got {given}", plural(min))
    } else if given > max {
        format!("{name} expected at most {max} argument{}, got {given}", plural(max))
    } else {
        return Ok(());
    };
    Err(PyTypeError::new_err(message))
}
