//! Pathological nesting must give CPython's errors, never a stack overflow.
//! Each case runs on an 8 MiB thread, the size the compiler must fit in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::{compile, CompileErrorKind, Mode};

fn on_8mib_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn error_of(src: String) -> Option<(CompileErrorKind, String)> {
    on_8mib_stack(move || {
        compile(&src, "deep.py", Mode::Exec)
            .err()
            .map(|e| (e.kind, e.message))
    })
}

fn recursion() -> Option<(CompileErrorKind, String)> {
    Some((
        CompileErrorKind::RecursionError,
        "maximum recursion depth exceeded during compilation".to_owned(),
    ))
}

fn parens() -> Option<(CompileErrorKind, String)> {
    Some((
        CompileErrorKind::SyntaxError,
        "too many nested parentheses".to_owned(),
    ))
}

#[test]
fn nested_brackets_hit_the_tokenizer_limit() {
    // CPython: 200 levels compile, 201 do not.
    assert_eq!(
        error_of(format!("{}{}", "(".repeat(200), ")".repeat(200))),
        None
    );
    assert_eq!(
        error_of(format!("{}{}", "(".repeat(201), ")".repeat(201))),
        parens()
    );
    assert_eq!(
        error_of(format!("{}{}", "(".repeat(100_000), ")".repeat(100_000))),
        parens()
    );
    assert_eq!(
        error_of(format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
        parens()
    );
    assert_eq!(
        error_of("-(".repeat(100_000) + "x" + &")".repeat(100_000)),
        parens()
    );
    assert_eq!(error_of("(".repeat(100_000)), parens());
}

#[test]
fn deep_expressions_are_a_recursion_error() {
    // CPython 3.11 compiles 2989 levels of these at module level, not 2990.
    for op in ["not ", "-", "~"] {
        assert_eq!(error_of(op.repeat(2989) + "x"), None, "{op}");
        assert_eq!(error_of(op.repeat(2990) + "x"), recursion(), "{op}");
        assert_eq!(error_of(op.repeat(100_000) + "x"), recursion(), "{op}");
    }
    assert_eq!(error_of(format!("1{}", "+1".repeat(2989))), None);
    assert_eq!(error_of(format!("1{}", "+1".repeat(2990))), recursion());
    assert_eq!(error_of(format!("1{}", "+1".repeat(100_000))), recursion());
    assert_eq!(error_of(format!("x{}", ".a".repeat(100_000))), recursion());
    assert_eq!(error_of(format!("x{}", "()".repeat(100_000))), recursion());
    assert_eq!(error_of(format!("x{}", "[0]".repeat(100_000))), recursion());
    assert_eq!(error_of("lambda: ".repeat(100_000) + "x"), recursion());
    assert_eq!(error_of("x if y else ".repeat(100_000) + "x"), recursion());
    assert_eq!(
        error_of(format!("x{}", " ** x".repeat(100_000))),
        recursion()
    );
    // Inside a function the limit is one level lower, as in CPython.
    assert_eq!(
        error_of(format!("def f():\n return 1{}", "+1".repeat(2988))),
        None
    );
    assert_eq!(
        error_of(format!("def f():\n return 1{}", "+1".repeat(2989))),
        recursion()
    );
}

#[test]
fn flat_but_long_is_fine() {
    assert_eq!(error_of(format!("x{}", " and x".repeat(100_000))), None);
    assert_eq!(error_of(format!("f({})", "1, ".repeat(100_000))), None);
    assert_eq!(error_of("x = 1\n".repeat(100_000)), None);
}

#[test]
fn deep_expressions_inside_syntax_errors_do_not_crash() {
    let r = error_of("-".repeat(100_000) + "x = = 1");
    assert!(
        matches!(r, Some((CompileErrorKind::SyntaxError, _))),
        "{r:?}"
    );
    let r = error_of("not ".repeat(100_000) + "x )");
    assert!(
        matches!(r, Some((CompileErrorKind::SyntaxError, _))),
        "{r:?}"
    );
    let r = error_of(format!("x = 1{} +", "+1".repeat(100_000)));
    assert!(
        matches!(r, Some((CompileErrorKind::SyntaxError, _))),
        "{r:?}"
    );
}

#[test]
fn deep_statements_hit_the_indentation_limit() {
    let mut src = String::new();
    for i in 0..100 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(100));
    src.push_str("pass\n");
    assert_eq!(
        error_of(src),
        Some((
            CompileErrorKind::IndentationError,
            "too many levels of indentation".to_owned()
        ))
    );
    let mut src = String::new();
    for i in 0..99 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(99));
    src.push_str("pass\n");
    assert_eq!(error_of(src), None);
}

#[test]
fn long_elif_chains_are_a_recursion_error() {
    let chain = |n: usize| format!("if a: pass\n{}", "elif a: pass\n".repeat(n));
    // CPython 3.11: 2900 elifs compile, 3000 do not.
    assert_eq!(error_of(chain(2900)), None);
    assert_eq!(error_of(chain(3000)), recursion());
    assert_eq!(error_of(chain(100_000)), recursion());
}
