//! Embedding costs: creating an interpreter and evaluating `1 + 1`, and
//! the parts (creation alone; `eval` on a live interpreter; a typed native
//! call). Run with `cargo bench -p rpy-vm --bench embed`.

use rpy_vm::Interpreter;

fn main() {
    divan::main();
}

/// A fresh interpreter evaluating `1 + 1`, dropped at the end (no library:
/// `Interpreter::new()` has none).
#[divan::bench]
fn new_and_eval_1_plus_1() -> i64 {
    let mut i = Interpreter::new();
    i.eval_as::<i64>("1 + 1").unwrap_or(0)
}

/// Creating and dropping an interpreter (dropped inside the timed code:
/// divan drops returned values outside it).
#[divan::bench]
fn new_and_drop() {
    drop(Interpreter::new());
}

/// Creating an interpreter alone (returned: dropped untimed).
#[divan::bench]
fn new_only() -> Interpreter {
    Interpreter::new()
}

/// `eval("1 + 1")` on a live interpreter (compile + run).
#[divan::bench]
fn eval_1_plus_1(b: divan::Bencher) {
    let mut i = Interpreter::new();
    b.bench_local(|| i.eval_as::<i64>("1 + 1").unwrap_or(0));
}

/// Calling a Python function from Rust with converted arguments.
#[divan::bench]
fn call_fn_add(b: divan::Bencher) {
    let mut i = Interpreter::new();
    let _ = i.exec("def add(a, b): return a + b");
    b.bench_local(|| i.call_fn::<i64>("add", (1, 2)).unwrap_or(0));
}

/// Python calling a typed Rust function.
#[divan::bench]
fn python_calls_typed_rust_fn(b: divan::Bencher) {
    let mut i = Interpreter::new();
    i.register_fn("add", |a: i64, b: i64| a + b);
    let _ = i.exec("def loop():\n    for k in range(100): add(k, 1)");
    b.bench_local(|| i.call_fn::<()>("loop", ()).is_ok());
}
