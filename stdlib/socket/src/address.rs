//! Socket addresses between Python and the kernel: `(host, port)` for
//! AF_INET, `(host, port, flowinfo, scope_id)` for AF_INET6, a path (str
//! or bytes; a leading NUL names the abstract namespace) for AF_UNIX, as
//! CPython's `_socket` reads and returns them. Host names are resolved
//! with the system resolver (`netdb::resolve`).

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

use rpy_vm::{PyResult, Value, Vm};
use rustix::net::{AddressFamily, SocketAddrAny, SocketAddrUnix};

use crate::errors::errno_error;
use crate::netdb::{resolve, Resolved};

/// The host part of an AF_INET address: '' is any address, '<broadcast>'
/// the broadcast one, else a numeric address or a name to resolve.
fn ipv4_host(vm: &mut Vm, host: &str) -> PyResult<Ipv4Addr> {
    match host {
        "" => Ok(Ipv4Addr::UNSPECIFIED),
        "<broadcast>" => Ok(Ipv4Addr::BROADCAST),
        _ => match host.parse::<Ipv4Addr>() {
            Ok(a) => Ok(a),
            Err(_) => match resolve(vm, host, 0, AddressFamily::INET)? {
                Resolved::V4(a) => Ok(a),
                Resolved::V6(_) => Err(crate::errors::gaierror(vm, -9)),
            },
        },
    }
}

fn ipv6_host(vm: &mut Vm, host: &str) -> PyResult<Ipv6Addr> {
    if host.is_empty() {
        return Ok(Ipv6Addr::UNSPECIFIED);
    }
    match host.parse::<Ipv6Addr>() {
        Ok(a) => Ok(a),
        Err(_) => match resolve(vm, host, 0, AddressFamily::INET6)? {
            Resolved::V6(a) => Ok(a),
            Resolved::V4(a) => Ok(a.to_ipv6_mapped()),
        },
    }
}

/// A host argument: str (IDNA is not needed for ASCII names) or bytes.
fn host_str(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_owned());
    }
    if let Some(b) = vm.buffer(v)? {
        return String::from_utf8(b.bytes).map_err(|_| vm.type_error("host name must be ASCII"));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "{caller}(): str, bytes or bytearray expected, not {t}"
    )))
}

/// A port: an int in 0..=65535.
fn port_of(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = vm.to_i64(v).unwrap_or(-1);
    u16::try_from(n).map_err(|_| vm.overflow_error(format!("{caller}(): port must be 0-65535.")))
}

/// The kernel address for Python address `v` of family `family`;
/// `caller` names the method in messages ("bind", "connect"...).
pub fn parse_address(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SocketAddrAny> {
    match family {
        f if f == i32::from(AddressFamily::UNIX.as_raw()) => {
            let path: Vec<u8> = match v.as_str() {
                Some(s) => s.as_bytes().to_vec(),
                None => match vm.buffer(v)? {
                    Some(b) => b.bytes,
                    None => {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(format!(
                            "{caller}(): AF_UNIX address must be str or bytes, not {t}"
                        )));
                    }
                },
            };
            let addr = match path.split_first() {
                Some((0, name)) => SocketAddrUnix::new_abstract_name(name),
                Some(_) => SocketAddrUnix::new(path.as_slice()),
                None => Ok(SocketAddrUnix::new_unnamed()),
            };
            match addr {
                Ok(a) => Ok(a.into()),
                Err(rustix::io::Errno::NAMETOOLONG | rustix::io::Errno::INVAL) => {
                    Err(vm.os_error("AF_UNIX path too long"))
                }
                Err(e) => Err(errno_error(vm, e)),
            }
        }
        f if f == i32::from(AddressFamily::INET.as_raw())
            || f == i32::from(AddressFamily::INET6.as_raw()) =>
        {
            let v4 = f == i32::from(AddressFamily::INET.as_raw());
            let fam = if v4 { "AF_INET" } else { "AF_INET6" };
            let Some(items) = v.as_tuple().map(|t| t.to_vec()) else {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(format!("{caller}(): {fam} address must be tuple, not {t}"))
                );
            };
            let ok_len = if v4 {
                items.len() == 2
            } else {
                (2..=4).contains(&items.len())
            };
            if !ok_len {
                return Err(vm.type_error(if v4 {
                    "AF_INET address must be a pair (host, port)".to_owned()
                } else {
                    format!(
                        "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]]), not {}",
                        vm.type_name(v)
                    )
                }));
            }
            let host = host_str(vm, &items[0], caller)?;
            let port = port_of(vm, &items[1], caller)?;
            if v4 {
                let ip = ipv4_host(vm, &host)?;
                Ok(SocketAddrV4::new(ip, port).into())
            } else {
                let flow = match items.get(2) {
                    Some(x) => u32::try_from(vm.to_i64(x)?).map_err(|_| {
                        vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                    })?,
                    None => 0,
                };
                if flow > 0xfffff {
                    return Err(
                        vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                    );
                }
                let scope = match items.get(3) {
                    Some(x) => u32::try_from(vm.to_i64(x)?)
                        .map_err(|_| vm.overflow_error("scope_id out of range"))?,
                    None => 0,
                };
                let ip = ipv6_host(vm, &host)?;
                Ok(SocketAddrV6::new(ip, port, flow, scope).into())
            }
        }
        _ => Err(vm.os_error(format!("{caller}(): bad family"))),
    }
}

/// The Python value of a kernel address (`None` for a family rpy does not
/// decode).
pub fn address_value(vm: &mut Vm, a: &SocketAddrAny) -> Value {
    let fam = a.address_family();
    if fam == AddressFamily::INET {
        if let Ok(v4) = SocketAddrV4::try_from(a.clone()) {
            let host = vm.str_val(v4.ip().to_string());
            return vm.new_tuple(vec![host, Value::Int(i64::from(v4.port()))]);
        }
    } else if fam == AddressFamily::INET6 {
        if let Ok(v6) = SocketAddrV6::try_from(a.clone()) {
            let host = vm.str_val(ipv6_text(v6.ip(), v6.scope_id()));
            return vm.new_tuple(vec![
                host,
                Value::Int(i64::from(v6.port())),
                Value::Int(i64::from(v6.flowinfo())),
                Value::Int(i64::from(v6.scope_id())),
            ]);
        }
    } else if fam == AddressFamily::UNIX {
        if let Ok(u) = SocketAddrUnix::try_from(a.clone()) {
            if let Some(name) = u.abstract_name() {
                let mut b = vec![0u8];
                b.extend_from_slice(name);
                return vm.new_bytes(b);
            }
            if let Some(p) = u.path_bytes() {
                let s = String::from_utf8_lossy(p).into_owned();
                return vm.str_val(s);
            }
            return vm.str_val("");
        }
    }
    Value::None
}

/// An IPv6 address as text (`%scope` is added by getnameinfo in CPython
/// only for link-local names; the plain address otherwise).
pub fn ipv6_text(ip: &Ipv6Addr, _scope: u32) -> String {
    ip.to_string()
}
