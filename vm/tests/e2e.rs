//! End-to-end tests: each program under `tests/py/` runs through the
//! embedding API with captured output, and must print exactly what
//! `python3` (CPython 3.11, the oracle) prints for it. Tracebacks are
//! compared too (stderr), with the file path as the test passes it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rpy_vm::Interpreter;

fn python3(path: &Path) -> Option<(String, String)> {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .ok()?;
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

fn rpy(path: &Path) -> (String, String) {
    let (mut interp, out) = Interpreter::with_captured_output();
    interp.set_argv(&[path.to_string_lossy().into_owned()]);
    if let Some(dir) = path.parent() {
        interp.prepend_path(&dir.to_string_lossy());
    }
    if let Err(e) = interp.run_file(path) {
        interp.handle_uncaught(&e);
    }
    interp.flush();
    let o = out.borrow();
    (o.stdout.clone(), o.stderr.clone())
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("py");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn programs_match_cpython() {
    let mut failures = Vec::new();
    let progs = programs();
    assert!(!progs.is_empty(), "no test programs found");
    for p in &progs {
        let Some((exp_out, exp_err)) = python3(p) else {
            eprintln!("python3 not available; skipping comparison");
            return;
        };
        // Run on a big stack, as the CLI does.
        let pp = p.clone();
        let (got_out, got_err) = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || rpy(&pp))
            .expect("spawn")
            .join()
            .unwrap_or_else(|_| (String::new(), "PANIC".into()));
        if got_out != exp_out || got_err != exp_err {
            failures.push(format!(
                "=== {} ===\n--- expected stdout ---\n{exp_out}\n--- got stdout ---\n{got_out}\n--- expected stderr ---\n{exp_err}\n--- got stderr ---\n{got_err}",
                p.display()
            ));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} programs differ from CPython:\n{}",
            failures.len(),
            progs.len(),
            failures.join("\n")
        );
    }
}
