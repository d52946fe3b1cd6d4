//! `select.poll()` objects: a set of descriptors with the events wanted
//! for each, and `poll(timeout)` over them. The wait runs in slices
//! (`descriptors::poll_sliced`) so Ctrl-C and the limits reach it.

use std::os::fd::OwnedFd;
use std::time::Duration;

use rpy_vm::{Capability, ClassDef, Native, NativeClass, OptArg, PyResult, Value, Vm};
use rustix::event::{PollFd, PollFlags};

use crate::descriptors::{dup_fd, errno_error, fd_of, poll_sliced};

/// The registered descriptors, in registration order, with their masks.
#[derive(Default)]
pub struct Poll {
    fds: Vec<(i32, u16)>,
}

/// An event mask argument (CPython's unsigned short).
fn mask_of(vm: &mut Vm, v: OptArg<Value>) -> PyResult<u16> {
    let Some(v) = v.0 else {
        return Ok((PollFlags::IN | PollFlags::PRI | PollFlags::OUT).bits());
    };
    let n = vm.to_i64(&v)?;
    if n < 0 {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    u16::try_from(n).map_err(|_| vm.overflow_error("Python int too large for C unsigned short"))
}

fn register(vm: &mut Vm, this: Native<Poll>, fd: Value, mask: OptArg<Value>) -> PyResult<()> {
    let fd = fd_of(vm, &fd)?;
    let mask = mask_of(vm, mask)?;
    this.with_mut(vm, |p| match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => p.fds.push((fd, mask)),
    })
}

fn modify(vm: &mut Vm, this: Native<Poll>, fd: Value, mask: Value) -> PyResult<()> {
    let fd = fd_of(vm, &fd)?;
    let mask = mask_of(vm, OptArg(Some(mask)))?;
    let found = this.with_mut(vm, |p| match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => {
            e.1 = mask;
            true
        }
        None => false,
    })?;
    if found {
        Ok(())
    } else {
        Err(errno_error(vm, rustix::io::Errno::NOENT))
    }
}

fn unregister(vm: &mut Vm, this: Native<Poll>, fd: Value) -> PyResult<()> {
    let n = fd_of(vm, &fd)?;
    let found = this.with_mut(vm, |p| {
        let before = p.fds.len();
        p.fds.retain(|(f, _)| *f != n);
        p.fds.len() != before
    })?;
    if found {
        Ok(())
    } else {
        Err(vm.key_error(Value::Int(i64::from(n))))
    }
}

/// `poll(timeout=None)`: timeout in milliseconds; None or negative waits
/// for ever.
fn poll(vm: &mut Vm, this: Native<Poll>, timeout: OptArg<Value>) -> PyResult<Value> {
    let mut timeout = match timeout.0 {
        None | Some(Value::None) => None,
        Some(Value::Float(f)) if f.is_nan() => {
            return Err(vm.value_error("Invalid value NaN (not a number)"))
        }
        Some(Value::Float(f)) => {
            if f < 0.0 {
                None
            } else {
                Some(Duration::from_secs_f64((f / 1000.0).min(1e12)))
            }
        }
        Some(t) if vm.is_index(&t) => {
            let ms = vm.to_i64(&t)?;
            u64::try_from(ms).ok().map(Duration::from_millis)
        }
        Some(_) => return Err(vm.type_error("timeout must be an integer or None")),
    };
    vm.require(Capability::FileRead, "select.poll")?;
    let wanted = this.with(vm, |p| p.fds.clone())?;
    // A descriptor that is not open answers POLLNVAL at once, as poll(2)
    // does for it.
    let mut owned: Vec<Option<OwnedFd>> = Vec::with_capacity(wanted.len());
    for &(fd, _) in &wanted {
        match dup_fd(vm, i64::from(fd)) {
            Ok(o) => owned.push(Some(o)),
            Err(_) => {
                owned.push(None);
                timeout = Some(Duration::ZERO);
            }
        }
    }
    let mut pfds: Vec<PollFd<'_>> = Vec::new();
    for (o, &(_, mask)) in owned.iter().zip(&wanted) {
        if let Some(o) = o {
            pfds.push(PollFd::new(o, PollFlags::from_bits_retain(mask)));
        }
    }
    poll_sliced(vm, &mut pfds, timeout)?;
    let mut ready = Vec::new();
    let mut it = pfds.iter();
    for (o, &(fd, _)) in owned.iter().zip(&wanted) {
        let revents = match o {
            Some(_) => it.next().map_or(0, |p| p.revents().bits()),
            None => PollFlags::NVAL.bits(),
        };
        if revents != 0 {
            let pair = vec![Value::Int(i64::from(fd)), Value::Int(i64::from(revents))];
            ready.push(vm.new_tuple(pair));
        }
    }
    Ok(vm.new_list(ready))
}

impl NativeClass for Poll {
    const NAME: &'static str = "poll";
    const MODULE: &'static str = "select";
    fn define(c: &mut ClassDef<Self>) {
        c.method("register", register);
        c.method("modify", modify);
        c.method("unregister", unregister);
        c.method("poll", poll);
    }
}
