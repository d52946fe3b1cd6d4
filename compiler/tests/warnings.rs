//! Compile-time warnings against the ones CPython 3.11 issues for the same
//! sources (see `data/gen_warnings.py`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::{compile_with_warnings, Mode};

mod cases {
    include!("data/warning_cases.rs");
}

#[test]
fn warnings_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let (_, warnings) = compile_with_warnings(src, "w.py", Mode::Exec).unwrap();
        let got: Vec<String> = warnings
            .iter()
            .map(|w| format!("{}|{}|{}", w.category.python_name(), w.line, w.message))
            .collect();
        let got = got.join("\n");
        if got != *expected {
            failures.push(format!(
                "{src:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
