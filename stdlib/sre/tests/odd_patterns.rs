//! A sweep of odd patterns and hand-made code lists that must never crash
//! the interpreter: CPython's compiler either rejects them (re.error) or
//! the matcher runs them; `_sre.compile` with malformed code words gives
//! Python exceptions, never a panic.

use rpy_vm::Interpreter;

fn run(src: &str) -> String {
    let (mut interp, out) = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .capture_output(true)
        .build_captured();
    rpy_stdlib::register(&mut interp);
    let Some(out) = out else {
        panic!("no captured output");
    };
    let result = interp.run_source(src, "<re test>");
    interp.flush();
    let mut text = out.borrow().stdout.clone();
    if let Err(e) = result {
        text.push_str("UNCAUGHT ");
        text.push_str(&interp.format_exception(&e));
    }
    text
}

#[test]
fn odd_patterns_never_crash() {
    // re._parser warns about some of these (FutureWarning); showing a
    // warning needs linecache, which needs modules rpy lacks yet.
    let out = run(r#"
import re, warnings
warnings.simplefilter('ignore')
pieces = ['a', '(', ')', '[', ']', '{', '}', '*', '+', '?', '\\', '|', '^', '$',
          '(?', 'P<', '>', '=', '!', '<', '-', ',', '1', '9', 'x', 'N{', 'u', '#',
          '\n', ' ', 'é', '\x00', '(?x)', '(?i', ':', '(?<=', '(?>', '++', '\\1']
n = len(pieces)
count = 0
for i in range(n):
    for j in range(n):
        for k in range(0, n, 7):
            for pattern in (pieces[i] + pieces[j] + pieces[k],
                            pieces[k] + pieces[i] + pieces[j]):
                for p in (pattern, pattern.encode('utf-8')):
                    try:
                        r = re.compile(p)
                        s = 'aé\n1' if isinstance(p, str) else b'a\xc3\n1'
                        r.findall(s)
                        r.sub(s[:1], s)
                        r.split(s)
                        r.fullmatch(s)
                        count += 1
                    except (re.error, ValueError, OverflowError, KeyError):
                        count += 1
print(count)
"#);
    assert!(
        out.trim().parse::<u64>().is_ok(),
        "unexpected output: {out}"
    );
}

#[test]
fn malformed_code_raises() {
    let out = run(r#"
import _sre
seed = 5
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
bad = 0
codes = [[], [99], [15, 0], [24, 4, 0, 1, 16], [23, 2, 0, 5, 18], [13, 100, 1],
         [10, 3, 1], [6, 99], [12, 7, 1], [4, 5, 9, 1], [1 << 31, 1]]
for _ in range(300):
    codes.append([rand(45) for _ in range(1 + rand(12))])
for code in codes:
    for groups in (0, 2):
        p = _sre.compile('x', 0, code, groups, {}, (None,) * (groups + 1))
        for s in ('', 'xyx' * 3):
            try:
                p.search(s); p.match(s); p.findall(s)
            except (RuntimeError, MemoryError, IndexError, TypeError):
                bad += 1
print(bad)
"#);
    assert!(
        out.trim().parse::<u64>().is_ok(),
        "unexpected output: {out}"
    );
}
