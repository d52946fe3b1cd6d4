//! The `_socket` module: the `socket` type, `socketpair`, `dup`, `close`,
//! name resolution, address conversions, the default timeout, the
//! exceptions and the constants `socket.py` reads.

use rpy_posix::{close_fd, with_fd};
use rpy_vm::{ModuleDef, OptArg, PyRef, PyResult, Value, Vm};
use rustix::net::{AddressFamily, Protocol, SocketFlags, SocketType};

use crate::constants::CONSTANTS;
use crate::errors::{classes, errno_error};
use crate::socket_type::{wrap, Socket};
use crate::{inet, netdb, timeouts};

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected
/// sockets (no network is reached, so the sandbox allows it; asyncio's
/// event loop wakes itself through one).
fn socketpair(
    vm: &mut Vm,
    family: OptArg<i64>,
    kind: OptArg<i64>,
    proto: OptArg<i64>,
) -> PyResult<Value> {
    let family = family.unwrap_or(1);
    let kind = kind.unwrap_or(1);
    let proto = proto.unwrap_or(0);
    let fam = u16::try_from(family).map_err(|_| vm.overflow_error("family out of range"))?;
    let k = u32::try_from(kind).map_err(|_| vm.overflow_error("type out of range"))?;
    let p = u32::try_from(proto)
        .ok()
        .and_then(std::num::NonZeroU32::new)
        .map(Protocol::from_raw);
    let (a, b) = rustix::net::socketpair(
        AddressFamily::from_raw(fam),
        SocketType::from_raw(k),
        SocketFlags::CLOEXEC,
        p,
    )
    .map_err(|e| errno_error(vm, e))?;
    let (f, k, p) = (family as i32, kind as i32, proto as i32);
    let a = wrap(vm, a, f, k, p)?;
    let b = wrap(vm, b, f, k, p)?;
    Ok(vm.new_tuple(vec![a, b]))
}

/// `dup(fd)`: a new descriptor for the same socket, in the table.
fn dup(vm: &mut Vm, fd: i64) -> PyResult<i64> {
    let owned = with_fd(vm, fd, |b| rustix::io::fcntl_dupfd_cloexec(b, 3))?;
    Ok(i64::from(rpy_posix::adopt_fd(vm, owned)))
}

/// `close(fd)`.
fn close(vm: &mut Vm, fd: i64) -> PyResult<()> {
    let n = i32::try_from(fd).map_err(|_| vm.overflow_error("fd out of range"))?;
    close_fd(vm, n).map_err(|e| vm.io_error(&e, &[]))
}

/// Makes the module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_socket");
    m.class::<Socket>();
    let sock_type = vm.native_type::<Socket>();
    m.value("SocketType", Value::Obj(sock_type));
    m.function("socketpair", socketpair);
    m.function("dup", dup);
    m.function("close", close);
    m.function("getaddrinfo", netdb::getaddrinfo)
        .params(&["host", "port", "family", "type", "proto", "flags"]);
    m.function("gethostname", netdb::gethostname);
    m.function("gethostbyname", netdb::gethostbyname);
    m.function("gethostbyname_ex", netdb::gethostbyname_ex);
    m.function("gethostbyaddr", netdb::gethostbyaddr);
    m.function("getnameinfo", netdb::getnameinfo);
    m.function("getservbyname", netdb::getservbyname);
    m.function("getservbyport", netdb::getservbyport);
    m.function("getprotobyname", netdb::getprotobyname);
    m.function("inet_aton", inet::inet_aton);
    m.function("inet_ntoa", inet::inet_ntoa);
    m.function("inet_pton", inet::inet_pton);
    m.function("inet_ntop", inet::inet_ntop);
    m.function("htons", inet::htons);
    m.function("ntohs", inet::ntohs);
    m.function("htonl", inet::htonl);
    m.function("ntohl", inet::ntohl);
    m.function("getdefaulttimeout", timeouts::getdefaulttimeout);
    m.function("setdefaulttimeout", timeouts::setdefaulttimeout);
    m.value("has_ipv6", true);
    m.value("error", Value::Obj(vm.exc.os_error.clone()));
    m.value("timeout", Value::Obj(vm.exc.timeout_error.clone()));
    let (gaierror, herror) = classes(vm)?;
    m.value("gaierror", Value::Obj(gaierror));
    m.value("herror", Value::Obj(herror));
    for &(name, v) in CONSTANTS {
        m.value(name, v);
    }
    m.build(vm)
}
