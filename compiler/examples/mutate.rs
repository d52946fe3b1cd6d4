//! Robustness check: compiles mutated copies of the `.py` files under the
//! given directories (characters deleted, duplicated or replaced by
//! punctuation) and reports any panic. `cargo run --release -p rpy-compiler
//! --example mutate -- ROUNDS DIR...`.

use rpy_compiler::{compile, Mode};

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut files = Vec::new();
    for d in args.iter().skip(1) {
        visit(std::path::Path::new(d), &mut files);
    }
    files.sort();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let punct = [
        '(', ')', '[', ']', '{', '}', ':', ',', '=', '*', '"', '\'', '\\', '\n', ' ', '\t', '#',
        'é', '@', '.',
    ];
    let (mut runs, mut panics) = (0usize, 0usize);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let chars: Vec<char> = src.chars().collect();
        if chars.is_empty() {
            continue;
        }
        for _ in 0..rounds {
            let mut c = chars.clone();
            for _ in 0..(1 + next() % 3) {
                let i = (next() as usize) % c.len().max(1);
                match next() % 3 {
                    0 if !c.is_empty() => {
                        c.remove(i.min(c.len() - 1));
                    }
                    1 => c.insert(i, punct[(next() as usize) % punct.len()]),
                    _ => {
                        let j = (next() as usize) % c.len().max(1);
                        if let Some(&x) = c.get(j) {
                            c.insert(i, x);
                        }
                    }
                }
            }
            let text: String = c.into_iter().collect();
            runs += 1;
            let r = std::panic::catch_unwind(|| {
                let _ = compile(&text, "m.py", Mode::Exec);
            });
            if r.is_err() {
                panics += 1;
                let _ = std::fs::write(format!("/tmp/panic_{panics}.py"), &text);
                eprintln!("PANIC on a mutation of {}", f.display());
            }
        }
    }
    println!("{runs} mutated sources, {panics} panics");
}
