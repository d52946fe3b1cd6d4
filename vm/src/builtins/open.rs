//! `open()`: forwards to `io.open` (CPython's io.py, which re-exports the
//! native `_io.open` of the rpy-io crate).

use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let io = vm.import_module("io")?;
    let f = vm.get_attr_str(&io, "open")?;
    vm.call_with(&f, args)
}
