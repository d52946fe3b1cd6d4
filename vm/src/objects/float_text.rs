//! `float` methods about exact text: `float.fromhex` (and `float.hex`,
//! from `crate::text::float_hex`), and `float.__getformat__`.

use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, s] = args.exact_method(vm, "fromhex")?;
    let Some(text) = s.as_str() else {
        let t = vm.type_name(s);
        return Err(vm.type_error(format!("must be str, not {t}")));
    };
    let x = crate::text::float_hex::from_hex(text).map_err(|e| vm.text_error(e))?;
    // A subclass gets cls(result), as in CPython.
    match cls {
        Value::Obj(c) if !std::rc::Rc::ptr_eq(c, &vm.types.float) => {
            vm.call(cls, &[Value::Float(x)])
        }
        _ => Ok(Value::Float(x)),
    }
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "float.hex")?;
    let x = vm.to_float(this)?;
    Ok(vm.str_val(crate::text::float_hex::to_hex(x)))
}

/// `float.__getformat__(typestr)`: how C doubles and floats are stored.
fn float_getformat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, t] = args.exact_method(vm, "__getformat__")?;
    let Some(t) = t.as_str() else {
        let n = vm.type_name(t);
        return Err(vm.type_error(format!("__getformat__() argument must be str, not {n}")));
    };
    if t != "double" && t != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let order = if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    };
    Ok(vm.str_val(order))
}

/// Registers the methods of this file on `float`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    vm.add_classmethod(&t, "fromhex", float_fromhex);
    vm.add_classmethod(&t, "__getformat__", float_getformat);
    vm.add_methods(&t, &[("hex", float_hex)]);
}
