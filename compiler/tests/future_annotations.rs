//! `from __future__ import annotations`: annotations become the strings
//! CPython 3.11 stores (see `data/gen_unparse.py`), and future-import
//! errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::ast::Module;
use rpy_compiler::bytecode::{Constant, Instruction as I};
use rpy_compiler::unparse::unparse;
use rpy_compiler::{compile, parse, Mode};

mod cases {
    include!("data/unparse_cases.rs");
}

#[test]
fn unparse_matches_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let Module::Eval(e) = parse(src, "f", Mode::Eval).unwrap() else {
            panic!("eval mode gives an expression");
        };
        let got = unparse(&e);
        if got != *expected {
            failures.push(format!("{src:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn annotations_are_strings() {
    let code = compile(
        "from __future__ import annotations\nx: List[int] = 1\ndef f(a: Foo) -> Bar: pass\n",
        "t",
        Mode::Exec,
    )
    .unwrap();
    let strings: Vec<&str> = code
        .constants
        .iter()
        .filter_map(|c| match c {
            Constant::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    for s in ["List[int]", "Foo", "Bar", "a", "return"] {
        assert!(strings.contains(&s), "{s} in {strings:?}");
    }
    // Names in annotations are never loaded.
    assert!(!code
        .names
        .iter()
        .any(|n| n == "List" || n == "Foo" || n == "Bar"));
    assert!(code.instructions.contains(&I::SetupAnnotations));
}

/// (source, message, line, offset, end_line, end_offset) from CPython 3.11;
/// CPython's `end_offset` None is 0 here.
#[test]
fn future_import_errors() {
    let cases: &[(&str, &str, u32, i32, u32, i32)] = &[
        (
            "x = 1\nfrom __future__ import annotations",
            "from __future__ imports must occur at the beginning of the file",
            2,
            1,
            2,
            35,
        ),
        (
            "from __future__ import nonexistent",
            "future feature nonexistent is not defined",
            1,
            1,
            1,
            0,
        ),
        ("from __future__ import braces", "not a chance", 1, 1, 1, 0),
        (
            "from __future__ import annotations, nope",
            "future feature nope is not defined",
            1,
            1,
            1,
            0,
        ),
        (
            "def f():\n    from __future__ import annotations",
            "from __future__ imports must occur at the beginning of the file",
            2,
            5,
            2,
            39,
        ),
        (
            "from __future__ import annotations\nx: (yield)",
            "'yield expression' can not be used within an annotation",
            2,
            5,
            2,
            10,
        ),
        (
            "from __future__ import annotations\ndef f(a: (yield)): pass",
            "'yield expression' can not be used within an annotation",
            2,
            11,
            2,
            16,
        ),
        (
            "from __future__ import annotations\nx: await y",
            "'await expression' can not be used within an annotation",
            2,
            4,
            2,
            11,
        ),
    ];
    for (src, msg, line, offset, end_line, end_offset) in cases {
        let e = compile(src, "f", Mode::Exec).unwrap_err();
        assert_eq!(
            (
                e.message.as_str(),
                e.line,
                e.offset,
                e.end_line,
                e.end_offset
            ),
            (*msg, *line, *offset, *end_line, *end_offset),
            "{src:?}"
        );
        assert_eq!(e.text, None, "{src:?}");
    }
    assert!(compile("\"\"\"doc\"\"\"\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1", "f", Mode::Exec).is_ok());
}

/// Future imports that come too late (CPython's test_future_stmt files);
/// values from CPython 3.11, its `end_offset` None being 0 here.
#[test]
fn late_future_imports() {
    let cases: &[(&str, u32, i32, u32, i32)] = &[
        (
            "\"\"\"This is a test\"\"\"\n\nfrom __future__ import nested_scopes; import string; from __future__ import \\\n     nested_scopes\n",
            3,
            53,
            3,
            0,
        ),
        (
            "from __future__ import absolute_import\n\"spam, bar, blah\"\nfrom __future__ import print_function\n",
            3,
            1,
            3,
            38,
        ),
    ];
    for (src, line, offset, end_line, end_offset) in cases {
        let e = compile(src, "f", Mode::Exec).unwrap_err();
        assert_eq!(
            (
                e.message.as_str(),
                e.line,
                e.offset,
                e.end_line,
                e.end_offset
            ),
            (
                "from __future__ imports must occur at the beginning of the file",
                *line,
                *offset,
                *end_line,
                *end_offset
            ),
            "{src:?}"
        );
    }
}

#[test]
fn byte_order_mark_in_a_str_is_an_error() {
    // CPython: compile('\ufeffx = 1\n', 'f', 'exec')
    let e = compile("\u{feff}x = 1\n", "f", Mode::Exec).unwrap_err();
    assert_eq!(
        (
            e.message.as_str(),
            e.line,
            e.offset,
            e.end_line,
            e.end_offset,
            e.text.as_deref()
        ),
        (
            "invalid non-printable character U+FEFF",
            1,
            1,
            1,
            1,
            Some("\u{feff}x = 1")
        )
    );
}
