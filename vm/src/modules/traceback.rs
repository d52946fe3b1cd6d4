//! `_traceback`: the native half of `Lib/traceback.py`. The VM already
//! formats tracebacks exactly as CPython 3.11 prints them (`traceback.rs`);
//! this exposes that formatter, with an explicit traceback object, an entry
//! limit and chaining on or off, so `traceback` and `unittest` print what
//! CPython's do.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::exception::exc_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `format_exception(exc, tb, limit, chain)` -> str: the whole report.
/// `tb` is a traceback object or None (no "Traceback" block); `limit` as
/// in CPython: n > 0 keeps the n outermost entries, n < 0 the -n innermost.
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc, tb, limit, chain] = args.exact(vm, "format_exception")?;
    if exc_data(exc).is_none() {
        return Err(vm.type_error(format!(
            "Exception expected for value, {} found",
            vm.type_name(exc)
        )));
    }
    let entries = match tb {
        Value::None => Vec::new(),
        Value::Obj(o) if matches!(o.payload, Payload::Traceback(_)) => {
            crate::traceback::entries_of_tb(o)
        }
        _ => return Err(vm.type_error("expected a traceback or None")),
    };
    let limit = match limit {
        Value::None => None,
        n => Some(vm.to_i64(n)?),
    };
    let chain = vm.is_true(chain)?;
    let text = vm.format_exception_with(exc, Some(entries), chain, limit);
    Ok(vm.str_val(text))
}

/// `format_exception_only(exc)` -> str: the final "Type: message" line(s).
fn format_exception_only(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc] = args.exact(vm, "format_exception_only")?;
    if exc_data(exc).is_none() {
        return Err(vm.type_error(format!(
            "Exception expected for value, {} found",
            vm.type_name(exc)
        )));
    }
    let text = vm.format_exception_only(exc);
    Ok(vm.str_val(text))
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_traceback");
    vm.module_add_fns(
        &m,
        &[
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
        ],
    );
    Ok(m)
}
