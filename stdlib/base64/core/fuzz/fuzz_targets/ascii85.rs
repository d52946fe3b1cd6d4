//! Fuzz target: the Ascii85 decoder never panics and decode(encode(x)) == x for every option but pad.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_base64_core as core;


fuzz_target!(|data: &[u8]| {
    let (flags, data) = data.split_first().map_or((0, data), |(f, d)| (*f, d));
    let dec = core::A85Decode {
        foldspaces: flags & 1 != 0,
        adobe: flags & 2 != 0,
        ..Default::default()
    };
    let decoded = core::a85_decode(data, &dec);
    if let (Ok(v), Ok(n)) = (&decoded, core::a85_decoded_len(data, &dec)) {
        assert_eq!(v.len(), n);
    }
    let enc = core::A85Encode {
        foldspaces: dec.foldspaces,
        wrapcol: usize::from(flags >> 2),
        pad: false,
        adobe: dec.adobe,
    };
    let text = core::a85_encode(data, &enc).unwrap();
    assert_eq!(core::a85_decode(&text, &dec).unwrap(), data);
});
