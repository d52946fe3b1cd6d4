//! `single` and `eval` modes: what compiles and CPython's errors
//! (expected values from CPython 3.11's `compile(src, '<stdin>', 'single')`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::bytecode::Instruction as I;
use rpy_compiler::{compile, Mode};

fn single_error(src: &str) -> Option<(String, u32, i32, u32, i32, Option<String>)> {
    compile(src, "<stdin>", Mode::Single).err().map(|e| {
        (
            e.message,
            e.line,
            e.offset,
            e.end_line,
            e.end_offset,
            e.text,
        )
    })
}

#[test]
fn single_mode_accepts_one_statement() {
    assert_eq!(single_error("x = 1; y = 2"), None);
    assert_eq!(single_error("if x:\n  1\n\n"), None);
    assert_eq!(single_error("1\n\n\n"), None);
}

#[test]
fn single_mode_rejects_more_or_nothing() {
    let multiple = "multiple statements found while compiling a single statement".to_owned();
    assert_eq!(
        single_error("1\n2\n"),
        Some((multiple, 1, 2, 1, 2, Some("1\n".into())))
    );
    let invalid = "invalid syntax".to_owned();
    assert_eq!(
        single_error("if x:\n  pass\ny = 1\n"),
        Some((invalid.clone(), 3, 1, 3, 2, Some("y = 1\n".into())))
    );
    assert_eq!(
        single_error(""),
        Some((invalid.clone(), 0, 0, 0, 0, Some(String::new())))
    );
    assert_eq!(
        single_error("\n"),
        Some((invalid.clone(), 1, 0, 1, 0, Some("\n".into())))
    );
    assert_eq!(
        single_error("# c\n"),
        Some((invalid, 1, 0, 1, 0, Some("# c\n".into())))
    );
}

#[test]
fn single_mode_prints_top_level_expressions_only() {
    let code = compile("for i in x:\n    i\n\n", "<stdin>", Mode::Single).unwrap();
    assert!(code.instructions.contains(&I::PrintExpr));
    let code = compile("def f():\n    1\n\n", "<stdin>", Mode::Single).unwrap();
    let inner = code
        .constants
        .iter()
        .find_map(|c| match c {
            rpy_compiler::bytecode::Constant::Code(c) => Some(c.clone()),
            _ => None,
        })
        .unwrap();
    assert!(!inner.instructions.contains(&I::PrintExpr));
}

#[test]
fn eval_mode_takes_an_expression() {
    assert!(compile("x if y else z", "<string>", Mode::Eval).is_ok());
    let e = compile("x = 1", "<string>", Mode::Eval).unwrap_err();
    // CPython: compile('x = 1', '<string>', 'eval') -> invalid syntax at '='.
    assert_eq!(
        (e.message.as_str(), e.line, e.offset, e.end_offset),
        ("invalid syntax", 1, 3, 4)
    );
}

#[test]
fn incomplete_interactive_input() {
    use rpy_compiler::incomplete_input;
    for src in [
        "(1,\n",
        "x = [\n",
        "s = '''abc\n",
        "x = 1 + \\",
        "if x:\n",
        "if x:\n    y = 1\n",
        "def f():\n    return 1\n",
        "@dec\n",
        "class C:\n    pass\n",
        "try:\n    x\n",
        "try:\n    x\nexcept* E:\n",
        "try:\n    x\nexcept* E:\n    y\n",
    ] {
        assert!(incomplete_input(src), "{src:?} should be incomplete");
    }
    for src in [
        "x = 1\n",
        "print(1)\n",
        "if x:\n    y = 1\n\n",
        "x = )\n",
        "'abc\n",
        "try:\n    x\nexcept* E:\n    y\n\n",
        "",
    ] {
        assert!(!incomplete_input(src), "{src:?} should be complete");
    }
}
