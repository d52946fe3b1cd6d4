//! Codecs with CPython 3.11's exact `binascii` and `base64` semantics.
//! Knows nothing of any host: hosts map [`Error`]s to their exceptions.
//!
//! Conventions, the same for every codec:
//! - `X_encoded_len` gives the exact size of an encoding up front (from the
//!   input's length, or from the input itself where the size depends on the
//!   content), so a host allocates its result once; `X_encode_into` writes
//!   into a buffer at least that long and returns the bytes written.
//! - `X_decoded_len` gives the exact size a successful decode writes (an
//!   error it returns is the one the decode would return); `X_decode_into`
//!   accepts any buffer at least as long as the result and returns its
//!   length; `X_decoded_max_len` (where present) is a cheap upper bound.
//! - `X_encode`/`X_decode` return a fresh `Vec<u8>`.
//! - A buffer that is too short is an [`ErrorKind::Internal`] error, never a
//!   panic or a partial result.
#![forbid(unsafe_code)]
// `is_multiple_of` is newer than the workspace's minimum Rust version.
#![allow(clippy::manual_is_multiple_of)]

mod base16;
mod base32;
mod base64;
mod base85;
mod crc;
mod error;
mod fast;
mod hex;
mod qp;
mod sink;
mod uu;

pub use crate::base16::{
    base16_decode, base16_decode_into, base16_decoded_len, base16_encode, base16_encode_into,
    base16_encoded_len,
};
pub use crate::base32::{
    base32_decode, base32_decode_into, base32_decoded_len, base32_decoded_max_len, base32_encode,
    base32_encode_into, base32_encoded_len, B32Decode, Base32Alphabet,
};
pub use crate::base64::{
    base64_decode, base64_decode_into, base64_decoded_len, base64_decoded_max_len, base64_encode,
    base64_encode_into, base64_encoded_len, base64_mime_encode, base64_mime_encode_into,
    base64_mime_encoded_len, B64Decode, B64Encode,
};
pub use crate::base85::{
    a85_decode, a85_decode_into, a85_decoded_len, a85_decoded_max_len, a85_encode, a85_encode_into,
    a85_encoded_len, b85_decode, b85_decode_into, b85_decoded_len, b85_encode, b85_encode_into,
    b85_encoded_len, z85_decode, z85_decode_into, z85_decoded_len, z85_encode, z85_encode_into,
    z85_encoded_len, A85Decode, A85Encode,
};
pub use crate::crc::{crc32, crc_hqx};
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::hex::{
    hex_decode, hex_decode_into, hex_decoded_len, hex_encode, hex_encode_into, hex_encoded_len,
    hex_sep, HexEncode,
};
pub use crate::qp::{
    qp_decode, qp_decode_into, qp_decoded_len, qp_encode, qp_encode_into, qp_encoded_len, QpEncode,
};
pub use crate::uu::{
    uu_decode, uu_decode_into, uu_decoded_len, uu_encode, uu_encode_into, uu_encoded_len,
};
