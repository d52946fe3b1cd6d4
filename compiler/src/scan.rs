//! A tokenizer that behaves like CPython 3.11's, used only to explain
//! syntax errors: it produces CPython's tokens (with CPython's positions for
//! NEWLINE, INDENT and the end of input) and the first error CPython's
//! tokenizer would raise, with its message and position.
//!
//! Columns are 0-based byte offsets, as in the AST; `parse_errors` turns
//! them into SyntaxError offsets.

use crate::error::CompileErrorKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Identifiers and keywords.
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    /// The end of input.
    EndMarker,
    /// A character no token starts with (`$`, `?`, a lone `!`): the parser
    /// fails on it with "invalid syntax".
    ErrorTok,
}

#[derive(Debug, Clone)]
pub struct Token<'s> {
    pub kind: Kind,
    pub text: &'s str,
    /// Byte offset of the token's start in the source.
    pub start: usize,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// Bracket depth: inside how many brackets the token is (a bracket
    /// itself counts as outside the pair it opens or closes).
    pub depth: u32,
}

impl Token<'_> {
    pub fn is(&self, text: &str) -> bool {
        matches!(self.kind, Kind::Name | Kind::Op) && self.text == text
    }

    pub fn is_keyword(&self) -> bool {
        self.kind == Kind::Name && KEYWORDS.contains(&self.text)
    }
}

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// A tokenizer error, positioned as CPython positions it: `offset` and
/// `end_offset` are SyntaxError values (1-based characters; CPython's odd
/// values like -1 and 0 included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub line: u32,
    pub offset: i64,
    pub end_line: u32,
    pub end_offset: i64,
    /// Number of tokens produced before the error: the parser meets the
    /// error when it asks for token number `index`.
    pub index: usize,
    /// "'(' was never closed" at the end of input (special precedence).
    pub never_closed: bool,
    /// Whether CPython's `text` for this error ends with a newline: errors
    /// the tokenizer raises itself show the line without it; those raised
    /// through the parser on the tokenizer's current line add one.
    pub text_newline: bool,
}

pub struct Scan<'s> {
    pub tokens: Vec<Token<'s>>,
    pub error: Option<TokError>,
}

const TABSIZE: u32 = 8;
const MAX_INDENT: usize = 100;
const MAX_LEVEL: usize = 200;

struct Scanner<'s> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token<'s>>,
    brackets: Vec<(u8, u32, u32)>,
    indents: Vec<(u32, u32)>,
    at_line_start: bool,
}

/// Tokenizes `src` up to its first tokenizer error.
pub fn scan(src: &str) -> Scan<'_> {
    let mut s = Scanner {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::new(),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        at_line_start: true,
    };
    let error = s.run().err();
    Scan {
        tokens: s.tokens,
        error,
    }
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic() || (c as u32) >= 128
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || (c as u32) >= 128
}

/// CPython's identifier check for one character (XID classes, roughly).
fn valid_ident_char(c: char, first: bool) -> bool {
    if c.is_ascii() {
        return if first {
            c == '_' || c.is_ascii_alphabetic()
        } else {
            c == '_' || c.is_ascii_alphanumeric()
        };
    }
    if first {
        c.is_alphabetic()
    } else {
        c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}')
    }
}

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "..."];
const OPS2: &[&str] = &[
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
    "@=", "^=", "|=",
];
const OPS1: &str = "%&()*+,-./:;<=>@[]^{|}~";

impl<'s> Scanner<'s> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn col_of(&self, pos: usize) -> u32 {
        (pos - self.line_start) as u32
    }

    /// Characters of the current line before byte `pos` (CPython's error
    /// offsets count characters from the line start up to the cursor).
    fn chars_before(&self, pos: usize) -> i64 {
        self.src
            .get(self.line_start..pos)
            .map_or(0, |t| t.chars().count()) as i64
    }

    fn line_len_chars(&self) -> i64 {
        let end = self
            .src
            .get(self.line_start..)
            .unwrap_or("")
            .find(['\n', '\r'])
            .map_or(self.src.len(), |i| self.line_start + i);
        self.chars_before(end)
    }

    fn err(
        &self,
        kind: CompileErrorKind,
        message: impl Into<String>,
        offset: i64,
        end_offset: i64,
    ) -> TokError {
        TokError {
            kind,
            message: message.into(),
            line: self.line,
            offset,
            end_line: self.line,
            end_offset,
            index: self.tokens.len(),
            never_closed: false,
            text_newline: true,
        }
    }

    /// A SyntaxError at the cursor `pos`, as CPython's `syntaxerror()`.
    fn err_at(&self, message: impl Into<String>, pos: usize) -> TokError {
        let off = self.chars_before(pos);
        TokError {
            text_newline: false,
            ..self.err(CompileErrorKind::SyntaxError, message, off, off)
        }
    }

    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        let depth = self.brackets.len() as u32;
        self.tokens.push(Token {
            kind,
            text: self.src.get(start..end).unwrap_or(""),
            start,
            line: self.line,
            col: self.col_of(start),
            end_line: self.line,
            end_col: self.col_of(end),
            depth,
        });
    }

    fn newline_here(&mut self) {
        // Consumes one line ending at `pos`.
        if self.peek(0) == Some(b'\r') && self.peek(1) == Some(b'\n') {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), TokError> {
        loop {
            if self.at_line_start && self.brackets.is_empty() && self.indentation()? {
                continue;
            }
            self.at_line_start = false;
            // Skip blanks.
            while matches!(self.peek(0), Some(b' ' | b'\t' | b'\x0c')) {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(b) = self.peek(0) else {
                return self.end_of_input();
            };
            match b {
                b'#' => {
                    while !matches!(self.peek(0), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                    let comment_start = start;
                    // The NEWLINE after a comment starts at the comment.
                    if self.brackets.is_empty() && self.line_has_code(comment_start) {
                        let end = self.pos;
                        self.push(Kind::Newline, comment_start, end);
                    }
                    if self.peek(0).is_some() {
                        self.newline_here();
                        self.at_line_start = true;
                    }
                }
                b'\n' | b'\r' => {
                    if self.brackets.is_empty() && self.line_has_code(start) {
                        self.push(Kind::Newline, start, start);
                    }
                    self.newline_here();
                    self.at_line_start = true;
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek(0) {
                        Some(b'\n' | b'\r') => self.newline_here(),
                        None => {
                            let len = self.line_len_chars();
                            return Err(self.err(
                                CompileErrorKind::SyntaxError,
                                "unexpected EOF while parsing",
                                len + 1,
                                -1,
                            ));
                        }
                        Some(_) => {
                            let next = self.next_char_end(self.pos);
                            let off = self.chars_before(next);
                            return Err(self.err(
                                CompileErrorKind::SyntaxError,
                                "unexpected character after line continuation character",
                                off,
                                0,
                            ));
                        }
                    }
                }
                b'0'..=b'9' => self.number()?,
                b'.' if matches!(self.peek(1), Some(b'0'..=b'9')) => self.number()?,
                b'\'' | b'"' => self.string(start)?,
                _ => {
                    let c = self
                        .src
                        .get(self.pos..)
                        .and_then(|r| r.chars().next())
                        .unwrap_or('\0');
                    if is_ident_start(c) {
                        self.name_or_string(start)?;
                    } else {
                        self.operator(start)?;
                    }
                }
            }
        }
    }

    fn next_char_end(&self, pos: usize) -> usize {
        self.src
            .get(pos..)
            .and_then(|t| t.chars().next())
            .map_or(pos, |c| pos + c.len_utf8())
    }

    /// Whether the current logical line has produced a token (so a NEWLINE
    /// token is due rather than a blank-line NL).
    fn line_has_code(&self, _here: usize) -> bool {
        match self.tokens.last() {
            None => false,
            Some(t) => !matches!(t.kind, Kind::Newline | Kind::Indent | Kind::Dedent),
        }
    }

    /// Handles indentation at a line start. Returns true if the line was
    /// blank (already consumed).
    fn indentation(&mut self) -> Result<bool, TokError> {
        let mut col = 0u32;
        let mut altcol = 0u32;
        let mut p = self.pos;
        while let Some(&b) = self.bytes.get(p) {
            match b {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            p += 1;
        }
        match self.bytes.get(p) {
            Some(b'#' | b'\n' | b'\r') => {
                // Blank or comment-only line: no indentation change.
                self.pos = p;
                self.at_line_start = false;
                if self.bytes.get(p) != Some(&b'#') {
                    self.newline_here();
                    self.at_line_start = true;
                    return Ok(true);
                }
                return Ok(false);
            }
            None => {
                self.pos = p;
                self.at_line_start = false;
                return Ok(false);
            }
            _ => {}
        }
        self.pos = p;
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        let tab_error = |s: &Self| {
            s.err(
                CompileErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                1,
                0,
            )
        };
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.err(
                    CompileErrorKind::IndentationError,
                    "too many levels of indentation",
                    1,
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            self.indents.push((col, altcol));
            self.push(Kind::Indent, self.line_start, p);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|(c, _)| col < *c) {
                self.indents.pop();
                self.push(Kind::Dedent, p, p);
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let len = self.line_len_chars();
                return Err(self.err(
                    CompileErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    len + 1,
                    -1,
                ));
            }
            if altcol != alttop {
                return Err(tab_error(self));
            }
        }
        self.at_line_start = false;
        Ok(false)
    }

    fn end_of_input(&mut self) -> Result<(), TokError> {
        if let Some(&(open, line, col)) = self.brackets.last() {
            return Err(TokError {
                kind: CompileErrorKind::SyntaxError,
                message: format!("'{}' was never closed", open as char),
                line,
                offset: i64::from(col) + 1,
                end_line: line,
                end_offset: 0,
                index: self.tokens.len(),
                never_closed: true,
                text_newline: line == eof_position(self.src).0,
            });
        }
        let end = self.src.len();
        if self.line_has_code(end) {
            self.push(Kind::Newline, end, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Kind::Dedent, end, end);
        }
        // CPython places the end of input after the last line's text; a
        // trailing newline does not start a new line, a blank line does.
        let (line, col) = eof_position(self.src);
        self.tokens.push(Token {
            kind: Kind::EndMarker,
            text: "",
            start: end,
            line,
            col,
            end_line: line,
            end_col: col,
            depth: 0,
        });
        Ok(())
    }

    fn name_or_string(&mut self, start: usize) -> Result<(), TokError> {
        let rest = self.src.get(self.pos..).unwrap_or("");
        let len: usize = rest
            .chars()
            .take_while(|c| is_ident_char(*c))
            .map(char::len_utf8)
            .sum();
        let word = self.src.get(start..start + len).unwrap_or("");
        if matches!(self.bytes.get(start + len), Some(b'\'' | b'"')) && is_string_prefix(word) {
            self.pos = start + len;
            return self.string(start);
        }
        // Identifier validity, as CPython's verify_identifier.
        for (i, (off, c)) in word.char_indices().enumerate() {
            if !valid_ident_char(c, i == 0) {
                let at = start + off + c.len_utf8();
                let msg = if non_printable(c) {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                } else {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                };
                return Err(self.err_at(msg, at));
            }
        }
        self.pos = start + len;
        self.push(Kind::Name, start, self.pos);
        Ok(())
    }

    fn string(&mut self, start: usize) -> Result<(), TokError> {
        let Some(quote) = self.peek(0) else {
            return Ok(());
        };
        let start_line = self.line;
        let start_line_start = self.line_start;
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        let unterminated = |s: &Self, detected: u32| {
            let col = s
                .src
                .get(start_line_start..start)
                .map_or(0, |t| t.chars().count()) as i64;
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            TokError {
                kind: CompileErrorKind::SyntaxError,
                message: format!("{what} (detected at line {detected})"),
                line: start_line,
                offset: col + 1,
                end_line: start_line,
                end_offset: col + 1,
                index: s.tokens.len(),
                never_closed: false,
                text_newline: false,
            }
        };
        loop {
            match self.peek(0) {
                None => {
                    let (last, _) = eof_position(self.src);
                    return Err(unterminated(self, if triple { last } else { self.line }));
                }
                Some(b'\n' | b'\r') if !triple => return Err(unterminated(self, self.line)),
                Some(b'\n' | b'\r') => self.newline_here(),
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek(0) {
                        Some(b'\n' | b'\r') => self.newline_here(),
                        Some(_) => self.pos = self.next_char_end(self.pos),
                        None => {}
                    }
                }
                Some(q) if q == quote => {
                    if !triple {
                        self.pos += 1;
                        break;
                    }
                    if self.peek(1) == Some(quote) && self.peek(2) == Some(quote) {
                        self.pos += 3;
                        break;
                    }
                    self.pos += 1;
                }
                Some(_) => self.pos = self.next_char_end(self.pos),
            }
        }
        let depth = self.brackets.len() as u32;
        self.tokens.push(Token {
            kind: Kind::String,
            text: self.src.get(start..self.pos).unwrap_or(""),
            start,
            line: start_line,
            col: (start - start_line_start) as u32,
            end_line: self.line,
            end_col: self.col_of(self.pos),
            depth,
        });
        Ok(())
    }

    fn digits(&mut self, valid: fn(u8) -> bool) -> Result<(), TokError> {
        loop {
            match self.peek(0) {
                Some(b) if valid(b) => self.pos += 1,
                Some(b'_') => {
                    self.pos += 1;
                    if !self.peek(0).is_some_and(valid) {
                        return Err(self.err_at("invalid decimal literal", self.pos));
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// CPython's `verify_end_of_number`: a letter right after a number is
    /// an error unless it starts a keyword that may follow a number.
    fn end_of_number(&mut self, kind: &str) -> Result<(), TokError> {
        let rest = self.src.get(self.pos..).unwrap_or("");
        let Some(c) = rest.chars().next() else {
            return Ok(());
        };
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k));
        if !keyword_follows && is_ident_char(c) {
            return Err(self.err_at(format!("invalid {kind} literal"), self.pos));
        }
        Ok(())
    }

    fn number(&mut self) -> Result<(), TokError> {
        let start = self.pos;
        let first = self.peek(0).unwrap_or(b'0');
        if first == b'0' && matches!(self.peek(1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
            let radix = self.peek(1).unwrap_or(b'x').to_ascii_lowercase();
            self.pos += 2;
            let (name, valid): (&str, fn(u8) -> bool) = match radix {
                b'x' => ("hexadecimal", |b: u8| b.is_ascii_hexdigit()),
                b'o' => ("octal", |b: u8| (b'0'..=b'7').contains(&b)),
                _ => ("binary", |b: u8| b == b'0' || b == b'1'),
            };
            let mut any = false;
            loop {
                if self.peek(0) == Some(b'_') {
                    self.pos += 1;
                }
                match self.peek(0) {
                    Some(b) if valid(b) => {
                        any = true;
                        self.pos += 1;
                    }
                    Some(b) if b.is_ascii_digit() && radix != b'x' => {
                        return Err(self.err_at(
                            format!("invalid digit '{}' in {name} literal", b as char),
                            self.pos + 1,
                        ));
                    }
                    _ => {
                        if !any || self.bytes.get(self.pos - 1) == Some(&b'_') {
                            return Err(self.err_at(format!("invalid {name} literal"), self.pos));
                        }
                        break;
                    }
                }
            }
            self.end_of_number(name)?;
            self.push(Kind::Number, start, self.pos);
            return Ok(());
        }
        if first == b'0' {
            // Zeros, then digits would be an old-style octal.
            let mut nonzero = false;
            loop {
                match self.peek(0) {
                    Some(b'0') => self.pos += 1,
                    Some(b'_') => {
                        self.pos += 1;
                        if !matches!(self.peek(0), Some(b'0'..=b'9')) {
                            return Err(self.err_at("invalid decimal literal", self.pos));
                        }
                    }
                    _ => break,
                }
            }
            let zeros_end = self.pos + 1;
            if matches!(self.peek(0), Some(b'1'..=b'9')) {
                nonzero = true;
                self.digits(|b| b.is_ascii_digit())?;
            }
            if nonzero && !matches!(self.peek(0), Some(b'.' | b'e' | b'E' | b'j' | b'J')) {
                let col = self.chars_before(start) + 1;
                let end = self.chars_before(zeros_end.min(self.src.len()));
                return Err(TokError {
                    text_newline: false,
                    ..self.err(
                        CompileErrorKind::SyntaxError,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        col,
                        end,
                    )
                });
            }
        } else if first != b'.' {
            self.digits(|b| b.is_ascii_digit())?;
        }
        if self.peek(0) == Some(b'.') {
            self.pos += 1;
            if matches!(self.peek(0), Some(b'0'..=b'9')) {
                self.digits(|b| b.is_ascii_digit())?;
            }
        }
        if matches!(self.peek(0), Some(b'e' | b'E')) {
            let e_pos = self.pos;
            self.pos += 1;
            if matches!(self.peek(0), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if matches!(self.peek(0), Some(b'0'..=b'9')) {
                self.digits(|b| b.is_ascii_digit())?;
            } else {
                // Not an exponent: the number ends before the 'e'.
                self.pos = e_pos;
                self.end_of_number("decimal")?;
                self.push(Kind::Number, start, self.pos);
                return Ok(());
            }
        }
        if matches!(self.peek(0), Some(b'j' | b'J')) {
            self.pos += 1;
            self.end_of_number("imaginary")?;
        } else {
            self.end_of_number("decimal")?;
        }
        self.push(Kind::Number, start, self.pos);
        Ok(())
    }

    fn operator(&mut self, start: usize) -> Result<(), TokError> {
        let rest = self.src.get(self.pos..).unwrap_or("");
        for ops in [OPS3, OPS2] {
            for op in ops {
                if rest.starts_with(op) {
                    self.pos += op.len();
                    self.push(Kind::Op, start, self.pos);
                    return Ok(());
                }
            }
        }
        let c = rest.chars().next().unwrap_or('\0');
        if c.is_ascii() && OPS1.contains(c) {
            self.pos += 1;
            match c {
                '(' | '[' | '{' => {
                    if self.brackets.len() >= MAX_LEVEL {
                        return Err(self.err_at("too many nested parentheses", self.pos));
                    }
                    self.push(Kind::Op, start, self.pos);
                    let col = self.col_of(start);
                    self.brackets.push((c as u8, self.line, col));
                }
                ')' | ']' | '}' => {
                    let Some((open, open_line, _)) = self.brackets.pop() else {
                        return Err(self.err_at(format!("unmatched '{c}'"), self.pos));
                    };
                    let expected = match open {
                        b'(' => ')',
                        b'[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        let msg = if open_line != self.line {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{}' on line {open_line}",
                                open as char
                            )
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{}'",
                                open as char
                            )
                        };
                        return Err(self.err_at(msg, self.pos));
                    }
                    // A closing bracket is at the depth of its opener.
                    self.push(Kind::Op, start, self.pos);
                }
                _ => self.push(Kind::Op, start, self.pos),
            }
            return Ok(());
        }
        let end = self.next_char_end(self.pos);
        if c.is_ascii() && !c.is_ascii_control() {
            // `$`, `?`, `` ` ``, a lone `!`: an error token.
            self.pos = end;
            self.push(Kind::ErrorTok, start, end);
            return Ok(());
        }
        let msg = if non_printable(c) {
            format!("invalid non-printable character U+{:04X}", c as u32)
        } else {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        };
        Err(self.err_at(msg, end))
    }
}

/// Python's `str.isprintable()` is false for control, format and separator
/// characters (space excepted); these get the "non-printable" message.
pub fn non_printable(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e000}'..='\u{f8ff}'
        )
}

fn is_string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
    )
}

/// Where CPython's tokenizer reports the end of input: after the text of
/// the last line (a final newline does not open a new line).
pub fn eof_position(src: &str) -> (u32, u32) {
    let trimmed = src
        .strip_suffix("\r\n")
        .or_else(|| src.strip_suffix('\n'))
        .or_else(|| src.strip_suffix('\r'))
        .unwrap_or(src);
    let line = trimmed.matches('\n').count() as u32 + 1;
    let last = trimmed.rsplit('\n').next().unwrap_or("");
    (line, last.trim_end_matches('\r').len() as u32)
}
