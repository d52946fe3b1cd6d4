//! Compiles every `.py` file under the given directories and checks each
//! code object's stack discipline: `cargo run --release -p rpy-compiler
//! --example corpus -- DIR...`. Prints failures and a summary.

use rpy_compiler::bytecode::{CodeObject, Constant};
use rpy_compiler::{check_stack, compile, CompileErrorKind, Mode};

fn check_all(code: &CodeObject, path: &str, bad: &mut usize) {
    if let Err(e) = check_stack(code) {
        println!("STACK {path}: {e}");
        *bad += 1;
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            check_all(inner, path, bad);
        }
    }
}

fn visit(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, files);
        } else if p.extension().is_some_and(|x| x == "py") {
            files.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for d in std::env::args().skip(1) {
        visit(std::path::Path::new(&d), &mut files);
    }
    files.sort();
    let (mut ok, mut unsupported, mut errors, mut bad) = (0, 0, 0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let path = f.display().to_string();
        match compile(&src, &path, Mode::Exec) {
            Ok(code) => {
                ok += 1;
                check_all(&code, &path, &mut bad);
            }
            Err(e) if e.kind == CompileErrorKind::Unsupported => unsupported += 1,
            Err(e) => {
                errors += 1;
                println!(
                    "ERROR {path}: {} {} line {} offset {}",
                    e.kind.python_name(),
                    e.message,
                    e.line,
                    e.offset
                );
            }
        }
    }
    println!(
        "{} files: {ok} ok, {unsupported} unsupported, {errors} errors, {bad} stack failures",
        files.len()
    );
}
