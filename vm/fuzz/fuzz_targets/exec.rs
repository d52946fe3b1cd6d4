//! Fuzz target: any program (seed it with Lib/test_subset/*.py) runs in a
//! sandboxed interpreter under small limits and ends with a value or a
//! Python exception: never a panic (which the VM would report as
//! `SystemError: rpy panicked`), a crash, a hang past the limits or an
//! escape (the sandbox denies process exit).
#![no_main]

use std::cell::RefCell;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use rpy_vm::Interpreter;

thread_local! {
    // One interpreter for all inputs (as an embedder keeps one): state
    // left by one program must not break the next.
    static INTERP: RefCell<Interpreter> = RefCell::new(
        Interpreter::builder()
            .sandbox(true)
            .recursion_limit(200)
            .instruction_budget(1_000_000)
            .time_limit(Duration::from_secs(1))
            .memory_limit(32 << 20)
            .capture_output(true)
            .build(),
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    INTERP.with(|i| {
        let mut i = i.borrow_mut();
        if let Err(e) = i.exec(src) {
            assert!(!e.message().contains("rpy panicked"), "{e}");
        }
        let _ = i.exec(
            "for _k in [k for k in globals() if not k.startswith('__')]:\n    del globals()[_k]",
        );
        assert_eq!(i.eval_as::<i64>("6 * 7").ok(), Some(42));
    });
});
