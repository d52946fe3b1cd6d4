//! Scope resolution against CPython's `symtable` module (see
//! `data/gen_symtable.py`): every name of every scope gets the same scope.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::symtable::{ScopeKind, SymbolScope, SymbolTable};
use rpy_compiler::{symbol_table, Mode};

mod cases {
    include!("data/symtable_cases.rs");
}

fn flatten(t: &SymbolTable, path: &str, out: &mut Vec<String>) {
    let name = if t.kind == ScopeKind::Module {
        "top".to_owned()
    } else {
        t.name.trim_matches(['<', '>']).to_owned()
    };
    let here = if path.is_empty() {
        name
    } else {
        format!("{path}/{name}")
    };
    for (sym, info) in &t.symbols {
        let scope = match info.scope {
            SymbolScope::Local => "Local",
            SymbolScope::GlobalExplicit => "GlobalExplicit",
            SymbolScope::GlobalImplicit => "GlobalImplicit",
            SymbolScope::Free => "Free",
            SymbolScope::Cell => "Cell",
            SymbolScope::Unknown => "?",
        };
        out.push(format!("{here} {sym} {scope}"));
    }
    for c in &t.children {
        flatten(c, &here, out);
    }
}

#[test]
fn scopes_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let table = symbol_table(src, "f", Mode::Exec).unwrap();
        let mut got = Vec::new();
        flatten(&table, "", &mut got);
        got.sort();
        let got = got.join("\n");
        if got != *expected {
            failures.push(format!("{src}\n--- expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
