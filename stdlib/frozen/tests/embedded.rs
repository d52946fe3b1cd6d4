//! The frozen library in an embedded interpreter: modules import with no
//! file access (sandbox mode, nothing granted), have file names under
//! neutral roots there (the names they were frozen from outside the
//! sandbox), show their source lines in tracebacks, rpy's own
//! modules win over CPython's, the natives under them stay gated, and
//! `lib_dirs` replaces the whole library with directories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_stdlib_frozen::{CPYTHON_LIB_ROOT, RPY_LIB_ROOT, STDLIB};
use rpy_vm::Interpreter;

/// Where the sandbox mounts the two frozen directories: `/frozen/` and
/// the last part of the path each was taken from.
const CPYTHON_ROOT: &str = "/frozen/python3.11";
const RPY_ROOT: &str = "/frozen/Lib";

/// A sandboxed interpreter with the frozen library and every native
/// module (CPython's pure modules import the natives under them).
fn sandboxed() -> Interpreter {
    let mut i = Interpreter::builder().sandbox(true).stdlib(&STDLIB).build();
    rpy_stdlib::register(&mut i);
    i
}

#[test]
fn pure_modules_import_without_file_access() {
    let mut i = sandboxed();
    i.exec("import keyword, colorsys, getopt").unwrap();
    assert!(i.eval_as::<bool>("keyword.iskeyword('lambda')").unwrap());
    assert_eq!(
        i.eval_as::<String>("keyword.__file__").unwrap(),
        format!("{CPYTHON_ROOT}/keyword.py")
    );
    assert_eq!(
        i.eval_as::<String>("keyword.__spec__.origin").unwrap(),
        format!("{CPYTHON_ROOT}/keyword.py")
    );
    // Packages: __path__ names the frozen directory, submodules follow.
    i.exec("import html, unittest.util").unwrap();
    assert_eq!(
        i.eval_as::<Vec<String>>("html.__path__").unwrap(),
        vec![format!("{CPYTHON_ROOT}/html")]
    );
    assert_eq!(
        i.eval_as::<String>("html.escape('<&>')").unwrap(),
        "&lt;&amp;&gt;"
    );
    assert_eq!(
        i.eval_as::<Vec<String>>("__import__('sys').path").unwrap(),
        vec![RPY_ROOT.to_owned(), CPYTHON_ROOT.to_owned()]
    );
}

#[test]
fn outside_the_sandbox_modules_keep_the_paths_they_were_frozen_from() {
    let mut i = Interpreter::builder().stdlib(&STDLIB).build();
    rpy_stdlib::register(&mut i);
    i.exec("import keyword, base64").unwrap();
    assert_eq!(
        i.eval_as::<String>("keyword.__file__").unwrap(),
        format!("{CPYTHON_LIB_ROOT}/keyword.py")
    );
    assert_eq!(
        i.eval_as::<String>("base64.__file__").unwrap(),
        format!("{RPY_LIB_ROOT}/base64.py")
    );
    let path = i.eval_as::<Vec<String>>("__import__('sys').path").unwrap();
    assert!(path.ends_with(&[RPY_LIB_ROOT.to_owned(), CPYTHON_LIB_ROOT.to_owned()]));
}

#[test]
fn rpy_modules_come_before_cpython_modules() {
    let mut i = sandboxed();
    // base64 is in both directories; unittest only in CPython's.
    i.exec("import base64, unittest").unwrap();
    for (m, root) in [("base64", RPY_ROOT), ("unittest", CPYTHON_ROOT)] {
        let file = i.eval_as::<String>(&format!("{m}.__file__")).unwrap();
        assert!(file.starts_with(root), "{m} from {file}");
    }
}

#[test]
fn left_out_modules_are_not_read_from_disk_in_the_sandbox() {
    // tkinter exists under CPython's directory on a machine with CPython,
    // but it is not frozen; sandboxed code must not reach the disk for it.
    let mut i = sandboxed();
    let e = i.exec("import tkinter").unwrap_err();
    assert_eq!(e.type_name(), "ModuleNotFoundError");
    assert_eq!(e.message(), "No module named 'tkinter'");
}

#[test]
fn natives_that_reach_the_host_stay_gated() {
    let mut i = sandboxed();
    i.exec("import os").unwrap();
    let e = i.exec("os.putenv('X', '1')").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    let e = i.exec("open('/etc/hostname')").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
}

#[test]
fn tracebacks_show_frozen_source_lines() {
    let (mut i, _out) = Interpreter::builder()
        .sandbox(true)
        .stdlib(&STDLIB)
        .capture_output(true)
        .build_captured();
    rpy_stdlib::register(&mut i);
    let e = i.exec("import html\nhtml.escape(5)").unwrap_err();
    let text = e.traceback();
    let file = format!("File \"{CPYTHON_ROOT}/html/__init__.py\", line 19, in escape");
    assert!(text.contains(&file), "{text}");
    assert!(
        text.contains("    s = s.replace(\"&\", \"&amp;\") # Must be done first!"),
        "{text}"
    );
}

#[test]
fn lib_dirs_replace_the_frozen_library() {
    let dir = std::env::temp_dir().join(format!("rpy_frozen_lib_dirs_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keyword.py"), "FROM_DIR = True\n").unwrap();
    let mut i = Interpreter::builder()
        .sandbox(true)
        .stdlib(&STDLIB)
        .lib_dirs([&dir])
        .build();
    // Sandboxed code may read the directories it was given.
    i.exec("import keyword").unwrap();
    assert!(i.eval_as::<bool>("keyword.FROM_DIR").unwrap());
    let e = i.exec("import colorsys").unwrap_err();
    assert_eq!(e.type_name(), "ModuleNotFoundError");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_library_unless_given() {
    let mut i = Interpreter::builder().sandbox(true).build();
    let e = i.exec("import keyword").unwrap_err();
    assert_eq!(e.type_name(), "ModuleNotFoundError");
}

/// The frozen copy of rpy's `Lib/` lists exactly the modules on disk:
/// build.rs watches Lib/'s files and sub-packages, so a stale build shows
/// here (a new top-level module: `touch stdlib/frozen/build.rs`).
#[test]
fn rpy_library_is_up_to_date() {
    fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let dotted = |s: &str| {
                if prefix.is_empty() {
                    s.to_owned()
                } else {
                    format!("{prefix}.{s}")
                }
            };
            if p.is_dir() {
                if p.join("__init__.py").is_file() && name != "__pycache__" {
                    out.push(dotted(&name));
                    walk(&p, &dotted(&name), out);
                }
            } else if let Some(stem) = name.strip_suffix(".py") {
                if stem != "__init__" {
                    out.push(dotted(stem));
                }
            }
        }
    }
    let mut on_disk = Vec::new();
    walk(std::path::Path::new(RPY_LIB_ROOT), "", &mut on_disk);
    on_disk.sort();
    let frozen: Vec<String> = STDLIB.dirs[0]
        .modules
        .iter()
        .map(|m| m.name.to_owned())
        .collect();
    assert_eq!(
        frozen, on_disk,
        "the frozen Lib/ is stale: `touch stdlib/frozen/build.rs` and rebuild"
    );
}
