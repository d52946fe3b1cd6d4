//! Name resolution: `getaddrinfo`, `gethostbyname(_ex)`,
//! `gethostbyaddr`, `getnameinfo`, `gethostname` and the service and
//! protocol tables. Host names go through the system resolver (std's
//! `ToSocketAddrs`, i.e. `getaddrinfo(3)`); services come from
//! /etc/services; everything that may reach the network needs the
//! sandbox's network capability.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use rpy_vm::{Capability, OptArg, PyResult, Value, Vm};
use rustix::net::AddressFamily;

use crate::address::ipv6_text;
use crate::errors::{gai_code, gaierror, herror};

const AF_UNSPEC: i64 = 0;
const AF_INET: i64 = 2;
const AF_INET6: i64 = 10;
const SOCK_STREAM: i64 = 1;
const SOCK_DGRAM: i64 = 2;
const SOCK_RAW: i64 = 3;
const AI_PASSIVE: i64 = 1;
const AI_CANONNAME: i64 = 2;
const AI_NUMERICHOST: i64 = 4;
const AI_NUMERICSERV: i64 = 0x400;

/// One address of a resolved host.
pub enum Resolved {
    V4(Ipv4Addr),
    V6(Ipv6Addr),
}

/// Every address of `host` (numeric or a name), in the resolver's order.
fn lookup(vm: &mut Vm, host: &str) -> PyResult<Vec<IpAddr>> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    vm.require(Capability::Network, "socket name resolution")?;
    match (host, 0u16).to_socket_addrs() {
        Ok(it) => {
            let mut out: Vec<IpAddr> = Vec::new();
            for a in it {
                if !out.contains(&a.ip()) {
                    out.push(a.ip());
                }
            }
            Ok(out)
        }
        Err(e) => Err(gaierror(vm, gai_code(&e.to_string()))),
    }
}

/// The first address of `host` in `family` (AF_INET or AF_INET6).
pub fn resolve(vm: &mut Vm, host: &str, _port: u16, family: AddressFamily) -> PyResult<Resolved> {
    let all = lookup(vm, host)?;
    let want_v4 = family == AddressFamily::INET;
    for ip in &all {
        match ip {
            IpAddr::V4(a) if want_v4 => return Ok(Resolved::V4(*a)),
            IpAddr::V6(a) if !want_v4 => return Ok(Resolved::V6(*a)),
            _ => {}
        }
    }
    if !want_v4 {
        if let Some(IpAddr::V4(a)) = all.first() {
            return Ok(Resolved::V4(*a));
        }
    }
    Err(gaierror(vm, -9))
}

/// The `(name, port, protocol)` lines of /etc/services.
fn services() -> Vec<(String, Vec<String>, u16, String)> {
    let Ok(text) = std::fs::read_to_string("/etc/services") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let (Some(name), Some(pp)) = (words.next(), words.next()) else {
            continue;
        };
        let Some((port, proto)) = pp.split_once('/') else {
            continue;
        };
        let Ok(port) = port.parse::<u16>() else {
            continue;
        };
        let aliases = words.map(str::to_owned).collect();
        out.push((name.to_owned(), aliases, port, proto.to_owned()));
    }
    out
}

/// The port and protocols of service `name` (`proto` filters).
fn service_port(name: &str, proto: Option<&str>) -> Option<(u16, Vec<String>)> {
    let mut port = None;
    let mut protos = Vec::new();
    for (n, aliases, p, pr) in services() {
        if (n == name || aliases.iter().any(|a| a == name)) && proto.is_none_or(|w| w == pr) {
            if port.is_none() {
                port = Some(p);
            }
            if port == Some(p) {
                protos.push(pr);
            }
        }
    }
    port.map(|p| (p, protos))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
#[allow(clippy::too_many_arguments)]
pub fn getaddrinfo(
    vm: &mut Vm,
    host: Value,
    port: Value,
    family: OptArg<i64>,
    kind: OptArg<i64>,
    proto: OptArg<i64>,
    flags: OptArg<i64>,
) -> PyResult<Value> {
    let family = family.unwrap_or(0);
    let kind = kind.unwrap_or(0);
    let proto = proto.unwrap_or(0);
    let flags = flags.unwrap_or(0);
    let host: Option<String> = if host.is_none() {
        None
    } else if let Some(s) = host.as_str() {
        Some(s.to_owned())
    } else if let Some(b) = vm.buffer(&host)? {
        Some(String::from_utf8_lossy(&b.bytes).into_owned())
    } else {
        return Err(vm.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    // The port, and the protocols a named service is known for.
    let mut service_protos: Option<Vec<String>> = None;
    let port: u16 = if port.is_none() {
        0
    } else if vm.is_index(&port) {
        let n = vm.to_i64(&port)?;
        u16::try_from(n).map_err(|_| vm.overflow_error("getaddrinfo(): port must be 0-65535."))?
    } else if let Some(s) = port.as_str().map(str::to_owned).or_else(|| {
        vm.buffer(&port)
            .ok()
            .flatten()
            .map(|b| String::from_utf8_lossy(&b.bytes).into_owned())
    }) {
        match s.parse::<u16>() {
            Ok(p) => p,
            Err(_) if flags & AI_NUMERICSERV != 0 => return Err(gaierror(vm, -8)),
            Err(_) => match service_port(&s, None) {
                Some((p, protos)) => {
                    service_protos = Some(protos);
                    p
                }
                None => return Err(gaierror(vm, -8)),
            },
        }
    } else {
        return Err(vm.os_error("Int or String expected"));
    };
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return Err(gaierror(vm, -6));
    }
    if ![0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW].contains(&kind) {
        return Err(gaierror(vm, -7));
    }
    let ips: Vec<IpAddr> = match &host {
        None => {
            let passive = flags & AI_PASSIVE != 0;
            if passive {
                vec![Ipv4Addr::UNSPECIFIED.into(), Ipv6Addr::UNSPECIFIED.into()]
            } else {
                vec![Ipv6Addr::LOCALHOST.into(), Ipv4Addr::LOCALHOST.into()]
            }
        }
        Some(h) => {
            if flags & AI_NUMERICHOST != 0 && h.parse::<IpAddr>().is_err() {
                return Err(gaierror(vm, -2));
            }
            lookup(vm, h)?
        }
    };
    let ips: Vec<IpAddr> = ips
        .into_iter()
        .filter(|ip| match family {
            AF_INET => ip.is_ipv4(),
            AF_INET6 => ip.is_ipv6(),
            _ => true,
        })
        .collect();
    if ips.is_empty() {
        return Err(gaierror(vm, if host.is_some() { -9 } else { -2 }));
    }
    // The (type, proto) pairs each address is reported with.
    let mut kinds: Vec<(i64, i64)> = Vec::new();
    for (k, p, name) in [
        (SOCK_STREAM, 6, "tcp"),
        (SOCK_DGRAM, 17, "udp"),
        (SOCK_RAW, 0, ""),
    ] {
        if kind != 0 && kind != k {
            continue;
        }
        if let Some(protos) = &service_protos {
            if !protos.iter().any(|x| x == name) {
                continue;
            }
        }
        if proto != 0 && kind == 0 && proto != p {
            continue;
        }
        kinds.push((k, if proto != 0 { proto } else { p }));
    }
    if kinds.is_empty() {
        return Err(gaierror(vm, -8));
    }
    let canon = if flags & AI_CANONNAME != 0 {
        host.clone().unwrap_or_default()
    } else {
        String::new()
    };
    let mut out = Vec::new();
    for (i, ip) in ips.iter().enumerate() {
        for &(k, p) in &kinds {
            let fam = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
            let sa = sockaddr_value(vm, SocketAddr::new(*ip, port));
            let name = vm.str_val(if i == 0 { canon.clone() } else { String::new() });
            out.push(vm.new_tuple(vec![
                Value::Int(fam),
                Value::Int(k),
                Value::Int(p),
                name,
                sa,
            ]));
        }
    }
    Ok(vm.new_list(out))
}

/// `(host, port)` or `(host, port, flowinfo, scope_id)`.
fn sockaddr_value(vm: &mut Vm, a: SocketAddr) -> Value {
    match a {
        SocketAddr::V4(v4) => {
            let h = vm.str_val(v4.ip().to_string());
            vm.new_tuple(vec![h, Value::Int(i64::from(v4.port()))])
        }
        SocketAddr::V6(v6) => {
            let h = vm.str_val(ipv6_text(v6.ip(), v6.scope_id()));
            vm.new_tuple(vec![
                h,
                Value::Int(i64::from(v6.port())),
                Value::Int(i64::from(v6.flowinfo())),
                Value::Int(i64::from(v6.scope_id())),
            ])
        }
    }
}

/// The host name argument of the gethostby* functions.
fn name_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_owned());
    }
    if let Some(b) = vm.buffer(v)? {
        return Ok(String::from_utf8_lossy(&b.bytes).into_owned());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "{caller}() argument 1 must be str, bytes or bytearray, not {t}"
    )))
}

/// `gethostbyname(name)`: the first IPv4 address.
pub fn gethostbyname(vm: &mut Vm, name: Value) -> PyResult<String> {
    let name = name_arg(vm, &name, "gethostbyname")?;
    if name.is_empty() {
        return Ok("0.0.0.0".to_owned());
    }
    for ip in lookup(vm, &name)? {
        if let IpAddr::V4(a) = ip {
            return Ok(a.to_string());
        }
    }
    Err(gaierror(vm, -9))
}

/// The names /etc/hosts gives address `ip`: (first, aliases).
fn hosts_names(ip: &IpAddr) -> Option<(String, Vec<String>)> {
    let text = std::fs::read_to_string("/etc/hosts").ok()?;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let Some(addr) = words.next().and_then(|a| a.parse::<IpAddr>().ok()) else {
            continue;
        };
        if addr == *ip {
            let name = words.next()?.to_owned();
            return Some((name, words.map(str::to_owned).collect()));
        }
    }
    None
}

/// `gethostbyname_ex(name)`: `(name, aliases, IPv4 addresses)`.
pub fn gethostbyname_ex(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let name = name_arg(vm, &name, "gethostbyname_ex")?;
    let ips = lookup(vm, &name)?;
    let v4: Vec<String> = ips
        .iter()
        .filter(|i| i.is_ipv4())
        .map(ToString::to_string)
        .collect();
    if v4.is_empty() {
        return Err(gaierror(vm, -9));
    }
    let canon = ips
        .first()
        .and_then(hosts_names)
        .map_or(name.clone(), |(n, _)| n);
    host_entry(vm, canon, Vec::new(), v4)
}

fn host_entry(
    vm: &mut Vm,
    name: String,
    aliases: Vec<String>,
    addrs: Vec<String>,
) -> PyResult<Value> {
    let n = vm.str_val(name);
    let a: Vec<Value> = aliases.into_iter().map(|s| vm.str_val(s)).collect();
    let al = vm.new_list(a);
    let ad: Vec<Value> = addrs.into_iter().map(|s| vm.str_val(s)).collect();
    let adl = vm.new_list(ad);
    Ok(vm.new_tuple(vec![n, al, adl]))
}

/// `gethostbyaddr(ip)`: reverse lookup, from /etc/hosts (rpy has no
/// reverse DNS); `herror` when the address has no name there.
pub fn gethostbyaddr(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let name = name_arg(vm, &name, "gethostbyaddr")?;
    let ip = match lookup(vm, &name)?.first() {
        Some(ip) => *ip,
        None => return Err(gaierror(vm, -2)),
    };
    match hosts_names(&ip) {
        Some((n, aliases)) => host_entry(vm, n, aliases, vec![ip.to_string()]),
        None => Err(herror(vm, 1, "Unknown host")),
    }
}

/// `getnameinfo((host, port), flags)`: the host's name (from /etc/hosts,
/// else the numeric address) and the port's service name.
pub fn getnameinfo(vm: &mut Vm, sockaddr: Value, flags: i64) -> PyResult<Value> {
    let Some(items) = sockaddr.as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    if items.len() < 2 || items.len() > 4 {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = name_arg(vm, &items[0], "getnameinfo")?;
    let port = vm.to_i64(&items[1])?;
    let port = u16::try_from(port)
        .map_err(|_| vm.overflow_error("getnameinfo(): port must be 0-65535."))?;
    let ip = match lookup(vm, &host)?.first() {
        Some(ip) => *ip,
        None => return Err(gaierror(vm, -2)),
    };
    const NI_NUMERICHOST: i64 = 1;
    const NI_NUMERICSERV: i64 = 2;
    const NI_DGRAM: i64 = 16;
    let hostname = if flags & NI_NUMERICHOST != 0 {
        ip.to_string()
    } else {
        hosts_names(&ip).map_or_else(|| ip.to_string(), |(n, _)| n)
    };
    let proto = if flags & NI_DGRAM != 0 { "udp" } else { "tcp" };
    let serv = if flags & NI_NUMERICSERV != 0 {
        port.to_string()
    } else {
        services()
            .into_iter()
            .find(|(_, _, p, pr)| *p == port && pr == proto)
            .map_or_else(|| port.to_string(), |(n, ..)| n)
    };
    let h = vm.str_val(hostname);
    let s = vm.str_val(serv);
    Ok(vm.new_tuple(vec![h, s]))
}

/// `gethostname()`.
pub fn gethostname(vm: &mut Vm) -> PyResult<String> {
    vm.require(Capability::Network, "socket.gethostname")?;
    Ok(rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned())
}

/// `getservbyname(name, proto=None)`.
pub fn getservbyname(vm: &mut Vm, name: String, proto: OptArg<String>) -> PyResult<i64> {
    match service_port(&name, proto.0.as_deref()) {
        Some((p, _)) => Ok(i64::from(p)),
        None => Err(vm.os_error("service/proto not found")),
    }
}

/// `getservbyport(port, proto=None)`.
pub fn getservbyport(vm: &mut Vm, port: i64, proto: OptArg<String>) -> PyResult<String> {
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("getservbyport: port must be 0-65535."));
    };
    let found = services()
        .into_iter()
        .find(|(_, _, p, pr)| *p == port && proto.0.as_deref().is_none_or(|w| w == pr));
    match found {
        Some((n, ..)) => Ok(n),
        None => Err(vm.os_error("port/proto not found")),
    }
}

/// `getprotobyname(name)`: the common protocols' numbers.
pub fn getprotobyname(vm: &mut Vm, name: String) -> PyResult<i64> {
    match name.as_str() {
        "ip" => Ok(0),
        "icmp" => Ok(1),
        "tcp" => Ok(6),
        "udp" => Ok(17),
        "ipv6" => Ok(41),
        "icmpv6" | "ipv6-icmp" => Ok(58),
        "raw" => Ok(255),
        _ => Err(vm.os_error("protocol not found")),
    }
}
