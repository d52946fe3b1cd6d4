//! Test helper: asks the live CPython 3.11 (`python3`) for the expected
//! result of each case, so that no expected value in these tests is
//! written by hand.

use super::TextError;
use std::io::Write;
use std::process::{Command, Stdio};

/// A Python string literal for `s` that is pure ASCII (every other code
/// point escaped), safe to embed in a generated program.
pub fn py_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('\'');
    out
}

/// The outcome line of a successful Rust result.
pub fn ok(s: impl AsRef<str>) -> String {
    format!("ok:{}", s.as_ref())
}

/// The outcome line of a Rust error.
pub fn err(e: &TextError) -> String {
    format!("err:{}:{}", e.kind(), e.message())
}

/// The outcome line of any Rust result whose value is text.
pub fn outcome<S: AsRef<str>>(r: &Result<S, TextError>) -> String {
    match r {
        Ok(s) => ok(s),
        Err(e) => err(e),
    }
}

const RUNNER: &str = r#"
import sys
def _enc(s):
    return s.encode('utf-8', 'surrogatepass').hex()
for _args in _CASES:
    try:
        _r = _F(*_args)
        _line = 'ok:' + (_r if isinstance(_r, str) else repr(_r))
    except Exception as _e:
        _line = 'err:' + type(_e).__name__ + ':' + str(_e)
    sys.stdout.write(_enc(_line) + '\n')
"#;

/// Runs python3 on `prelude` then calls `func` (a Python expression for a
/// callable) on each argument tuple (Python source, without parentheses)
/// and returns one outcome line per case: `ok:<str or repr of the result>`
/// or `err:<exception type>:<message>`.
pub fn call_each(prelude: &str, func: &str, args: &[String]) -> Vec<String> {
    let mut program = String::new();
    program.push_str(prelude);
    program.push('\n');
    program.push_str(&format!("_F = {func}\n_CASES = [\n"));
    for a in args {
        program.push_str(&format!("    ({a},),\n"));
    }
    program.push_str("]\n");
    program.push_str(RUNNER);
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 (CPython 3.11) is needed to run these tests");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(program.as_bytes())
        .expect("write program");
    let out = child.wait_with_output().expect("python3 output");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("hex output");
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            let bytes: Vec<u8> = (0..l.len() / 2)
                .map(|i| u8::from_str_radix(&l[2 * i..2 * i + 2], 16).expect("hex"))
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect();
    assert_eq!(lines.len(), args.len(), "python3 answered every case");
    lines
}

/// Compares Rust outcomes with CPython's for each case; panics listing
/// every mismatch.
pub fn check(prelude: &str, func: &str, cases: &[(String, String)]) {
    let args: Vec<String> = cases.iter().map(|(a, _)| a.clone()).collect();
    let expected = call_each(prelude, func, &args);
    let mut bad = Vec::new();
    for ((a, got), want) in cases.iter().zip(expected.iter()) {
        if got != want {
            bad.push(format!(
                "  {func}({a}):\n    rust:    {got:?}\n    cpython: {want:?}"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} cases differ from CPython:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

/// A Python expression for exactly `x`.
pub fn py_float(x: f64) -> String {
    if x.is_nan() {
        "float('nan')".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "float('inf')".into()
        } else {
            "float('-inf')".into()
        }
    } else {
        // Hex form carries the exact bits through to Python.
        format!("float.fromhex('{}')", hex_float(x))
    }
}

fn hex_float(x: f64) -> String {
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let man = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{man:013x}p-1022")
    } else {
        format!("{sign}0x1.{man:013x}p{}", exp - 1023)
    }
}

/// Floats that exercise formatting: edge cases plus a deterministic spread.
pub fn sample_floats() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.5,
        1.5,
        2.5,
        2.675,
        0.125,
        0.375,
        1e16,
        1e15,
        9999999999999998.0,
        1e17,
        1.5e-5,
        0.0001,
        0.00001,
        1e-4,
        123456.789,
        1e300,
        1e-300,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        1.0 / 3.0,
        2.0 / 3.0,
        1e22,
        1e23,
        123456789012345678.0,
        99.99,
        9.9999,
        0.000123456,
        1234.5,
        -1234.5,
        1e100,
        12345.678,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        4.35,
        0.045,
        1e-5,
        1e-7,
        100000.0,
        1000000.0,
    ];
    // A deterministic spread of bit patterns.
    let mut s: u64 = 0x9e3779b97f4a7c15;
    for _ in 0..200 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let x = f64::from_bits(s);
        if x.is_finite() {
            v.push(x);
        }
        v.push((s % 2_000_000) as f64 / 1000.0 - 1000.0);
    }
    v
}
