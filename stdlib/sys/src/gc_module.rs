//! The `gc` module: the interface to the VM's cycle collector
//! (`Vm::collect_generation` and its settings): collect, enable/disable,
//! counts and thresholds, and
//! `is_tracked` following CPython's rules for which objects it tracks.

use rpy_vm::{ModuleDef, OptArg, Payload, VarArgs};
use rpy_vm::{PyRef, Value};
use rpy_vm::{PyResult, Vm};

fn collect(vm: &mut Vm, generation: OptArg<i32>) -> PyResult<usize> {
    let gen = generation.unwrap_or(2);
    if !(0..=2).contains(&gen) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(vm.collect_generation(gen as usize))
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

fn is_tracked(x: Value) -> bool {
    match x.payload() {
        Some(Payload::Dict(d)) => match d.try_borrow() {
            Ok(d) => d
                .entries()
                .any(|(k, val)| maybe_tracked(&k.value) || maybe_tracked(val)),
            Err(_) => true,
        },
        _ => maybe_tracked(&x),
    }
}

/// The functions rpy's collector cannot offer (it keeps no object list).
fn unsupported(m: &mut ModuleDef, name: &'static str) {
    m.function(name, move |vm: &mut Vm, _objs: VarArgs| -> PyResult<()> {
        Err(vm.not_implemented_error(format!("gc.{name}() is not supported by rpy")))
    });
}

/// Creates the `gc` module.
pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let mut d = ModuleDef::new("gc");
    d.function("collect", collect).params(&["generation"]);
    d.function("enable", |vm: &mut Vm| vm.set_gc_enabled(true));
    d.function("disable", |vm: &mut Vm| vm.set_gc_enabled(false));
    d.function("isenabled", |vm: &mut Vm| vm.gc_enabled());
    d.function("get_count", |vm: &mut Vm| {
        let [a, b, c] = vm.gc_counts();
        (a, b, c)
    });
    d.function("is_tracked", is_tracked);
    d.function("is_finalized", |_x: Value| false);
    unsupported(&mut d, "get_referrers");
    unsupported(&mut d, "get_referents");
    unsupported(&mut d, "get_objects");
    d.function("freeze", || ());
    d.function("unfreeze", || ());
    d.function("get_freeze_count", || 0);
    d.function("get_threshold", |vm: &mut Vm| {
        let [a, b, c] = vm.gc_thresholds();
        (a, b, c)
    });
    d.function(
        "set_threshold",
        |vm: &mut Vm, a: i64, b: OptArg<i64>, c: OptArg<i64>| {
            let [_, y, z] = vm.gc_thresholds();
            vm.set_gc_thresholds([a, b.unwrap_or(y), c.unwrap_or(z)]);
        },
    )
    .tuple_style()
    .unqualified();
    let m = d.build(vm)?;
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
