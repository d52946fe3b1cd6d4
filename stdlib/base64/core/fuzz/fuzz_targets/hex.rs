//! Fuzz target: the hex and Base16 decoders never panic and decode(encode(x)) == x.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let _ = core::hex_decode(data);
    let _ = core::base16_decode(data, true);
    let _ = core::base16_decode(data, false);
    let text = core::hex_encode(data, &core::HexEncode::default()).unwrap();
    assert_eq!(core::hex_decode(&text).unwrap(), data);
    let text = core::base16_encode(data).unwrap();
    assert_eq!(core::base16_decode(&text, false).unwrap(), data);
    let per = i32::from(data.first().copied().unwrap_or(1) as i8);
    let opts = core::HexEncode { sep: Some(b":"[0]), bytes_per_sep: per };
    let grouped = core::hex_encode(data, &opts).unwrap();
    let digits: Vec<u8> = grouped.iter().copied().filter(|&c| c != b":"[0]).collect();
    assert_eq!(core::hex_decode(&digits).unwrap(), data);
});
