//! `from __future__ import ...`: which features a module turns on, and the
//! errors CPython raises for unknown features.

use crate::ast::{Constant, ExprKind, Stmt, StmtKind};
use crate::error::CompileError;
use crate::source_map::SourceMap;

/// Features that change how rpy compiles a module.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Future {
    /// `annotations` (PEP 563): annotations are stored as strings.
    pub annotations: bool,
    /// Line of the last future import at the top of the module (0 if none);
    /// a later one is an error.
    pub last_line: u32,
}

/// Features Python 3.11 knows; all but `annotations` change nothing here.
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Reads the future imports at the top of `body` (after the docstring),
/// as CPython's future.c does: statements sharing a line with the first
/// ordinary statement are still examined.
pub fn scan(body: &[Stmt], map: &SourceMap) -> Result<Future, CompileError> {
    let mut future = Future::default();
    let mut rest = body;
    if let Some(Stmt {
        kind:
            StmtKind::Expr(crate::ast::Expr {
                kind: ExprKind::Constant(Constant::Str(_)),
                ..
            }),
        ..
    }) = rest.first()
    {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    let mut done = false;
    let mut prev_line = 0;
    for s in rest {
        if done && s.loc.line > prev_line {
            break;
        }
        prev_line = s.loc.line;
        let StmtKind::ImportFrom {
            module: Some(m),
            names,
            level: 0,
        } = &s.kind
        else {
            done = true;
            continue;
        };
        if m != "__future__" {
            done = true;
            continue;
        }
        // CPython positions these errors at the statement start, with no
        // end; the late-import one with a 0-based column as its offset.
        let err = |msg: String, offset: i32| {
            let mut e = map.compile_error(msg, s.loc);
            e.offset = offset;
            e.end_line = s.loc.line;
            e.end_offset = 0;
            e
        };
        let col = map.char_offset(s.loc.line, s.loc.col) as i32;
        if done {
            let msg = "from __future__ imports must occur at the beginning of the file";
            return Err(err(msg.to_owned(), col - 1));
        }
        for a in names {
            match a.name.as_str() {
                "annotations" => future.annotations = true,
                "braces" => return Err(err("not a chance".to_owned(), col)),
                name if FEATURES.contains(&name) => {}
                name => return Err(err(format!("future feature {name} is not defined"), col)),
            }
        }
        future.last_line = s.loc.line;
    }
    Ok(future)
}
