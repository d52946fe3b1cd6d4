//! What `select`'s functions and objects share: reading a descriptor
//! argument as CPython does (`PyObject_AsFileDescriptor`), borrowing a
//! descriptor of `posix`'s table for a system call, and waiting for
//! readiness in short slices so that Ctrl-C and the interpreter's limits
//! still reach a long wait.

use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use rpy_posix::with_fd;
use rpy_vm::{PyErr, PyResult, Value, Vm};
use rustix::event::{PollFd, Timespec};
use rustix::io::Errno;

/// How long one system wait lasts before the interpreter's checks run.
pub const SLICE: Duration = Duration::from_millis(50);

/// A descriptor argument: an int, or an object with `fileno()`.
pub fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = if vm.is_index(v) {
        v.clone()
    } else {
        let name = vm.intern("fileno");
        if vm.get_attr_opt(v, &name)?.is_none() {
            return Err(vm.type_error("argument must be an int, or have a fileno() method."));
        }
        let r = vm.call_method(v, "fileno", &[])?;
        if !vm.is_index(&r) {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        r
    };
    let n = vm.to_i64(&n)?;
    if n < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    match i32::try_from(n) {
        Ok(n) => Ok(n),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// An `OSError` for `e` (the subclass its errno picks).
pub fn errno_error(vm: &mut Vm, e: Errno) -> PyErr {
    vm.io_error(&std::io::Error::from(e), &[])
}

/// A duplicate of descriptor `fd` (one of `posix`'s table or a standard
/// stream): the same open file, usable while the table stays borrowable.
pub fn dup_fd(vm: &mut Vm, fd: i64) -> PyResult<OwnedFd> {
    with_fd(vm, fd, |b| {
        b.try_clone_to_owned()
            .map_err(|e| Errno::from_io_error(&e).unwrap_or(Errno::IO))
    })
}

/// A timeout in seconds (`None`: wait for ever), as `select()` reads it.
pub fn seconds(
    vm: &mut Vm,
    v: &Value,
    type_msg: &str,
    negative_msg: &str,
) -> PyResult<Option<Duration>> {
    if v.is_none() {
        return Ok(None);
    }
    let secs = if vm.is_index(v) {
        vm.to_i64(v)? as f64
    } else if let Value::Float(f) = v {
        *f
    } else {
        return Err(vm.type_error(type_msg.to_owned()));
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error(negative_msg.to_owned()));
    }
    match Duration::try_from_secs_f64(secs) {
        Ok(d) => Ok(Some(d)),
        Err(_) => Err(vm.overflow_error("timeout is too large")),
    }
}

/// The end of a wait that may last `timeout`; `None` for ever.
pub fn deadline(timeout: Option<Duration>) -> Option<Instant> {
    timeout.and_then(|d| Instant::now().checked_add(d))
}

/// The next slice of a wait ending at `end`; `None` once it has ended
/// (after the first call, which always gets its slice, even a zero one).
pub fn next_slice(end: Option<Instant>, first: bool) -> Option<Duration> {
    match end {
        None => Some(SLICE),
        Some(end) => {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() && !first {
                None
            } else {
                Some(left.min(SLICE))
            }
        }
    }
}

/// The timespec of a slice.
pub fn timespec(d: Duration) -> Timespec {
    Timespec {
        tv_sec: d.as_secs() as i64,
        tv_nsec: i64::from(d.subsec_nanos()),
    }
}

/// `poll(2)` on `fds` until one is ready or `timeout` has passed, in
/// slices; between slices Ctrl-C and the limits are checked. Returns how
/// many descriptors are ready (0: timed out).
pub fn poll_sliced(
    vm: &mut Vm,
    fds: &mut [PollFd<'_>],
    timeout: Option<Duration>,
) -> PyResult<usize> {
    let end = deadline(timeout);
    let mut first = true;
    while let Some(slice) = next_slice(end, first) {
        first = false;
        match rustix::event::poll(fds, Some(&timespec(slice))) {
            Ok(0) | Err(Errno::INTR) => {}
            Ok(n) => return Ok(n),
            Err(e) => return Err(errno_error(vm, e)),
        }
        vm.check_native_work(1)?;
    }
    Ok(0)
}
