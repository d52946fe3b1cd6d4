//! Quoted-printable: `binascii.b2a_qp` (`quotetabs`, `istext`, `header`)
//! and `binascii.a2b_qp` (`header`). Neither raises on any input.

use crate::error::{unfinished, Result};
use crate::sink::{exact, to_vec};

/// `b2a_qp`'s options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QpEncode {
    /// Encode every space and tab.
    pub quotetabs: bool,
    /// Treat the data as text: line breaks are kept as they are.
    pub istext: bool,
    /// Header mode: spaces become `_`, and `_` is encoded.
    pub header: bool,
}

impl Default for QpEncode {
    /// `b2a_qp`'s defaults: `quotetabs=False, istext=True, header=False`.
    fn default() -> Self {
        QpEncode {
            quotetabs: false,
            istext: true,
            header: false,
        }
    }
}

/// Exact size of `b2a_qp(input, ...)` (it depends on the content).
pub fn qp_encoded_len(input: &[u8], opts: &QpEncode) -> Result<usize> {
    let _ = (input, opts);
    Err(unfinished("qp_encoded_len"))
}

/// `b2a_qp` into `out` (at least [`qp_encoded_len`] bytes); returns the
/// number of bytes written.
pub fn qp_encode_into(input: &[u8], opts: &QpEncode, out: &mut [u8]) -> Result<usize> {
    let len = qp_encoded_len(input, opts)?;
    let _out = exact(out, len)?;
    Err(unfinished("qp_encode_into"))
}

/// `binascii.b2a_qp(input, ...)`.
pub fn qp_encode(input: &[u8], opts: &QpEncode) -> Result<Vec<u8>> {
    let len = qp_encoded_len(input, opts)?;
    to_vec(len, |out| qp_encode_into(input, opts, out))
}

/// Exact size of `a2b_qp(input, header)`.
pub fn qp_decoded_len(input: &[u8], header: bool) -> Result<usize> {
    let _ = (input, header);
    Err(unfinished("qp_decoded_len"))
}

/// `a2b_qp` into `out` (at least [`qp_decoded_len`] bytes; the input's
/// length always suffices); returns the number of bytes written.
pub fn qp_decode_into(input: &[u8], header: bool, out: &mut [u8]) -> Result<usize> {
    let _ = (input, header, out);
    Err(unfinished("qp_decode_into"))
}

/// `binascii.a2b_qp(input, header)`.
pub fn qp_decode(input: &[u8], header: bool) -> Result<Vec<u8>> {
    to_vec(input.len(), |out| qp_decode_into(input, header, out))
}
