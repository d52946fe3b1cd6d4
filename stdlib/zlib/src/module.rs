//! The `zlib` module object: one-shot `compress`/`decompress`, the
//! stream constructors `compressobj`/`decompressobj`, the checksums, the
//! constants and `zlib.error`, with CPython's argument handling and
//! messages.

use rpy_vm::{BinaryOperator, BytesLike, ModuleDef, OptArg, PyRef, PyResult, Value, Vm};

use crate::checksum::{adler32, crc32};
use crate::deflater::{Deflater, Flush};
use crate::error::{raise, set_error_class, zlib_error, Fail};
use crate::inflater::Inflater;
use crate::input::data as data_arg;
use crate::objects::{Compress, Decompress};
use crate::wrapper::{for_deflate, for_inflate, Container};

const DEF_BUF_SIZE: i64 = 16384;
const MAX_WBITS: i32 = 15;
const DEFLATED: i32 = 8;
const DEF_MEM_LEVEL: i32 = 8;
/// The zlib release whose behaviour this module follows (CPython 3.11's).
const ZLIB_VERSION: &str = "1.2.13";

const CONSTANTS: [(&str, i64); 20] = [
    ("DEFLATED", 8),
    ("DEF_BUF_SIZE", DEF_BUF_SIZE),
    ("DEF_MEM_LEVEL", 8),
    ("MAX_WBITS", 15),
    ("Z_BEST_COMPRESSION", 9),
    ("Z_BEST_SPEED", 1),
    ("Z_BLOCK", 5),
    ("Z_DEFAULT_COMPRESSION", -1),
    ("Z_DEFAULT_STRATEGY", 0),
    ("Z_FILTERED", 1),
    ("Z_FINISH", 4),
    ("Z_FIXED", 4),
    ("Z_FULL_FLUSH", 3),
    ("Z_HUFFMAN_ONLY", 2),
    ("Z_NO_COMPRESSION", 0),
    ("Z_NO_FLUSH", 0),
    ("Z_PARTIAL_FLUSH", 1),
    ("Z_RLE", 3),
    ("Z_SYNC_FLUSH", 2),
    ("Z_TREES", 6),
];

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("zlib");
    m.function("compress", compress)
        .params(&["data", "/", "level", "wbits"]);
    m.function("decompress", decompress)
        .params(&["data", "/", "wbits", "bufsize"]);
    m.function("compressobj", compressobj)
        .params(&["level", "method", "wbits", "memLevel", "strategy", "zdict"]);
    m.function("decompressobj", decompressobj)
        .params(&["wbits", "zdict"]);
    m.function("crc32", |vm: &mut Vm, data: Value, value: OptArg<Value>| {
        checksum(vm, &data, value.0.as_ref(), 0, crc32)
    });
    m.function(
        "adler32",
        |vm: &mut Vm, data: Value, value: OptArg<Value>| {
            checksum(vm, &data, value.0.as_ref(), 1, adler32)
        },
    );
    for (name, v) in CONSTANTS {
        m.value(name, v);
    }
    m.value("ZLIB_VERSION", ZLIB_VERSION);
    m.value("ZLIB_RUNTIME_VERSION", ZLIB_VERSION);
    let module = m.build(vm)?;
    let base = vm.exc.exception.clone();
    let error = vm.new_exception_type("zlib", "error", &base)?;
    vm.module_set(&module, "error", Value::Obj(error.clone()));
    set_error_class(vm, error);
    Ok(module)
}

/// `crc32(data, value=0, /)` and `adler32(data, value=1, /)`: the start
/// value is taken modulo 2**32.
fn checksum(
    vm: &mut Vm,
    data: &Value,
    value: Option<&Value>,
    default: u32,
    f: fn(u32, &[u8]) -> u32,
) -> PyResult<u32> {
    let bytes = data_arg(vm, data)?;
    let start = match value {
        None => default,
        Some(v) => masked_u32(vm, v)?,
    };
    Ok(f(start, &bytes))
}

/// An integer reduced modulo 2**32 (argument clinic's bitwise `unsigned
/// int`).
fn masked_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    // Truncation is the point: the value is taken modulo 2**32.
    match v {
        Value::Int(i) => return Ok(*i as u32),
        Value::Bool(b) => return Ok(u32::from(*b)),
        _ => {}
    }
    let i = vm.to_index(v)?;
    let i = vm.new_int(i);
    match vm.binary_op(&i, &Value::Int(0xFFFF_FFFF), BinaryOperator::And)? {
        Value::Int(m) => Ok(m as u32),
        _ => Err(vm.system_error("masked value is not a small int")),
    }
}

/// A compression level: -1 (the default, 6) or 0..=9.
fn level_of(level: i32) -> Option<u32> {
    match level {
        -1 => Some(6),
        0..=9 => u32::try_from(level).ok(),
        _ => None,
    }
}

/// `compress(data, /, level=-1, wbits=15)`.
fn compress(
    vm: &mut Vm,
    data: Value,
    level: OptArg<i32>,
    wbits: OptArg<i32>,
) -> PyResult<BytesLike> {
    let data = data_arg(vm, &data)?;
    let (Some(level), Some(format)) = (
        level_of(level.unwrap_or(-1)),
        for_deflate(wbits.unwrap_or(MAX_WBITS)),
    ) else {
        return Err(zlib_error(vm, "Bad compression level"));
    };
    vm.check_alloc(data.len())?;
    let mut d = Deflater::new(level, format, 0, None);
    let mut out = Vec::new();
    let r = d
        .compress(&data, &mut out)
        .and_then(|()| d.flush(Flush::Finish, &mut out));
    match r {
        Ok(()) => Ok(BytesLike(out)),
        Err(f) => Err(raise(vm, f, "while compressing data")),
    }
}

/// `decompress(data, /, wbits=15, bufsize=16384)`. `bufsize` is only
/// checked: the output grows as needed, within the memory limit.
fn decompress(
    vm: &mut Vm,
    data: Value,
    wbits: OptArg<i32>,
    bufsize: OptArg<isize>,
) -> PyResult<BytesLike> {
    let data = data_arg(vm, &data)?;
    if bufsize.unwrap_or(0) < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let Some(format) = for_inflate(wbits.unwrap_or(MAX_WBITS)) else {
        let f = Fail::Z(-2, "inconsistent stream state");
        return Err(raise(vm, f, "while preparing to decompress data"));
    };
    let mut inf = Inflater::new(format, None);
    let mut out = Vec::new();
    match inf.inflate(vm, &data, &mut out, None) {
        Ok(_) if inf.is_done() => Ok(BytesLike(out)),
        Ok(_) => {
            let f = Fail::Z(-5, "incomplete or truncated stream");
            Err(raise(vm, f, "while decompressing data"))
        }
        Err(f) => Err(raise(vm, f, "while decompressing data")),
    }
}

/// `compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS,
/// memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)`.
/// `memLevel` is checked but not used (the encoder's memory is fixed).
fn compressobj(
    vm: &mut Vm,
    level: OptArg<i32>,
    method: OptArg<i32>,
    wbits: OptArg<i32>,
    mem_level: OptArg<i32>,
    strategy: OptArg<i32>,
    zdict: OptArg<Value>,
) -> PyResult<Value> {
    let zdict = match zdict.0 {
        Some(v) if !v.is_none() => Some(vm.bytes_like(&v)?),
        _ => None,
    };
    let level = level_of(level.unwrap_or(-1));
    let format = for_deflate(wbits.unwrap_or(MAX_WBITS));
    let strategy = strategy.unwrap_or(0);
    let valid = method.unwrap_or(DEFLATED) == DEFLATED
        && (1..=9).contains(&mem_level.unwrap_or(DEF_MEM_LEVEL))
        && (0..=4).contains(&strategy);
    let (Some(level), Some(format), true) = (level, format, valid) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    if zdict.is_some() && format.container == Container::Gzip {
        return Err(vm.value_error("Invalid dictionary"));
    }
    let def = Deflater::new(level, format, strategy, zdict.as_deref());
    Ok(vm.new_native_object(Compress { def }))
}

/// `decompressobj(wbits=MAX_WBITS, zdict=b'')`.
fn decompressobj(vm: &mut Vm, wbits: OptArg<i32>, zdict: OptArg<Value>) -> PyResult<Value> {
    let zdict = match zdict.0 {
        Some(v) => match vm.buffer(&v)? {
            Some(b) => Some(b.bytes),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
        None => None,
    };
    let Some(format) = for_inflate(wbits.unwrap_or(MAX_WBITS)) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    Ok(vm.new_native_object(Decompress::new(Inflater::new(format, zdict))))
}
