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

use crate::int_args::Arg;

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
/// position.
pub struct KeywordCall {
    pub name: &'static str,
    pub total: usize,
    pub positional: usize,
    pub positional_only: bool,
    pub given: usize,
    pub by_position: usize,
}

impl KeywordCall {
    /// The required first argument, `data`, once the call's shape is valid.
    pub fn data<'a, 'py>(&self, data: &'a Arg<'py>) -> PyResult<&'a Bound<'py, PyAny>> {
        let name = self.name;
        let present = data.given();
        if self.given > self.total {
            return Err(PyTypeError::new_err(format!(
                "{name}() takes at most {} argument{} ({} given)",
                self.total,
                plural(self.total),
                self.given
            )));
        }
        if self.by_position > self.positional || (self.positional_only && present.is_none()) {
            return Err(PyTypeError::new_err(format!(
                "{name}() takes exactly {} positional argument{} ({} given)",
                self.positional,
                plural(self.positional),
                self.by_position
            )));
        }
        present.ok_or_else(|| {
            PyTypeError::new_err(format!("{name}() missing required argument 'data' (pos 1)"))
        })
    }
}

/// Functions of exactly one positional argument (`a2b_hex`, `a2b_uu`, ...):
/// that argument, once the call's shape is valid.
pub fn exactly_one<'a, 'py>(
    name: &str,
    arg: &'a Arg<'py>,
    extra: usize,
) -> PyResult<&'a Bound<'py, PyAny>> {
    let given = arg.count() + extra;
    match arg.given() {
        Some(arg) if given == 1 => Ok(arg),
        _ => Err(PyTypeError::new_err(format!(
            "binascii.{name}() takes exactly one argument ({given} given)"
        ))),
    }
}

/// Functions of positional arguments only, between `min` (at least 1) and
/// `max` of them (`crc32`, `crc_hqx`): the first argument, once the call's
/// shape is valid.
pub fn positional_range<'a, 'py>(
    name: &str,
    min: usize,
    max: usize,
    first: &'a Arg<'py>,
    given: usize,
) -> PyResult<&'a Bound<'py, PyAny>> {
    let message = if min == max && given != min {
        format!("{name} expected {min} argument{}, got {given}", plural(min))
    } else if given < min {
        format!(
            "{name} expected at least {min} argument{}, got {given}",
            plural(min)
        )
    } else if given > max {
        format!(
            "{name} expected at most {max} argument{}, got {given}",
            plural(max)
        )
    } else if let Some(first) = first.given() {
        return Ok(first);
    } else {
        format!(
            "{name} expected at least {min} argument{}, got 0",
            plural(min)
        )
    };
    Err(PyTypeError::new_err(message))
}

/// The `base64` module's functions of one positional parameter (plain
/// Python functions there): too many positional arguments, in Python's
/// words; `keyword_only` counts the keyword-only arguments that came too.
pub fn python_positional(name: &str, extra: usize, keyword_only: usize) -> PyResult<()> {
    if extra == 0 {
        return Ok(());
    }
    let given = 1 + extra;
    let message = if keyword_only == 0 {
        format!("{name}() takes 1 positional argument but {given} were given")
    } else {
        format!(
            "{name}() takes 1 positional argument but {given} positional arguments \
             (and {keyword_only} keyword-only argument{}) were given",
            plural(keyword_only)
        )
    };
    Err(PyTypeError::new_err(message))
}
