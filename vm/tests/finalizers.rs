//! `__del__` through the embedding API: finalizers run when the last
//! reference goes, once, for objects alive when the interpreter is
//! dropped, and with several interpreters alive on one thread.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::Interpreter;

const CLASS: &str = "class D:\n    def __init__(self, n):\n        self.n = n\n    def __del__(self):\n        print('del', self.n)\n";

#[test]
fn finalizer_runs_when_the_last_reference_goes() {
    let (mut interp, out) = Interpreter::with_captured_output();
    interp
        .run_source(
            &format!("{CLASS}d = D(1)\ndel d\nprint('after')\n"),
            "<fin>",
        )
        .expect("run");
    assert_eq!(out.borrow().stdout, "del 1\nafter\n");
}

#[test]
fn live_objects_are_finalized_when_the_interpreter_is_dropped() {
    let (mut interp, out) = Interpreter::with_captured_output();
    interp
        .run_source(
            &format!("{CLASS}a = D('a')\nb = D('b')\nb.me = b\n"),
            "<fin>",
        )
        .expect("run");
    assert_eq!(out.borrow().stdout, "");
    drop(interp);
    assert_eq!(out.borrow().stdout, "del a\ndel b\n");
}

#[test]
fn the_older_interpreter_keeps_finalizing_after_a_newer_one_is_dropped() {
    let (mut first, out) = Interpreter::with_captured_output();
    let (second, _) = Interpreter::with_captured_output();
    drop(second);
    first
        .run_source(
            &format!("{CLASS}d = D(2)\nd = None\nprint('end')\n"),
            "<fin>",
        )
        .expect("run");
    assert_eq!(out.borrow().stdout, "del 2\nend\n");
}
