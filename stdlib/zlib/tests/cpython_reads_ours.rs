//! What rpy's zlib compresses, CPython's zlib (the real zlib) must
//! decompress: every level, window size and container, each strategy, a
//! preset dictionary, and flushes in the middle of a stream. The streams
//! are made in an interpreter with this crate and checked by `python3`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use rpy_vm::Interpreter;

/// Makes the streams, one line each: wbits, dictionary (hex or `-`),
/// stream (hex), expected data (hex).
const MAKE: &str = r#"
import zlib
data = b''.join(b'%d: the quick brown fox, %s\n' % (i, b'x' * (i % 17)) for i in range(4000))
data += bytes(3000) + bytes(range(256)) * 20
lines = []
def emit(wbits, zd, c, expect):
    lines.append('%d %s %s %s' % (wbits, zd.hex() if zd else '-', c.hex(), expect.hex()))
for level in range(-1, 10):
    for wbits in [9, 11, 14, 15, -9, -15, 25, 31]:
        emit(wbits, None, zlib.compress(data, level, wbits), data)
for strategy in range(5):
    for wbits in [10, 15, 31]:
        co = zlib.compressobj(6, zlib.DEFLATED, wbits, 8, strategy)
        emit(wbits, None, co.compress(data) + co.flush(), data)
for wbits in [15, -15, 12]:
    zd = b'the quick brown fox' + data[:2000]
    co = zlib.compressobj(9, zlib.DEFLATED, wbits, 9, 0, zd)
    c = (co.compress(data[:30000]) + co.flush(zlib.Z_SYNC_FLUSH) + co.compress(data[30000:])
         + co.flush(zlib.Z_FULL_FLUSH) + co.compress(b'end') + co.flush())
    emit(wbits, zd, c, data + b'end')
out = '\n'.join(lines)
"#;

const CHECK: &str = r#"
import sys, zlib
ok = bad = 0
for line in sys.stdin.read().splitlines():
    wbits, zd, c, expect = line.split()
    wbits, c, expect = int(wbits), bytes.fromhex(c), bytes.fromhex(expect)
    try:
        if zd == '-':
            got = zlib.decompress(c, wbits)
        else:
            d = zlib.decompressobj(wbits, zdict=bytes.fromhex(zd))
            got = d.decompress(c) + d.flush()
            assert d.eof
        good = got == expect
    except Exception as e:
        print(line[:40], e)
        good = False
    ok += good
    bad += not good
print(ok, 'ok', bad, 'bad')
"#;

#[test]
fn cpython_decompresses_every_kind_of_stream() {
    let mut interp = Interpreter::new();
    rpy_zlib::register(&mut interp);
    interp.exec(MAKE).unwrap();
    let streams: String = interp.eval_as("out").unwrap();
    let n = streams.lines().count();
    let mut child = Command::new("python3")
        .args(["-c", CHECK])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 (CPython 3.11) is needed by the tests");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(streams.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(report.trim(), format!("{n} ok 0 bad"), "{report}");
}
