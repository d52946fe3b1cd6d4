//! CPython's own test files for base64 and binascii, read unchanged from
//! the CPython installed on the machine, run under rpy with `rpy -m
//! unittest -v`. The verbose report (one line per test, with the skips and
//! their reasons, the counts and the final status) must equal what
//! `python3 -m unittest -v` prints for the same files, the run time aside.
#![forbid(unsafe_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

// Only the directory is needed here (set on each command).
#[allow(dead_code)]
#[path = "snapshot_harness/cpython_lib.rs"]
mod cpython_lib;

/// "Ran 36 tests in 0.204s" -> "Ran 36 tests in <time>".
fn without_time(report: &str) -> String {
    report
        .lines()
        .map(|l| match (l.starts_with("Ran "), l.rfind(" in ")) {
            (true, Some(i)) => format!("{} in <time>", &l[..i]),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// (exit status, stderr without timings) of `program -m unittest -v module`,
/// run from a scratch directory (the tests write files there).
fn run_unittest(program: &str, module: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!(
        "rpy-cpython-tests-{}-{program_name}-{module}",
        std::process::id(),
        program_name = program.rsplit('/').next().unwrap_or("python")
    ));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    // CPython's `test` package, which rpy does not freeze in.
    let lib = cpython_lib::cpython_stdlib().expect("CPython's test package");
    let out = Command::new(program)
        .args(["-m", "unittest", "-v", module])
        .env("PYTHONPATH", lib)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), without_time(&stderr))
}

fn check(module: &str) {
    let rpy = PathBuf::from(env!("CARGO_BIN_EXE_rpy"));
    let (cpython_status, cpython) = run_unittest("python3", module);
    assert_eq!(
        cpython_status, 0,
        "CPython itself fails {module}:\n{cpython}"
    );
    let (rpy_status, ours) = run_unittest(&rpy.to_string_lossy(), module);
    if ours != cpython {
        let diff = similar::TextDiff::from_lines(&cpython, &ours);
        panic!(
            "rpy's report of {module} differs from CPython's (- CPython, + rpy):\n{}",
            diff.unified_diff().context_radius(3)
        );
    }
    assert_eq!(rpy_status, 0, "rpy exits {rpy_status} on {module}");
}

#[test]
fn cpython_test_base64_passes_under_rpy() {
    check("test.test_base64");
}

#[test]
fn cpython_test_binascii_passes_under_rpy() {
    check("test.test_binascii");
}
