//! Runs a Python script in an embedded interpreter, then reads its results
//! from Rust and calls one of its functions.
//!
//! `cargo run -p rpy-vm --example run_script`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::{Error, Interpreter};

const SCRIPT: &str = r#"
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

squares = {n: n * n for n in range(5)}
print("script ran")
"#;

fn main() -> Result<(), Error> {
    let mut interp = Interpreter::new();
    interp.exec(SCRIPT)?;
    interp.flush(); // print() output is buffered like CPython's

    // Globals, converted to Rust types.
    let squares: std::collections::BTreeMap<i64, i64> = interp.get("squares")?;
    println!("squares = {squares:?}");

    // Call a Python function with Rust arguments; big ints convert too.
    let f90: u128 = interp.call_fn("fib", (90,))?;
    println!("fib(90) = {f90}");

    // Evaluate an expression.
    let total: f64 = interp.eval_as("sum(squares.values()) / 2")?;
    println!("half the sum = {total}");

    // Python exceptions are Rust errors, with CPython's traceback text.
    let err = interp.exec("fib('x')").unwrap_err();
    println!("error: {err}");
    print!("{}", err.traceback());
    Ok(())
}

#[test]
fn example_runs() {
    main().expect("example");
}
