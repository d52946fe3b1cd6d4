//! Decompression output counts against the interpreter's memory limit: a
//! "zip bomb" (256 MiB of zeros in about 250 KiB) ends in MemoryError
//! under a 64 MiB cap, in one-shot and streaming use, while bounded
//! reads (`max_length`) of the same stream work.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::Interpreter;

const MAKE_BOMB: &str = "
import zlib
co = zlib.compressobj(9)
z = bytes(1 << 20)
bomb = b''.join([co.compress(z) for _ in range(256)]) + co.flush()
del z
";

fn limited() -> Interpreter {
    let mut interp = Interpreter::builder().memory_limit(64 << 20).build();
    rpy_zlib::register(&mut interp);
    interp
}

#[test]
fn zip_bomb_is_a_memory_error() {
    let mut interp = limited();
    interp.exec(MAKE_BOMB).unwrap();
    assert!(interp.eval_as::<usize>("len(bomb)").unwrap() < 1 << 20);
    for expr in [
        "zlib.decompress(bomb)",
        "zlib.decompressobj().decompress(bomb)",
    ] {
        let src = format!(
            "try:\n    {expr}\n    r = 'no error'\nexcept MemoryError:\n    r = 'MemoryError'\n"
        );
        interp.exec(&src).unwrap();
        assert_eq!(
            interp.eval_as::<String>("r").unwrap(),
            "MemoryError",
            "{expr}"
        );
    }
    // Bounded reads of the same stream stay within the limit.
    let src = "
d = zlib.decompressobj()
n = len(d.decompress(bomb, 1 << 20))
tail = d.unconsumed_tail
while tail and n < 200 << 20:
    n += len(d.decompress(tail, 1 << 20))
    tail = d.unconsumed_tail
";
    interp.exec(src).unwrap();
    assert!(interp.eval_as::<usize>("n").unwrap() >= 200 << 20);
}
