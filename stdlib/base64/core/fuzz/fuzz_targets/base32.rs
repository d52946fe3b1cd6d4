//! Fuzz target: the Base32 decoders never panic and decode(encode(x)) == x for both alphabets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let (flags, data) = data.split_first().map_or((0, data), |(f, d)| (*f, d));
    let alphabet = if flags & 1 == 0 { core::Base32Alphabet::Standard } else { core::Base32Alphabet::Hex };
    let opts = core::B32Decode {
        alphabet,
        casefold: flags & 2 != 0,
        map01: if flags & 4 != 0 { Some(flags >> 3) } else { None },
    };
    let decoded = core::base32_decode(data, &opts);
    if let (Ok(v), Ok(n)) = (&decoded, core::base32_decoded_len(data, &opts)) {
        assert_eq!(v.len(), n);
    }
    let text = core::base32_encode(data, alphabet).unwrap();
    let plain = core::B32Decode { alphabet, ..Default::default() };
    assert_eq!(core::base32_decode(&text, &plain).unwrap(), data);
});
