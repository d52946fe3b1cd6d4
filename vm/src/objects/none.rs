//! `NoneType`, `NotImplementedType`, `ellipsis` and `cell` (small types
//! with a repr and little else).

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn none_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.str_val("None"))
}
fn none_bool(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}
fn none_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.shift().values.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}
fn ni_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.str_val("NotImplemented"))
}
fn ni_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}
fn ellipsis_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.str_val("Ellipsis"))
}
fn ellipsis_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.ellipsis.clone()))
}
fn cell_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let inner = match this.payload() {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => None,
    };
    let s = match inner {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            this.id(),
            vm.type_name(&v),
            v.id()
        ),
        None => format!("<cell at {:#x}: empty>", this.id()),
    };
    Ok(vm.str_val(s))
}
fn cell_contents(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Cell(c)) => match c.borrow().clone() {
            Some(x) => Ok(x),
            None => Err(vm.value_error("Cell is empty")),
        },
        _ => Err(vm.type_error("expected a cell")),
    }
}
fn cell_set_contents(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    match v.payload() {
        Some(Payload::Cell(c)) => {
            *c.borrow_mut() = Some(x);
            Ok(())
        }
        _ => Err(vm.type_error("expected a cell")),
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.none_type.clone();
    vm.add_static(&t, "__new__", none_new);
    vm.add_methods(&t, &[("__repr__", none_repr), ("__bool__", none_bool)]);
    let t = vm.types.not_implemented_type.clone();
    vm.add_static(&t, "__new__", ni_new);
    vm.add_methods(&t, &[("__repr__", ni_repr)]);
    let t = vm.types.ellipsis_type.clone();
    vm.add_static(&t, "__new__", ellipsis_new);
    vm.add_methods(&t, &[("__repr__", ellipsis_repr)]);
    let t = vm.types.cell.clone();
    vm.add_methods(&t, &[("__repr__", cell_repr)]);
    vm.add_getset(&t, "cell_contents", cell_contents, Some(cell_set_contents));
}
