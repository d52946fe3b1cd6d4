//! `re` constructs that CPython runs but rpy's regex engine cannot
//! (look-around, backreferences, conditionals, atomic groups, possessive
//! repeats): they must raise NotImplementedError naming the feature (the
//! snapshot programs cannot cover these, CPython does not raise). Also a
//! sweep of odd patterns that must never crash the interpreter.

use rpy_vm::interp::Interpreter;

fn run(src: &str) -> String {
    // `re` is Lib/re/, read from the repository.
    let lib = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Lib");
    let (mut interp, out) = Interpreter::builder()
        .lib_dirs([lib])
        .capture_output(true)
        .build_captured();
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
fn unsupported_features_raise_not_implemented_error() {
    let out = run(r#"
import re
cases = [
    ('(?=a)', 'look-ahead'), ('a(?!b)', 'negative look-ahead'),
    ('(?<=a)b', 'look-behind'), ('(?<!a)b', 'negative look-behind'),
    (r'(a)\1', 'backreferences'), ('(?P<x>a)(?P=x)', 'backreferences'),
    ('(a)?(?(1)b|c)', 'conditional groups'), ('(?>a+)b', 'atomic groups'),
    ('a*+', 'possessive repeats'), ('a{1,2}+', 'possessive repeats'),
    (rb'(a)\1', 'backreferences'),
]
for pattern, feature in cases:
    try:
        re.compile(pattern)
        print(pattern, 'compiled')
    except NotImplementedError as e:
        print(feature in str(e) and 'not supported' in str(e))
# CPython's syntax errors still come first.
try:
    re.compile('(?=a)(')
except re.error as e:
    print(e)
"#);
    let want = "True\n".repeat(11) + "missing ), unterminated subpattern at position 5\n";
    assert_eq!(out, want);
}

#[test]
fn odd_patterns_never_crash() {
    let out = run(r#"
import re
pieces = ['a', '(', ')', '[', ']', '{', '}', '*', '+', '?', '\\', '|', '^', '$',
          '(?', 'P<', '>', '=', '!', '<', '-', ',', '1', '9', 'x', 'N{', 'u', '#',
          '\n', ' ', 'é', '\x00', '(?x)', '(?i', ':']
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
                    except (re.error, NotImplementedError, ValueError, OverflowError):
                        count += 1
print(count)
"#);
    assert!(
        out.trim().parse::<u64>().is_ok(),
        "unexpected output: {out}"
    );
}
