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

/// Reads the future imports at the top of `body` (after the docstring).
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
    for s in rest {
        let StmtKind::ImportFrom {
            module: Some(m),
            names,
            level: 0,
        } = &s.kind
        else {
            break;
        };
        if m != "__future__" {
            break;
        }
        for a in names {
            let err = |msg: String| {
                let mut e = map.compile_error(msg, s.loc);
                e.end_offset = 0;
                e
            };
            match a.name.as_str() {
                "annotations" => future.annotations = true,
                "braces" => return Err(err("not a chance".to_owned())),
                name if FEATURES.contains(&name) => {}
                name => return Err(err(format!("future feature {name} is not defined"))),
            }
        }
        future.last_line = s.loc.line;
    }
    Ok(future)
}
