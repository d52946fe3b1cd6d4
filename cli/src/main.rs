//! The `rpy` command, with python3's command line: `rpy script.py args...`,
//! `rpy -c code`, `rpy -m module`, `rpy -` / piped stdin, and the REPL
//! (a terminal, or `-i`). Exit status and error output follow CPython's.
#![forbid(unsafe_code)]

mod complete;
mod input;
mod options;
mod output;
mod repl;
mod run;
mod terminal_input;

use options::Action;

fn main() {
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let prog = argv.first().cloned().unwrap_or_else(|| "rpy".into());
    let code = match options::parse(&argv, |k| std::env::var(k).ok()) {
        Action::Help(which) => {
            print!("{}", options::help_text(&prog, which));
            0
        }
        Action::Version(n) => {
            if n >= 2 {
                println!("Python 3.11.7 (rpy {}) [rustc]", env!("CARGO_PKG_VERSION"));
            } else {
                println!("Python 3.11.7");
            }
            0
        }
        Action::Usage(msg) => {
            eprint!("{}", options::usage_error(&prog, &msg));
            2
        }
        Action::Run(o) => {
            // A large stack: native code re-entering Python (sort keys,
            // __eq__, __init__) recurses on the Rust stack.
            let child = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || run::run(o, &prog));
            let code = match child {
                Ok(h) => h.join().unwrap_or(70),
                Err(_) => 70,
            };
            if run::DIE_BY_SIGINT.load(std::sync::atomic::Ordering::SeqCst) {
                run::die_by_sigint();
            }
            code
        }
    };
    std::process::exit(code);
}
