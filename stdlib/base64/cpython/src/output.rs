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
