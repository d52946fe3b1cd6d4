//! Fuzz target: the Base64 decoder never panics, its exact length agrees, and decode(encode(x)) == x for the standard, URL-safe and MIME encoders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let (flags, data) = data.split_first().map_or((0, data), |(f, d)| (*f, d));
    let altchars = match flags & 3 {
        0 => None,
        1 => Some(*b"-_"),
        _ => Some([flags, flags.rotate_left(3)]),
    };
    let opts = core::B64Decode { strict: flags & 4 != 0, altchars };
    let decoded = core::base64_decode(data, &opts);
    match (&decoded, core::base64_decoded_len(data, &opts)) {
        (Ok(v), Ok(n)) => assert_eq!(v.len(), n),
        (Ok(_), Err(e)) => panic!("decoded_len failed: {e}"),
        (Err(e), Err(le)) => assert_eq!(e, &le),
        (Err(_), Ok(_)) => {}
    }
    for (enc, dec) in [
        (core::B64Encode::STANDARD, core::B64Decode::STANDARD),
        (core::B64Encode::STANDARD, core::B64Decode::STRICT),
        (core::B64Encode::BINASCII, core::B64Decode::STANDARD),
        (core::B64Encode::URLSAFE, core::B64Decode::URLSAFE),
    ] {
        let text = core::base64_encode(data, &enc).unwrap();
        assert_eq!(text.len(), core::base64_encoded_len(data.len(), &enc).unwrap());
        assert_eq!(core::base64_decode(&text, &dec).unwrap(), data);
    }
    let mime = core::base64_mime_encode(data).unwrap();
    assert_eq!(core::base64_decode(&mime, &core::B64Decode::STANDARD).unwrap(), data);
});
