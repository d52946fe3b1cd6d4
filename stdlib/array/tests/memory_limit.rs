//! An array's buffer growth counts against the interpreter's memory
//! limit: appends, extends, `+=` and `frombytes` past a 32 MiB cap end in
//! MemoryError (the interpreter stays usable), and growth within it works.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::Interpreter;

fn limited() -> Interpreter {
    let mut interp = Interpreter::builder().memory_limit(32 << 20).build();
    rpy_array::register(&mut interp);
    interp
}

fn outcome(interp: &mut Interpreter, body: &str) -> String {
    let src = format!(
        "import array\ntry:\n{body}\n    r = 'no error'\nexcept MemoryError:\n    r = 'MemoryError'\n"
    );
    interp.exec(&src).unwrap();
    interp.eval_as::<String>("r").unwrap()
}

#[test]
fn growing_past_the_limit_is_a_memory_error() {
    for body in [
        // 64 MiB by appends of 8-byte items.
        "    a = array.array('q')\n    for i in range(8 << 20):\n        a.append(i)",
        // Doubling with +=.
        "    a = array.array('b', bytes(1 << 20))\n    while True:\n        a += a",
        // Chunks of 4 MiB.
        "    a = array.array('b')\n    for _ in range(32):\n        a.frombytes(bytes(4 << 20))",
        "    a = array.array('b')\n    for _ in range(32):\n        a.extend(array.array('b', bytes(4 << 20)))",
    ] {
        let mut interp = limited();
        assert_eq!(outcome(&mut interp, body), "MemoryError", "{body}");
        interp.exec("del a").unwrap();
        assert_eq!(interp.eval_as::<i64>("1 + 1").unwrap(), 2);
    }
}

#[test]
fn growth_within_the_limit_works() {
    let mut interp = limited();
    let body = "    a = array.array('i')\n    for i in range(200_000):\n        a.append(i)\n    a.insert(0, -1)";
    assert_eq!(outcome(&mut interp, body), "no error");
    assert_eq!(interp.eval_as::<i64>("len(a)").unwrap(), 200_001);
    assert_eq!(interp.eval_as::<i64>("a[0] + a[-1]").unwrap(), 199_998);
}
