//! CPython's `subprocess` and `select` on the native modules: the sandbox
//! denies them, and the interpreter's limits reach a blocking wait.

use std::time::{Duration, Instant};

use rpy_vm::{Capability, Interpreter};

fn interpreter(sandbox: bool) -> Interpreter {
    let mut b = Interpreter::builder().stdlib(&rpy_stdlib_frozen::STDLIB);
    if sandbox {
        b = b.sandbox(true).grant(Capability::FileRead);
    }
    let mut interp = b.build();
    rpy_stdlib::register(&mut interp);
    interp
}

#[test]
fn sandbox_denies_starting_a_child() {
    let mut i = interpreter(true);
    // Importing is fine; starting a process is not.
    i.exec("import subprocess, selectors").expect("imports");
    for code in [
        "subprocess.run(['true'])",
        "import _posixsubprocess\n_posixsubprocess.fork_exec(*[None] * 23)",
        "import os\nos.waitpid(-1, 0)",
    ] {
        let e = i.exec(code).expect_err(code);
        assert_eq!(e.type_name(), "PermissionError", "{code}: {e:?}");
    }
}

#[test]
fn time_limit_stops_a_blocking_wait() {
    let mut i = interpreter(false);
    i.exec("import subprocess\np = subprocess.Popen(['sleep', '30'])")
        .expect("spawn");
    i.set_time_limit(Some(Duration::from_millis(300)));
    let t = Instant::now();
    let e = i.exec("p.wait()").expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
    // Once the limit ran out, the `with` exit that releases Popen's wait
    // lock could not run: end and reap the child with os directly.
    i.set_time_limit(None);
    i.exec("import os\nos.kill(p.pid, 9)\nassert os.waitpid(p.pid, 0)[1] == 9")
        .expect("kill");
}

#[test]
fn time_limit_stops_a_blocking_select() {
    let mut i = interpreter(false);
    i.exec("import os, select\nr, w = os.pipe()").expect("pipe");
    i.set_time_limit(Some(Duration::from_millis(300)));
    let t = Instant::now();
    let e = i
        .exec("select.select([r], [], [])")
        .expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn select_poll_and_epoll_see_a_readable_pipe() {
    let mut i = interpreter(false);
    let src = "
import os, select
r, w = os.pipe()
assert select.select([r], [w], [], 0) == ([], [w], [])
os.write(w, b'x')
assert select.select([r], [], [], 1.5) == ([r], [], [])
p = select.poll()
p.register(r, select.POLLIN)
assert p.poll(0) == [(r, select.POLLIN)]
p.unregister(r)
assert p.poll(0) == []
e = select.epoll()
e.register(r, select.EPOLLIN)
assert e.poll(0) == [(r, select.EPOLLIN)]
e.unregister(r)
assert e.poll(0.01) == []
e.close()
assert e.closed
";
    i.exec(src).expect("select");
}
