//! Results are `bytes` objects allocated once at their final size (the
//! core's `*_len` functions give it) and written in place by the core's
//! `*_into` functions; large jobs run with the GIL released.

use pyo3::exceptions::PySystemError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rpy_base64_core as core;

use crate::codec_errors::to_py;

/// Input size from which the core runs without the GIL. Below it, releasing
/// and re-taking the GIL costs more than other threads gain.
pub const RELEASE_GIL_AT: usize = 64 * 1024;

/// Runs `job` with the GIL released when `input_len` is large enough. The
/// input must be immutable memory (see `input.rs`): other threads run meanwhile.
pub fn maybe_detached<T: Send>(
    py: Python<'_>,
    input_len: usize,
    job: impl FnOnce() -> T + Send,
) -> T {
    if input_len >= RELEASE_GIL_AT {
        py.detach(job)
    } else {
        job()
    }
}

/// A new `bytes` of exactly `len` bytes, filled by `fill`, which returns how
/// many bytes it wrote: anything but `len` would break the core's contract.
pub fn exact_bytes<'py>(
    py: Python<'py>,
    len: core::Result<usize>,
    input_len: usize,
    fill: impl FnOnce(&mut [u8]) -> core::Result<usize> + Send,
) -> PyResult<Bound<'py, PyBytes>> {
    let len = len.map_err(to_py)?;
    PyBytes::new_with(py, len, |out| {
        let written = maybe_detached(py, input_len, || fill(out)).map_err(to_py)?;
        if written == len {
            Ok(())
        } else {
            Err(PySystemError::new_err(format!(
                "codec wrote {written} bytes, announced {len}"
            )))
        }
    })
}

/// A decoder's result when its size depends on the content: first tried at
/// `guess` (right for clean input, so one pass), and only if the decode
/// writes another size, sized exactly by `exact_len` (a counting pass) and
/// decoded again. Either way the `bytes` object is never resized.
pub fn guessed_bytes<'py>(
    py: Python<'py>,
    guess: Option<usize>,
    input_len: usize,
    exact_len: impl FnOnce() -> core::Result<usize> + Send,
    fill: impl Fn(&mut [u8]) -> core::Result<usize> + Sync,
) -> PyResult<Bound<'py, PyBytes>> {
    if let Some(guess) = guess {
        let mut wrong_size = false;
        let attempt = PyBytes::new_with(py, guess, |out| {
            match maybe_detached(py, input_len, || fill(out)) {
                Ok(written) if written == guess => return Ok(()),
                // Too small a buffer is reported as Internal: retry exactly.
                Ok(_) => wrong_size = true,
                Err(e) if e.kind == core::ErrorKind::Internal => wrong_size = true,
                Err(e) => return Err(to_py(e)),
            }
            Err(PySystemError::new_err(()))
        });
        if !wrong_size {
            return attempt;
        }
    }
    let len = maybe_detached(py, input_len, exact_len);
    exact_bytes(py, len, input_len, |out| fill(out))
}

/// The decoded size of Base64 `input` if it is clean apart from line breaks
/// (the usual case, and what `b2a_base64`/`encodebytes` write).
pub fn base64_size_guess(input: &[u8]) -> Option<usize> {
    let breaks = count_line_breaks(input);
    let data = input.len() - breaks;
    if !data.is_multiple_of(4) {
        return None;
    }
    let mut tail = input.iter().rev().filter(|&&c| c != b'\n' && c != b'\r');
    let pads = tail.by_ref().take(2).filter(|&&c| c == b'=').count();
    (data / 4 * 3).checked_sub(pads)
}

/// The number of `\n` and `\r` in `input`. Counted in byte-wide lanes over
/// runs of at most 255 bytes, which the compiler vectorizes 16 or 32 bytes
/// at a time; a plain `filter().count()` widens every byte to a 64-bit
/// counter and ran at 1.5 GB/s, most of a 64 KiB decode's time.
fn count_line_breaks(input: &[u8]) -> usize {
    input
        .chunks(255)
        .map(|run| {
            let n = run.iter().fold(0u8, |n, &c| {
                n.wrapping_add(u8::from(c == b'\n') + u8::from(c == b'\r'))
            });
            usize::from(n)
        })
        .sum()
}
