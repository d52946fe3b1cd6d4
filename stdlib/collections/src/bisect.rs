//! `_bisect`: binary search in a sorted sequence and insertion keeping it
//! sorted, with `lo`, `hi` and `key`; bisect.py imports these over its own
//! Python versions. Comparisons use `<` only, as CPython's do.

use rpy_vm::{ModuleDef, OptArg, Payload, PyResult, Value, Vm};

pub fn module(vm: &mut Vm) -> PyResult<rpy_vm::PyRef> {
    let mut m = ModuleDef::new("_bisect");
    let params = ["a", "x", "lo", "hi", "*", "key"];
    m.function(
        "bisect_right",
        |vm: &mut Vm, a: Value, x: Value, lo: Opt, hi: Opt, key: Opt| {
            search(vm, Side::Right, &a, &x, lo, hi, key)
        },
    )
    .params(&params);
    m.function(
        "bisect_left",
        |vm: &mut Vm, a: Value, x: Value, lo: Opt, hi: Opt, key: Opt| {
            search(vm, Side::Left, &a, &x, lo, hi, key)
        },
    )
    .params(&params);
    m.function(
        "insort_right",
        |vm: &mut Vm, a: Value, x: Value, lo: Opt, hi: Opt, key: Opt| {
            insort(vm, Side::Right, a, x, lo, hi, key)
        },
    )
    .params(&params);
    m.function(
        "insort_left",
        |vm: &mut Vm, a: Value, x: Value, lo: Opt, hi: Opt, key: Opt| {
            insort(vm, Side::Left, a, x, lo, hi, key)
        },
    )
    .params(&params);
    m.value("__doc__", "Bisection algorithms (rpy's native _bisect).");
    m.build(vm)
}

type Opt = OptArg<Value>;

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

/// The index where `x` goes among `a[lo:hi]` (`hi` None: `len(a)`).
fn search(
    vm: &mut Vm,
    side: Side,
    a: &Value,
    x: &Value,
    lo: OptArg<Value>,
    hi: OptArg<Value>,
    key: OptArg<Value>,
) -> PyResult<isize> {
    let mut lo = match lo.0 {
        Some(v) => crate::args::ssize(vm, &v)?,
        None => 0,
    };
    let mut hi = match hi.0 {
        Some(Value::None) | None => -1,
        Some(v) => hi_arg(vm, &v)?,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    if hi == -1 {
        hi = vm.len(a)? as isize;
    }
    let key = key.0.filter(|k| !k.is_none());
    while lo < hi {
        // lo + hi cannot overflow: both are below isize::MAX.
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let mut item = item_at(vm, a, mid)?;
        if let Some(k) = &key {
            item = vm.call(k, &[item])?;
        }
        let go_right = match side {
            Side::Right => !vm.lt(x, &item)?,
            Side::Left => vm.lt(&item, x)?,
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// `hi` when not None: an index, converted as CPython's
/// `PyNumber_AsSsize_t` ("cannot fit 'int' into an index-sized integer").
fn hi_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
    }
    let i = vm.to_index(v)?;
    isize::try_from(&i).map_err(|_| {
        let t = vm.type_name(v);
        vm.overflow_error(format!("cannot fit '{t}' into an index-sized integer"))
    })
}

/// `a[i]`: read directly from a list (re-checked each time: a comparison
/// may have changed it), else through `__getitem__`.
fn item_at(vm: &mut Vm, a: &Value, i: isize) -> PyResult<Value> {
    if let Some(Payload::List(items)) = a.payload() {
        let got = usize::try_from(i)
            .ok()
            .and_then(|i| items.borrow().get(i).cloned());
        return match got {
            Some(v) => Ok(v),
            None => Err(vm.index_error("list index out of range")),
        };
    }
    vm.get_item(a, &Value::Int(i as i64))
}

/// Inserts `x` where `search` puts it: directly into an exact list, else
/// through the sequence's `insert` method.
fn insort(
    vm: &mut Vm,
    side: Side,
    a: Value,
    x: Value,
    lo: OptArg<Value>,
    hi: OptArg<Value>,
    key: OptArg<Value>,
) -> PyResult<()> {
    let probe = match key.0.as_ref().filter(|k| !k.is_none()) {
        Some(k) => vm.call(k, std::slice::from_ref(&x))?,
        None => x.clone(),
    };
    let i = search(vm, side, &a, &probe, lo, hi, key)?;
    let exact_list = matches!(a.payload(), Some(Payload::List(_)))
        && std::rc::Rc::ptr_eq(&vm.class_of(&a), &vm.types.list);
    if exact_list {
        if let Some(Payload::List(items)) = a.payload() {
            if let Ok(mut items) = items.try_borrow_mut() {
                let at = (i.max(0) as usize).min(items.len());
                items.insert(at, x);
            }
        }
        return Ok(());
    }
    vm.call_method(&a, "insert", &[Value::Int(i as i64), x])?;
    Ok(())
}
