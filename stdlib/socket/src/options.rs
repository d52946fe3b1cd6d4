//! `setsockopt`/`getsockopt` for the common options (rustix's typed
//! socket options): SOL_SOCKET's SO_REUSEADDR, SO_REUSEPORT,
//! SO_KEEPALIVE, SO_BROADCAST, SO_OOBINLINE, SO_SNDBUF, SO_RCVBUF,
//! SO_TYPE, SO_ERROR, SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN, SO_LINGER;
//! TCP_NODELAY and the keep-alive timings; IP_TTL, IP_TOS and the
//! multicast TTL/loop; IPV6_V6ONLY and the hop limits. Any other option
//! raises `OSError(ENOPROTOOPT)`, as a kernel without it would.

use std::os::fd::OwnedFd;
use std::time::Duration;

use rpy_vm::{PyResult, Value, Vm};
use rustix::io::Errno;
use rustix::net::sockopt as so;

use crate::errors::errno_error;

const SOL_SOCKET: i64 = 1;
const IPPROTO_IP: i64 = 0;
const IPPROTO_TCP: i64 = 6;
const IPPROTO_IPV6: i64 = 41;

/// An option's value as an int (a bytes value of 4 bytes, native order,
/// as C callers pass it, is accepted too).
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if vm.is_index(v) {
        return vm.to_i64(v);
    }
    if let Some(b) = vm.buffer(v)? {
        if let Ok(a) = <[u8; 4]>::try_from(b.bytes.as_slice()) {
            return Ok(i64::from(i32::from_ne_bytes(a)));
        }
        return Err(errno_error(vm, Errno::INVAL));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
}

fn u32_of(vm: &mut Vm, n: i64) -> PyResult<u32> {
    u32::try_from(n).map_err(|_| errno_error(vm, Errno::INVAL))
}

/// `setsockopt(level, option, value[, optlen])`.
pub fn set(
    vm: &mut Vm,
    fd: &OwnedFd,
    level: i64,
    opt: i64,
    value: &Value,
    optlen: Option<i64>,
) -> PyResult<()> {
    if optlen.is_some() && !value.is_none() {
        return Err(vm.type_error("setsockopt() takes 3 or 4 arguments with optlen only for None"));
    }
    if level == SOL_SOCKET && opt == 13 {
        // SO_LINGER: struct linger { int onoff; int secs; } as bytes.
        let b = vm.buffer(value)?.map(|b| b.bytes).unwrap_or_default();
        if b.len() != 8 {
            return Err(errno_error(vm, Errno::INVAL));
        }
        let on = i32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        let secs = i32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
        let v = (on != 0).then(|| Duration::from_secs(u64::try_from(secs).unwrap_or(0)));
        return so::set_socket_linger(fd, v).map_err(|e| errno_error(vm, e));
    }
    let n = int_value(vm, value)?;
    let on = n != 0;
    let r = match (level, opt) {
        (SOL_SOCKET, 2) => so::set_socket_reuseaddr(fd, on),
        (SOL_SOCKET, 15) => so::set_socket_reuseport(fd, on),
        (SOL_SOCKET, 9) => so::set_socket_keepalive(fd, on),
        (SOL_SOCKET, 6) => so::set_socket_broadcast(fd, on),
        (SOL_SOCKET, 10) => so::set_socket_oobinline(fd, on),
        (SOL_SOCKET, 7) => so::set_socket_send_buffer_size(fd, u32_of(vm, n)? as usize),
        (SOL_SOCKET, 8) => so::set_socket_recv_buffer_size(fd, u32_of(vm, n)? as usize),
        (IPPROTO_TCP, 1) => so::set_tcp_nodelay(fd, on),
        (IPPROTO_TCP, 4) => {
            so::set_tcp_keepidle(fd, Duration::from_secs(u64::from(u32_of(vm, n)?)))
        }
        (IPPROTO_TCP, 5) => {
            so::set_tcp_keepintvl(fd, Duration::from_secs(u64::from(u32_of(vm, n)?)))
        }
        (IPPROTO_TCP, 6) => so::set_tcp_keepcnt(fd, u32_of(vm, n)?),
        (IPPROTO_IP, 2) => so::set_ip_ttl(fd, u32_of(vm, n)?),
        (IPPROTO_IP, 1) => so::set_ip_tos(fd, u8::try_from(n).unwrap_or(0)),
        (IPPROTO_IP, 33) => so::set_ip_multicast_ttl(fd, u32_of(vm, n)?),
        (IPPROTO_IP, 34) => so::set_ip_multicast_loop(fd, on),
        (IPPROTO_IPV6, 26) => so::set_ipv6_v6only(fd, on),
        (IPPROTO_IPV6, 16) => so::set_ipv6_unicast_hops(fd, u8::try_from(n).ok()),
        (IPPROTO_IPV6, 18) => so::set_ipv6_multicast_hops(fd, u32_of(vm, n)?),
        _ => Err(Errno::NOPROTOOPT),
    };
    r.map_err(|e| errno_error(vm, e))
}

/// `getsockopt(level, option[, buflen])`: an int, or bytes when `buflen`
/// is given.
pub fn get(
    vm: &mut Vm,
    fd: &OwnedFd,
    level: i64,
    opt: i64,
    buflen: Option<i64>,
) -> PyResult<Value> {
    let b = |x: bool| i64::from(x);
    let r: rustix::io::Result<i64> = match (level, opt) {
        (SOL_SOCKET, 2) => so::socket_reuseaddr(fd).map(b),
        (SOL_SOCKET, 15) => so::socket_reuseport(fd).map(b),
        (SOL_SOCKET, 9) => so::socket_keepalive(fd).map(b),
        (SOL_SOCKET, 6) => so::socket_broadcast(fd).map(b),
        (SOL_SOCKET, 10) => so::socket_oobinline(fd).map(b),
        (SOL_SOCKET, 30) => so::socket_acceptconn(fd).map(b),
        (SOL_SOCKET, 7) => so::socket_send_buffer_size(fd).map(|n| n as i64),
        (SOL_SOCKET, 8) => so::socket_recv_buffer_size(fd).map(|n| n as i64),
        (SOL_SOCKET, 3) => so::socket_type(fd).map(|t| i64::from(t.as_raw())),
        (SOL_SOCKET, 39) => so::socket_domain(fd).map(|d| i64::from(d.as_raw())),
        (SOL_SOCKET, 38) => {
            so::socket_protocol(fd).map(|p| p.map_or(0, |p| i64::from(p.as_raw().get())))
        }
        (SOL_SOCKET, 4) => so::socket_error(fd).map(|r| match r {
            Ok(()) => 0,
            Err(e) => i64::from(e.raw_os_error()),
        }),
        (SOL_SOCKET, 13) => {
            let l = so::socket_linger(fd).map_err(|e| errno_error(vm, e))?;
            let (on, secs) = match l {
                Some(d) => (1i32, i32::try_from(d.as_secs()).unwrap_or(i32::MAX)),
                None => (0, 0),
            };
            let mut out = on.to_ne_bytes().to_vec();
            out.extend_from_slice(&secs.to_ne_bytes());
            return Ok(vm.new_bytes(out));
        }
        (IPPROTO_TCP, 1) => so::tcp_nodelay(fd).map(b),
        (IPPROTO_TCP, 4) => so::tcp_keepidle(fd).map(|d| d.as_secs() as i64),
        (IPPROTO_TCP, 5) => so::tcp_keepintvl(fd).map(|d| d.as_secs() as i64),
        (IPPROTO_TCP, 6) => so::tcp_keepcnt(fd).map(i64::from),
        (IPPROTO_IP, 2) => so::ip_ttl(fd).map(i64::from),
        (IPPROTO_IP, 1) => so::ip_tos(fd).map(i64::from),
        (IPPROTO_IP, 33) => so::ip_multicast_ttl(fd).map(i64::from),
        (IPPROTO_IP, 34) => so::ip_multicast_loop(fd).map(b),
        (IPPROTO_IPV6, 26) => so::ipv6_v6only(fd).map(b),
        (IPPROTO_IPV6, 16) => so::ipv6_unicast_hops(fd).map(i64::from),
        (IPPROTO_IPV6, 18) => so::ipv6_multicast_hops(fd).map(i64::from),
        _ => Err(Errno::NOPROTOOPT),
    };
    let n = r.map_err(|e| errno_error(vm, e))?;
    match buflen {
        None => Ok(Value::Int(n)),
        Some(len) => {
            if !(0..=1024).contains(&len) {
                return Err(vm.os_error("getsockopt buflen out of range"));
            }
            let mut out = (n as i32).to_ne_bytes().to_vec();
            out.resize(len as usize, 0);
            Ok(vm.new_bytes(out))
        }
    }
}
