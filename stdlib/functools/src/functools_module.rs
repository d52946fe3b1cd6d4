//! The `_functools` module: `reduce`, `cmp_to_key`, and the types
//! `partial`, `KeyWrapper` (through `cmp_to_key`) and
//! `_lru_cache_wrapper`.

use rpy_vm::{Args, PyRef, PyResult, Value, Vm};

use crate::key_wrapper::{cmp_to_key, KeyWrapper};
use crate::lru_cache::LruCache;
use crate::partial::Partial;

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_functools");
    let doc = vm.str_val("Tools that operate on functions.");
    vm.module_set(&m, "__doc__", doc);
    vm.module_add_fns(&m, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let partial = Value::Obj(vm.native_type::<Partial>());
    vm.module_set(&m, "partial", partial);
    let lru = Value::Obj(vm.native_type::<LruCache>());
    vm.module_set(&m, "_lru_cache_wrapper", lru);
    // Built now so that the type exists before the first cmp_to_key.
    vm.native_type::<KeyWrapper>();
    Ok(m)
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [func, seq, initial] = args.range::<3>(vm, "reduce", 2, false)?;
    let (Some(func), Some(seq)) = (func, seq) else {
        return Err(vm.system_error("reduce: arguments not bound"));
    };
    let it = match vm.get_iter(seq) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.exc.type_error.clone()) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = initial.cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(func, &[a, x])?,
        });
    }
    match acc {
        Some(v) => Ok(v),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}
