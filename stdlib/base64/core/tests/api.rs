//! The contract of the length functions and `_into` buffers, the error
//! type, and the separator check; the codecs' results themselves are
//! checked against CPython by `examples.rs` and `differential.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_base64_core as core;
use rpy_base64_core::{B64Decode, B64Encode, Error, ErrorKind};

#[test]
fn encoders_write_exactly_their_length_into_larger_buffers() {
    let mut out = [0xAAu8; 32];
    let n = core::base64_encode_into(b"abcd", &B64Encode::BINASCII, &mut out).unwrap();
    assert_eq!(
        n,
        core::base64_encoded_len(4, &B64Encode::BINASCII).unwrap()
    );
    assert_eq!(&out[..n], b"YWJjZA==\n");
    assert!(
        out[n..].iter().all(|&b| b == 0xAA),
        "bytes past the result untouched"
    );
}

#[test]
fn short_buffers_are_an_internal_error_not_a_panic() {
    let mut out = [0u8; 3];
    let kinds = [
        core::base64_encode_into(b"abcd", &B64Encode::STANDARD, &mut out),
        core::base64_decode_into(b"YWJjZA==", &B64Decode::STANDARD, &mut out),
        core::base64_mime_encode_into(b"abcd", &mut out),
        core::hex_encode_into(b"ab", &Default::default(), &mut out),
        core::hex_decode_into(b"00112233", &mut out),
        core::base16_decode_into(b"00112233", false, &mut out),
        core::base32_encode_into(b"a", core::Base32Alphabet::Standard, &mut out),
        core::base32_decode_into(b"MFRGGZDF", &Default::default(), &mut out),
        core::a85_encode_into(b"abcd", &Default::default(), &mut out),
        core::a85_decode_into(b"@:E_W", &Default::default(), &mut out),
        core::b85_encode_into(b"abcd", false, &mut out),
        core::b85_decode_into(b"VPazd", &mut out),
        core::z85_encode_into(b"abcd", &mut out),
        core::z85_decode_into(b"vpAZD", &mut out),
        core::uu_encode_into(b"abc", false, &mut out),
        core::uu_decode_into(b"#86)C", &mut []),
        core::qp_encode_into(b"abcd", &Default::default(), &mut out),
        core::qp_decode_into(b"abcd", false, &mut out),
    ]
    .map(|r| r.map_err(|e| e.kind));
    for (i, k) in kinds.iter().enumerate() {
        assert_eq!(*k, Err(ErrorKind::Internal), "case {i}");
    }
}

#[test]
fn exact_decoded_lengths() {
    assert_eq!(
        core::base64_decoded_len(b"Zm9v\nYg==", &B64Decode::STANDARD),
        Ok(4)
    );
    assert_eq!(
        core::base64_decoded_len(b"Zm9vY", &B64Decode::STANDARD),
        core::base64_decode(b"Zm9vY", &B64Decode::STANDARD).map(|v| v.len())
    );
    assert_eq!(core::base64_decoded_max_len(8), 6);
    assert_eq!(
        core::base32_decoded_len(b"MFRGGZA=", &Default::default()),
        Ok(4)
    );
    assert!(core::base32_decoded_max_len(8) >= 5);
    assert_eq!(core::base16_decoded_len(b"0A", false), Ok(1));
    assert_eq!(
        core::base16_decoded_len(b"0a1", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::hex_decoded_len(5),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(core::a85_decoded_len(b"z!!", &Default::default()), Ok(5));
    assert!(core::a85_decoded_max_len(3) >= 5);
    assert_eq!(core::b85_decoded_len(7), Ok(5));
    assert_eq!(core::z85_decoded_len(5), Ok(4));
    assert_eq!(core::uu_decoded_len(b"#86)C"), Ok(3));
    assert_eq!(core::uu_decoded_len(b""), Ok(32));
    assert_eq!(core::qp_decoded_len(b"a=3D=\nb", false), Ok(3));
}

#[test]
fn exact_encoded_lengths() {
    assert_eq!(core::base64_encoded_len(4, &B64Encode::STANDARD), Ok(8));
    assert_eq!(core::base64_mime_encoded_len(58), Ok(77 + 5));
    assert_eq!(core::base32_encoded_len(6), Ok(16));
    assert_eq!(core::base16_encoded_len(3), Ok(6));
    let grouped = core::HexEncode {
        sep: Some(b'-'),
        bytes_per_sep: 2,
    };
    assert_eq!(core::hex_encoded_len(5, &grouped), Ok(12));
    assert_eq!(core::a85_encoded_len(&[0; 8], &Default::default()), Ok(2));
    assert_eq!(core::b85_encoded_len(5, false), Ok(7));
    assert_eq!(core::b85_encoded_len(5, true), Ok(10));
    assert_eq!(core::z85_encoded_len(8), Ok(10));
    assert_eq!(core::uu_encoded_len(4), Ok(10));
    assert_eq!(core::qp_encoded_len(b"a=b", &Default::default()), Ok(5));
}

#[test]
fn sizes_past_isize_are_memory_errors() {
    let huge = usize::MAX / 2;
    for r in [
        core::base64_encoded_len(huge, &B64Encode::STANDARD),
        core::base64_mime_encoded_len(huge),
        core::base32_encoded_len(huge),
        core::base16_encoded_len(huge),
        core::hex_encoded_len(huge, &Default::default()),
        core::b85_encoded_len(huge, true),
    ] {
        assert_eq!(r.map_err(|e| e.kind), Err(ErrorKind::MemoryError));
    }
}

#[test]
fn uu_line_limit_and_hex_separator() {
    assert_eq!(
        core::uu_encoded_len(46),
        Err(Error::binascii("At most 45 bytes at once"))
    );
    assert_eq!(core::hex_sep(b":"), Ok(b':'));
    // CPython: ValueError("sep must be length 1.") for bytes separators of
    // length 0, 2 and 3.
    for bad in [&b""[..], b"--", "\u{20ac}".as_bytes()] {
        assert_eq!(
            core::hex_sep(bad),
            Err(Error::value("sep must be length 1."))
        );
    }
}

#[test]
fn errors_name_their_python_exception() {
    let e = Error::binascii("Incorrect padding");
    assert_eq!(e.kind(), ErrorKind::BinasciiError);
    assert_eq!(e.message(), "Incorrect padding");
    assert_eq!(e.to_string(), "binascii.Error: Incorrect padding");
    let names = [
        (ErrorKind::BinasciiError, "binascii.Error"),
        (ErrorKind::Incomplete, "binascii.Incomplete"),
        (ErrorKind::ValueError, "ValueError"),
        (ErrorKind::TypeError, "TypeError"),
        (ErrorKind::OverflowError, "OverflowError"),
        (ErrorKind::MemoryError, "MemoryError"),
        (ErrorKind::Internal, "SystemError"),
    ];
    for (k, n) in names {
        assert_eq!(k.python_name(), n);
        assert_eq!(Error::new(k, "m").kind, k);
    }
    assert_eq!(Error::value("x").kind, ErrorKind::ValueError);
}

#[test]
fn long_inputs_cross_the_block_fast_path_correctly() {
    // Thousands of bytes, so whole blocks are taken by the fast path and the
    // edges handed back to the scalar path; checked against round trips and
    // against a byte-by-byte decode of the same text split in pieces.
    let raw: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = core::base64_encode(&raw, &B64Encode::STANDARD).unwrap();
    assert_eq!(core::base64_decode(&text, &B64Decode::STRICT).unwrap(), raw);
    let mime = core::base64_mime_encode(&raw).unwrap();
    assert_eq!(
        core::base64_decode(&mime, &B64Decode::STANDARD).unwrap(),
        raw
    );
    assert_eq!(
        core::base64_decode(&mime, &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    let mut dirty = text.clone();
    dirty.insert(3001, b'!');
    assert_eq!(
        core::base64_decode(&dirty, &B64Decode::STANDARD).unwrap(),
        raw
    );
    let mut padded = text.clone();
    padded.insert(1234 * 4 + 2, b'=');
    padded.insert(1234 * 4 + 3, b'=');
    // Non-strict decoding stops at the first complete padding.
    let expect = core::base64_decode(&text[..1234 * 4 + 2], &B64Decode::STANDARD);
    assert!(expect.is_err());
    assert_eq!(
        core::base64_decode(&padded, &B64Decode::STANDARD)
            .unwrap()
            .len(),
        1234 * 3 + 1
    );
}
