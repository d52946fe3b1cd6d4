//! Exposes Rust functions to Python: typed closures, keyword parameters
//! with defaults, errors raised from Rust, a native module, and shared
//! Rust state.
//!
//! `cargo run -p rpy-vm --example rust_functions`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;

use rpy_vm::{Error, Interpreter, PyBytes, Value};

fn main() -> Result<(), Error> {
    let mut interp = Interpreter::new();

    // Plain typed functions: arguments and results convert automatically.
    interp.register_fn("add", |a: i64, b: i64| a + b);
    interp.register_fn("shout", |s: String| s.to_uppercase());
    interp.register_fn("checksum", |data: PyBytes| {
        data.0.iter().map(|&b| u64::from(b)).sum::<u64>()
    });

    // Keyword names and defaults.
    interp
        .function("greet")
        .param("name")
        .param_default("punctuation", "!")
        .register(|name: String, p: String| format!("Hello, {name}{p}"));

    // Raise a Python exception from Rust by returning an Error.
    interp.register_fn("sqrt", |x: f64| -> Result<f64, Error> {
        if x < 0.0 {
            Err(Error::new("ValueError", "math domain error"))
        } else {
            Ok(x.sqrt())
        }
    });

    // Rust state shared with Python code.
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = log.clone();
    interp.register_fn("log", move |line: String| sink.borrow_mut().push(line));

    // A native module with the full native API.
    interp.register_module("units", |vm| {
        let m = vm.new_module("units");
        vm.module_set(&m, "INCH_MM", Value::Float(25.4));
        Ok(m)
    });

    interp.exec(
        r#"
import units
log(greet("Ada"))
log(greet("Bob", punctuation="?"))
log(shout("quiet") + " " + str(add(2, 3)))
log(str(checksum(b"abc")))
log(str(10 * units.INCH_MM))
try:
    sqrt(-1)
except ValueError as e:
    log("ValueError: " + str(e))
try:
    add("2", 3)
except TypeError as e:
    log("TypeError: " + str(e))
"#,
    )?;
    for line in log.borrow().iter() {
        println!("{line}");
    }
    Ok(())
}

#[test]
fn example_runs() {
    main().expect("example");
}
