//! `float` methods about exact text: `float.fromhex` (and `float.hex`,
//! from `crate::text::float_hex`).

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

/// Registers the methods of this file on `float`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    vm.add_classmethod(&t, "fromhex", float_fromhex);
    vm.add_methods(&t, &[("hex", float_hex)]);
}
