//! A minimal `_warnings` module: `warn` and `warn_explicit`, handed to
//! CPython's pure-Python `warnings` module (which, finding no `filters`
//! here, keeps its own filters). CPython's `importlib` loads `_warnings`
//! as a built-in module at its set-up.

use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Calls `warnings.<name>` with the same arguments (a native function has
/// no frame, so `stacklevel` counts the same frames).
fn forward(vm: &mut Vm, name: &str, args: Args) -> PyResult<Value> {
    let w = vm.import_module("warnings")?;
    let f = vm.get_attr_str(&w, name)?;
    vm.call_with(&f, args)
}

fn warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn", args)
}

fn warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn_explicit", args)
}

pub fn init(vm: &mut Vm) -> PyResult<crate::value::PyRef> {
    let m = vm.new_module("_warnings");
    vm.module_add_fns(&m, &[("warn", warn), ("warn_explicit", warn_explicit)]);
    Ok(m)
}
