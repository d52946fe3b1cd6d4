//! Fuzz target: the quoted-printable decoder never panics and decode(encode(x)) == x for binary (istext=False) encodings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let (flags, data) = data.split_first().map_or((0, data), |(f, d)| (*f, d));
    let header = flags & 1 != 0;
    let decoded = core::qp_decode(data, header).unwrap();
    assert_eq!(decoded.len(), core::qp_decoded_len(data, header).unwrap());
    let enc = core::QpEncode { quotetabs: flags & 2 != 0, istext: flags & 4 != 0, header };
    let text = core::qp_encode(data, &enc).unwrap();
    assert_eq!(text.len(), core::qp_encoded_len(data, &enc).unwrap());
    if !enc.istext {
        assert_eq!(core::qp_decode(&text, header).unwrap(), data);
    }
});
