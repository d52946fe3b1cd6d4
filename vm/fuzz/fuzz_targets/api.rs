//! Fuzz target: random sequences of embedding-API calls (exec, eval_as,
//! get/set with every conversion, call_fn, limits and sandbox switched
//! between calls, interpreters dropped and made again) never panic.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use rpy_vm::{Capability, Interpreter, PyBytes};

/// Snippets the calls use: definitions, values of every kind, errors.
const SNIPPETS: &[&str] = &[
    "x = 1",
    "x = 'é' * 3",
    "x = [1, 'a', None, 2.5, (1, 2)]",
    "x = {'a': 1, 2: [3]}",
    "x = 10 ** 40",
    "x = b'\\x00\\xff'",
    "def f(*a): return a",
    "def f(a, b=2): return a * b",
    "f = len",
    "class C:\n    def __del__(self): import os; os._exit(9)\nc = C()",
    "raise ValueError('boom')",
    "while True: pass",
    "del x",
    "import sys; sys.setrecursionlimit(10**6)",
    "def g(): return g()\ng()",
    "x = iter(range(3))",
];

fuzz_target!(|data: &[u8]| {
    let mut interp = Interpreter::builder().sandbox(true).build();
    interp.set_time_limit(Some(Duration::from_millis(200)));
    interp.set_instruction_budget(Some(100_000));
    for chunk in data.chunks(2) {
        let op = chunk[0];
        let arg = usize::from(chunk.get(1).copied().unwrap_or(0));
        let snippet = SNIPPETS[arg % SNIPPETS.len()];
        match op % 16 {
            0 | 1 | 2 => {
                let _ = interp.exec(snippet);
            }
            3 => {
                let _ = interp.eval_as::<i64>("x");
            }
            4 => {
                let _ = interp.eval_as::<String>("x");
            }
            5 => {
                let _ = interp.get::<Vec<rpy_vm::Value>>("x");
            }
            6 => {
                let _ = interp.get::<std::collections::HashMap<String, i64>>("x");
            }
            7 => {
                let _ = interp.get::<PyBytes>("x");
            }
            8 => {
                let _ = interp.set("x", (arg as i64, "s", vec![1.5f64; arg % 4], None::<i32>));
            }
            9 => {
                let _ = interp.call_fn::<rpy_vm::Value>("f", (arg as i64, "b"));
            }
            10 => {
                let _ = interp.get::<u8>("x");
            }
            11 => interp.set_memory_limit(if arg % 2 == 0 { Some(8 << 20) } else { None }),
            12 => interp.set_sandbox(arg % 2 == 0),
            13 => interp.grant(Capability::Environment),
            14 => {
                interp.collect_garbage();
            }
            _ => {
                // Drop it (finalizers run sandboxed) and start again.
                interp = Interpreter::builder().sandbox(true).build();
                interp.set_time_limit(Some(Duration::from_millis(200)));
            }
        }
    }
});
