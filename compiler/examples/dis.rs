//! Disassembles a Python file (or `-c SOURCE`) with rpy's compiler:
//! `cargo run -p rpy-compiler --example dis -- FILE.py`.

use rpy_compiler::{compile, disassemble, Mode};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
    match compile(&source, &filename, Mode::Exec) {
        Ok(code) => print!("{}", disassemble(&code)),
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    }
}
