//! The embedding API: value conversions both ways, `Error` with traceback
//! text, typed native functions, resource limits stopping hostile code
//! (the interpreter staying usable), sandbox mode, captured output, and
//! independent interpreters that free their memory when dropped.
//!
//! Expected Python messages are CPython 3.11's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use rpy_vm::{Capability, Error, FromPython, Interpreter, PyBytes, ToPython, Value};

fn round_trip<T: ToPython + FromPython + Clone + PartialEq + std::fmt::Debug>(x: T) {
    let mut i = Interpreter::new();
    let v = x.clone().to_python(i.vm()).expect("to_python");
    let back = T::from_python(i.vm(), &v).expect("from_python");
    assert_eq!(back, x);
}

#[test]
fn conversions_round_trip() {
    round_trip(0i8);
    round_trip(i8::MIN);
    round_trip(u8::MAX);
    round_trip(i16::MIN);
    round_trip(u16::MAX);
    round_trip(i32::MIN);
    round_trip(u32::MAX);
    round_trip(i64::MIN);
    round_trip(i64::MAX);
    round_trip(u64::MAX);
    round_trip(usize::MAX);
    round_trip(isize::MIN);
    round_trip(i128::MIN);
    round_trip(u128::MAX);
    round_trip(1.5f64);
    round_trip(-0.25f32);
    round_trip(true);
    round_trip("héllo".to_string());
    round_trip('é');
    round_trip(PyBytes(vec![0, 1, 255]));
    round_trip(vec![1i64, 2, 3]);
    round_trip(vec![vec!["a".to_string()], vec![]]);
    round_trip(Some(3u8));
    round_trip(None::<u8>);
    round_trip((1i32, "x".to_string()));
    round_trip((1u8, 2u16, 3u32, 4u64, 5i64, 6.0f64));
    round_trip(HashMap::from([
        ("a".to_string(), 1i64),
        ("b".to_string(), 2),
    ]));
    round_trip(BTreeMap::from([(1i64, vec![true]), (2, vec![])]));
}

#[test]
fn conversions_match_python_values() {
    let mut i = Interpreter::new();
    i.set("big", u64::MAX).unwrap();
    i.set("neg", i128::MIN).unwrap();
    i.set("m", BTreeMap::from([("k", (1i64, None::<i64>))]))
        .unwrap();
    i.set("b", PyBytes(b"hi".to_vec())).unwrap();
    i.set("raw", vec![104u8, 105]).unwrap();
    assert_eq!(
        i.eval_as::<String>("str(big)").unwrap(),
        "18446744073709551615"
    );
    assert_eq!(
        i.eval_as::<String>("str(neg)").unwrap(),
        "-170141183460469231731687303715884105728"
    );
    assert_eq!(i.eval_as::<String>("repr(m)").unwrap(), "{'k': (1, None)}");
    assert_eq!(i.eval_as::<String>("repr(b)").unwrap(), "b'hi'");
    assert_eq!(i.eval_as::<String>("repr(raw)").unwrap(), "[104, 105]");
    assert_eq!(i.eval_as::<f64>("3").unwrap(), 3.0);
    assert!(i.eval_as::<bool>("[0]").unwrap());
    assert_eq!(i.eval_as::<Vec<i64>>("range(3)").unwrap(), [0, 1, 2]);
    assert_eq!(i.eval_as::<PyBytes>("bytearray(b'x')").unwrap().0, b"x");
    let v: Value = i.eval_as("object()").unwrap();
    assert!(matches!(v, Value::Obj(_)));
}

fn err_of<T: FromPython + std::fmt::Debug>(expr: &str) -> String {
    let mut i = Interpreter::new();
    i.eval_as::<T>(expr).unwrap_err().to_string()
}

#[test]
fn conversion_errors() {
    assert_eq!(
        err_of::<i64>("'a'"),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        err_of::<i64>("1.5"),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    assert_eq!(
        err_of::<i64>("2**63"),
        "OverflowError: Python int too large to convert to C long"
    );
    assert_eq!(
        err_of::<i32>("-2**31 - 1"),
        "OverflowError: Python int too large to convert to C int"
    );
    assert_eq!(
        err_of::<u64>("-1"),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(
        err_of::<u8>("256"),
        "OverflowError: Python int too large to convert to C unsigned char"
    );
    assert_eq!(
        err_of::<f64>("'x'"),
        "TypeError: must be real number, not str"
    );
    assert_eq!(
        err_of::<f64>("10**400"),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(err_of::<String>("1"), "TypeError: must be str, not int");
    assert_eq!(
        err_of::<PyBytes>("'s'"),
        "TypeError: must be bytes-like object, not str"
    );
    assert_eq!(
        err_of::<Vec<i64>>("5"),
        "TypeError: 'int' object is not iterable"
    );
    assert_eq!(
        err_of::<HashMap<String, i64>>("[]"),
        "TypeError: must be dict, not list"
    );
    assert_eq!(
        err_of::<(i64, i64)>("(1, 2, 3)"),
        "TypeError: expected a tuple of length 2, got length 3"
    );
    assert_eq!(err_of::<()>("0"), "TypeError: must be None, not int");
}

#[test]
fn errors_carry_traceback_text() {
    let mut i = Interpreter::new();
    let e = i.exec("def f(x):\n    return 1 / x\n\nf(0)\n").unwrap_err();
    assert_eq!(e.type_name(), "ZeroDivisionError");
    assert_eq!(e.message(), "division by zero");
    assert!(e.is_instance("ArithmeticError"));
    assert!(e.is_instance("Exception"));
    assert!(!e.is_instance("KeyError"));
    assert_eq!(e.to_string(), "ZeroDivisionError: division by zero");
    // CPython 3.11's traceback for the same program run as `-c`-like <string>.
    let expected = "Traceback (most recent call last):\n  File \"<string>\", line 4, in <module>\n  File \"<string>\", line 2, in f\nZeroDivisionError: division by zero\n";
    assert_eq!(e.traceback(), expected);
    assert_eq!(format!("{e:#}"), expected.trim_end());
    assert!(i.last_exception().is_some());
    // A std error usable with `?` and `Box<dyn Error + Send + Sync>`.
    fn boxed(e: Error) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(e)
    }
    assert_eq!(boxed(e).to_string(), "ZeroDivisionError: division by zero");

    let e = i.exec("x = (").unwrap_err();
    assert_eq!(e.type_name(), "SyntaxError");
    let e = i.get::<i64>("nope").unwrap_err();
    assert_eq!(e.to_string(), "NameError: name 'nope' is not defined");
    let e = i.exec("raise SystemExit(3)").unwrap_err();
    assert_eq!(e.exit_code(), Some(3));
}

#[test]
fn typed_functions() {
    let (mut i, out) = Interpreter::with_captured_output();
    i.register_fn("add", |a: i64, b: i64| a + b);
    i.register_fn("nothing", || ());
    i.register_fn("join", |parts: Vec<String>, sep: Option<String>| {
        parts.join(sep.as_deref().unwrap_or(","))
    });
    i.register_fn("checked_div", |a: i64, b: i64| -> Result<i64, Error> {
        if b == 0 {
            Err(Error::new("ValueError", "b must not be zero"))
        } else {
            Ok(a / b)
        }
    });
    i.function("greet")
        .param("name")
        .param_default("greeting", "Hello")
        .register(|name: String, greeting: String| format!("{greeting}, {name}!"));
    assert_eq!(i.eval_as::<i64>("add(2, 40)").unwrap(), 42);
    assert_eq!(
        i.eval_as::<i64>("add(2**62, 2**62 - 1 - 2**62)").unwrap(),
        (1 << 62) - 1
    );
    assert_eq!(i.eval_as::<()>("nothing()").unwrap(), ());
    assert_eq!(
        i.eval_as::<String>("join(['a', 'b'], None)").unwrap(),
        "a,b"
    );
    assert_eq!(i.eval_as::<String>("join(('a', 'b'), '-')").unwrap(), "a-b");
    assert_eq!(i.eval_as::<String>("greet('Ada')").unwrap(), "Hello, Ada!");
    assert_eq!(
        i.eval_as::<String>("greet(greeting='Hi', name='Bob')")
            .unwrap(),
        "Hi, Bob!"
    );
    let msg = |i: &mut Interpreter, e: &str| i.eval_as::<Value>(e).unwrap_err().to_string();
    assert_eq!(
        msg(&mut i, "add(1)"),
        "TypeError: add expected 2 arguments, got 1"
    );
    assert_eq!(
        msg(&mut i, "add(1, b=2)"),
        "TypeError: add() takes no keyword arguments"
    );
    assert_eq!(
        msg(&mut i, "add('1', 2)"),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        msg(&mut i, "add(2**64, 2)"),
        "OverflowError: Python int too large to convert to C long"
    );
    assert_eq!(
        msg(&mut i, "join(['a'], 3)"),
        "TypeError: join() argument 2 must be str or None, not int"
    );
    assert_eq!(
        msg(&mut i, "greet(1)"),
        "TypeError: greet() argument 'name' must be str, not int"
    );
    assert_eq!(
        msg(&mut i, "greet()"),
        "TypeError: greet() missing required argument 'name' (pos 1)"
    );
    assert_eq!(
        msg(&mut i, "greet('a', 'b', 'c')"),
        "TypeError: greet() takes at most 2 arguments (3 given)"
    );
    assert_eq!(
        msg(&mut i, "greet('a', nme='b')"),
        "TypeError: 'nme' is an invalid keyword argument for greet()"
    );
    assert_eq!(
        msg(&mut i, "checked_div(1, 0)"),
        "ValueError: b must not be zero"
    );
    // Python code catches errors of typed functions like any other.
    i.exec("try:\n    checked_div(1, 0)\nexcept ValueError as e:\n    print('caught', e)\n")
        .unwrap();
    assert_eq!(out.borrow().stdout, "caught b must not be zero\n");
}

#[test]
fn call_python_from_rust() {
    let mut i = Interpreter::new();
    i.exec("def area(w, h=1):\n    return w * h\nclass K:\n    pass\n")
        .unwrap();
    assert_eq!(i.call_fn::<f64>("area", (2.5, 4)).unwrap(), 10.0);
    assert_eq!(i.call_fn::<i64>("area", (7,)).unwrap(), 7);
    let e = i.call_fn::<i64>("area", ()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: area() missing 1 required positional argument: 'w'"
    );
    let e = i.call_fn::<i64>("missing", ()).unwrap_err();
    assert_eq!(e.to_string(), "NameError: name 'missing' is not defined");
}

#[test]
fn recursion_limit_stops_deep_recursion() {
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .recursion_limit(100)
        .build();
    let e = i.exec("def f(n): return f(n + 1)\nf(0)").unwrap_err();
    assert_eq!(
        e.to_string(),
        "RecursionError: maximum recursion depth exceeded"
    );
    // Running code cannot raise the ceiling.
    i.exec("import sys\nsys.setrecursionlimit(10**6)").unwrap();
    assert_eq!(i.eval_as::<i64>("sys.getrecursionlimit()").unwrap(), 100);
    let e = i.exec("f(0)").unwrap_err();
    assert_eq!(e.type_name(), "RecursionError");
    assert_eq!(i.eval_as::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn instruction_budget_stops_infinite_loops() {
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .instruction_budget(100_000)
        .build();
    let e = i.exec("while True: pass").unwrap_err();
    assert_eq!(e.type_name(), "ResourceLimitError");
    assert!(e.is_instance("RuntimeError"));
    assert!(e.is_resource_limit());
    assert_eq!(
        e.message(),
        "instruction budget exhausted (100000 instructions)"
    );
    // Catching the exception does not help: every later check raises again.
    let e = i
        .exec("while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n")
        .unwrap_err();
    assert_eq!(e.type_name(), "ResourceLimitError");
    // Recursion with no loop (exponential calls) is stopped too.
    let e = i
        .exec("def f(n):\n    if n: f(n-1); f(n-1)\nf(60)")
        .unwrap_err();
    assert_eq!(e.type_name(), "ResourceLimitError");
    // Each entry has a fresh budget.
    i.exec("t = 0\nfor k in range(1000): t += k").unwrap();
    assert_eq!(i.get::<i64>("t").unwrap(), 499500);
}

#[test]
fn time_limit_stops_infinite_loops() {
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .time_limit(Duration::from_millis(200))
        .build();
    let start = Instant::now();
    let e = i.exec("x = 0\nwhile True:\n    x += 1").unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(e.type_name(), "ResourceLimitError");
    assert!(
        e.message().starts_with("time limit exceeded"),
        "{}",
        e.message()
    );
    // Native loops are stopped too.
    let e = i.exec("sum(range(10**18))").unwrap_err();
    assert_eq!(e.type_name(), "ResourceLimitError");
    // A native call looping into Python is stopped as well.
    let e = i
        .exec("def g(k): return k\nlist(map(g, iter(int, 1)))")
        .unwrap_err();
    assert!(e.is_resource_limit(), "{e}");
    assert_eq!(i.eval_as::<i64>("2 + 2").unwrap(), 4);
}

#[test]
fn time_limit_holds_in_slow_bodies_and_sleeps() {
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .time_limit(Duration::from_millis(300))
        .build();
    // A sleep longer than the limit ends at the limit.
    let start = Instant::now();
    let e = i.exec("import time\ntime.sleep(30)").unwrap_err();
    assert!(e.is_resource_limit(), "{e}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // So does a loop of sleeps, and a loop whose body is one long native
    // operation: each stops within an iteration of the limit, not a
    // thousand iterations later.
    for code in [
        "import time\nwhile True:\n    time.sleep(0.05)",
        "l = list(range(300000, 0, -1))\nwhile True:\n    sorted(l)",
    ] {
        let start = Instant::now();
        let e = i.exec(code).unwrap_err();
        assert!(e.is_resource_limit(), "{code}: {e}");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{code}: {:?}",
            start.elapsed()
        );
    }
    // The next entry has a fresh clock.
    assert_eq!(i.eval_as::<i64>("2 + 2").unwrap(), 4);
}

#[test]
fn memory_limit_stops_growing_containers() {
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .memory_limit(32 << 20)
        .build();
    let e = i
        .exec("x = []\nwhile True:\n    x.append(x and len(x))")
        .unwrap_err();
    assert_eq!(e.to_string(), "MemoryError");
    i.exec("del x").unwrap();
    let e = i.exec("s = 'a'\nwhile True:\n    s += s").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    i.exec("del s").unwrap();
    // Inside a function (the string lives only in the frame).
    let e = i
        .exec("def f():\n    s = b'a'\n    while True:\n        s = s + s\nf()")
        .unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    let e = i
        .exec("d = {}\nn = 0\nwhile True:\n    d[n] = n\n    n += 1")
        .unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    i.exec("del d").unwrap();
    let e = i
        .exec("b = bytearray()\nwhile True:\n    b += b'x' * 4096")
        .unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    i.exec("del b").unwrap();
    let e = i.exec("y = list(range(10**10))").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    // One huge allocation is refused before it is made.
    let e = i.exec("y = 'a' * (10**10)").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    let e = i.exec("y = [0] * (10**9)").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    // Sizes computed before the work: big ints, formatting, to_bytes.
    for code in [
        "import math\nmath.factorial(10**9)",
        "import math\nmath.perm(2**62, 2**30)",
        "import math\nmath.comb(2**62, 2**30)",
        "10**10**10",
        "1 << (1 << 33)",
        "(1).to_bytes(1 << 30, 'big')",
        "'%200000000d' % 1",
        "f'{1:200000000}'",
        "'\\t'.expandtabs(200000000)",
        "x = 1 << (1 << 25)\nbin(x)",
        "bytes(200000000)",
    ] {
        let e = i.exec(code).err();
        assert_eq!(
            e.map(|e| e.type_name().to_string()).as_deref(),
            Some("MemoryError"),
            "{code}"
        );
    }
    i.exec("x = None").unwrap();
    // Code that frees what it allocates keeps running.
    i.exec("for k in range(200):\n    t = 'b' * (1 << 20)\n")
        .unwrap();
    assert_eq!(i.eval_as::<i64>("len([1] * 1000)").unwrap(), 1000);
}

#[test]
fn sandbox_denies_host_access() {
    // `open` forwards to `io.open`: CPython's io.py on the native `_io`.
    let (mut i, out) = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .sandbox(true)
        .lib_dirs(lib_and_cpython())
        .capture_output(true)
        .build_captured();
    rpy_io::register(&mut i);
    let e = i.exec("open('/etc/passwd')").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    assert!(e.is_instance("OSError"));
    assert_eq!(
        e.message(),
        "open('/etc/passwd'): file system read access is not permitted in this sandbox"
    );
    // Imports from outside Lib/ are refused.
    let dir = std::env::temp_dir().join(format!("rpy_sandbox_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("outside_mod.py"), "X = 1\n").unwrap();
    i.set("d", dir.to_string_lossy().into_owned()).unwrap();
    let e = i
        .exec("import sys\nsys.path.insert(0, d)\nimport outside_mod")
        .unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    // Until the embedder allows the directory.
    i.allow_read_dir(&dir);
    i.exec("import outside_mod").unwrap();
    assert_eq!(i.eval_as::<i64>("outside_mod.X").unwrap(), 1);
    // Library modules still import; the interpreter is still usable.
    i.exec("print('ok')").unwrap();
    assert_eq!(out.expect("captured").borrow().stdout, "ok\n");
    let _ = std::fs::remove_dir_all(&dir);

    // Granting FileRead lifts the permission check.
    let mut g = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .sandbox(true)
        .grant(Capability::FileRead)
        .lib_dirs(lib_and_cpython())
        .build();
    rpy_io::register(&mut g);
    g.exec("data = open('/etc/passwd').read()").unwrap();
    assert!(g.eval_as::<bool>("'root' in data").unwrap());
    // Reading is not writing, nor reaching the environment or processes.
    let e = g
        .exec("open('/tmp/rpy_sandbox_write_test', 'w')")
        .unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    let e = g.exec("import os\nos.putenv('X', '1')").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    assert!(g.eval_as::<bool>("len(os.environ) == 0").unwrap());
    let e = g.exec("os.waitpid(-1, 0)").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
    let e = g.exec("os.unlink('/tmp/x')").unwrap_err();
    assert_eq!(e.type_name(), "PermissionError");
}

/// rpy's Lib/ and CPython's library directory (asked of python3): what
/// `os` and `subprocess` are now read from.
fn lib_and_cpython() -> [std::path::PathBuf; 2] {
    let lib = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Lib");
    let out = std::process::Command::new("python3")
        .args(["-I", "-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .expect("python3 (CPython 3.11) is needed for its library");
    let cpython = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    [lib, std::path::PathBuf::from(cpython)]
}

#[test]
fn sandbox_denies_process_exit_and_identity() {
    // `os` is CPython's os.py on the native `posix`.
    let mut i = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .sandbox(true)
        .lib_dirs(lib_and_cpython())
        .build();
    for (code, what) in [
        ("os._exit(3)", "os._exit"),
        ("import posix\nposix._exit(3)", "os._exit"),
        ("os.getpid()", "os.getpid"),
        ("os.getppid()", "os.getppid"),
        ("os.cpu_count()", "os.cpu_count"),
    ] {
        let e = i.exec(&format!("import os\n{code}")).unwrap_err();
        assert_eq!(e.type_name(), "PermissionError", "{code}");
        assert_eq!(
            e.message(),
            format!("{what}: process control is not permitted in this sandbox")
        );
    }
    // A finalizer run by the host's drop cannot end the host either: if it
    // could, this test process would exit with status 3 here.
    i.exec("import os\nclass D:\n    def __del__(self):\n        os._exit(3)\nd = D()")
        .unwrap();
    drop(i);
    // Granted, the identity is readable.
    let mut g = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .sandbox(true)
        .lib_dirs(lib_and_cpython())
        .grant(Capability::Process)
        .build();
    assert_eq!(
        g.eval_as::<i64>("__import__('os').getpid()").unwrap(),
        i64::from(std::process::id())
    );
}

#[test]
fn captured_output() {
    let (mut i, out) = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .capture_output(true)
        .build_captured();
    i.exec("import sys\nprint('out', 1)\nprint('err', file=sys.stderr)")
        .unwrap();
    let out = out.expect("captured");
    assert_eq!(out.borrow().stdout, "out 1\n");
    assert_eq!(out.borrow().stderr, "err\n");
}

#[test]
fn interpreters_are_independent() {
    let mut a = Interpreter::new();
    let mut b = Interpreter::builder()
        .native_modules(rpy_stdlib::register_vm)
        .instruction_budget(10_000)
        .build();
    a.exec("x = 1").unwrap();
    b.exec("x = 2").unwrap();
    assert_eq!(a.get::<i64>("x").unwrap(), 1);
    assert_eq!(b.get::<i64>("x").unwrap(), 2);
    // b's budget does not apply to a.
    a.exec("for k in range(100000): pass").unwrap();
    assert!(b.exec("for k in range(100000): pass").is_err());
}

#[test]
fn interpreters_share_no_mutable_state() {
    // The built-in types and the prototypes of `builtins` and `sys` are
    // shared by a thread's interpreters: what one changes, the other must
    // not see.
    let mut a = Interpreter::new();
    let mut b = Interpreter::new();
    a.exec(
        "import sys, builtins\n\
         class OnlyInA(int): pass\n\
         class AlsoOnlyInA: pass\n\
         builtins.only_in_a = 1\n\
         sys.path.append('only-in-a')\n\
         sys.argv.append('only-in-a')\n\
         sys.warnoptions.append('only-in-a')\n\
         sys.implementation.only_in_a = 1\n\
         sys.only_in_a = 1\n\
         sys.modules['only_in_a'] = sys\n",
    )
    .unwrap();
    let probe = "import sys, builtins\n\
         names = [c.__name__ for c in int.__subclasses__() + object.__subclasses__()]\n\
         seen = ['OnlyInA' in names, 'AlsoOnlyInA' in names, hasattr(builtins, 'only_in_a'), \
                 'only-in-a' in sys.path, 'only-in-a' in sys.argv, 'only-in-a' in sys.warnoptions, \
                 hasattr(sys.implementation, 'only_in_a'), hasattr(sys, 'only_in_a'), \
                 'only_in_a' in sys.modules]\n";
    a.exec(probe).unwrap();
    b.exec(probe).unwrap();
    assert_eq!(a.get::<Vec<bool>>("seen").unwrap(), vec![true; 9]);
    assert_eq!(b.get::<Vec<bool>>("seen").unwrap(), vec![false; 9]);
    // Every way of changing a shared type is refused, so `b` sees `int`
    // as it was built.
    let hostile = [
        "object.__delattr__(int, '__add__')",
        "type.__delattr__(int, '__add__')",
        "int.__doc__ = 'changed'",
        "int.__qualname__ = 'changed'",
        "ValueError.__module__ = 'changed'",
        "int.__abstractmethods__ = frozenset({'x'})",
    ];
    for code in hostile {
        let err = a.exec(code).unwrap_err();
        assert_eq!(err.type_name(), "TypeError", "{code}: {err}");
    }
    b.exec(
        "intact = (hasattr(int, '__add__'), int.__doc__ != 'changed', \
                   int.__qualname__, ValueError.__module__, int(3))",
    )
    .unwrap();
    assert_eq!(
        b.get::<(bool, bool, String, String, i64)>("intact")
            .unwrap(),
        (true, true, "int".into(), "builtins".into(), 3)
    );
    // A shared module function's `__self__` is the interpreter's own module.
    for i in [&mut a, &mut b] {
        let own = "import builtins, sys\n\
             own = [len.__self__ is builtins, sys.exit.__self__ is sys]\n";
        i.exec(own).unwrap();
        assert_eq!(i.get::<Vec<bool>>("own").unwrap(), vec![true, true]);
    }
}

#[test]
fn interpreters_work_on_several_threads() {
    // Each thread builds its own shared runtime and frees it at exit.
    let handles: Vec<_> = (0..4)
        .map(|k: i64| {
            std::thread::spawn(move || {
                let mut i = Interpreter::new();
                i.exec("class C: pass\nn = len(object.__subclasses__())")
                    .unwrap();
                i.eval_as::<i64>(&format!("{k} * 10 + 1")).unwrap()
            })
        })
        .collect();
    let got: Vec<i64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(got, vec![1, 11, 21, 31]);
}

#[test]
fn dropping_interpreters_frees_their_cycles() {
    // Warm up once (lazily made shared state), then measure.
    drop(make_cycles());
    let baseline = rpy_vm::live_objects();
    for _ in 0..20 {
        let i = make_cycles();
        assert!(rpy_vm::live_objects() > baseline + 1000);
        drop(i);
    }
    assert_eq!(rpy_vm::live_objects(), baseline);
}

fn make_cycles() -> Interpreter {
    let mut i = Interpreter::new();
    i.set_memory_limit(Some(64 << 20));
    i.exec(
        "class Node:\n    def __init__(self):\n        self.me = self\n        self.l = [self]\n\
         nodes = [Node() for _ in range(500)]\n\
         d = {}\nd['d'] = d\n\
         def f(): return f\n\
         try:\n    1/0\nexcept Exception as e:\n    err = e\n",
    )
    .unwrap();
    i
}

#[test]
fn deep_iterator_chains_on_a_small_thread() {
    // 20,000 nested map/filter/zip/enumerate iterators step each other on
    // the native stack: on a 2 MiB embedder thread that must not overflow.
    let out = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let mut i = Interpreter::new();
            let mut got = Vec::new();
            for make in ["map(abs, x)", "filter(None, x)", "zip(x)", "enumerate(x)"] {
                let code = format!(
                    "x = [-1]\nfor _ in range(20000):\n    x = {make}\nv = next(iter(x))\ndel x"
                );
                i.exec(&code).unwrap();
                got.push(i.eval_as::<String>("type(v).__name__").unwrap());
            }
            got
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(out, ["int", "int", "tuple", "tuple"]);
}
