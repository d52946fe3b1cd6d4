//! Code object attributes against CPython's for the same sources (see
//! `data/gen_code_objects.py`): names, qualnames, first lines, argument
//! counts, flags, varnames/cellvars/freevars, function docstrings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::bytecode::{CodeKind, CodeObject, Constant};
use rpy_compiler::{compile, Mode};

mod cases {
    include!("data/code_object_cases.rs");
}

fn python_repr(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn walk(code: &CodeObject, out: &mut Vec<String>) {
    let doc = match (code.kind, code.constants.first()) {
        (CodeKind::Function | CodeKind::Lambda, Some(Constant::Str(s))) => python_repr(s),
        _ => "None".to_owned(),
    };
    let f = code.flags;
    out.push(
        [
            code.qualname.clone(),
            code.name.clone(),
            code.first_line.to_string(),
            code.arg_count.to_string(),
            code.posonly_arg_count.to_string(),
            code.kwonly_arg_count.to_string(),
            u8::from(f.varargs).to_string(),
            u8::from(f.varkeywords).to_string(),
            u8::from(f.generator).to_string(),
            u8::from(f.nested).to_string(),
            code.varnames.join(","),
            code.cellvars.join(","),
            code.freevars.join(","),
            doc,
        ]
        .join("|"),
    );
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

#[test]
fn code_objects_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let code = compile(src, "f", Mode::Exec).unwrap();
        let mut got = Vec::new();
        walk(&code, &mut got);
        got.sort();
        let got = got.join("\n");
        if got != *expected {
            failures.push(format!("{src}\n--- expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
