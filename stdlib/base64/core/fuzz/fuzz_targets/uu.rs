//! Fuzz target: the uu decoder never panics and decode(encode(x)) == x for lines of up to 45 bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let _ = core::uu_decode(data);
    for chunk in data.chunks(45) {
        for backtick in [false, true] {
            let line = core::uu_encode(chunk, backtick).unwrap();
            assert_eq!(core::uu_decode(&line).unwrap(), chunk);
        }
    }
});
