//! The `atexit` module: functions to call when the interpreter exits
//! (`register`, `unregister`, `_run_exitfuncs`, `_clear`, `_ncallbacks`).
//! They run last registered first, before the finalizers of what is
//! still alive (`gc.rs`), as CPython runs them before finalizing.

use crate::native::Args;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A registered call: the function, its positional arguments, and its
/// keyword arguments' names and values.
struct ExitCall {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    /// Unregistered: CPython leaves an empty slot, still counted by
    /// `_ncallbacks` until `_clear` or the calls run.
    removed: bool,
}

/// The key of the registered calls in `Vm::extensions`.
const KEY: &str = "atexit";

/// Runs `f` on the registered calls (kept in `Vm::extensions`).
fn with_calls<R>(vm: &mut Vm, f: impl FnOnce(&mut Vec<ExitCall>) -> R) -> R {
    let mut list = vm
        .extensions
        .remove(KEY)
        .and_then(|b| b.downcast::<Vec<ExitCall>>().ok())
        .unwrap_or_default();
    let r = f(&mut list);
    vm.extensions.insert(KEY, list);
    r
}

fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(func) = pos.first().cloned() else {
        return Err(vm.type_error(format!(
            "register() takes at least 1 argument ({} given)",
            pos.len()
        )));
    };
    if !vm.is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    // Positional arguments, then the keyword values (named by kwnames).
    let call = ExitCall {
        func: func.clone(),
        args: args.values.get(1..).unwrap_or(&[]).to_vec(),
        kwnames: args.kwnames.to_vec(),
        removed: false,
    };
    with_calls(vm, |l| l.push(call));
    Ok(func)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func] = args.exact::<1>(vm, "unregister")?;
    // `==` may run Python code: compare against a snapshot, then drop
    // what matched by identity of the entry.
    let funcs: Vec<Value> = with_calls(vm, |l| {
        l.iter()
            .filter(|c| !c.removed)
            .map(|c| c.func.clone())
            .collect()
    });
    let mut drop_idx = Vec::new();
    for f in &funcs {
        let eq = vm.compare(f, func, rpy_compiler::bytecode::ComparisonOperator::Eq)?;
        if vm.is_true(&eq)? {
            drop_idx.push(f.clone());
        }
    }
    with_calls(vm, |l| {
        for c in l.iter_mut() {
            if drop_idx.iter().any(|d| d.is(&c.func)) {
                c.removed = true;
                c.func = Value::None;
                c.args.clear();
            }
        }
    });
    Ok(Value::None)
}

/// Runs and forgets the registered calls, last first; errors are
/// reported as CPython's "Exception ignored in atexit callback".
pub(crate) fn run_exitfuncs(vm: &mut Vm) {
    loop {
        let Some(c) = with_calls(vm, |l| l.pop()) else {
            break;
        };
        if c.removed {
            continue;
        }
        let r = vm.call_with(&c.func, Args::with_kw(&c.args, &c.kwnames));
        if let Err(e) = r {
            let exit = vm.exc.system_exit.clone();
            if vm.is_instance(&Value::Obj(e.0.clone()), &exit) {
                continue;
            }
            let rf = vm.repr(&c.func).unwrap_or_default();
            let tb = vm.format_exception(&Value::Obj(e.0.clone()));
            vm.write_stderr(&format!("Exception ignored in atexit callback: {rf}\n{tb}"));
        }
    }
}

fn run_exitfuncs_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "_run_exitfuncs")?;
    run_exitfuncs(vm);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "_clear")?;
    with_calls(vm, |l| l.clear());
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "_ncallbacks")?;
    Ok(Value::Int(with_calls(vm, |l| l.len()) as i64))
}

pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("atexit");
    vm.module_add_fns(
        &m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs_fn),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    );
    Ok(m)
}
