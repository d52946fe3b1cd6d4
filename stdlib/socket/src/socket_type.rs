//! `_socket.socket`: a socket whose descriptor lives in `posix`'s
//! descriptor table (so `select`, `selectors` and `os.read`/`os.close`
//! see it), with CPython's timeout semantics. A socket with a timeout
//! (or none, i.e. non-blocking) has its descriptor in non-blocking mode
//! and waits for readiness with `poll(2)`; a blocking socket also waits
//! with `poll(2)` before each operation, in slices, so that Ctrl-C and
//! the interpreter's limits reach a long wait. Data calls pass
//! `MSG_DONTWAIT`, so a spurious wake-up never blocks the VM.
//!
//! `__new__` makes an unopened socket and `__init__` opens it, as in
//! CPython (`socket.py` calls `_socket.socket.__init__`).

use std::os::fd::OwnedFd;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rpy_posix::{adopt_fd, close_fd, fd_handle};
use rpy_vm::{
    BytesLike, Capability, ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs,
    Vm,
};
use rustix::event::{PollFd, PollFlags};
use rustix::io::Errno;
use rustix::net::{
    AddressFamily, Protocol, RecvFlags, SendFlags, Shutdown, SocketFlags, SocketType,
};

use crate::address::{address_value, parse_address};
use crate::errors::{errno_error, timeout_error};
use crate::options;
use crate::timeouts::{default_timeout, timeout_arg};

/// How long one system wait lasts before the interpreter's checks run.
const SLICE: Duration = Duration::from_millis(50);
const SOCK_NONBLOCK: i64 = 0o4000;
const SOCK_CLOEXEC: i64 = 0o2000000;

/// The socket's state; `fd` is -1 before `__init__` and after `close`
/// or `detach`.
pub struct Socket {
    pub fd: i32,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// `None`: blocking; `Some(0.0)`: non-blocking; else seconds.
    pub timeout: Option<f64>,
}

/// The descriptor of an open socket and its timeout.
fn state(vm: &mut Vm, this: &Native<Socket>) -> PyResult<(Rc<OwnedFd>, Option<f64>)> {
    let (fd, timeout) = this.with(vm, |s| (s.fd, s.timeout))?;
    match fd_handle(vm, fd) {
        Some(h) if fd >= 0 => Ok((h, timeout)),
        _ => Err(errno_error(vm, Errno::BADF)),
    }
}

/// Waits until `fd` is readable (or writable) or `end` passes; false on
/// timeout. Ctrl-C and the limits are checked between slices.
fn wait_ready(vm: &mut Vm, fd: &OwnedFd, write: bool, end: Option<Instant>) -> PyResult<bool> {
    let flags = if write { PollFlags::OUT } else { PollFlags::IN };
    loop {
        let slice = match end {
            None => SLICE,
            Some(end) => {
                let left = end.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Ok(false);
                }
                left.min(SLICE)
            }
        };
        let ts = rustix::event::Timespec {
            tv_sec: slice.as_secs() as i64,
            tv_nsec: i64::from(slice.subsec_nanos()),
        };
        let mut fds = [PollFd::new(fd, flags)];
        match rustix::event::poll(&mut fds, Some(&ts)) {
            Ok(0) | Err(Errno::INTR) => {}
            Ok(_) => return Ok(true),
            Err(e) => return Err(errno_error(vm, e)),
        }
        vm.check_native_work(1)?;
    }
}

/// The end of a wait of `timeout` seconds (`None`: no end).
fn deadline(timeout: Option<f64>) -> Option<Instant> {
    timeout
        .filter(|t| *t > 0.0)
        .and_then(|t| Duration::try_from_secs_f64(t).ok())
        .and_then(|d| Instant::now().checked_add(d))
}

/// Runs socket operation `op` with the socket's timeout semantics: a
/// non-blocking socket tries once; otherwise the call waits for
/// readiness (`write`: writable) and retries until `end`, then raises
/// `TimeoutError`.
fn sock_call<R>(
    vm: &mut Vm,
    this: &Native<Socket>,
    write: bool,
    end: Option<Option<Instant>>,
    mut op: impl FnMut(&OwnedFd) -> rustix::io::Result<R>,
) -> PyResult<R> {
    let (fd, timeout) = state(vm, this)?;
    let end = end.unwrap_or_else(|| deadline(timeout));
    let nonblocking = timeout == Some(0.0);
    loop {
        if !nonblocking && !wait_ready(vm, &fd, write, end)? {
            return Err(timeout_error(vm));
        }
        match op(&fd) {
            Ok(r) => return Ok(r),
            Err(Errno::INTR) => vm.check_interrupt()?,
            Err(Errno::AGAIN) if !nonblocking => {}
            Err(e) => return Err(errno_error(vm, e)),
        }
    }
}

/// Puts descriptor `fd` in blocking or non-blocking mode for `timeout`.
fn apply_timeout(vm: &mut Vm, fd: &OwnedFd, timeout: Option<f64>) -> PyResult<()> {
    rustix::io::ioctl_fionbio(fd, timeout.is_some()).map_err(|e| errno_error(vm, e))
}

fn new(_vm: &mut Vm, _args: VarArgs, _kw: KwArgs) -> PyResult<Socket> {
    Ok(Socket {
        fd: -1,
        family: 2,
        kind: 1,
        proto: 0,
        timeout: None,
    })
}

/// `__init__(family=-1, type=-1, proto=-1, fileno=None)`.
fn init(
    vm: &mut Vm,
    this: Native<Socket>,
    family: OptArg<i64>,
    kind: OptArg<i64>,
    proto: OptArg<i64>,
    fileno: OptArg<Value>,
) -> PyResult<()> {
    let mut family = family.unwrap_or(-1);
    let mut kind = kind.unwrap_or(-1);
    let mut proto = proto.unwrap_or(-1);
    let fileno = fileno.0.filter(|v| !v.is_none());
    let fd: i32 = match fileno {
        Some(v) => {
            if let Value::Float(_) = v {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = vm.to_i64(&v)?;
            if n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let n =
                i32::try_from(n).map_err(|_| vm.overflow_error("file descriptor out of range"))?;
            let Some(h) = fd_handle(vm, n) else {
                return Err(errno_error(vm, Errno::BADF));
            };
            if family == -1 {
                let d = rustix::net::sockopt::socket_domain(&*h).map_err(|e| errno_error(vm, e))?;
                family = i64::from(d.as_raw());
            }
            if kind == -1 {
                let t = rustix::net::sockopt::socket_type(&*h).map_err(|e| errno_error(vm, e))?;
                kind = i64::from(t.as_raw());
            }
            if proto == -1 {
                let p =
                    rustix::net::sockopt::socket_protocol(&*h).map_err(|e| errno_error(vm, e))?;
                proto = p.map_or(0, |p| i64::from(p.as_raw().get()));
            }
            n
        }
        None => {
            vm.require(Capability::Network, "socket")?;
            if family == -1 {
                family = 2;
            }
            if kind == -1 {
                kind = 1;
            }
            if proto == -1 {
                proto = 0;
            }
            let fam =
                u16::try_from(family).map_err(|_| vm.overflow_error("family out of range"))?;
            let raw_kind = u32::try_from(kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC))
                .map_err(|_| vm.overflow_error("type out of range"))?;
            let p = u32::try_from(proto)
                .ok()
                .and_then(std::num::NonZeroU32::new)
                .map(Protocol::from_raw);
            let made = rustix::net::socket_with(
                AddressFamily::from_raw(fam),
                SocketType::from_raw(raw_kind),
                SocketFlags::CLOEXEC,
                p,
            )
            .map_err(|e| errno_error(vm, e))?;
            adopt_fd(vm, made)
        }
    };
    let mut timeout = default_timeout(vm);
    if kind & SOCK_NONBLOCK != 0 {
        timeout = Some(0.0);
    }
    let kind = (kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC)) as i32;
    if let Some(h) = fd_handle(vm, fd) {
        if timeout.is_some() {
            apply_timeout(vm, &h, timeout)?;
        }
    }
    this.with_mut(vm, |s| {
        *s = Socket {
            fd,
            family: family as i32,
            kind,
            proto: proto as i32,
            timeout,
        }
    })
}

/// A new socket object (of the base type) over descriptor `fd`.
pub fn wrap(vm: &mut Vm, fd: OwnedFd, family: i32, kind: i32, proto: i32) -> PyResult<Value> {
    let timeout = default_timeout(vm);
    if timeout.is_some() {
        apply_timeout(vm, &fd, timeout)?;
    }
    let n = adopt_fd(vm, fd);
    Ok(vm.new_native_object(Socket {
        fd: n,
        family,
        kind,
        proto,
        timeout,
    }))
}

fn bind(vm: &mut Vm, this: Native<Socket>, addr: Value) -> PyResult<()> {
    let family = this.with(vm, |s| s.family)?;
    let a = parse_address(vm, family, &addr, "bind")?;
    let (fd, _) = state(vm, &this)?;
    rustix::net::bind(&*fd, &a).map_err(|e| errno_error(vm, e))
}

fn listen(vm: &mut Vm, this: Native<Socket>, backlog: OptArg<i64>) -> PyResult<()> {
    let backlog = backlog.unwrap_or(128).clamp(0, i64::from(i32::MAX)) as i32;
    let (fd, _) = state(vm, &this)?;
    rustix::net::listen(&*fd, backlog).map_err(|e| errno_error(vm, e))
}

/// `_accept()`: `(fd, address)`; `socket.py` wraps the descriptor.
fn accept(vm: &mut Vm, this: Native<Socket>) -> PyResult<Value> {
    let (conn, addr) = sock_call(vm, &this, false, None, |fd| {
        rustix::net::acceptfrom_with(fd, SocketFlags::CLOEXEC)
    })?;
    let n = adopt_fd(vm, conn);
    let a = match addr {
        Some(a) => address_value(vm, &a),
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![Value::Int(i64::from(n)), a]))
}

/// `connect` and `connect_ex`: the errno of a failed connection, or 0.
fn connect_errno(vm: &mut Vm, this: &Native<Socket>, addr: &Value, caller: &str) -> PyResult<i32> {
    let family = this.with(vm, |s| s.family)?;
    let a = parse_address(vm, family, addr, caller)?;
    let (fd, timeout) = state(vm, this)?;
    // A blocking socket connects in non-blocking mode and waits in
    // slices, so a slow peer cannot freeze the VM.
    if timeout.is_none() {
        apply_timeout(vm, &fd, Some(1.0))?;
    }
    let first = rustix::net::connect(&*fd, &a);
    let result = match first {
        Ok(()) => Ok(0),
        Err(Errno::INPROGRESS) | Err(Errno::INTR) if timeout != Some(0.0) => {
            match wait_ready(vm, &fd, true, deadline(timeout)) {
                Ok(true) => match rustix::net::sockopt::socket_error(&*fd) {
                    Ok(Ok(())) => Ok(0),
                    Ok(Err(e)) => Ok(e.raw_os_error()),
                    Err(e) => Ok(e.raw_os_error()),
                },
                Ok(false) => Err(timeout_error(vm)),
                Err(e) => Err(e),
            }
        }
        Err(e) => Ok(e.raw_os_error()),
    };
    if timeout.is_none() {
        apply_timeout(vm, &fd, None)?;
    }
    result
}

fn connect(vm: &mut Vm, this: Native<Socket>, addr: Value) -> PyResult<()> {
    match connect_errno(vm, &this, &addr, "connect")? {
        0 => Ok(()),
        e => Err(errno_error(vm, Errno::from_raw_os_error(e))),
    }
}

fn connect_ex(vm: &mut Vm, this: Native<Socket>, addr: Value) -> PyResult<i64> {
    match connect_errno(vm, &this, &addr, "connect_ex") {
        Ok(e) => Ok(i64::from(e)),
        Err(e) => {
            let t = vm.exc.timeout_error.clone();
            if vm.err_matches(&e, &t) {
                Ok(i64::from(Errno::AGAIN.raw_os_error()))
            } else {
                Err(e)
            }
        }
    }
}

/// A buffer size argument (`recv(bufsize)`).
fn size_arg(vm: &mut Vm, n: i64, caller: &str) -> PyResult<usize> {
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {caller}")));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    if n > (1 << 31) {
        return Err(vm.memory_error());
    }
    Ok(n)
}

fn recv_flags(flags: OptArg<i64>) -> RecvFlags {
    RecvFlags::from_bits_retain(flags.unwrap_or(0) as u32) | RecvFlags::DONTWAIT
}

fn send_flags(flags: i64) -> SendFlags {
    SendFlags::from_bits_retain(flags as u32) | SendFlags::DONTWAIT | SendFlags::NOSIGNAL
}

/// Receives up to `n` bytes.
fn recv_bytes(vm: &mut Vm, this: &Native<Socket>, n: usize, flags: RecvFlags) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, this, false, None, |fd| {
        rustix::net::recv(fd, &mut buf[..], flags).map(|(_, len)| len)
    })?;
    buf.truncate(got.min(n));
    Ok(buf)
}

fn recv(vm: &mut Vm, this: Native<Socket>, n: i64, flags: OptArg<i64>) -> PyResult<Value> {
    let n = size_arg(vm, n, "recv")?;
    let data = recv_bytes(vm, &this, n, recv_flags(flags))?;
    Ok(vm.new_bytes(data))
}

/// The room of a writable buffer, capped by `nbytes` when given.
fn into_size(vm: &mut Vm, buf: &Value, nbytes: OptArg<i64>, caller: &str) -> PyResult<usize> {
    let room = vm.len(buf)?;
    match nbytes.0 {
        None | Some(0) => Ok(room),
        Some(n) if n < 0 => Err(vm.value_error(format!("negative buffersize in {caller}"))),
        Some(n) => {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            if n > room {
                Err(vm.value_error("buffer too small for requested bytes"))
            } else {
                Ok(n)
            }
        }
    }
}

/// `buf[:len(data)] = data`.
fn copy_into(vm: &mut Vm, buf: &Value, data: Vec<u8>) -> PyResult<usize> {
    let n = data.len();
    let sl = vm.new_slice(Value::Int(0), Value::Int(n as i64), Value::None);
    let d = vm.new_bytes(data);
    vm.set_item(buf, sl, d)?;
    Ok(n)
}

fn recv_into(
    vm: &mut Vm,
    this: Native<Socket>,
    buf: Value,
    nbytes: OptArg<i64>,
    flags: OptArg<i64>,
) -> PyResult<usize> {
    let n = into_size(vm, &buf, nbytes, "recv_into")?;
    let data = recv_bytes(vm, &this, n, recv_flags(flags))?;
    copy_into(vm, &buf, data)
}

fn recvfrom_data(
    vm: &mut Vm,
    this: &Native<Socket>,
    n: usize,
    flags: RecvFlags,
) -> PyResult<(Vec<u8>, Value)> {
    let mut buf = vec![0u8; n];
    let (got, addr) = sock_call(vm, this, false, None, |fd| {
        rustix::net::recvfrom(fd, &mut buf[..], flags).map(|(_, len, a)| (len, a))
    })?;
    buf.truncate(got.min(n));
    let a = match addr {
        Some(a) => address_value(vm, &a),
        None => Value::None,
    };
    Ok((buf, a))
}

fn recvfrom(vm: &mut Vm, this: Native<Socket>, n: i64, flags: OptArg<i64>) -> PyResult<Value> {
    let n = size_arg(vm, n, "recvfrom")?;
    let (data, a) = recvfrom_data(vm, &this, n, recv_flags(flags))?;
    let d = vm.new_bytes(data);
    Ok(vm.new_tuple(vec![d, a]))
}

fn recvfrom_into(
    vm: &mut Vm,
    this: Native<Socket>,
    buf: Value,
    nbytes: OptArg<i64>,
    flags: OptArg<i64>,
) -> PyResult<Value> {
    let n = into_size(vm, &buf, nbytes, "recvfrom_into")?;
    let (data, a) = recvfrom_data(vm, &this, n, recv_flags(flags))?;
    let got = copy_into(vm, &buf, data)?;
    Ok(vm.new_tuple(vec![Value::Int(got as i64), a]))
}

fn send(vm: &mut Vm, this: Native<Socket>, data: BytesLike, flags: OptArg<i64>) -> PyResult<usize> {
    let flags = send_flags(flags.unwrap_or(0));
    sock_call(vm, &this, true, None, |fd| {
        rustix::net::send(fd, &data.0, flags)
    })
}

/// `sendall`: sends everything, the timeout covering the whole call.
fn sendall(vm: &mut Vm, this: Native<Socket>, data: BytesLike, flags: OptArg<i64>) -> PyResult<()> {
    let flags = send_flags(flags.unwrap_or(0));
    let timeout = this.with(vm, |s| s.timeout)?;
    let end = deadline(timeout);
    let mut done = 0;
    while done < data.0.len() {
        let rest = &data.0[done..];
        done += sock_call(vm, &this, true, Some(end), |fd| {
            rustix::net::send(fd, rest, flags)
        })?;
        vm.check_interrupt()?;
    }
    Ok(())
}

/// `sendto(data[, flags], address)`.
fn sendto(
    vm: &mut Vm,
    this: Native<Socket>,
    data: BytesLike,
    second: Value,
    third: OptArg<Value>,
) -> PyResult<usize> {
    let (flags, addr) = match third.0 {
        Some(a) => (vm.to_i64(&second)?, a),
        None => (0, second),
    };
    let family = this.with(vm, |s| s.family)?;
    let a = parse_address(vm, family, &addr, "sendto")?;
    let flags = send_flags(flags);
    sock_call(vm, &this, true, None, |fd| {
        rustix::net::sendto(fd, &data.0, flags, &a)
    })
}

fn shutdown(vm: &mut Vm, this: Native<Socket>, how: i64) -> PyResult<()> {
    let how = match how {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => return Err(errno_error(vm, Errno::INVAL)),
    };
    let (fd, _) = state(vm, &this)?;
    rustix::net::shutdown(&*fd, how).map_err(|e| errno_error(vm, e))
}

fn close(vm: &mut Vm, this: Native<Socket>) -> PyResult<()> {
    let fd = this.with_mut(vm, |s| std::mem::replace(&mut s.fd, -1))?;
    if fd >= 0 {
        // ECONNRESET on close is ignored, as CPython does.
        let _ = close_fd(vm, fd);
    }
    Ok(())
}

fn detach(vm: &mut Vm, this: Native<Socket>) -> PyResult<i64> {
    let fd = this.with_mut(vm, |s| std::mem::replace(&mut s.fd, -1))?;
    Ok(i64::from(fd))
}

fn getsockname(vm: &mut Vm, this: Native<Socket>) -> PyResult<Value> {
    let (fd, _) = state(vm, &this)?;
    let a = rustix::net::getsockname(&*fd).map_err(|e| errno_error(vm, e))?;
    Ok(address_value(vm, &a))
}

fn getpeername(vm: &mut Vm, this: Native<Socket>) -> PyResult<Value> {
    let (fd, _) = state(vm, &this)?;
    match rustix::net::getpeername(&*fd) {
        Ok(Some(a)) => Ok(address_value(vm, &a)),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e)),
    }
}

fn settimeout(vm: &mut Vm, this: Native<Socket>, t: Value) -> PyResult<()> {
    let timeout = timeout_arg(vm, &t)?;
    let (fd, _) = state(vm, &this)?;
    apply_timeout(vm, &fd, timeout)?;
    this.with_mut(vm, |s| s.timeout = timeout)
}

fn setblocking(vm: &mut Vm, this: Native<Socket>, flag: Value) -> PyResult<()> {
    let blocking = vm.is_true(&flag)?;
    let timeout = if blocking { None } else { Some(0.0) };
    let (fd, _) = state(vm, &this)?;
    apply_timeout(vm, &fd, timeout)?;
    this.with_mut(vm, |s| s.timeout = timeout)
}

fn getblocking(vm: &mut Vm, this: Native<Socket>) -> PyResult<bool> {
    state(vm, &this)?;
    this.with(vm, |s| s.timeout != Some(0.0))
}

fn setsockopt(
    vm: &mut Vm,
    this: Native<Socket>,
    level: i64,
    opt: i64,
    value: Value,
    optlen: OptArg<i64>,
) -> PyResult<()> {
    let (fd, _) = state(vm, &this)?;
    options::set(vm, &fd, level, opt, &value, optlen.0)
}

fn getsockopt(
    vm: &mut Vm,
    this: Native<Socket>,
    level: i64,
    opt: i64,
    buflen: OptArg<i64>,
) -> PyResult<Value> {
    let (fd, _) = state(vm, &this)?;
    options::get(vm, &fd, level, opt, buflen.0)
}

fn repr(vm: &mut Vm, this: Native<Socket>) -> PyResult<String> {
    this.with(vm, |s| {
        format!(
            "<socket object, fd={}, family={}, type={}, proto={}>",
            s.fd, s.family, s.kind, s.proto
        )
    })
}

/// The socket's descriptor as a file would give it (for `fileno`).
fn fileno(vm: &mut Vm, this: Native<Socket>) -> PyResult<i64> {
    this.with(vm, |s| i64::from(s.fd))
}

impl NativeClass for Socket {
    const NAME: &'static str = "socket";
    const MODULE: &'static str = "_socket";
    const BASETYPE: bool = true;
    fn define(c: &mut ClassDef<Self>) {
        c.constructor(new);
        c.method("__init__", init)
            .params(&["family", "type", "proto", "fileno"]);
        c.method("bind", bind);
        c.method("listen", listen);
        c.method("_accept", accept);
        c.method("connect", connect);
        c.method("connect_ex", connect_ex);
        c.method("recv", recv).params(&["bufsize", "flags"]);
        c.method("recv_into", recv_into)
            .params(&["buffer", "nbytes", "flags"]);
        c.method("recvfrom", recvfrom).params(&["bufsize", "flags"]);
        c.method("recvfrom_into", recvfrom_into)
            .params(&["buffer", "nbytes", "flags"]);
        c.method("send", send);
        c.method("sendall", sendall);
        c.method("sendto", sendto);
        c.method("shutdown", shutdown);
        c.method("close", close);
        c.method("detach", detach);
        c.method("fileno", fileno);
        c.method("getsockname", getsockname);
        c.method("getpeername", getpeername);
        c.method("settimeout", settimeout);
        c.method("gettimeout", |s: &Socket| s.timeout);
        c.method("setblocking", setblocking);
        c.method("getblocking", getblocking);
        c.method("setsockopt", setsockopt);
        c.method("getsockopt", getsockopt);
        c.getter("family", |s: &Socket| i64::from(s.family));
        c.getter("type", |s: &Socket| i64::from(s.kind));
        c.getter("proto", |s: &Socket| i64::from(s.proto));
        c.getter("timeout", |s: &Socket| s.timeout);
        c.repr(repr);
    }
}
