//! Runs untrusted code with bounded resources: recursion depth, an
//! instruction budget, a time limit, a memory cap and sandbox mode, with
//! its output captured. Each hostile snippet ends with a Python exception
//! and the interpreter stays usable.
//!
//! `cargo run -p rpy-vm --example sandbox`

use std::time::Duration;

use rpy_vm::Interpreter;

fn main() {
    let (mut interp, output) = Interpreter::builder()
        .recursion_limit(200)
        .instruction_budget(20_000_000)
        .time_limit(Duration::from_secs(2))
        .memory_limit(8 << 20)
        .sandbox(true)
        .capture_output(true)
        .build_captured();

    let hostile = [
        "while True: pass",
        "def f(): return f()\nf()",
        "x = []\nwhile True: x.append(x and len(x))",
        "s = 'a'\nwhile True: s += s",
        "open('/etc/passwd').read()",
    ];
    for code in hostile {
        match interp.exec(code) {
            Ok(()) => println!("{code:?}: finished"),
            Err(e) => println!("{:?}: stopped by {}", code.lines().last().unwrap_or(""), e),
        }
        // Free what the snippet left behind before the next one.
        let _ = interp.exec("globals().pop('x', None); globals().pop('s', None)");
    }

    interp.exec("print('still running:', sum(range(10)))").ok();
    if let Some(out) = output {
        print!("captured: {}", out.borrow().stdout);
    }
}

#[test]
fn example_runs() {
    main();
}
