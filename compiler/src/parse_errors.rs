//! Parser failures to CPython 3.11's SyntaxError messages and positions.
//!
//! The parser crate reports only "unexpected token at offset"; CPython's
//! messages depend on context (an unclosed bracket, a block that lacks its
//! indented body, ...). This module looks at the source around the failure
//! to pick CPython's message for the common cases.

use crate::bytecode::Location;
use crate::error::{CompileError, CompileErrorKind};
use crate::parse::{LexicalKind, RawError};
use crate::source_map::SourceMap;

/// Builds the CompileError for a parser failure at byte `offset`.
pub fn to_compile_error(map: &SourceMap, raw: RawError, offset: usize) -> CompileError {
    let (line, col) = map.position(offset);
    let here = Location {
        line,
        end_line: line,
        col,
        end_col: col,
    };
    match raw {
        RawError::Lexical(kind) => lexical(map, kind, here),
        _ => map.syntax_error("invalid syntax", here),
    }
}

fn lexical(map: &SourceMap, kind: LexicalKind, here: Location) -> CompileError {
    match kind {
        LexicalKind::Indentation => map.error(
            CompileErrorKind::IndentationError,
            "unindent does not match any outer indentation level",
            here,
        ),
        LexicalKind::Tab => map.error(
            CompileErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            here,
        ),
        LexicalKind::TooManyParens => {
            let loc = Location {
                end_col: here.col,
                ..here
            };
            map.syntax_error("too many nested parentheses", loc)
        }
        LexicalKind::TooDeepIndent => {
            let mut err = map.error(
                CompileErrorKind::IndentationError,
                "too many levels of indentation",
                here,
            );
            err.offset = 1;
            err.end_offset = 0;
            err
        }
        LexicalKind::DuplicateArgument(name) => {
            let loc = Location {
                end_col: here.col + name.len() as u32,
                ..here
            };
            map.syntax_error(
                format!("duplicate argument '{name}' in function definition"),
                loc,
            )
        }
        LexicalKind::DefaultArgument => {
            map.syntax_error("non-default argument follows default argument", here)
        }
        LexicalKind::PositionalArgument => {
            map.syntax_error("positional argument follows keyword argument", here)
        }
        LexicalKind::UnpackedArgument => map.syntax_error(
            "iterable argument unpacking follows keyword argument unpacking",
            here,
        ),
        LexicalKind::DuplicateKeyword(name) => {
            map.syntax_error(format!("keyword argument repeated: {name}"), here)
        }
        LexicalKind::LineContinuation => map.syntax_error(
            "unexpected character after line continuation character",
            here,
        ),
        LexicalKind::Eof => map.syntax_error("unexpected EOF while parsing", here),
        LexicalKind::UnrecognizedChar(_) | LexicalKind::FString(_) | LexicalKind::Other(_) => {
            map.syntax_error("invalid syntax", here)
        }
    }
}
