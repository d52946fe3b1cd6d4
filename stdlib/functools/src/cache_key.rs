//! The keys of `lru_cache`, as CPython's C wrapper makes them: a single
//! positional argument of exact type int or str is its own key; else the
//! positional arguments, then (with keywords) a marker object and the
//! keyword names and values, then (with `typed`) the argument types, all
//! in one tuple. The hash is computed once per call.

use rpy_vm::{Args, Payload, PyResult, Value, Vm};

/// The key of a call and its hash.
pub fn make_key(
    vm: &mut Vm,
    args: &Args<'_>,
    typed: bool,
    kwd_mark: &Value,
) -> PyResult<(Value, i64)> {
    let key = build(vm, args, typed, kwd_mark);
    let h = vm.hash(&key)?;
    Ok((key, h))
}

fn build(vm: &mut Vm, args: &Args<'_>, typed: bool, kwd_mark: &Value) -> Value {
    let pos = args.pos();
    if !typed && !args.has_kw() {
        if let [one] = pos {
            if is_exact_int_or_str(vm, one) {
                return one.clone();
            }
        }
        return vm.new_tuple(pos.to_vec());
    }
    let kw: Vec<(&str, &Value)> = args.kw().collect();
    let mut items = Vec::with_capacity(pos.len() * 2 + kw.len() * 3 + 1);
    items.extend_from_slice(pos);
    if !kw.is_empty() {
        items.push(kwd_mark.clone());
        for (k, v) in &kw {
            items.push(Value::Obj(vm.intern(k)));
            items.push((*v).clone());
        }
    }
    if typed {
        for v in pos {
            items.push(Value::Obj(vm.class_of(v)));
        }
        for (_, v) in &kw {
            items.push(Value::Obj(vm.class_of(v)));
        }
    }
    vm.new_tuple(items)
}

fn is_exact_int_or_str(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) => true,
        Value::Obj(o) => match &o.payload {
            Payload::Int(_) => o.class_is(&vm.types.int),
            Payload::Str(_) => o.class_is(&vm.types.str),
            _ => false,
        },
        _ => false,
    }
}
