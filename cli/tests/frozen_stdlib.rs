//! The `rpy` binary carries its Python library: a copy of it, run from an
//! unrelated directory with another HOME and no RPY_* variables, imports
//! rpy's own modules and CPython's; `RPY_LIB` replaces the library with
//! directories; `-m` runs frozen modules.
#![forbid(unsafe_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rpy-frozen-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch directory");
    d
}

/// `rpy` with a clean environment (no RPY_*, PYTHON*), cwd `cwd`.
fn rpy(bin: &Path, cwd: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
    c.args(args).current_dir(cwd).env_clear().env("HOME", home);
    if let Ok(p) = std::env::var("PATH") {
        c.env("PATH", p);
    }
    c
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_copied_binary_imports_its_library() {
    let root = scratch("copy");
    let bin_dir = root.join("bin");
    let cwd = root.join("elsewhere");
    let home = root.join("home");
    for d in [&bin_dir, &cwd, &home] {
        std::fs::create_dir_all(d).expect("dir");
    }
    let copy = bin_dir.join("rpy");
    std::fs::copy(env!("CARGO_BIN_EXE_rpy"), &copy).expect("copy rpy");
    let prog = "import keyword, colorsys, getopt, html\n\
                print(keyword.iskeyword('def'), colorsys.rgb_to_hsv(1, 0, 0))\n\
                print(getopt.getopt(['-a', 'x'], 'a'), html.escape('<'))\n\
                print(getopt.__file__ != keyword.__file__, keyword.__file__.endswith('/keyword.py'))";
    let o = rpy(&copy, &cwd, &home, &["-c", prog])
        .output()
        .expect("run");
    let (out, err) = text(&o);
    assert_eq!(
        out, "True (0.0, 1.0, 1)\n([('-a', '')], ['x']) &lt;\nTrue True\n",
        "stderr: {err}"
    );
    assert!(o.status.success(), "stderr: {err}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn rpy_lib_replaces_the_frozen_library() {
    let root = scratch("env");
    let lib = root.join("lib");
    std::fs::create_dir_all(&lib).expect("dir");
    std::fs::write(lib.join("keyword.py"), "print('keyword from RPY_LIB')\n").expect("write");
    let bin = Path::new(env!("CARGO_BIN_EXE_rpy"));
    let o = rpy(
        bin,
        &root,
        &root,
        &["-c", "import sys, keyword; print(sys.path[1:])"],
    )
    .env("RPY_LIB", &lib)
    .output()
    .expect("run");
    let (out, err) = text(&o);
    assert_eq!(
        out,
        format!("keyword from RPY_LIB\n['{}']\n", lib.display()),
        "{err}"
    );
    // Nothing else is found: the directory stands in for the whole library.
    let o = rpy(bin, &root, &root, &["-c", "import colorsys"])
        .env("RPY_LIB", &lib)
        .output()
        .expect("run");
    let (_, err) = text(&o);
    assert!(
        err.ends_with("ModuleNotFoundError: No module named 'colorsys'\n"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn dash_m_runs_a_frozen_module() {
    let root = scratch("dash-m");
    let bin = Path::new(env!("CARGO_BIN_EXE_rpy"));
    let o = rpy(bin, &root, &root, &["-m", "this"])
        .output()
        .expect("run");
    let (out, err) = text(&o);
    assert!(
        out.starts_with("The Zen of Python, by Tim Peters\n"),
        "{out}{err}"
    );
    assert!(o.status.success());
    let _ = std::fs::remove_dir_all(&root);
}
