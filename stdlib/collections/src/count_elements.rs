//! `_collections._count_elements(mapping, iterable)`: the counting loop of
//! `collections.Counter`, `mapping[x] = mapping.get(x, 0) + 1` for each
//! item, reading and writing a dict's table directly when the mapping's
//! `get` and `__setitem__` are dict's own.

use rpy_vm::{Payload, PyResult, Value, Vm};

pub fn count_elements(vm: &mut Vm, mapping: Value, iterable: Value) -> PyResult<()> {
    let it = vm.get_iter(&iterable)?;
    let direct = matches!(mapping.payload(), Some(Payload::Dict(_)))
        && uses_dict_method(vm, &mapping, "get")?
        && uses_dict_method(vm, &mapping, "__setitem__")?;
    if direct {
        let Value::Obj(d) = &mapping else {
            return Ok(());
        };
        while let Some(x) = vm.next(&it)? {
            let new = match vm.dict_get(d, &x)? {
                Some(old) => vm.binary_op(&old, &Value::Int(1), rpy_vm::BinaryOperator::Add)?,
                None => Value::Int(1),
            };
            vm.dict_set(d, x, new)?;
        }
        return Ok(());
    }
    let get = vm.get_attr_str(&mapping, "get")?;
    while let Some(x) = vm.next(&it)? {
        let old = vm.call(&get, &[x.clone(), Value::Int(0)])?;
        let new = vm.binary_op(&old, &Value::Int(1), rpy_vm::BinaryOperator::Add)?;
        vm.set_item(&mapping, x, new)?;
    }
    Ok(())
}

/// Whether `type(mapping).name` is `dict.name`.
fn uses_dict_method(vm: &mut Vm, mapping: &Value, name: &str) -> PyResult<bool> {
    let cls = Value::Obj(vm.class_of(mapping));
    let dict = Value::Obj(vm.types.dict.clone());
    let theirs = vm.get_attr_str(&cls, name)?;
    let own = vm.get_attr_str(&dict, name)?;
    Ok(theirs.is(&own))
}
