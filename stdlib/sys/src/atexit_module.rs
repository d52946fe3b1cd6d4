//! `atexit`: functions to call when the interpreter finishes. The
//! callbacks live with the interpreter (in `Vm::extensions`); the module
//! registers an exit hook that runs them, the latest first, when the host
//! finalizes the interpreter (`Interpreter::finalize`, which the `rpy`
//! command calls after the main program). A callback's exception is
//! printed as CPython prints it ("Exception ignored in atexit callback:")
//! and the others still run.

use std::rc::Rc;

use rpy_vm::{Args, KwArgs, ModuleDef, PyErr, PyRef, PyResult, Value, VarArgs, Vm};

const CALLBACKS: &str = "rpy.atexit.callbacks";

/// One registered call.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
}

/// The interpreter's callbacks, in registration order. `unregister`
/// empties a slot without removing it: CPython 3.11 does the same, and
/// its `_ncallbacks()` counts the slots.
#[derive(Default)]
struct Callbacks(Vec<Option<Callback>>);

/// Runs `f` on the interpreter's callback list (made on first use).
fn with_callbacks<R: Default>(vm: &mut Vm, f: impl FnOnce(&mut Vec<Option<Callback>>) -> R) -> R {
    let reg = vm
        .extensions
        .entry(CALLBACKS)
        .or_insert_with(|| Box::new(Callbacks::default()));
    // Only this module stores under the key, so the downcast holds.
    match reg.downcast_mut::<Callbacks>() {
        Some(c) => f(&mut c.0),
        None => R::default(),
    }
}

/// Calls `f(*args, **kwargs)`.
fn call(vm: &mut Vm, cb: &Callback) -> PyResult<Value> {
    let mut values = cb.args.clone();
    let mut names = Vec::with_capacity(cb.kwargs.len());
    for (k, v) in &cb.kwargs {
        names.push(vm.str_val(k.as_str()));
        values.push(v.clone());
    }
    vm.call_with(&cb.func, Args::with_kw(&values, &names))
}

/// Prints an exception no caller can see, as CPython's default
/// `sys.unraisablehook` does for a failing atexit callback.
fn report(vm: &mut Vm, func: &Value, e: PyErr) {
    let what = vm.repr(func).unwrap_or_else(|_| "<object>".to_owned());
    let tb = vm.format_exception(&Value::Obj(e.0.clone()));
    vm.write_stderr(&format!(
        "Exception ignored in atexit callback: {what}\n{tb}"
    ));
}

/// Runs every callback, the latest registered first, then forgets them.
fn run_exitfuncs(vm: &mut Vm) {
    let all = with_callbacks(vm, std::mem::take);
    for cb in all.iter().rev().flatten() {
        if let Err(e) = call(vm, cb) {
            report(vm, &cb.func, e);
        }
    }
}

fn register(vm: &mut Vm, func: Value, args: VarArgs, kwargs: KwArgs) -> PyResult<Value> {
    if !vm.is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        args: args.0,
        kwargs: kwargs.0,
    };
    with_callbacks(vm, |c| c.push(Some(cb)));
    Ok(func)
}

/// Empties every slot holding a function equal to `func` (`==`, which
/// may run Python code: the list is read again afterwards).
fn unregister(vm: &mut Vm, func: Value) -> PyResult<()> {
    let funcs: Vec<Value> =
        with_callbacks(vm, |c| c.iter().flatten().map(|c| c.func.clone()).collect());
    let mut doomed = Vec::new();
    for f in funcs {
        if vm.eq(&f, &func)? {
            doomed.push(f.id());
        }
    }
    with_callbacks(vm, |c| {
        for slot in c.iter_mut() {
            if slot.as_ref().is_some_and(|c| doomed.contains(&c.func.id())) {
                *slot = None;
            }
        }
    });
    Ok(())
}

/// Makes the `atexit` module and hooks its callbacks to finalization.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    vm.on_exit("atexit", Rc::new(run_exitfuncs));
    let mut m = ModuleDef::new("atexit");
    m.function("register", register).tuple_style().unqualified();
    crate::qualify(m.function("unregister", unregister), "atexit");
    let sig = m.function("_run_exitfuncs", |vm: &mut Vm| run_exitfuncs(vm));
    crate::qualify(sig, "atexit");
    let sig = m.function("_clear", |vm: &mut Vm| with_callbacks(vm, |c| c.clear()));
    crate::qualify(sig, "atexit");
    let sig = m.function("_ncallbacks", |vm: &mut Vm| with_callbacks(vm, |c| c.len()));
    crate::qualify(sig, "atexit");
    m.build(vm)
}
