//! `select.epoll`: an epoll instance (its descriptor owned by the
//! object), with `register`/`modify`/`unregister` on descriptors of
//! `posix`'s table and `poll(timeout, maxevents)` waiting in slices.

use std::os::fd::{AsRawFd, OwnedFd};
use std::rc::Rc;
use std::time::Duration;

use rpy_posix::with_fd;
use rpy_vm::{Capability, ClassDef, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm};
use rustix::event::epoll;

use crate::descriptors::{deadline, errno_error, fd_of, next_slice, seconds, timespec};

/// An epoll instance; `None` once closed.
pub struct Epoll {
    fd: Option<Rc<OwnedFd>>,
}

fn closed_error(vm: &mut Vm) -> rpy_vm::PyErr {
    vm.value_error("I/O operation on closed epoll object")
}

fn instance(vm: &mut Vm, this: &Native<Epoll>) -> PyResult<Rc<OwnedFd>> {
    match this.with(vm, |e| e.fd.clone())? {
        Some(fd) => Ok(fd),
        None => Err(closed_error(vm)),
    }
}

fn new(vm: &mut Vm, sizehint: OptArg<i64>, flags: OptArg<i64>) -> PyResult<Epoll> {
    let sizehint = sizehint.unwrap_or(-1);
    if sizehint == 0 || sizehint < -1 {
        return Err(vm.value_error("negative sizehint"));
    }
    let flags = flags.unwrap_or(0);
    if flags != 0 && flags != 524288 {
        return Err(errno_error(vm, rustix::io::Errno::INVAL));
    }
    vm.require(Capability::FileRead, "select.epoll")?;
    match epoll::create(epoll::CreateFlags::CLOEXEC) {
        Ok(fd) => Ok(Epoll {
            fd: Some(Rc::new(fd)),
        }),
        Err(e) => Err(errno_error(vm, e)),
    }
}

fn flags_of(vm: &mut Vm, mask: OptArg<Value>) -> PyResult<epoll::EventFlags> {
    let bits = match mask.0 {
        Some(v) => {
            let n = vm.to_i64(&v)?;
            match u32::try_from(n) {
                Ok(b) => b,
                Err(_) => {
                    return Err(
                        vm.overflow_error("Python int too large to convert to C unsigned int")
                    )
                }
            }
        }
        None => (epoll::EventFlags::IN | epoll::EventFlags::PRI | epoll::EventFlags::OUT).bits(),
    };
    Ok(epoll::EventFlags::from_bits_retain(bits))
}

/// The control operation of `register` and `modify`.
fn control(
    vm: &mut Vm,
    this: Native<Epoll>,
    fd: Value,
    mask: OptArg<Value>,
    add: bool,
) -> PyResult<()> {
    let ep = instance(vm, &this)?;
    let fd = fd_of(vm, &fd)?;
    let flags = flags_of(vm, mask)?;
    let data = epoll::EventData::new_u64(fd as u64);
    with_fd(vm, i64::from(fd), |b| {
        if add {
            epoll::add(&*ep, b, data, flags)
        } else {
            epoll::modify(&*ep, b, data, flags)
        }
    })
}

fn unregister(vm: &mut Vm, this: Native<Epoll>, fd: Value) -> PyResult<()> {
    let ep = instance(vm, &this)?;
    let fd = fd_of(vm, &fd)?;
    with_fd(vm, i64::from(fd), |b| epoll::delete(&*ep, b))
}

/// `poll(timeout=None, maxevents=-1)`: `[(fd, events), ...]`.
fn poll(
    vm: &mut Vm,
    this: Native<Epoll>,
    timeout: OptArg<Value>,
    maxevents: OptArg<i64>,
) -> PyResult<Value> {
    let ep = instance(vm, &this)?;
    let timeout = match timeout.0 {
        None | Some(Value::None) => None,
        Some(t) => {
            let neg =
                matches!(&t, Value::Float(f) if *f < 0.0) || matches!(&t, Value::Int(i) if *i < 0);
            if neg {
                None
            } else {
                seconds(vm, &t, "timeout must be an integer or None", "")?
            }
        }
    };
    let max = match maxevents.unwrap_or(-1) {
        -1 => 1023,
        n if n <= 0 => {
            return Err(vm.value_error(format!("maxevents must be greater than 0, got {n}")))
        }
        n => usize::try_from(n).unwrap_or(1023).min(1 << 16),
    };
    let end = deadline(timeout);
    let mut first = true;
    let mut events: Vec<epoll::Event> = Vec::with_capacity(max);
    while let Some(slice) = next_slice(end, first) {
        first = false;
        let ts = timespec(slice.min(Duration::from_millis(50)));
        match epoll::wait(&*ep, rustix::buffer::spare_capacity(&mut events), Some(&ts)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => {}
            Ok(_) => break,
            Err(e) => return Err(errno_error(vm, e)),
        }
        vm.check_native_work(1)?;
    }
    let mut out = Vec::with_capacity(events.len());
    for ev in events {
        // Copied out first: the kernel's struct is packed.
        let (data, flags) = (ev.data, ev.flags);
        let pair = vec![
            Value::Int(data.u64() as i64),
            Value::Int(i64::from(flags.bits())),
        ];
        out.push(vm.new_tuple(pair));
    }
    Ok(vm.new_list(out))
}

impl NativeClass for Epoll {
    const NAME: &'static str = "epoll";
    const MODULE: &'static str = "select";
    const BASETYPE: bool = true;
    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new).params(&["sizehint", "flags"]);
        c.method(
            "register",
            |vm: &mut Vm, this: Native<Epoll>, fd: Value, mask: OptArg<Value>| {
                control(vm, this, fd, mask, true)
            },
        )
        .params(&["fd", "eventmask"]);
        c.method(
            "modify",
            |vm: &mut Vm, this: Native<Epoll>, fd: Value, mask: Value| {
                control(vm, this, fd, OptArg(Some(mask)), false)
            },
        )
        .params(&["fd", "eventmask"]);
        c.method("unregister", unregister).params(&["fd"]);
        c.method("poll", poll).params(&["timeout", "maxevents"]);
        c.method("close", |e: &mut Epoll| {
            e.fd = None;
        });
        c.getter("closed", |e: &Epoll| e.fd.is_none());
        c.method(
            "fileno",
            |vm: &mut Vm, this: Native<Epoll>| -> PyResult<i64> {
                let ep = instance(vm, &this)?;
                Ok(i64::from(ep.as_raw_fd()))
            },
        );
        c.method(
            "__enter__",
            |vm: &mut Vm, this: Native<Epoll>| -> PyResult<Value> {
                instance(vm, &this)?;
                Ok(this.value())
            },
        );
        c.method("__exit__", |e: &mut Epoll, _a: VarArgs| {
            e.fd = None;
        });
    }
}
