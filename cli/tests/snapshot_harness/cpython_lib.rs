//! Where CPython's own `test` package (with `test.support`) is: the
//! standard library directory of the installed CPython 3.11. rpy does not
//! freeze CPython's tests in, so the harnesses that run them put this
//! directory on rpy's `PYTHONPATH` (the modules rpy freezes are still
//! found frozen: that directory is the one they were frozen from).

use std::process::Command;

/// CPython's standard library directory, asked of `python3`.
pub fn cpython_stdlib() -> Result<String, String> {
    let out = Command::new("python3")
        .args([
            "-I",
            "-c",
            "import os, test; print(os.path.dirname(os.path.dirname(test.__file__)))",
        ])
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !out.status.success() || dir.is_empty() {
        return Err(format!(
            "python3 has no `test` package: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(dir)
}

/// Sets `PYTHONPATH` for the child processes to CPython's standard
/// library directory (python3 finds its own `test` package anyway).
pub fn export_pythonpath() -> Result<(), String> {
    let dir = cpython_stdlib()?;
    std::env::set_var("PYTHONPATH", dir);
    Ok(())
}
