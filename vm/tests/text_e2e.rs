//! End-to-end checks of the str/bytes/format machinery: each program in
//! `tests/text_e2e/` runs through the embedding API and under `python3`
//! (CPython 3.11); their standard output must be the same.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use rpy_vm::Interpreter;

fn program(name: &str) -> (PathBuf, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/text_e2e")
        .join(format!("{name}.py"));
    let src = std::fs::read_to_string(&path).expect("test program");
    (path, src)
}

fn run_rpy(src: &str, name: &str) -> String {
    let (mut interp, out) = Interpreter::with_captured_output();
    let result = interp.run_source(src, name);
    interp.flush();
    let mut text = out.borrow().stdout.clone();
    if let Err(e) = result {
        text.push_str("UNCAUGHT ");
        text.push_str(&interp.format_exception(&e));
    }
    text
}

fn run_cpython(path: &PathBuf) -> String {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .expect("python3 (CPython 3.11) is needed to run these tests");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        text.push_str("UNCAUGHT ");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    text
}

fn check(name: &str) {
    let (path, src) = program(name);
    let ours = run_rpy(&src, &path.to_string_lossy());
    let theirs = run_cpython(&path);
    if ours == theirs {
        return;
    }
    let a: Vec<&str> = ours.lines().collect();
    let b: Vec<&str> = theirs.lines().collect();
    let mut report = Vec::new();
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i).copied(), b.get(i).copied());
        if x != y {
            report.push(format!(
                "line {}:\n  rpy:     {}\n  cpython: {}",
                i + 1,
                x.unwrap_or("<none>"),
                y.unwrap_or("<none>")
            ));
        }
    }
    panic!(
        "{name}: {} of {} lines differ from CPython:\n{}",
        report.len(),
        b.len(),
        report.join("\n")
    );
}

macro_rules! programs {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
    };
}

programs!(
    str_methods,
    str_case_and_predicates,
    bytes_methods,
    bytearray_mutators,
    format_builtin,
    str_format,
    percent_format,
    codecs,
    number_text,
    memoryview,
);
