//! `sys.audit` and `sys.addaudithook`: the audit-hook registry.
//!
//! Hooks live in `Vm::extensions` (an outside reference, so the cycle
//! collector treats them as roots) and are called in the order they were
//! added, each with `(event, args_tuple)`; an exception from a hook stops
//! the event and propagates to the caller of `sys.audit`.
//!
//! rpy itself raises no audit events (CPython raises many, e.g. "open",
//! "exec", "import"), except "sys.addaudithook" when a hook is added, so
//! hooks see only the events that Python code sends with `sys.audit`
//! (for example `pickle.loads` sends "pickle.find_class").

use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Key of the hook list in `Vm::extensions`.
const HOOKS: &str = "sys.audit_hooks";

/// The hooks added so far, in order (cloned so that a hook may add more).
fn hooks(vm: &Vm) -> Vec<Value> {
    vm.extensions
        .get(HOOKS)
        .and_then(|b| b.downcast_ref::<Vec<Value>>())
        .cloned()
        .unwrap_or_default()
}

/// Calls every hook with `(event, args)`.
fn fire(vm: &mut Vm, event: &Value, args: Vec<Value>) -> PyResult<()> {
    let hooks = hooks(vm);
    if hooks.is_empty() {
        return Ok(());
    }
    let args = vm.new_tuple(args);
    for h in &hooks {
        vm.call(h, &[event.clone(), args.clone()])?;
    }
    Ok(())
}

fn audit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kw(vm, "sys.audit")?;
    let pos = args.pos();
    let Some((event, rest)) = pos.split_first() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    // Like CPython, the event's type is only checked when a hook would see it.
    if hooks(vm).is_empty() {
        return Ok(Value::None);
    }
    if event.as_str().is_none() {
        return Err(vm.type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(event)
        )));
    }
    fire(vm, event, rest.to_vec())?;
    Ok(Value::None)
}

fn addaudithook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [hook] = args.bind(vm, "addaudithook", ["hook"], 1)?;
    let Some(hook) = hook else {
        return Ok(Value::None);
    };
    let hook = hook.clone();
    let event = vm.str_val("sys.addaudithook");
    if let Err(e) = fire(vm, &event, Vec::new()) {
        // A hook vetoes the addition by raising an Exception, which is
        // swallowed; other BaseExceptions propagate.
        let exception = vm.exc.exception.clone();
        if vm.err_matches(&e, &exception) {
            return Ok(Value::None);
        }
        return Err(e);
    }
    let mut list = hooks(vm);
    list.push(hook);
    vm.extensions.insert(HOOKS, Box::new(list));
    Ok(Value::None)
}

/// Adds `audit` and `addaudithook` to the `sys` module.
pub fn init(vm: &mut Vm, m: &crate::value::PyRef) {
    vm.module_add_fns(m, &[("audit", audit), ("addaudithook", addaudithook)]);
}
