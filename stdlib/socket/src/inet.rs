//! Address text and byte order: `inet_aton`/`inet_ntoa`,
//! `inet_pton`/`inet_ntop`, `htons`/`ntohs`/`htonl`/`ntohl`.

use std::net::{Ipv4Addr, Ipv6Addr};

use rpy_vm::{BytesLike, PyResult, Value, Vm};

const AF_INET: i64 = 2;
const AF_INET6: i64 = 10;

/// One part of a classic dotted address: decimal, 0x hex or 0 octal.
fn part(s: &str) -> Option<u32> {
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        if h.is_empty() {
            return Some(0);
        }
        return u32::from_str_radix(h, 16).ok();
    }
    if s.len() > 1 && s.starts_with('0') {
        return u32::from_str_radix(&s[1..], 8).ok();
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `inet_aton`'s reading: `a`, `a.b`, `a.b.c` or `a.b.c.d`, the last
/// part filling the remaining bytes.
fn aton(s: &str) -> Option<u32> {
    let s = s.split([' ', '\t', '\n']).next().unwrap_or("");
    let parts: Vec<u32> = s.split('.').map(part).collect::<Option<Vec<_>>>()?;
    let (last, head) = parts.split_last()?;
    if head.len() > 3 || head.iter().any(|&p| p > 255) {
        return None;
    }
    let bits = 8 * (4 - head.len() as u32);
    if bits < 32 && *last >= (1u32 << bits) {
        return None;
    }
    let mut v = 0u32;
    for (i, &p) in head.iter().enumerate() {
        v |= p << (24 - 8 * i as u32);
    }
    Some(v | last)
}

pub fn inet_aton(vm: &mut Vm, s: String) -> PyResult<Value> {
    match aton(&s) {
        Some(v) => Ok(vm.new_bytes(v.to_be_bytes().to_vec())),
        None => Err(vm.os_error("illegal IP address string passed to inet_aton")),
    }
}

pub fn inet_ntoa(vm: &mut Vm, b: BytesLike) -> PyResult<String> {
    match <[u8; 4]>::try_from(b.0.as_slice()) {
        Ok(a) => Ok(Ipv4Addr::from(a).to_string()),
        Err(_) => Err(vm.os_error("packed IP wrong length for inet_ntoa")),
    }
}

pub fn inet_pton(vm: &mut Vm, af: i64, s: String) -> PyResult<Value> {
    let bytes = match af {
        AF_INET => s.parse::<Ipv4Addr>().ok().map(|a| a.octets().to_vec()),
        AF_INET6 => s.parse::<Ipv6Addr>().ok().map(|a| a.octets().to_vec()),
        _ => {
            return Err(vm.io_error(
                &std::io::Error::from_raw_os_error(rustix::io::Errno::AFNOSUPPORT.raw_os_error()),
                &[],
            ))
        }
    };
    match bytes {
        Some(b) => Ok(vm.new_bytes(b)),
        None => Err(vm.os_error("illegal IP address string passed to inet_pton")),
    }
}

pub fn inet_ntop(vm: &mut Vm, af: i64, b: BytesLike) -> PyResult<String> {
    match af {
        AF_INET => match <[u8; 4]>::try_from(b.0.as_slice()) {
            Ok(a) => Ok(Ipv4Addr::from(a).to_string()),
            Err(_) => Err(vm.value_error("invalid length of packed IP address string")),
        },
        AF_INET6 => match <[u8; 16]>::try_from(b.0.as_slice()) {
            Ok(a) => Ok(Ipv6Addr::from(a).to_string()),
            Err(_) => Err(vm.value_error("invalid length of packed IP address string")),
        },
        _ => Err(vm.value_error(format!("unknown address family {af}"))),
    }
}

/// A 16-bit argument of `htons`/`ntohs`.
fn u16_arg(vm: &mut Vm, x: &Value, name: &str) -> PyResult<u16> {
    if !vm.is_index(x) {
        let t = vm.type_name(x);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = vm.to_i64(x).map_err(|_| {
        vm.overflow_error(format!(
            "{name}: Python int too large to convert to C 16-bit unsigned integer"
        ))
    })?;
    if n < 0 {
        return Err(vm.overflow_error(format!(
            "{name}: can't convert negative Python int to C 16-bit unsigned integer"
        )));
    }
    u16::try_from(n).map_err(|_| {
        vm.overflow_error(format!(
            "{name}: Python int too large to convert to C 16-bit unsigned integer"
        ))
    })
}

fn u32_arg(vm: &mut Vm, x: &Value) -> PyResult<u32> {
    if !vm.is_index(x) {
        let t = vm.type_name(x);
        return Err(vm.type_error(format!("expected int, {t} found")));
    }
    let n = vm
        .to_i64(x)
        .map_err(|_| vm.overflow_error("int larger than 32 bits"))?;
    if n < 0 {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    u32::try_from(n).map_err(|_| vm.overflow_error("int larger than 32 bits"))
}

pub fn htons(vm: &mut Vm, x: Value) -> PyResult<i64> {
    Ok(i64::from(u16_arg(vm, &x, "htons")?.to_be()))
}

pub fn ntohs(vm: &mut Vm, x: Value) -> PyResult<i64> {
    Ok(i64::from(u16::from_be(u16_arg(vm, &x, "ntohs")?)))
}

pub fn htonl(vm: &mut Vm, x: Value) -> PyResult<i64> {
    Ok(i64::from(u32_arg(vm, &x)?.to_be()))
}

pub fn ntohl(vm: &mut Vm, x: Value) -> PyResult<i64> {
    Ok(i64::from(u32::from_be(u32_arg(vm, &x)?)))
}
