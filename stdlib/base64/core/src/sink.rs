//! Where decoders write: a caller's slice, or a counter that computes the
//! exact output size with the same code path that decodes.

use crate::error::{Error, Result};

/// An output for byte-at-a-time codecs.
pub(crate) trait Sink {
    /// Appends one byte.
    fn put(&mut self, b: u8);
    /// Appends bytes.
    fn put_slice(&mut self, s: &[u8]);
    /// Bytes appended so far (including any that did not fit).
    fn written(&self) -> usize;
    /// The unwritten rest of the output for block fast paths (`None` when
    /// only counting); after putting `n` bytes there, call `advance(n)`.
    fn rest(&mut self) -> Option<&mut [u8]>;
    /// Counts `n` bytes written through [`Sink::rest`].
    fn advance(&mut self, n: usize);
    /// Replaces the last byte appended (a no-op when only counting).
    fn set_last(&mut self, _b: u8) {}
}

/// Counts bytes without storing them.
#[derive(Default)]
pub(crate) struct Counter(pub usize);

impl Sink for Counter {
    #[inline]
    fn put(&mut self, _b: u8) {
        self.0 += 1;
    }
    #[inline]
    fn put_slice(&mut self, s: &[u8]) {
        self.0 += s.len();
    }
    #[inline]
    fn written(&self) -> usize {
        self.0
    }
    fn rest(&mut self) -> Option<&mut [u8]> {
        None
    }
    fn advance(&mut self, n: usize) {
        self.0 += n;
    }
}

/// Writes into a caller's slice. Bytes past its end are counted, not
/// stored, so that [`SliceSink::finish`] can report how much was needed.
pub(crate) struct SliceSink<'a> {
    out: &'a mut [u8],
    pos: usize,
}

impl<'a> SliceSink<'a> {
    pub(crate) fn new(out: &'a mut [u8]) -> Self {
        SliceSink { out, pos: 0 }
    }

    /// The number of bytes written, or an error if they did not all fit.
    pub(crate) fn finish(self) -> Result<usize> {
        if self.pos <= self.out.len() {
            Ok(self.pos)
        } else {
            Err(Error::buffer_too_small(self.pos, self.out.len()))
        }
    }
}

impl Sink for SliceSink<'_> {
    #[inline]
    fn put(&mut self, b: u8) {
        if let Some(slot) = self.out.get_mut(self.pos) {
            *slot = b;
        }
        self.pos += 1;
    }
    #[inline]
    fn put_slice(&mut self, s: &[u8]) {
        if let Some(dst) = self.out.get_mut(self.pos..self.pos.saturating_add(s.len())) {
            dst.copy_from_slice(s);
        }
        self.pos += s.len();
    }
    #[inline]
    fn written(&self) -> usize {
        self.pos
    }
    fn rest(&mut self) -> Option<&mut [u8]> {
        let pos = self.pos.min(self.out.len());
        self.out.get_mut(pos..)
    }
    fn advance(&mut self, n: usize) {
        self.pos += n;
    }
    fn set_last(&mut self, b: u8) {
        if let Some(slot) = self.pos.checked_sub(1).and_then(|p| self.out.get_mut(p)) {
            *slot = b;
        }
    }
}

/// The first `len` bytes of `out`, or an error if `out` is shorter.
pub(crate) fn exact(out: &mut [u8], len: usize) -> Result<&mut [u8]> {
    let given = out.len();
    out.get_mut(..len)
        .ok_or_else(|| Error::buffer_too_small(len, given))
}

/// Runs a `*_into` function on a fresh vector of `max_len` bytes and keeps
/// the bytes it wrote.
pub(crate) fn to_vec(
    max_len: usize,
    fill: impl FnOnce(&mut [u8]) -> Result<usize>,
) -> Result<Vec<u8>> {
    let mut v = vec![0u8; max_len];
    let n = fill(&mut v)?;
    v.truncate(n);
    Ok(v)
}
