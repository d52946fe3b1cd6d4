//! `_socket` under the interpreter's controls: the sandbox denies
//! opening a socket and resolving names, and the time limit reaches a
//! blocking `accept`/`recv`.

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
fn sandbox_denies_the_network() {
    let mut i = interpreter(true);
    // Importing is fine (asyncio included); opening a socket is not.
    i.exec("import socket, asyncio").expect("imports");
    for code in [
        "socket.socket()",
        "socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)",
        "socket.getaddrinfo('localhost', 80)",
        "socket.gethostname()",
        "socket.create_connection(('127.0.0.1', 9))",
    ] {
        let e = i.exec(code).expect_err(code);
        assert_eq!(e.type_name(), "PermissionError", "{code}: {e:?}");
    }
}

#[test]
fn network_allowed_outside_the_sandbox() {
    let mut i = interpreter(false);
    i.exec(
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\n\
         assert s.getsockname()[1] > 0\ns.close()",
    )
    .expect("bind");
}

#[test]
fn time_limit_stops_a_blocking_accept() {
    let mut i = interpreter(false);
    i.exec("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()")
        .expect("listen");
    i.set_time_limit(Some(Duration::from_millis(300)));
    let t = Instant::now();
    let e = i.exec("s.accept()").expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn time_limit_stops_a_blocking_recv() {
    let mut i = interpreter(false);
    i.exec("import socket\na, b = socket.socketpair()")
        .expect("pair");
    i.set_time_limit(Some(Duration::from_millis(300)));
    let t = Instant::now();
    let e = i.exec("a.recv(10)").expect_err("must be stopped");
    assert!(e.is_resource_limit(), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn descriptors_are_shared_with_os_and_select() {
    let mut i = interpreter(false);
    i.exec(
        "import os, select, socket\na, b = socket.socketpair()\n\
         os.write(a.fileno(), b'x')\n\
         assert select.select([b], [], [], 1)[0] == [b]\n\
         assert os.read(b.fileno(), 1) == b'x'\n\
         fd = a.detach()\nos.close(fd)\nassert b.recv(1) == b''",
    )
    .expect("shared descriptors");
}
