//! A catastrophic pattern inside one native match call is stopped by the
//! embedder's limits, as Python code would be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use rpy_vm::Interpreter;

fn interpreter() -> Interpreter {
    let mut interp = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .build();
    rpy_stdlib::register(&mut interp);
    interp
}

const CATASTROPHIC: &str = "import re\nre.match('(a*)*b', 'a' * 40)";

#[test]
fn time_limit_stops_a_backtracking_match() {
    let mut interp = interpreter();
    interp.exec("import re").expect("import re");
    interp.set_time_limit(Some(Duration::from_millis(300)));
    let t = Instant::now();
    let e = interp.exec(CATASTROPHIC).expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn instruction_budget_stops_a_backtracking_match() {
    let mut interp = interpreter();
    interp.exec("import re").expect("import re");
    interp.set_instruction_budget(Some(2_000_000));
    let e = interp.exec(CATASTROPHIC).expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
}

#[test]
fn matches_still_work_under_limits() {
    let mut interp = interpreter();
    interp.set_instruction_budget(Some(50_000_000));
    interp
        .exec("import re\nassert re.match(r'(?<=a)b|(a)\\1', 'aa').group() == 'aa'")
        .expect("match");
}
