//! Instruction locations against CPython's `co_positions()` for the
//! instructions tracebacks point at (see `data/gen_locations.py`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::bytecode::{CodeObject, Constant, Instruction as I};
use rpy_compiler::{compile, Mode};

mod cases {
    include!("data/location_cases.rs");
}

fn class(ins: &I) -> Option<&'static str> {
    Some(match ins {
        I::BinaryOp(_) | I::InplaceOp(_) => "binop",
        I::BinarySubscr => "subscr",
        I::Call(_) | I::CallKw(_) | I::CallMethod(_) | I::CallFunctionEx { .. } => "call",
        I::LoadAttr(_) | I::LoadMethod(_) => "attr",
        I::CompareOp(_) | I::IsOp(_) | I::ContainsOp(_) => "cmp",
        I::StoreName(_) | I::StoreFast(_) | I::StoreGlobal(_) | I::StoreDeref(_) => "store",
        I::StoreAttr(_) => "storeattr",
        I::StoreSubscr => "storesub",
        I::LoadName(_)
        | I::LoadFast(_)
        | I::LoadGlobal(_)
        | I::LoadDeref(_)
        | I::LoadClassDeref(_) => "load",
        I::Raise(_) => "raise",
        I::UnaryOp(_) => "unary",
        I::GetIter => "iter",
        I::ForIter(_) => "foriter",
        I::ImportName(_) => "import",
        I::ImportFrom(_) => "importfrom",
        I::FormatValue { .. } => "fmt",
        I::BuildString(_) => "bstr",
        I::YieldValue => "yield",
        I::MakeFunction(_) => "mkfn",
        I::BuildSlice(_) => "slice",
        I::LoadBuildClass => "lbc",
        I::UnpackSequence(_) | I::UnpackEx { .. } => "unpack",
        _ => return None,
    })
}

fn walk(code: &CodeObject, out: &mut Vec<String>) {
    for (i, ins) in code.instructions.iter().enumerate() {
        if let Some(c) = class(ins) {
            let l = code.location(i);
            if l.line == 0 {
                // No location (CPython's None positions).
                out.push(format!("{} {c} None None None None", code.qualname));
            } else {
                out.push(format!(
                    "{} {c} {} {} {} {}",
                    code.qualname, l.line, l.end_line, l.col, l.end_col
                ));
            }
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

/// Lines grouped by code object, in instruction order within each (the
/// order of nested code objects among the constants may differ).
fn grouped(lines: &[String]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for l in lines {
        let q = l.split(' ').next().unwrap_or("").to_owned();
        match groups.iter_mut().find(|(k, _)| *k == q) {
            Some((_, v)) => v.push(l.clone()),
            None => groups.push((q, vec![l.clone()])),
        }
    }
    groups.sort();
    groups
}

#[test]
fn locations_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let code = compile(src, "f", Mode::Exec).unwrap();
        let mut got = Vec::new();
        walk(&code, &mut got);
        let expected: Vec<String> = expected.lines().map(str::to_owned).collect();
        if grouped(&got) != grouped(&expected) {
            failures.push(format!(
                "{src}\n--- expected\n{}\n--- got\n{}",
                expected.join("\n"),
                got.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
