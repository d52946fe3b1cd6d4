//! The interrupt flag: once set (from any thread), running Python code
//! raises KeyboardInterrupt at its next loop iteration or call; the flag is
//! consumed, so the interpreter goes on afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::Ordering;

use rpy_vm::Interpreter;

fn interrupted(src: &str) -> String {
    let (mut interp, _out) = Interpreter::with_captured_output();
    rpy_stdlib::register(&mut interp); // time.sleep
    interp.vm().interrupt_flag().store(true, Ordering::SeqCst);
    let err = match interp.run_source(src, "<test>") {
        Ok(()) => panic!("{src:?} ran to the end despite the interrupt"),
        Err(e) => e,
    };
    let text = interp.format_exception(&err);
    // Consumed: the next code runs normally.
    interp
        .run_source("x = 1\n", "<test>")
        .expect("runs after the interrupt");
    text
}

#[test]
fn loops_and_calls_are_interrupted() {
    for src in [
        // Bounded loops, so that a missing check fails instead of hanging.
        "i = 0\nwhile True:\n    i += 1\n    if i > 1000000: break\n",
        "i = 0\nwhile i < 1000000:\n    i += 1\n",
        "for _ in range(1000000): pass\n",
        "def f():\n    return 1\nf()\nraise SystemExit(9)\n",
        "import time\ntime.sleep(60)\n",
    ] {
        let text = interrupted(src);
        assert!(text.ends_with("KeyboardInterrupt\n"), "{src:?}: {text}");
    }
}

#[test]
fn handlers_can_catch_it() {
    let (mut interp, out) = Interpreter::with_captured_output();
    let flag = interp.vm().interrupt_flag();
    let waker = std::thread::spawn(move || flag.store(true, Ordering::SeqCst));
    let src =
        "try:\n    for _ in range(1000000): pass\nexcept KeyboardInterrupt:\n    print('caught')\n";
    waker.join().expect("setter thread");
    interp.run_source(src, "<test>").expect("handled");
    interp.flush();
    assert_eq!(out.borrow().stdout, "caught\n");
}

#[test]
fn clear_forgets_a_pending_interrupt() {
    let (mut interp, _out) = Interpreter::with_captured_output();
    let flag = interp.vm().interrupt_flag();
    flag.store(true, Ordering::SeqCst);
    interp.vm().clear_interrupt();
    interp
        .run_source("for i in range(1000): pass\n", "<test>")
        .expect("no interrupt");
}
