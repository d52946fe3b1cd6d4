//! Byte offsets to CPython-style positions, and positioned errors.

use crate::bytecode::Location;
use crate::error::{CompileError, CompileErrorKind};

/// Line starts of one source text. `\n`, `\r\n` and a lone `\r` end a line,
/// as in the tokenizer.
pub struct SourceMap<'a> {
    source: &'a str,
    filename: &'a str,
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(source: &'a str, filename: &'a str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            source,
            filename,
            line_starts,
        }
    }

    pub fn filename(&self) -> &str {
        self.filename
    }

    pub fn source(&self) -> &str {
        self.source
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> u32 {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts.last() == Some(&self.source.len()) {
            (n - 1) as u32
        } else {
            n as u32
        }
    }

    /// (1-based line, 0-based byte column) of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(idx).copied().unwrap_or(0);
        ((idx + 1) as u32, (offset - start) as u32)
    }

    /// The span of the byte range `start..end`.
    pub fn location(&self, start: usize, end: usize) -> Location {
        let (line, col) = self.position(start);
        let (end_line, end_col) = self.position(end);
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Byte offset of (1-based `line`, byte `col`), clamped to the source.
    pub fn offset(&self, line: u32, col: u32) -> usize {
        let idx = (line as usize).saturating_sub(1);
        let start = self
            .line_starts
            .get(idx)
            .copied()
            .unwrap_or(self.source.len());
        (start + col as usize).min(self.source.len())
    }

    /// The last non-whitespace character before `loc` starts, skipping
    /// line continuations and newlines (used to tell parenthesized
    /// expressions, whose spans exclude the parentheses).
    pub fn char_before(&self, loc: Location) -> Option<char> {
        let start = self.offset(loc.line, loc.col);
        self.source
            .get(..start)?
            .chars()
            .rev()
            .find(|c| !c.is_whitespace() && *c != '\\')
    }

    /// Byte range of 1-based `line`, including its line ending.
    fn line_range(&self, line: u32) -> Option<(usize, usize)> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)?;
        let end = self
            .line_starts
            .get(idx + 1)
            .copied()
            .unwrap_or(self.source.len());
        Some((start, end))
    }

    /// The text of 1-based `line` with its line ending, if it exists.
    pub fn line_text(&self, line: u32) -> Option<&'a str> {
        let (start, end) = self.line_range(line)?;
        self.source.get(start..end)
    }

    /// 1-based character offset of byte column `col` in `line` (CPython's
    /// `SyntaxError.offset`).
    pub fn char_offset(&self, line: u32, col: u32) -> u32 {
        let Some(text) = self.line_text(line) else {
            return col + 1;
        };
        let col = (col as usize).min(text.len());
        let mut end = col;
        while end > 0 && !text.is_char_boundary(end) {
            end -= 1;
        }
        text.get(..end).map_or(col, |t| t.chars().count()) as u32 + 1
    }

    /// A positioned error spanning `loc`, text and offsets as CPython's.
    pub fn error(
        &self,
        kind: CompileErrorKind,
        message: impl Into<String>,
        loc: Location,
    ) -> CompileError {
        CompileError {
            kind,
            message: message.into(),
            filename: self.filename.to_owned(),
            line: loc.line,
            offset: self.char_offset(loc.line, loc.col) as i32,
            end_line: loc.end_line,
            end_offset: self.char_offset(loc.end_line, loc.end_col) as i32,
            text: self.error_text(loc.line),
        }
    }

    /// The line as `SyntaxError.text` shows it: ends with a newline.
    pub fn error_text(&self, line: u32) -> Option<String> {
        let text = self.line_text(line)?;
        let body = text.trim_end_matches(['\n', '\r']);
        Some(format!("{body}\n"))
    }

    /// A `SyntaxError` CPython raises after parsing: no `text` (see
    /// [`CompileError::text`]).
    pub fn compile_error(&self, message: impl Into<String>, loc: Location) -> CompileError {
        let mut e = self.syntax_error(message, loc);
        e.text = None;
        e
    }

    /// A `SyntaxError` spanning `loc`.
    pub fn syntax_error(&self, message: impl Into<String>, loc: Location) -> CompileError {
        self.error(CompileErrorKind::SyntaxError, message, loc)
    }
}
