//! Hostile programs against an embedded interpreter with the whole
//! standard library: each ends as CPython ends it, or with `MemoryError`
//! or `ResourceLimitError` within the embedder's limits, and the host and
//! the interpreter are unharmed (issue 18).

use std::time::{Duration, Instant};

use rpy_vm::{Capability, Interpreter, InterpreterBuilder};

fn with_stdlib(b: InterpreterBuilder) -> Interpreter {
    let mut i = b.stdlib(&rpy_stdlib_frozen::STDLIB).build();
    rpy_stdlib::register(&mut i);
    i
}

/// The exception `code` ends with ("ok" if none): "Type: message".
fn outcome(i: &mut Interpreter, code: &str) -> String {
    let r = match i.exec(code) {
        Ok(()) => "ok".to_owned(),
        Err(e) => e.to_string(),
    };
    // The interpreter stays usable.
    assert_eq!(i.eval_as::<i64>("6 * 7").unwrap(), 42, "after {code}");
    r
}

#[test]
fn sizes_are_checked_before_allocating() {
    // No limit set: what CPython refuses at once is refused at once.
    let mut i = with_stdlib(Interpreter::builder());
    for (code, want) in [
        ("'ab' * 2**62", "OverflowError: repeated string is too long"),
        (
            "b'ab' * 2**62",
            "OverflowError: repeated bytes are too long",
        ),
        ("'é' * 2**62", "MemoryError"),
        (
            "'é' * 2**63",
            "OverflowError: cannot fit 'int' into an index-sized integer",
        ),
        ("bytearray(b'ab') * 2**62", "MemoryError"),
        ("[1, 2] * 2**62", "MemoryError"),
        ("'' * (2**63 - 1)", "ok"),
        (
            "import struct\nstruct.pack('1000000000000x')",
            "MemoryError",
        ),
        (
            "import struct\nstruct.pack('1000000000000s', b'')",
            "MemoryError",
        ),
        ("('x' * 10**6).replace('x', 'y' * 10**8)", "MemoryError"),
        ("(b'x' * 10**6).replace(b'x', b'y' * 10**8)", "MemoryError"),
        ("x = 'a' * 2**20\n','.join([x] * 2**22)", "MemoryError"),
        ("x = b'a' * 2**20\nb','.join([x] * 2**22)", "MemoryError"),
    ] {
        assert_eq!(outcome(&mut i, code), want, "{code}");
    }
    // Repeats still give the right values.
    assert_eq!(
        i.eval_as::<String>("'ab' * 3 + '-' * 0 + 'é' * 2").unwrap(),
        "abababéé"
    );
    assert_eq!(i.eval_as::<i64>("len([0, 1, 2] * 1000)").unwrap(), 3000);
    assert_eq!(i.eval_as::<String>("('ab' * 5)[-3:]").unwrap(), "bab");
}

#[test]
fn the_memory_limit_counts_every_buffer() {
    let (mut i, out) = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .memory_limit(64 << 20)
        .capture_output(true)
        .build_captured();
    rpy_stdlib::register(&mut i);
    for code in [
        // Buffers not made by the objects' constructors.
        "m = [bytearray(2**24) for _ in range(20)]",
        "import array\nm = [array.array('b', bytes(2**24)) for _ in range(20)]",
        "import collections\nd = collections.deque(range(10**8))",
        // Tables and results that grow inside one native call.
        "s = set(range(10**9))",
        "x = 'abc' * 10**6\ny = x.translate({97: 'x' * 1000})",
        "x = ','.join(['a' * 2**20] * 2**10)",
        "x = ('x' * 10**6).replace('x', 'yy' * 10**3)",
        // Output kept by the host's capture.
        "while True:\n    print('x' * 10000)",
        "import sys\nwhile True:\n    sys.stdout.write('x' * 10000)",
    ] {
        assert_eq!(outcome(&mut i, code), "MemoryError", "{code}");
        let _ = i.exec("m = d = s = x = y = None");
        if let Some(o) = &out {
            o.borrow_mut().stdout.clear();
        }
    }
}

#[test]
fn the_time_limit_holds_in_big_int_arithmetic() {
    let mut i = with_stdlib(Interpreter::builder().time_limit(Duration::from_millis(500)));
    for code in [
        "x = 3 ** (2 ** 33)",
        "x = 7 ** (2 ** 31)",
        "x = pow(3, 2**100000, 10**50000 + 1)",
    ] {
        let start = Instant::now();
        let r = outcome(&mut i, code);
        assert!(r.starts_with("ResourceLimitError"), "{code}: {r}");
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{code}: {:?}",
            start.elapsed()
        );
    }
    // Powers built step by step are exact.
    let mut slow = with_stdlib(Interpreter::builder().time_limit(Duration::from_secs(600)));
    assert_eq!(
        slow.eval_as::<String>("str(3 ** 100)").unwrap(),
        "515377520732011331036461129765621272702107522001"
    );
    assert!(slow
        .eval_as::<bool>("5 ** 2000001 == 5 * 5 ** 2000000 and (5 ** 2000000) % 1000 == 625")
        .unwrap());
    assert!(slow
        .eval_as::<bool>("(-3) ** 3000001 < 0 and (-3) ** 3000001 == -(3 ** 3000001)")
        .unwrap());
}

#[test]
fn percent_formatting_with_many_arguments_is_linear() {
    // Quadratic, it took minutes; the limit makes a regression fail
    // rather than hang.
    let mut i = with_stdlib(Interpreter::builder().time_limit(Duration::from_secs(20)));
    let r = outcome(
        &mut i,
        "n = 300000\ns = '%s é' * n % tuple(range(n))\nassert len(s) == sum(len(str(k)) + 2 for k in range(n))",
    );
    assert_eq!(r, "ok");
    // Messages still name the right character position.
    assert_eq!(
        outcome(&mut i, "'é%s %y' % (1, 2)"),
        "ValueError: unsupported format character 'y' (0x79) at index 5"
    );
}

#[test]
fn index_conversions_that_empty_an_array_are_revalidated() {
    let mut i = with_stdlib(Interpreter::builder());
    let prelude = "import array\na = array.array('i', [1, 2, 3])\nclass I:\n    def __index__(self):\n        del a[:]\n        return 1\n";
    for (code, want) in [
        (
            "del a[I()]",
            "IndexError: array assignment index out of range",
        ),
        (
            "a[I()] = 5",
            "IndexError: array assignment index out of range",
        ),
        ("a[I()]", "IndexError: array index out of range"),
    ] {
        assert_eq!(outcome(&mut i, &format!("{prelude}{code}")), want, "{code}");
    }
}

#[test]
fn the_sandbox_hides_the_host_program() {
    let mut i = with_stdlib(Interpreter::builder().sandbox(true));
    assert_eq!(
        i.eval_as::<String>("__import__('sys').executable").unwrap(),
        ""
    );
    i.grant(Capability::Process);
    assert!(!i
        .eval_as::<String>("__import__('sys').executable")
        .unwrap()
        .is_empty());
    let mut open = with_stdlib(Interpreter::builder());
    assert!(!open
        .eval_as::<String>("__import__('sys').executable")
        .unwrap()
        .is_empty());
}
