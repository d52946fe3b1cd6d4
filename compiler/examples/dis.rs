//! Disassembles a Python file (or `-c SOURCE`) with rpy's compiler:
//! `cargo run -p rpy-compiler --example dis -- [--positions] [--single|--eval] FILE.py`.

use rpy_compiler::{compile, disassemble, Mode};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let positions = args.first().is_some_and(|a| a == "--positions");
    if positions {
        args.remove(0);
    }
    let mode = match args.first().map(String::as_str) {
        Some("--single") => Mode::Single,
        Some("--eval") => Mode::Eval,
        _ => Mode::Exec,
    };
    if mode != Mode::Exec {
        args.remove(0);
    }
    let (source, filename) = match args.as_slice() {
        [flag, src] if flag == "-c" => (src.clone(), "<string>".to_owned()),
        [path] => match std::fs::read_to_string(path) {
            Ok(s) => (s, path.clone()),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: dis FILE.py | dis -c SOURCE");
            std::process::exit(2);
        }
    };
    match compile(&source, &filename, mode) {
        Ok(code) if positions => print_positions(&code),
        Ok(code) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ =
                std::io::Write::write_all(&mut std::io::stdout(), disassemble(&code).as_bytes());
        }
        Err(e) if positions => {
            // One line for scripts comparing errors with CPython's.
            println!(
                "ERR|{}|{}|{}|{}|{}|{}",
                e.kind.python_name(),
                e.message,
                e.line,
                e.offset,
                e.end_line,
                e.end_offset
            );
        }
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    }
}

/// `qualname opname line end_line col end_col` per instruction, for
/// comparing locations with CPython's `co_positions()`.
fn print_positions(code: &rpy_compiler::bytecode::CodeObject) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for (i, ins) in code.instructions.iter().enumerate() {
        let loc = code.location(i);
        let name = format!("{ins:?}");
        let name = name.split(['(', ' ']).next().unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {} {} {} {} {}",
            code.qualname, name, loc.line, loc.end_line, loc.col, loc.end_col
        );
    }
    for c in &code.constants {
        if let rpy_compiler::bytecode::Constant::Code(inner) = c {
            print_positions(inner);
        }
    }
}
