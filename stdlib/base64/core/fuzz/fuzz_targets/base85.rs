//! Fuzz target: the base85 and Z85 decoders never panic and decode(encode(x)) == x.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let _ = core::b85_decode(data);
    let _ = core::z85_decode(data);
    let text = core::b85_encode(data, false).unwrap();
    assert_eq!(core::b85_decode(&text).unwrap(), data);
    let text = core::z85_encode(data).unwrap();
    assert_eq!(core::z85_decode(&text).unwrap(), data);
});
