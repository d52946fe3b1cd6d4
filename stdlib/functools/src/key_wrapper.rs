//! `functools.cmp_to_key`: a `KeyWrapper` holding a comparison function;
//! calling it wraps an object into a `KeyWrapper` that compares with
//! another by `cmp(a, b) <op> 0`. Unhashable; `obj` is the wrapped object.

use rpy_vm::{Args, ClassDef, ComparisonOperator, Native, NativeClass, PyResult, Value, Vm};

pub struct KeyWrapper {
    cmp: Value,
    /// The wrapped object (`None` for the wrapper `cmp_to_key` returns).
    obj: Option<Value>,
}

impl NativeClass for KeyWrapper {
    const NAME: &'static str = "KeyWrapper";
    const MODULE: &'static str = "functools";

    fn define(c: &mut ClassDef<Self>) {
        c.call(call);
        c.compare(compare);
        c.getter("obj", |k: &KeyWrapper| k.obj.clone().unwrap_or(Value::None));
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(o) = &self.obj {
            visit(o);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.cmp, Value::None));
        out.extend(self.obj.take());
    }
}

/// `cmp_to_key(mycmp)`.
pub fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [cmp] = bind_one(vm, &args, "cmp_to_key", "mycmp")?;
    let cmp = cmp.cloned().unwrap_or(Value::None);
    Ok(vm.new_native_object(KeyWrapper { cmp, obj: None }))
}

/// One required argument, by position or name, in the order of
/// `PyArg_ParseTupleAndKeywords`' checks (a missing argument is reported
/// before an unknown keyword).
fn bind_one<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    fname: &str,
    pname: &str,
) -> PyResult<[Option<&'a Value>; 1]> {
    let total = args.values.len();
    if total <= 1 && args.pos().is_empty() && args.kwarg(pname).is_none() {
        return Err(vm.type_error(format!(
            "{fname}() missing required argument '{pname}' (pos 1)"
        )));
    }
    args.bind(vm, fname, [pname], 1)
}

/// `K(obj)`: a wrapper of `obj` with the same comparison function.
fn call(vm: &mut Vm, this: Native<KeyWrapper>, args: Args<'_>) -> PyResult<Value> {
    let [obj] = bind_one(vm, &args, "K", "obj")?;
    let obj = obj.cloned();
    let cmp = this.with(vm, |k| k.cmp.clone())?;
    Ok(vm.new_native_object(KeyWrapper { cmp, obj }))
}

fn compare(
    vm: &mut Vm,
    this: Native<KeyWrapper>,
    other: &Value,
    op: ComparisonOperator,
) -> PyResult<Value> {
    let Some(other) = Native::<KeyWrapper>::of(other) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (cmp, a) = this.with(vm, |k| (k.cmp.clone(), k.obj.clone()))?;
    let b = other.with(vm, |k| k.obj.clone())?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.attribute_error("object"));
    };
    let r = vm.call(&cmp, &[a, b])?;
    vm.compare(&r, &Value::Int(0), op)
}
