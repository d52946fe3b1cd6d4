//! The `gc` module: the interface to the VM's cycle collector
//! (`Vm::collect_generation` and its settings): collect, enable/disable,
//! counts and thresholds, and
//! `is_tracked` following CPython's rules for which objects it tracks.

use rpy_vm::Args;
use rpy_vm::Payload;
use rpy_vm::{PyRef, Value};
use rpy_vm::{PyResult, Vm};

fn collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [generation] = args.bind(vm, "collect", ["generation"], 0)?;
    let mut gen = 2;
    if let Some(g) = generation {
        let g = vm.to_i64(g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
        gen = g as usize;
    }
    let n = vm.collect_generation(gen);
    Ok(Value::Int(n as i64))
}

fn enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.enable")?;
    vm.set_gc_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.disable")?;
    vm.set_gc_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.isenabled")?;
    Ok(Value::Bool(vm.gc_enabled()))
}

fn get_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.get_count")?;
    let c = vm.gc_counts().map(|n| Value::Int(n as i64));
    Ok(vm.new_tuple(c.to_vec()))
}

fn get_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.get_threshold")?;
    let t = vm.gc_thresholds().map(Value::Int);
    Ok(vm.new_tuple(t.to_vec()))
}

fn set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.range::<3>(vm, "set_threshold", 1, false)?;
    let mut t = vm.gc_thresholds();
    for (slot, v) in t.iter_mut().zip(given) {
        if let Some(v) = v {
            *slot = vm.to_i64(v)?;
        }
    }
    vm.set_gc_thresholds(t);
    Ok(Value::None)
}

/// Whether CPython's collector would track `v`: atomic objects (numbers,
/// strings, bytes, None) never are; tuples while the collector tracks
/// them.
fn maybe_tracked(v: &Value) -> bool {
    let Value::Obj(o) = v else {
        return false;
    };
    match &o.payload {
        Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::ByteArray(_)
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(..)
        | Payload::Range { .. }
        | Payload::BigRange(_) => o.has_dict(),
        // Tuples are tracked from their creation until a collection
        // finds them holding only untracked objects (the empty tuple is
        // a constant that never is).
        Payload::Tuple(items) => !items.is_empty() && (o.gc_tracked() || o.has_dict()),
        // Only tuples are looked into (they cannot form cycles by
        // themselves); any other container counts as tracked.
        _ => true,
    }
}

fn is_tracked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "gc.is_tracked")?;
    let tracked = match x.payload() {
        Some(Payload::Dict(d)) => match d.try_borrow() {
            Ok(d) => d
                .entries()
                .any(|(k, val)| maybe_tracked(&k.value) || maybe_tracked(val)),
            Err(_) => true,
        },
        _ => maybe_tracked(x),
    };
    Ok(Value::Bool(tracked))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>(vm, "gc.is_finalized")?;
    Ok(Value::Bool(false))
}

fn unsupported(vm: &mut Vm, name: &str) -> PyResult<Value> {
    Err(vm.not_implemented_error(format!("gc.{name}() is not supported by rpy")))
}

fn get_referrers(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    unsupported(vm, "get_referrers")
}

fn get_referents(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    unsupported(vm, "get_referents")
}

fn get_objects(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    unsupported(vm, "get_objects")
}

fn freeze(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.freeze")?;
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gc.get_freeze_count")?;
    Ok(Value::Int(0))
}

/// Creates the `gc` module.
pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("gc");
    vm.module_add_fns(
        &m,
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("get_objects", get_objects),
            ("freeze", freeze),
            ("unfreeze", freeze),
            ("get_freeze_count", get_freeze_count),
        ],
    );
    let garbage = vm.new_list(vec![]);
    vm.module_set(&m, "garbage", garbage);
    let callbacks = vm.new_list(vec![]);
    vm.module_set(&m, "callbacks", callbacks);
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        vm.module_set(&m, name, Value::Int(v));
    }
    Ok(m)
}
