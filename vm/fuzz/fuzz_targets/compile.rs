//! Fuzz target: compiling any source text (three modes) gives a code
//! object or a `CompileError`, never a panic or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_compiler::Mode;

fuzz_target!(|data: &[u8]| {
    let (mode, text) = data.split_first().map_or((0, data), |(m, t)| (*m, t));
    let Ok(src) = std::str::from_utf8(text) else {
        return;
    };
    let mode = match mode % 3 {
        0 => Mode::Exec,
        1 => Mode::Eval,
        _ => Mode::Single,
    };
    let _ = rpy_compiler::compile(src, "<fuzz>", mode);
});
