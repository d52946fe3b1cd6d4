//! `__annotations__` of classes and modules as CPython 3.11 keeps them:
//! read from the object's own namespace (a class does not inherit its
//! base's), created empty on first read where missing, assignable. The
//! functions' own attribute is in `function.rs`; the compiler emits the
//! stores of annotated assignments.

use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn type_of(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_type().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '__annotations__' for 'type' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn type_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = type_of(vm, v)?;
    let name = vm.names.__annotations__.clone();
    let heap = ty.as_type().is_some_and(|t| t.heap);
    let Some(dict) = ty.dict().cloned() else {
        return Err(vm.no_attribute(v, &name));
    };
    if let Some(a) = crate::objects::dict::get_str(&dict, &name) {
        // A descriptor stored there is bound as a class attribute would be.
        let cls = vm.class_of(&a);
        let get = vm.names.__get__.clone();
        if crate::objects::type_::lookup(&cls, &get).is_some() {
            return vm.descr_get(&a, &Value::None, &ty);
        }
        return Ok(a);
    }
    if !heap {
        return Err(vm.no_attribute(v, &name));
    }
    let d = vm.new_dict();
    vm.dict_set(&dict, Value::Obj(name), d.clone())?;
    vm.type_modified(&ty);
    Ok(d)
}

fn set_type_annotations(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let ty = type_of(vm, v)?;
    vm.check_mutable_type(&ty, "__annotations__")?;
    let name = vm.names.__annotations__.clone();
    if let Some(dict) = ty.dict().cloned() {
        vm.dict_set(&dict, Value::Obj(name), x)?;
        vm.type_modified(&ty);
    }
    Ok(())
}

fn module_dict(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Module(_)) => match o.dict() {
            Some(d) => Ok(d.clone()),
            None => Err(vm.type_error("<module>.__dict__ is not a dictionary")),
        },
        _ => Err(vm.type_error(format!(
            "descriptor '__annotations__' for 'module' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn module_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let dict = module_dict(vm, v)?;
    let name = vm.names.__annotations__.clone();
    if let Some(a) = crate::objects::dict::get_str(&dict, &name) {
        return Ok(a);
    }
    let d = vm.new_dict();
    vm.dict_set(&dict, Value::Obj(name), d.clone())?;
    Ok(d)
}

fn set_module_annotations(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let dict = module_dict(vm, v)?;
    let name = vm.names.__annotations__.clone();
    vm.dict_set(&dict, Value::Obj(name), x)
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.type_.clone();
    vm.add_getset(
        &t,
        "__annotations__",
        type_annotations,
        Some(set_type_annotations),
    );
    let m = vm.types.module.clone();
    vm.add_getset(
        &m,
        "__annotations__",
        module_annotations,
        Some(set_module_annotations),
    );
}
