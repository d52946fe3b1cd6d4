//! The `binascii` module: CPython 3.11's functions with their signatures,
//! argument conversions and messages, on the core's codecs.

use std::rc::Rc;

use rpy_base64_core as core;
use rpy_vm::{Args, Params, PyRef, PyResult, Value, Vm};

use crate::arguments::{c_int, flag, hex_separator, masked_u32};
use crate::exceptions::{add_functions, Exceptions, ModuleFn};
use crate::input::{ascii_data, bytes_like};

/// `(data, /, *, KEYWORD)`: one positional-only argument and one flag.
fn data_and_keyword(name: &'static str, keyword: &'static str) -> Params<'static, 2> {
    Params {
        name,
        names: ["data", keyword],
        posonly: 1,
        maxpos: 1,
        minpos: 1,
    }
}

fn a2b_uu(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [data] = args.exact(vm, "binascii.a2b_uu")?;
    let input = ascii_data(vm, data)?;
    exc.bytes(vm, core::uu_decode(&input))
}

fn b2a_uu(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [data, backtick] = args.parse(vm, &data_and_keyword("b2a_uu", "backtick"))?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    let backtick = flag(vm, backtick, false)?;
    exc.bytes(vm, core::uu_encode(&input, backtick))
}

fn a2b_base64(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [data, strict] = args.parse(vm, &data_and_keyword("a2b_base64", "strict_mode"))?;
    let input = ascii_data(vm, data.unwrap_or(&Value::None))?;
    let opts = core::B64Decode {
        strict: flag(vm, strict, false)?,
        altchars: None,
    };
    exc.bytes(vm, core::base64_decode(&input, &opts))
}

fn b2a_base64(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let [data, newline] = args.parse(vm, &data_and_keyword("b2a_base64", "newline"))?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    let opts = core::B64Encode {
        newline: flag(vm, newline, true)?,
        altchars: None,
    };
    exc.bytes(vm, core::base64_encode(&input, &opts))
}

fn a2b_qp(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let params = Params {
        name: "a2b_qp",
        names: ["data", "header"],
        posonly: 0,
        maxpos: 2,
        minpos: 1,
    };
    let [data, header] = args.parse(vm, &params)?;
    let input = ascii_data(vm, data.unwrap_or(&Value::None))?;
    let header = flag(vm, header, false)?;
    exc.bytes(vm, core::qp_decode(&input, header))
}

fn b2a_qp(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    let params = Params {
        name: "b2a_qp",
        names: ["data", "quotetabs", "istext", "header"],
        posonly: 0,
        maxpos: 4,
        minpos: 1,
    };
    let [data, quotetabs, istext, header] = args.parse(vm, &params)?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    let opts = core::QpEncode {
        quotetabs: flag(vm, quotetabs, false)?,
        istext: flag(vm, istext, true)?,
        header: flag(vm, header, false)?,
    };
    exc.bytes(vm, core::qp_encode(&input, &opts))
}

/// `b2a_hex`/`hexlify(data, sep=<unrepresentable>, bytes_per_sep=1)`.
fn hex_encode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions, name: &str) -> PyResult<Value> {
    let params = Params {
        name,
        names: ["data", "sep", "bytes_per_sep"],
        posonly: 0,
        maxpos: 3,
        minpos: 1,
    };
    let [data, sep, per] = args.parse(vm, &params)?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    // Argument clinic converts `bytes_per_sep` before the body reads `sep`.
    let bytes_per_sep = match per {
        Some(p) => c_int(vm, p)?,
        None => 1,
    };
    let sep = match sep {
        Some(s) => Some(hex_separator(vm, s)?),
        None => None,
    };
    let opts = core::HexEncode { sep, bytes_per_sep };
    exc.bytes(vm, core::hex_encode(&input, &opts))
}

fn b2a_hex(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    hex_encode(vm, args, exc, "b2a_hex")
}

fn hexlify(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    hex_encode(vm, args, exc, "hexlify")
}

fn hex_decode(vm: &mut Vm, args: Args<'_>, exc: &Exceptions, name: &str) -> PyResult<Value> {
    let [data] = args.exact(vm, name)?;
    let input = ascii_data(vm, data)?;
    exc.bytes(vm, core::hex_decode(&input))
}

fn a2b_hex(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    hex_decode(vm, args, exc, "binascii.a2b_hex")
}

fn unhexlify(vm: &mut Vm, args: Args<'_>, exc: &Exceptions) -> PyResult<Value> {
    hex_decode(vm, args, exc, "binascii.unhexlify")
}

fn crc32(vm: &mut Vm, args: Args<'_>, _: &Exceptions) -> PyResult<Value> {
    args.no_kw(vm, "binascii.crc32")?;
    let [data, crc] = args.range::<2>(vm, "crc32", 1, false)?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    let start = match crc {
        Some(c) => masked_u32(vm, c)?,
        None => 0,
    };
    Ok(Value::Int(i64::from(core::crc32(&input, start))))
}

fn crc_hqx(vm: &mut Vm, args: Args<'_>, _: &Exceptions) -> PyResult<Value> {
    args.no_kw(vm, "binascii.crc_hqx")?;
    let [data, crc] = args.range::<2>(vm, "crc_hqx", 2, false)?;
    let input = bytes_like(vm, data.unwrap_or(&Value::None))?;
    let start = masked_u32(vm, crc.unwrap_or(&Value::Int(0)))?;
    // Only the low 16 bits take part, as in CPython.
    let crc = core::crc_hqx(&input, (start & 0xFFFF) as u16);
    Ok(Value::Int(i64::from(crc)))
}

const FUNCTIONS: &[(&str, ModuleFn)] = &[
    ("a2b_uu", a2b_uu),
    ("b2a_uu", b2a_uu),
    ("a2b_base64", a2b_base64),
    ("b2a_base64", b2a_base64),
    ("a2b_qp", a2b_qp),
    ("b2a_qp", b2a_qp),
    ("a2b_hex", a2b_hex),
    ("b2a_hex", b2a_hex),
    ("hexlify", hexlify),
    ("unhexlify", unhexlify),
    ("crc32", crc32),
    ("crc_hqx", crc_hqx),
];

/// Builds the `binascii` module (its `Error` and `Incomplete` are new
/// classes for each module object, as CPython's per-module state).
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("binascii");
    let exc = Exceptions::new(vm)?;
    vm.module_set(&m, "Error", Value::Obj(exc.error.clone()));
    vm.module_set(&m, "Incomplete", Value::Obj(exc.incomplete.clone()));
    let doc = vm.str_val("Conversion between binary data and ASCII");
    vm.module_set(&m, "__doc__", doc);
    add_functions(vm, &m, &Rc::clone(&exc), FUNCTIONS);
    Ok(m)
}
