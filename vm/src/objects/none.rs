//! `NoneType`, `NotImplementedType`, `ellipsis`, `cell` and `weakref`
//! (small types with a repr and little else).

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

fn weakref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) => c.clone(),
        _ => return Err(vm.type_error("weakref.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    let Some(Value::Obj(target)) = rest.pos().first() else {
        let tn = rest
            .pos()
            .first()
            .map(|v| vm.type_name(v))
            .unwrap_or_else(|| "NoneType".into());
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    };
    let w = std::rc::Rc::downgrade(target);
    Ok(Value::Obj(vm.alloc_instance(&cls, Payload::WeakRef(w))))
}
fn weakref_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}
fn weakref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.this().payload() {
        Some(Payload::WeakRef(w)) => Ok(w.upgrade().map(Value::Obj).unwrap_or(Value::None)),
        _ => Err(vm.type_error("expected a weakref")),
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
    let t = vm.types.weakref.clone();
    vm.add_static(&t, "__new__", weakref_new);
    vm.add_methods(
        &t,
        &[("__init__", weakref_init), ("__call__", weakref_call)],
    );
}
