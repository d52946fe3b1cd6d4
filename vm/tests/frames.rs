//! Frames and tracing where rpy deliberately differs from CPython, which
//! the snapshot programs cannot cover (CPython succeeds there): tracing
//! and profiling hooks are refused, `code.replace` cannot swap bytecode,
//! and a frame that called native code which called back into Python is
//! seen through its globals only. Also: frame objects never crash on odd
//! uses and their reference cycles are collected.

use rpy_vm::Interpreter;

fn run(src: &str) -> String {
    let (mut interp, out) = Interpreter::with_captured_output();
    rpy_stdlib::register(&mut interp); // gc
    let result = interp.run_source(src, "<frames test>");
    interp.flush();
    let mut text = out.borrow().stdout.clone();
    if let Err(e) = result {
        text.push_str("UNCAUGHT ");
        text.push_str(&interp.format_exception(&e));
    }
    text
}

#[test]
fn tracing_hooks_are_refused() {
    let out = run(r#"
import sys
for hook in (sys.settrace, sys.setprofile):
    try:
        hook(lambda *a: None)
    except NotImplementedError as e:
        print(type(e).__name__, 'not supported' in str(e))
print(sys.gettrace(), sys.getprofile(), sys.settrace(None))
"#);
    assert_eq!(
        out,
        "NotImplementedError True\nNotImplementedError True\nNone None None\n"
    );
}

#[test]
fn code_replace_cannot_swap_bytecode() {
    let out = run(r#"
def f(): pass
for k in ('co_code', 'co_linetable', 'co_exceptiontable'):
    try:
        f.__code__.replace(**{k: b''})
    except NotImplementedError as e:
        print(k in str(e))
try:
    f.__code__.replace(co_names=('a',))
except ValueError as e:
    print('co_names' in str(e))
"#);
    assert_eq!(out, "True\nTrue\nTrue\nTrue\n");
}

#[test]
fn frames_below_native_code_show_their_globals() {
    let out = run(r#"
import sys
def key(x):
    f = sys._getframe(1)
    return f.f_globals is globals(), f.f_code.co_name, f.f_back is None
print(sorted([1], key=key))
def gen():
    yield sys._getframe(1).f_globals['__name__']
print(list(gen()))
"#);
    assert_eq!(out, "[1]\n['__main__']\n");
}

#[test]
fn odd_uses_never_crash_and_cycles_are_collected() {
    let out = run(r#"
import sys, gc
def keep():
    me = sys._getframe()
    return me
for _ in range(3):
    f = keep()
    f.clear()
    f.clear()
    print(f.f_back is sys._getframe(), sorted(f.f_locals))
def raiser():
    x = [1]
    raise ValueError
for _ in range(100):
    try:
        raiser()
    except ValueError as e:
        e.__traceback__.tb_next.tb_frame.f_locals['x'].append(e)
gc.collect()
def gen():
    yield sys._getframe()
g = gen()
fr = next(g)
print(fr is g.gi_frame, fr.f_back)
del g
gc.collect()
print(fr.f_code.co_name)
try:
    sys._getframe(2**70)
except (OverflowError, ValueError) as e:
    print(type(e).__name__)
print(type(sys._getframe().f_trace_lines).__name__)
try:
    sys._getframe().f_trace_lines = 3
except TypeError as e:
    print(e)
"#);
    assert!(
        out.starts_with("True []\nTrue []\nTrue []\nTrue None\ngen\n"),
        "{out}"
    );
    assert!(!out.contains("UNCAUGHT"), "{out}");
}
