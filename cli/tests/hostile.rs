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
    let after = i.eval_as::<i64>("6 * 7");
    assert!(matches!(after, Ok(42)), "after {code}: {after:?}");
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
        "m = [memoryview(bytearray(2**24)) for _ in range(20)]",
        "x = bytes(2**25).hex()",
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

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Lines that stress the limits, spliced into the mutated programs.
const HOSTILE_LINES: &[&str] = &[
    "while True: pass",
    "x = [x for x in range(10**9)]",
    "s = 'a' * 2**40",
    "def f(): return f()\nf()",
    "import os; os._exit(1)",
    "open('/etc/passwd').read()",
    "x = 10 ** 10 ** 9",
    "l = [1, 2]\nclass I:\n    def __index__(self): l.clear(); return 1\ndel l[I()]",
    "'%.70000f' % 1.5",
    "d = {1: 1}\nfor k in d: d[k + 1] = 1",
    "import time; time.sleep(100)",
    "x = [-1]\nfor _ in range(30000): x = map(abs, x)\nlist(x)",
];

/// One mutation of `src`: lines dropped, repeated, swapped or replaced by
/// hostile ones, or bytes changed.
fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(lines.len());
        match rng.below(6) {
            0 => {
                lines.remove(i);
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                let indent: String = lines[i].chars().take_while(|c| *c == ' ').collect();
                let h = HOSTILE_LINES[rng.below(HOSTILE_LINES.len())];
                let block: Vec<String> = h.lines().map(|l| format!("{indent}{l}")).collect();
                lines.splice(i..i, block);
            }
            4 => {
                let mut b = lines[i].clone().into_bytes();
                if !b.is_empty() {
                    let k = rng.below(b.len());
                    let pool = b"()[]{}:,.=+-*/%'\"\\ \n\t0a#@";
                    b[k] = pool[rng.below(pool.len())];
                }
                lines[i] = String::from_utf8_lossy(&b).into_owned();
            }
            _ => {
                let j = rng.below(lines.len());
                let l = lines[j].clone();
                lines[i].push_str(&l);
            }
        }
    }
    lines.join("\n")
}

#[test]
fn mutated_programs_never_crash_the_host() {
    // The snapshot programs, mutated and run sandboxed under small limits:
    // any ending is fine but a panic (SystemError "rpy panicked") or a
    // process crash (which fails the whole test binary).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Lib/test_subset");
    let mut sources: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    sources.sort();
    let runs: usize = std::env::var("RPY_MUTATION_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let seed: u64 = std::env::var("RPY_MUTATION_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5eed_1234_abcd);
    let mut rng = Rng(seed);
    let (mut i, out) = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .sandbox(true)
        .recursion_limit(300)
        .instruction_budget(2_000_000)
        .time_limit(Duration::from_secs(2))
        .memory_limit(64 << 20)
        .capture_output(true)
        .build_captured();
    rpy_stdlib::register(&mut i);
    let mut endings = std::collections::BTreeMap::<String, usize>::new();
    for run in 0..runs {
        let (name, src) = &sources[rng.below(sources.len())];
        let program = mutate(src, &mut rng);
        let ending = match i.exec(&program) {
            Ok(()) => "ok".to_owned(),
            Err(e) => {
                assert!(
                    !e.message().contains("panicked"),
                    "run {run} (seed {seed}), mutated {name}: {e}\n--- program ---\n{program}"
                );
                e.type_name().to_owned()
            }
        };
        *endings.entry(ending).or_default() += 1;
        // A fresh namespace for the next program; the output is dropped.
        let _ = i.exec(
            "for _k in [k for k in globals() if not k.startswith('__')]:\n    del globals()[_k]",
        );
        if let Some(o) = &out {
            let mut o = o.borrow_mut();
            o.stdout.clear();
            o.stderr.clear();
        }
    }
    eprintln!("{runs} mutated programs: {endings:?}");
    assert_eq!(i.eval_as::<i64>("6 * 7").unwrap(), 42);
}

#[test]
fn changing_a_dict_while_iterating_it_in_reverse_is_detected() {
    let mut i = with_stdlib(Interpreter::builder());
    for (code, want) in [
        (
            "d = {1: 1}\nfor k in reversed(d):\n    d[len(d) + 5] = 1",
            "RuntimeError: dictionary changed size during iteration",
        ),
        (
            "d = {1: 1, 2: 2}\nfor k in reversed(d.items()):\n    del d[1]",
            "RuntimeError: dictionary changed size during iteration",
        ),
        (
            "d = {1: 1, 2: 2}\nfor k, v in reversed(d.items()):\n    d.pop(k); d[k + 10] = v\nassert d == {12: 2, 11: 1}",
            "ok",
        ),
    ] {
        assert_eq!(outcome(&mut i, code), want, "{code}");
    }
    i.exec("d = {1: 'a', 2: 'b', 3: 'c'}\ndel d[2]\nd[4] = 'd'")
        .unwrap();
    assert_eq!(
        i.eval_as::<String>(
            "repr((list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())), \
             type(reversed(d)).__name__, type(reversed(d.items())).__name__, \
             reversed(d).__length_hint__()))"
        )
        .unwrap(),
        "([4, 3, 1], ['d', 'c', 'a'], [(4, 'd'), (3, 'c'), (1, 'a')], \
         'dict_reversekeyiterator', 'dict_reverseitemiterator', 3)"
    );
}
