//! Results are `bytes` objects allocated once at their final size and
//! written in place by the core; large jobs run with the GIL released.

use pyo3::exceptions::PyMemoryError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

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

/// A new `bytes` of exactly `len` bytes, filled by `fill`; `len` is `None`
/// when the size does not fit in memory (CPython raises MemoryError then).
pub fn exact_bytes<'py, E: Send>(
    py: Python<'py>,
    len: Option<usize>,
    input_len: usize,
    fill: impl FnOnce(&mut [u8]) -> Result<(), E> + Send,
    to_py: impl FnOnce(E) -> PyErr,
) -> PyResult<Bound<'py, PyBytes>> {
    let len = len
        .filter(|&n| isize::try_from(n).is_ok())
        .ok_or_else(|| PyMemoryError::new_err(()))?;
    PyBytes::new_with(py, len, |out| {
        maybe_detached(py, input_len, || fill(out)).map_err(to_py)
    })
}
