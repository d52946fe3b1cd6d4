//! The `rpy` command.
#![forbid(unsafe_code)]

fn main() {
    eprintln!("rpy: not built yet");
    std::process::exit(2);
}
