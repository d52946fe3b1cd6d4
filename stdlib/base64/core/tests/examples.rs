//! Fixed examples of every codec function and every error message, the
//! expected results computed by CPython (written by gen_examples.py; do not
//! edit by hand). The differential test covers the same ground at random.

use rpy_base64_core as core;
use rpy_base64_core::{
    A85Decode, A85Encode, B32Decode, B64Decode, B64Encode, Base32Alphabet, Error, HexEncode,
    QpEncode,
};

#[test]
fn base64_matches_cpython() {
    assert_eq!(
        core::base64_encode(b"", &B64Encode::BINASCII),
        Ok(b"\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"", &B64Encode::STANDARD),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"", &B64Encode::URLSAFE),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(core::base64_mime_encode(b""), Ok(b"".to_vec()));
    assert_eq!(
        core::base64_encode(b"f", &B64Encode::BINASCII),
        Ok(b"Zg==\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"f", &B64Encode::STANDARD),
        Ok(b"Zg==".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"f", &B64Encode::URLSAFE),
        Ok(b"Zg==".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"f",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"Zg==".to_vec())
    );
    assert_eq!(core::base64_mime_encode(b"f"), Ok(b"Zg==\x0a".to_vec()));
    assert_eq!(
        core::base64_encode(b"fo", &B64Encode::BINASCII),
        Ok(b"Zm8=\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"fo", &B64Encode::STANDARD),
        Ok(b"Zm8=".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"fo", &B64Encode::URLSAFE),
        Ok(b"Zm8=".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"fo",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"Zm8=".to_vec())
    );
    assert_eq!(core::base64_mime_encode(b"fo"), Ok(b"Zm8=\x0a".to_vec()));
    assert_eq!(
        core::base64_encode(b"foo", &B64Encode::BINASCII),
        Ok(b"Zm9v\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"foo", &B64Encode::STANDARD),
        Ok(b"Zm9v".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"foo", &B64Encode::URLSAFE),
        Ok(b"Zm9v".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"foo",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"Zm9v".to_vec())
    );
    assert_eq!(core::base64_mime_encode(b"foo"), Ok(b"Zm9v\x0a".to_vec()));
    assert_eq!(
        core::base64_encode(b"foob", &B64Encode::BINASCII),
        Ok(b"Zm9vYg==\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"foob", &B64Encode::STANDARD),
        Ok(b"Zm9vYg==".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"foob", &B64Encode::URLSAFE),
        Ok(b"Zm9vYg==".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"foob",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"Zm9vYg==".to_vec())
    );
    assert_eq!(
        core::base64_mime_encode(b"foob"),
        Ok(b"Zm9vYg==\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"\xfb\xff\xbf", &B64Encode::BINASCII),
        Ok(b"+/+/\x0a".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"\xfb\xff\xbf", &B64Encode::STANDARD),
        Ok(b"+/+/".to_vec())
    );
    assert_eq!(
        core::base64_encode(b"\xfb\xff\xbf", &B64Encode::URLSAFE),
        Ok(b"-_-_".to_vec())
    );
    assert_eq!(
        core::base64_encode(
            b"\xfb\xff\xbf",
            &B64Encode {
                newline: false,
                altchars: Some(*b"*!")
            }
        ),
        Ok(b"*!*!".to_vec())
    );
    assert_eq!(
        core::base64_mime_encode(b"\xfb\xff\xbf"),
        Ok(b"+/+/\x0a".to_vec())
    );
    assert_eq!(core::base64_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;", &B64Encode::BINASCII), Ok(b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7\x0a".to_vec()));
    assert_eq!(core::base64_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;", &B64Encode::STANDARD), Ok(b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7".to_vec()));
    assert_eq!(core::base64_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;", &B64Encode::URLSAFE), Ok(b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7".to_vec()));
    assert_eq!(core::base64_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;", &B64Encode { newline: false, altchars: Some(*b"*!") }), Ok(b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7".to_vec()));
    assert_eq!(core::base64_mime_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;"), Ok(b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\x0aOTo7\x0a".to_vec()));
    assert_eq!(
        core::base64_decode(b"", &B64Decode::STANDARD),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"", &B64Decode::STRICT),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"", &B64Decode::URLSAFE),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v", &B64Decode::STANDARD),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v", &B64Decode::STRICT),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v", &B64Decode::URLSAFE),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9v",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg==", &B64Decode::STANDARD),
        Ok(b"foob".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg==", &B64Decode::STRICT),
        Ok(b"foob".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg==", &B64Decode::URLSAFE),
        Ok(b"foob".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9vYg==",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"foob".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg=", &B64Decode::STANDARD),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg=", &B64Decode::STRICT),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg=", &B64Decode::URLSAFE),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9vYg=",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg", &B64Decode::STANDARD),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg", &B64Decode::STRICT),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9vYg", &B64Decode::URLSAFE),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9vYg",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v\x0aYmFy\x0a", &B64Decode::STANDARD),
        Ok(b"foobar".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v\x0aYmFy\x0a", &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v\x0aYmFy\x0a", &B64Decode::URLSAFE),
        Ok(b"foobar".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9v\x0aYmFy\x0a",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v YmF y", &B64Decode::STANDARD),
        Ok(b"foobar".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v YmF y", &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v YmF y", &B64Decode::URLSAFE),
        Ok(b"foobar".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9v YmF y",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(core::base64_decode(b"Zm9vY", &B64Decode::STANDARD), Err(Error::binascii("Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vY", &B64Decode::STRICT), Err(Error::binascii("Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vY", &B64Decode::URLSAFE), Err(Error::binascii("Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vY", &B64Decode { strict: true, altchars: Some(*b"-_") }), Err(Error::binascii("Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vYmFyY", &B64Decode::STANDARD), Err(Error::binascii("Invalid base64-encoded string: number of data characters (9) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vYmFyY", &B64Decode::STRICT), Err(Error::binascii("Invalid base64-encoded string: number of data characters (9) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vYmFyY", &B64Decode::URLSAFE), Err(Error::binascii("Invalid base64-encoded string: number of data characters (9) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Zm9vYmFyY", &B64Decode { strict: true, altchars: Some(*b"-_") }), Err(Error::binascii("Invalid base64-encoded string: number of data characters (9) cannot be 1 more than a multiple of 4")));
    assert_eq!(
        core::base64_decode(b"Zg==Zm9v", &B64Decode::STANDARD),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zg==Zm9v", &B64Decode::STRICT),
        Err(Error::binascii("Excess data after padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zg==Zm9v", &B64Decode::URLSAFE),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zg==Zm9v",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Excess data after padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zg=!=", &B64Decode::STANDARD),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zg=!=", &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zg=!=", &B64Decode::URLSAFE),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zg=!=",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zg==\x0a", &B64Decode::STANDARD),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zg==\x0a", &B64Decode::STRICT),
        Err(Error::binascii("Excess data after padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zg==\x0a", &B64Decode::URLSAFE),
        Ok(b"f".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zg==\x0a",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Excess data after padding"))
    );
    assert_eq!(
        core::base64_decode(b"=Zm9v", &B64Decode::STANDARD),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"=Zm9v", &B64Decode::STRICT),
        Err(Error::binascii("Leading padding not allowed"))
    );
    assert_eq!(
        core::base64_decode(b"=Zm9v", &B64Decode::URLSAFE),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"=Zm9v",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Leading padding not allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm=9v", &B64Decode::STANDARD),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm=9v", &B64Decode::STRICT),
        Err(Error::binascii("Discontinuous padding not allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm=9v", &B64Decode::URLSAFE),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm=9v",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Discontinuous padding not allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v=", &B64Decode::STANDARD),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v=", &B64Decode::STRICT),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v=", &B64Decode::URLSAFE),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9v=",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"-_-_", &B64Decode::STANDARD),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"-_-_", &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"-_-_", &B64Decode::URLSAFE),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"-_-_",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"+/+/", &B64Decode::STANDARD),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"+/+/", &B64Decode::STRICT),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"+/+/", &B64Decode::URLSAFE),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"+/+/",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Ok(b"\xfb\xff\xbf".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v!", &B64Decode::STANDARD),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(b"Zm9v!", &B64Decode::STRICT),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zm9v!", &B64Decode::URLSAFE),
        Ok(b"foo".to_vec())
    );
    assert_eq!(
        core::base64_decode(
            b"Zm9v!",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Only base64 data is allowed"))
    );
    assert_eq!(
        core::base64_decode(b"Zg=", &B64Decode::STANDARD),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zg=", &B64Decode::STRICT),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(b"Zg=", &B64Decode::URLSAFE),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base64_decode(
            b"Zg=",
            &B64Decode {
                strict: true,
                altchars: Some(*b"-_")
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(core::base64_decode(b"Z===", &B64Decode::STANDARD), Err(Error::binascii("Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Z===", &B64Decode::STRICT), Err(Error::binascii("Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Z===", &B64Decode::URLSAFE), Err(Error::binascii("Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4")));
    assert_eq!(core::base64_decode(b"Z===", &B64Decode { strict: true, altchars: Some(*b"-_") }), Err(Error::binascii("Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4")));
}

#[test]
fn base32_matches_cpython() {
    assert_eq!(
        core::base32_encode(b"", Base32Alphabet::Standard),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"", Base32Alphabet::Hex),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"a", Base32Alphabet::Standard),
        Ok(b"ME======".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"a", Base32Alphabet::Hex),
        Ok(b"C4======".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"ab", Base32Alphabet::Standard),
        Ok(b"MFRA====".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"ab", Base32Alphabet::Hex),
        Ok(b"C5H0====".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abc", Base32Alphabet::Standard),
        Ok(b"MFRGG===".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abc", Base32Alphabet::Hex),
        Ok(b"C5H66===".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abcd", Base32Alphabet::Standard),
        Ok(b"MFRGGZA=".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abcd", Base32Alphabet::Hex),
        Ok(b"C5H66P0=".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abcde", Base32Alphabet::Standard),
        Ok(b"MFRGGZDF".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"abcde", Base32Alphabet::Hex),
        Ok(b"C5H66P35".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"\xff\xff\xff\xff\xff\xff\xff", Base32Alphabet::Standard),
        Ok(b"77777777777Q====".to_vec())
    );
    assert_eq!(
        core::base32_encode(b"\xff\xff\xff\xff\xff\xff\xff", Base32Alphabet::Hex),
        Ok(b"VVVVVVVVVVVG====".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"", &B32Decode::default()),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"ME======", &B32Decode::default()),
        Ok(b"a".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"ME======",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"a".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"ME======",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"\xb3".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"MFRA====", &B32Decode::default()),
        Ok(b"ab".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRA====",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"ab".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRA====",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"\xb3\xf6".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"MFRGG===", &B32Decode::default()),
        Ok(b"abc".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGG===",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"abc".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGG===",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"\xb3\xf7\x08".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"MFRGGZA=", &B32Decode::default()),
        Ok(b"abcd".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZA=",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"abcd".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZA=",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"MFRGGZDF", &B32Decode::default()),
        Ok(b"abcde".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZDF",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"abcde".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZDF",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"mfrggzdf", &B32Decode::default()),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"mfrggzdf",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"abcde".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"mfrggzdf",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"MFRGGZD", &B32Decode::default()),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZD",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZD",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(b"M=======", &B32Decode::default()),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"M=======",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"M=======",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(b"MFR=====", &B32Decode::default()),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFR=====",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFR=====",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(b"MFRGGZ==", &B32Decode::default()),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZ==",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Err(Error::binascii("Incorrect padding"))
    );
    assert_eq!(
        core::base32_decode(
            b"MFRGGZ==",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"ME=====A", &B32Decode::default()),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"ME=====A",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"ME=====A",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"M0RGGZDF", &B32Decode::default()),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"M0RGGZDF",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"c\xa2cde".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"M0RGGZDF",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"M1RGGZDF", &B32Decode::default()),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"M1RGGZDF",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"b\xe2cde".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"M1RGGZDF",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(b"C5H66===", &B32Decode::default()),
        Ok(b"\x17O\xef".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"C5H66===",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"\x17O\xef".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"C5H66===",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"abc".to_vec())
    );
    assert_eq!(
        core::base32_decode(b"c5h66===", &B32Decode::default()),
        Err(Error::binascii("Non-base32 digit found"))
    );
    assert_eq!(
        core::base32_decode(
            b"c5h66===",
            &B32Decode {
                casefold: true,
                map01: Some(b'L'),
                ..Default::default()
            }
        ),
        Ok(b"\x17O\xef".to_vec())
    );
    assert_eq!(
        core::base32_decode(
            b"c5h66===",
            &B32Decode {
                alphabet: Base32Alphabet::Hex,
                casefold: true,
                map01: None
            }
        ),
        Ok(b"abc".to_vec())
    );
}

#[test]
fn hex_matches_cpython() {
    assert_eq!(core::base16_encode(b""), Ok(b"".to_vec()));
    assert_eq!(
        core::hex_encode(b"", &HexEncode::default()),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 1
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 2
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -2
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 3
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -3
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 10
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 0
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(core::base16_encode(b"\x00"), Ok(b"00".to_vec()));
    assert_eq!(
        core::hex_encode(b"\x00", &HexEncode::default()),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 1
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 2
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -2
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 3
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -3
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 10
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 0
            }
        ),
        Ok(b"00".to_vec())
    );
    assert_eq!(core::base16_encode(b"\x01\xab\xff"), Ok(b"01ABFF".to_vec()));
    assert_eq!(
        core::hex_encode(b"\x01\xab\xff", &HexEncode::default()),
        Ok(b"01abff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 1
            }
        ),
        Ok(b"01:ab:ff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 2
            }
        ),
        Ok(b"01:abff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -2
            }
        ),
        Ok(b"01ab:ff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 3
            }
        ),
        Ok(b"01abff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -3
            }
        ),
        Ok(b"01abff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 10
            }
        ),
        Ok(b"01abff".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x01\xab\xff",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 0
            }
        ),
        Ok(b"01abff".to_vec())
    );
    assert_eq!(
        core::base16_encode(b"\x00\x01\x02\x03\x04\x05\x06"),
        Ok(b"00010203040506".to_vec())
    );
    assert_eq!(
        core::hex_encode(b"\x00\x01\x02\x03\x04\x05\x06", &HexEncode::default()),
        Ok(b"00010203040506".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 1
            }
        ),
        Ok(b"00:01:02:03:04:05:06".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 2
            }
        ),
        Ok(b"00:0102:0304:0506".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -2
            }
        ),
        Ok(b"0001:0203:0405:06".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 3
            }
        ),
        Ok(b"00:010203:040506".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: -3
            }
        ),
        Ok(b"000102:030405:06".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 10
            }
        ),
        Ok(b"00010203040506".to_vec())
    );
    assert_eq!(
        core::hex_encode(
            b"\x00\x01\x02\x03\x04\x05\x06",
            &HexEncode {
                sep: Some(b':'),
                bytes_per_sep: 0
            }
        ),
        Ok(b"00010203040506".to_vec())
    );
    assert_eq!(core::hex_decode(b""), Ok(b"".to_vec()));
    assert_eq!(core::base16_decode(b"", false), Ok(b"".to_vec()));
    assert_eq!(core::base16_decode(b"", true), Ok(b"".to_vec()));
    assert_eq!(core::hex_decode(b"01ab"), Ok(b"\x01\xab".to_vec()));
    assert_eq!(
        core::base16_decode(b"01ab", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(core::base16_decode(b"01ab", true), Ok(b"\x01\xab".to_vec()));
    assert_eq!(core::hex_decode(b"01AB"), Ok(b"\x01\xab".to_vec()));
    assert_eq!(
        core::base16_decode(b"01AB", false),
        Ok(b"\x01\xab".to_vec())
    );
    assert_eq!(core::base16_decode(b"01AB", true), Ok(b"\x01\xab".to_vec()));
    assert_eq!(
        core::hex_decode(b"0"),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::base16_decode(b"0", false),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::base16_decode(b"0", true),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::hex_decode(b"01a"),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::base16_decode(b"01a", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::base16_decode(b"01a", true),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::hex_decode(b"0g"),
        Err(Error::binascii("Non-hexadecimal digit found"))
    );
    assert_eq!(
        core::base16_decode(b"0g", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::base16_decode(b"0g", true),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::hex_decode(b"0g1"),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::base16_decode(b"0g1", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::base16_decode(b"0g1", true),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::hex_decode(b"zz"),
        Err(Error::binascii("Non-hexadecimal digit found"))
    );
    assert_eq!(
        core::base16_decode(b"zz", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::base16_decode(b"zz", true),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::hex_decode(b" 01"),
        Err(Error::binascii("Odd-length string"))
    );
    assert_eq!(
        core::base16_decode(b" 01", false),
        Err(Error::binascii("Non-base16 digit found"))
    );
    assert_eq!(
        core::base16_decode(b" 01", true),
        Err(Error::binascii("Non-base16 digit found"))
    );
}

#[test]
fn base85_matches_cpython() {
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(core::b85_encode(b"", false), Ok(b"".to_vec()));
    assert_eq!(core::b85_encode(b"", true), Ok(b"".to_vec()));
    assert_eq!(core::z85_encode(b""), Ok(b"".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"@/".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"@/".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"@/p9-".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~@/~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~@/p9-\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0a@/\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"a",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"@/".to_vec())
    );
    assert_eq!(core::b85_encode(b"a", false), Ok(b"VE".to_vec()));
    assert_eq!(core::b85_encode(b"a", true), Ok(b"VE_OC".to_vec()));
    assert_eq!(core::z85_encode(b"a"), Ok(b"ve".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"z".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"z".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"z".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~z~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~z~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0az\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"z".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"\x00\x00\x00\x00", false),
        Ok(b"00000".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"\x00\x00\x00\x00", true),
        Ok(b"00000".to_vec())
    );
    assert_eq!(core::z85_encode(b"\x00\x00\x00\x00"), Ok(b"00000".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"!!!!".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"!!!!".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"z".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~!!!!~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~z~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0a!!\x0a!!\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"\x00\x00\x00",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"!!!!".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"\x00\x00\x00", false),
        Ok(b"0000".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"\x00\x00\x00", true),
        Ok(b"00000".to_vec())
    );
    assert_eq!(core::z85_encode(b"\x00\x00\x00"), Ok(b"0000".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"+<VdL".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"y".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"+<VdL".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~+<VdL~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~y~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0a+<\x0aVd\x0aL\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"    ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"+<VdL".to_vec())
    );
    assert_eq!(core::b85_encode(b"    ", false), Ok(b"ARr(h".to_vec()));
    assert_eq!(core::b85_encode(b"    ", true), Ok(b"ARr(h".to_vec()));
    assert_eq!(core::z85_encode(b"    "), Ok(b"arR^H".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"+<Vd".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"+<Vd".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"+<Vd,".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~+<Vd~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~+<Vd,\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0a+<\x0aVd\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"   ",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"+<Vd".to_vec())
    );
    assert_eq!(core::b85_encode(b"   ", false), Ok(b"ARr(".to_vec()));
    assert_eq!(core::b85_encode(b"   ", true), Ok(b"ARr(B".to_vec()));
    assert_eq!(core::z85_encode(b"   "), Ok(b"arR^".to_vec()));
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"BOu!rD]j7BEbo80".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: true,
                wrapcol: 0,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"BOu!rD]j7BEbo80".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: true,
                adobe: false
            }
        ),
        Ok(b"BOu!rD]j7BEbo80".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: false,
                wrapcol: 0,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~BOu!rD]j7BEbo80~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: true,
                wrapcol: 7,
                pad: true,
                adobe: true
            }
        ),
        Ok(b"<~BOu!r\x0aD]j7BEb\x0ao80~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: false,
                wrapcol: 1,
                pad: false,
                adobe: true
            }
        ),
        Ok(b"<~\x0aBO\x0au!\x0arD\x0a]j\x0a7B\x0aEb\x0ao8\x0a0\x0a~>".to_vec())
    );
    assert_eq!(
        core::a85_encode(
            b"hello world!",
            &A85Encode {
                foldspaces: false,
                wrapcol: 5,
                pad: false,
                adobe: false
            }
        ),
        Ok(b"BOu!r\x0aD]j7B\x0aEbo80".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"hello world!", false),
        Ok(b"Xk~0{Zy<MXa%^NF".to_vec())
    );
    assert_eq!(
        core::b85_encode(b"hello world!", true),
        Ok(b"Xk~0{Zy<MXa%^NF".to_vec())
    );
    assert_eq!(
        core::z85_encode(b"hello world!"),
        Ok(b"xK#0@zY<mxA+]nf".to_vec())
    );
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: false, wrapcol: 0, pad: false, adobe: false }), Ok(b"!!*-'\"9eu7#RLhG$k3[W&.oNg'GVB\"(`=52*$$(B+<_pR,UFcb".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: true, wrapcol: 0, pad: false, adobe: false }), Ok(b"!!*-'\"9eu7#RLhG$k3[W&.oNg'GVB\"(`=52*$$(B+<_pR,UFcb".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: false, wrapcol: 0, pad: true, adobe: false }), Ok(b"!!*-'\"9eu7#RLhG$k3[W&.oNg'GVB\"(`=52*$$(B+<_pR,UFcb".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: false, wrapcol: 0, pad: false, adobe: true }), Ok(b"<~!!*-'\"9eu7#RLhG$k3[W&.oNg'GVB\"(`=52*$$(B+<_pR,UFcb~>".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: true, wrapcol: 7, pad: true, adobe: true }), Ok(b"<~!!*-'\x0a\"9eu7#R\x0aLhG$k3[\x0aW&.oNg'\x0aGVB\"(`=\x0a52*$$(B\x0a+<_pR,U\x0aFcb~>".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: false, wrapcol: 1, pad: false, adobe: true }), Ok(b"<~\x0a!!\x0a*-\x0a'\"\x0a9e\x0au7\x0a#R\x0aLh\x0aG$\x0ak3\x0a[W\x0a&.\x0aoN\x0ag'\x0aGV\x0aB\"\x0a(`\x0a=5\x0a2*\x0a$$\x0a(B\x0a+<\x0a_p\x0aR,\x0aUF\x0acb\x0a~>".to_vec()));
    assert_eq!(core::a85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", &A85Encode { foldspaces: false, wrapcol: 5, pad: false, adobe: false }), Ok(b"!!*-'\x0a\"9eu7\x0a#RLhG\x0a$k3[W\x0a&.oNg\x0a'GVB\"\x0a(`=52\x0a*$$(B\x0a+<_pR\x0a,UFcb".to_vec()));
    assert_eq!(core::b85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", false), Ok(b"009C61O)~M2nh-c3=Iws5D^j+6crX17#SKH9337XAR!_nBqb&%".to_vec()));
    assert_eq!(core::b85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'", true), Ok(b"009C61O)~M2nh-c3=Iws5D^j+6crX17#SKH9337XAR!_nBqb&%".to_vec()));
    assert_eq!(core::z85_encode(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'"), Ok(b"009c61o!#m2NH?C3>iWS5d]J*6CRx17-skh9337xar.{NbQB=+".to_vec()));
    assert_eq!(
        core::a85_decode(b"", &A85Decode::default()),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"z", &A85Decode::default()),
        Ok(b"\x00\x00\x00\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"z",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"z",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"\x00\x00\x00\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"y", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: y"))
    );
    assert_eq!(
        core::a85_decode(
            b"y",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"y",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"    ".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"!!", &A85Decode::default()),
        Ok(b"\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"!!",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"!!",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"GB\\6`E-ZP=Df.1GEb>", &A85Decode::default()),
        Ok(b"www.python.org".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"GB\\6`E-ZP=Df.1GEb>",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"GB\\6`E-ZP=Df.1GEb>",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"www.python.org".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"<~z~>", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"<~z~>",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Ok(b"\x00\x00\x00\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"<~z~>",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(b"<~~>", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"<~~>",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"<~~>",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(b"<~>", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"<~>",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"<~>",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(b"z~>", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"z~>",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Ok(b"\x00\x00\x00\x00".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"z~>",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(b"ab z", &A85Decode::default()),
        Err(Error::value("z inside Ascii85 5-tuple"))
    );
    assert_eq!(
        core::a85_decode(
            b"ab z",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"ab z",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("z inside Ascii85 5-tuple"))
    );
    assert_eq!(
        core::a85_decode(b"abyc", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: y"))
    );
    assert_eq!(
        core::a85_decode(
            b"abyc",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"abyc",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("y inside Ascii85 5-tuple"))
    );
    assert_eq!(
        core::a85_decode(b"s8W-\"", &A85Decode::default()),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(
            b"s8W-\"",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"s8W-\"",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(b"s", &A85Decode::default()),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(
            b"s",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"s",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(b"u", &A85Decode::default()),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(
            b"u",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"u",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(b"uuuuu", &A85Decode::default()),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(
            b"uuuuu",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"uuuuu",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Ascii85 overflow"))
    );
    assert_eq!(
        core::a85_decode(b"a b\x0ac", &A85Decode::default()),
        Ok(b"\xc9\x89".to_vec())
    );
    assert_eq!(
        core::a85_decode(
            b"a b\x0ac",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"a b\x0ac",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Ok(b"\xc9\x89".to_vec())
    );
    assert_eq!(
        core::a85_decode(b"ab~cd", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"ab~cd",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"ab~cd",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(b"\xff", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ÿ"))
    );
    assert_eq!(
        core::a85_decode(
            b"\xff",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"\xff",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ÿ"))
    );
    assert_eq!(
        core::a85_decode(b"<~abc", &A85Decode::default()),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(
        core::a85_decode(
            b"<~abc",
            &A85Decode {
                foldspaces: true,
                adobe: true,
                ignorechars: b"c"
            }
        ),
        Err(Error::value(
            "Ascii85 encoded byte sequences must end with b'~>'"
        ))
    );
    assert_eq!(
        core::a85_decode(
            b"<~abc",
            &A85Decode {
                foldspaces: true,
                ..Default::default()
            }
        ),
        Err(Error::value("Non-Ascii85 digit found: ~"))
    );
    assert_eq!(core::b85_decode(b""), Ok(b"".to_vec()));
    assert_eq!(core::z85_decode(b""), Ok(b"".to_vec()));
    assert_eq!(core::b85_decode(b"0"), Ok(b"".to_vec()));
    assert_eq!(core::z85_decode(b"0"), Ok(b"".to_vec()));
    assert_eq!(core::b85_decode(b"00"), Ok(b"\x00".to_vec()));
    assert_eq!(core::z85_decode(b"00"), Ok(b"\x00".to_vec()));
    assert_eq!(core::b85_decode(b"VPa!sWoBn+X=-b1ZEkOHadLBXb#`}nd3r%YLqtVJM@UIZOH55pPf$@(Q&d$}S6EqEFflSSG&MFiI5{CeBQRbjDkv#CIy^osE+AW7dwl"), Ok(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#0^&*();:<>,. []{}".to_vec()));
    assert_eq!(core::z85_decode(b"VPa!sWoBn+X=-b1ZEkOHadLBXb#`}nd3r%YLqtVJM@UIZOH55pPf$@(Q&d$}S6EqEFflSSG&MFiI5{CeBQRbjDkv#CIy^osE+AW7dwl"), Ok(b"\xb38\xa5\x8a\xb5[\x12s\xba\x04\x03\x94\xbfD\xb8n\x1f\x9c;\xee%U\xc5\xd6(\x91\xef=\x933F \x98V%~\x9d%k@\x9fD@\xd1\xa4o1`\xa8@\xa8\x96\x80 3\x0d\x85U\xd0\x11\x89\x1ekPu\x0cQ@z\x17(l\x8a,\xd4\xe5~\xd9\xe1\")\xa1".to_vec()));
    assert_eq!(core::b85_decode(b"|NsC0"), Ok(b"\xff\xff\xff\xff".to_vec()));
    assert_eq!(
        core::z85_decode(b"|NsC0"),
        Err(Error::value("z85 overflow in hunk starting at byte 0"))
    );
    assert_eq!(
        core::b85_decode(b"|NsC1"),
        Err(Error::value("base85 overflow in hunk starting at byte 0"))
    );
    assert_eq!(
        core::z85_decode(b"|NsC1"),
        Err(Error::value("z85 overflow in hunk starting at byte 0"))
    );
    assert_eq!(core::b85_decode(b"{{{{{"), Ok(b"\xff\x06\x0e=".to_vec()));
    assert_eq!(core::z85_decode(b"{{{{{"), Ok(b"\xf8\xba\x0d\xe3".to_vec()));
    assert_eq!(
        core::b85_decode(b"ab\"cd"),
        Err(Error::value("bad base85 character at position 2"))
    );
    assert_eq!(
        core::z85_decode(b"ab\"cd"),
        Err(Error::value("bad z85 character at position 2"))
    );
    assert_eq!(
        core::b85_decode(b"ab cd"),
        Err(Error::value("bad base85 character at position 2"))
    );
    assert_eq!(
        core::z85_decode(b"ab cd"),
        Err(Error::value("bad z85 character at position 2"))
    );
    assert_eq!(core::z85_decode(b"%nSc0"), Ok(b"\xff\xff\xff\xff".to_vec()));
    assert_eq!(
        core::z85_decode(b"%nSc1"),
        Err(Error::value("z85 overflow in hunk starting at byte 0"))
    );
    assert_eq!(
        core::z85_decode(b"#####"),
        Err(Error::value("z85 overflow in hunk starting at byte 0"))
    );
    assert_eq!(core::z85_decode(b"ab~cd"), Ok(b"\x1f\x8d\x89\xd6".to_vec()));
    assert_eq!(core::z85_decode(b"ab;cd"), Ok(b"\x1f\x8c7*".to_vec()));
    assert_eq!(core::z85_decode(b"wrx.P"), Ok(b"d\x91QA".to_vec()));
}

#[test]
fn uu_matches_cpython() {
    assert_eq!(core::uu_encode(b"", false), Ok(b" \x0a".to_vec()));
    assert_eq!(core::uu_encode(b"", true), Ok(b"`\x0a".to_vec()));
    assert_eq!(core::uu_encode(b"a", false), Ok(b"!80  \x0a".to_vec()));
    assert_eq!(core::uu_encode(b"a", true), Ok(b"!80``\x0a".to_vec()));
    assert_eq!(core::uu_encode(b"ab", false), Ok(b"\"86( \x0a".to_vec()));
    assert_eq!(core::uu_encode(b"ab", true), Ok(b"\"86(`\x0a".to_vec()));
    assert_eq!(core::uu_encode(b"abc", false), Ok(b"#86)C\x0a".to_vec()));
    assert_eq!(core::uu_encode(b"abc", true), Ok(b"#86)C\x0a".to_vec()));
    assert_eq!(
        core::uu_encode(b"\x00\x00\x00\x00", false),
        Ok(b"$        \x0a".to_vec())
    );
    assert_eq!(
        core::uu_encode(b"\x00\x00\x00\x00", true),
        Ok(b"$````````\x0a".to_vec())
    );
    assert_eq!(
        core::uu_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false),
        Ok(b"M>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX\x0a".to_vec())
    );
    assert_eq!(
        core::uu_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", true),
        Ok(b"M>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX\x0a".to_vec())
    );
    assert_eq!(
        core::uu_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false),
        Err(Error::binascii("At most 45 bytes at once"))
    );
    assert_eq!(
        core::uu_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", true),
        Err(Error::binascii("At most 45 bytes at once"))
    );
    assert_eq!(core::uu_decode(b""), Ok(b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec()));
    assert_eq!(core::uu_decode(b"\x0a"), Ok(b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec()));
    assert_eq!(core::uu_decode(b" "), Ok(b"".to_vec()));
    assert_eq!(core::uu_decode(b"!80  \x0a"), Ok(b"a".to_vec()));
    assert_eq!(core::uu_decode(b"!80``\x0a"), Ok(b"a".to_vec()));
    assert_eq!(core::uu_decode(b"#86)C\x0a"), Ok(b"abc".to_vec()));
    assert_eq!(core::uu_decode(b"#86)C"), Ok(b"abc".to_vec()));
    assert_eq!(core::uu_decode(b"#86"), Ok(b"a`\x00".to_vec()));
    assert_eq!(
        core::uu_decode(b"#86)Cx"),
        Err(Error::binascii("Trailing garbage"))
    );
    assert_eq!(core::uu_decode(b"#86)C  \x0a\x0d`"), Ok(b"abc".to_vec()));
    assert_eq!(
        core::uu_decode(b"#86)C\x7f"),
        Err(Error::binascii("Trailing garbage"))
    );
    assert_eq!(
        core::uu_decode(b"#8a)C"),
        Err(Error::binascii("Illegal char"))
    );
    assert_eq!(core::uu_decode(b"#8\x0a)C"), Ok(b"`\x02c".to_vec()));
    assert_eq!(core::uu_decode(b"`"), Ok(b"".to_vec()));
}

#[test]
fn qp_matches_cpython() {
    assert_eq!(
        core::qp_encode(
            b"",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"hello",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"hello".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"hello",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"hello".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"hello",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"hello".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"hello",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"hello".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"hello",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"hello".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a=b",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"a=3Db".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a=b",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"a=3Db".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a=b",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"a=3Db".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a=b",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"a=3Db".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a=b",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"a=3Db".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"tab\x09here",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"tab\x09here".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"tab\x09here",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"tab=09here".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"tab\x09here",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"tab\x09here".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"tab\x09here",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"tab\x09here".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"tab\x09here",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"tab=09here".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end \x0a",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"end=20\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end \x0a",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"end=20\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end \x0a",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"end =0A".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end \x0a",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"end_\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end \x0a",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"end=20=0A".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end\x09\x0d\x0a.",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"end=09\x0d\x0a=2E".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end\x09\x0d\x0a.",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"end=09\x0d\x0a=2E".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end\x09\x0d\x0a.",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"end\x09=0D=0A.".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end\x09\x0d\x0a.",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"end=09\x0d\x0a=2E".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"end\x09\x0d\x0a.",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"end=09=0D=0A.".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b".\x0a",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"=2E\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b".\x0a",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"=2E\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b".\x0a",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"=2E=0A".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b".\x0a",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"=2E\x0a".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b".\x0a",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"=2E=0A".to_vec())
    );
    assert_eq!(core::qp_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &QpEncode { quotetabs: false, istext: true, header: false }), Ok(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\x0axxxxx".to_vec()));
    assert_eq!(core::qp_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &QpEncode { quotetabs: true, istext: true, header: false }), Ok(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\x0axxxxx".to_vec()));
    assert_eq!(core::qp_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &QpEncode { quotetabs: false, istext: false, header: false }), Ok(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\x0axxxxx".to_vec()));
    assert_eq!(core::qp_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &QpEncode { quotetabs: false, istext: true, header: true }), Ok(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\x0axxxxx".to_vec()));
    assert_eq!(core::qp_encode(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &QpEncode { quotetabs: true, istext: false, header: true }), Ok(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\x0axxxxx".to_vec()));
    assert_eq!(
        core::qp_encode(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=z",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\x0a=3Dz"
                .to_vec()
        )
    );
    assert_eq!(
        core::qp_encode(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=z",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\x0a=3Dz"
                .to_vec()
        )
    );
    assert_eq!(
        core::qp_encode(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=z",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\x0a=3Dz"
                .to_vec()
        )
    );
    assert_eq!(
        core::qp_encode(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=z",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\x0a=3Dz"
                .to_vec()
        )
    );
    assert_eq!(
        core::qp_encode(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=z",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(
            b"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\x0a=3Dz"
                .to_vec()
        )
    );
    assert_eq!(
        core::qp_encode(
            b"under_score and space",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"under_score and space".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"under_score and space",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"under_score=20and=20space".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"under_score and space",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"under_score and space".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"under_score and space",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"under=5Fscore_and_space".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"under_score and space",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"under=5Fscore=20and=20space".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"\x00\xff\x7f",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"=00=FF=7F".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"\x00\xff\x7f",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"=00=FF=7F".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"\x00\xff\x7f",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"=00=FF=7F".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"\x00\xff\x7f",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"=00=FF=7F".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"\x00\xff\x7f",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"=00=FF=7F".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a\x0d\x0ab\x0ac",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: false
            }
        ),
        Ok(b"a\x0d\x0ab\x0d\x0ac".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a\x0d\x0ab\x0ac",
            &QpEncode {
                quotetabs: true,
                istext: true,
                header: false
            }
        ),
        Ok(b"a\x0d\x0ab\x0d\x0ac".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a\x0d\x0ab\x0ac",
            &QpEncode {
                quotetabs: false,
                istext: false,
                header: false
            }
        ),
        Ok(b"a=0D=0Ab=0Ac".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a\x0d\x0ab\x0ac",
            &QpEncode {
                quotetabs: false,
                istext: true,
                header: true
            }
        ),
        Ok(b"a\x0d\x0ab\x0d\x0ac".to_vec())
    );
    assert_eq!(
        core::qp_encode(
            b"a\x0d\x0ab\x0ac",
            &QpEncode {
                quotetabs: true,
                istext: false,
                header: true
            }
        ),
        Ok(b"a=0D=0Ab=0Ac".to_vec())
    );
    assert_eq!(core::qp_encode(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\x0d\x0a", &QpEncode { quotetabs: false, istext: true, header: false }), Ok(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=\x0d\x0azz\x0d\x0a".to_vec()));
    assert_eq!(core::qp_encode(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\x0d\x0a", &QpEncode { quotetabs: true, istext: true, header: false }), Ok(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=\x0d\x0azz\x0d\x0a".to_vec()));
    assert_eq!(core::qp_encode(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\x0d\x0a", &QpEncode { quotetabs: false, istext: false, header: false }), Ok(b"line=0D=0Azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=\x0d\x0azzzzzzzzzzzz=0D=0A".to_vec()));
    assert_eq!(core::qp_encode(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\x0d\x0a", &QpEncode { quotetabs: false, istext: true, header: true }), Ok(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=\x0d\x0azz\x0d\x0a".to_vec()));
    assert_eq!(core::qp_encode(b"line\x0d\x0azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\x0d\x0a", &QpEncode { quotetabs: true, istext: false, header: true }), Ok(b"line=0D=0Azzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=\x0d\x0azzzzzzzzzzzz=0D=0A".to_vec()));
    assert_eq!(core::qp_decode(b"", false), Ok(b"".to_vec()));
    assert_eq!(core::qp_decode(b"", true), Ok(b"".to_vec()));
    assert_eq!(core::qp_decode(b"a=3Db", false), Ok(b"a=b".to_vec()));
    assert_eq!(core::qp_decode(b"a=3Db", true), Ok(b"a=b".to_vec()));
    assert_eq!(core::qp_decode(b"a=3db", false), Ok(b"a=b".to_vec()));
    assert_eq!(core::qp_decode(b"a=3db", true), Ok(b"a=b".to_vec()));
    assert_eq!(core::qp_decode(b"=4", false), Ok(b"=4".to_vec()));
    assert_eq!(core::qp_decode(b"=4", true), Ok(b"=4".to_vec()));
    assert_eq!(core::qp_decode(b"=4g", false), Ok(b"=4g".to_vec()));
    assert_eq!(core::qp_decode(b"=4g", true), Ok(b"=4g".to_vec()));
    assert_eq!(core::qp_decode(b"=", false), Ok(b"".to_vec()));
    assert_eq!(core::qp_decode(b"=", true), Ok(b"".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0ab", false), Ok(b"ab".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0ab", true), Ok(b"ab".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0d\x0ab", false), Ok(b"ab".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0d\x0ab", true), Ok(b"ab".to_vec()));
    assert_eq!(
        core::qp_decode(b"a=\x0dxyz\x0ab", false),
        Ok(b"ab".to_vec())
    );
    assert_eq!(core::qp_decode(b"a=\x0dxyz\x0ab", true), Ok(b"ab".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0dxyz", false), Ok(b"a".to_vec()));
    assert_eq!(core::qp_decode(b"a=\x0dxyz", true), Ok(b"a".to_vec()));
    assert_eq!(core::qp_decode(b"==41", false), Ok(b"=41".to_vec()));
    assert_eq!(core::qp_decode(b"==41", true), Ok(b"=41".to_vec()));
    assert_eq!(core::qp_decode(b"a_b", false), Ok(b"a_b".to_vec()));
    assert_eq!(core::qp_decode(b"a_b", true), Ok(b"a b".to_vec()));
    assert_eq!(core::qp_decode(b"=5F_", false), Ok(b"__".to_vec()));
    assert_eq!(core::qp_decode(b"=5F_", true), Ok(b"_ ".to_vec()));
}

#[test]
fn crc_matches_cpython() {
    assert_eq!(core::crc32(b"", 0), 0);
    assert_eq!(core::crc32(b"hello", 0), 907060870);
    assert_eq!(core::crc32(b"hello", 12345), 1779074256);
    assert_eq!(
        core::crc32(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff", 4294967295),
        4074173377
    );
    assert_eq!(core::crc_hqx(b"", 0), 0);
    assert_eq!(core::crc_hqx(b"hello", 0), 50018);
    assert_eq!(core::crc_hqx(b"hello", 7439), 12972);
    assert_eq!(
        core::crc_hqx(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff", 65535),
        12974
    );
}
