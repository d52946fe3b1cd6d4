//! `_thread`: locks, thread identity and the hooks `threading` builds on.
//! rpy runs Python on one OS thread and cannot start threads yet:
//! `start_new_thread` checks its arguments as CPython does, then raises
//! NotImplementedError (a RuntimeError, so `threading`'s handlers see the
//! `_thread.error` they expect). Everything else works for the one thread.

use rpy_vm::{ModuleDef, OptArg, PyRef, PyResult, Value, Vm};

use crate::thread_ident::current_ident;
use crate::thread_lock::{Lock, RLock, TIMEOUT_MAX};

/// `threading`'s thread stack size request (recorded; rpy's one thread
/// has the stack it has).
#[derive(Default)]
struct StackSize(i64);

const STACK_SIZE: &str = "rpy._thread.stack_size";

/// CPython's smallest stack size request.
const MIN_STACK: i64 = 32768;

fn stack_size(vm: &mut Vm, size: OptArg<Value>) -> PyResult<i64> {
    let old = vm
        .extensions
        .get(STACK_SIZE)
        .and_then(|s| s.downcast_ref::<StackSize>())
        .map_or(0, |s| s.0);
    let Some(size) = size.0 else {
        return Ok(old);
    };
    if !vm.is_index(&size) {
        let t = vm.type_name(&size);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = vm.to_i64(&size)?;
    if n < 0 {
        return Err(vm.value_error("size must be 0 or a positive value"));
    }
    if n != 0 && n < MIN_STACK {
        return Err(vm.value_error(format!("size not valid: {n} bytes")));
    }
    vm.extensions.insert(STACK_SIZE, Box::new(StackSize(n)));
    Ok(old)
}

fn start_new_thread(
    vm: &mut Vm,
    function: Value,
    args: Value,
    kwargs: OptArg<Value>,
) -> PyResult<Value> {
    if !vm.is_callable(&function) {
        return Err(vm.type_error("first arg must be callable"));
    }
    if args.as_tuple().is_none() {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    if let Some(k) = kwargs.0 {
        let dict = vm.types.dict.clone();
        if !vm.is_instance(&k, &dict) {
            return Err(vm.type_error("optional 3rd arg must be a dictionary"));
        }
    }
    Err(vm.not_implemented_error(
        "rpy cannot start threads yet: it runs Python on one thread (_thread.start_new_thread)",
    ))
}

/// `interrupt_main(signum=SIGINT)`: a SIGINT as if from Ctrl-C (the
/// running code raises KeyboardInterrupt at its next check); rpy handles
/// no other signal, so those are only range-checked.
fn interrupt_main(vm: &mut Vm, signum: OptArg<i64>) -> PyResult<()> {
    let signum = signum.unwrap_or(crate::signal_numbers::SIGINT);
    if !(1..crate::signal_numbers::NSIG).contains(&signum) {
        return Err(vm.value_error("signal number out of range"));
    }
    if signum == crate::signal_numbers::SIGINT {
        vm.interrupt_flag()
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
    Ok(())
}

/// `_excepthook(args)`: reports an exception a thread did not catch, as
/// CPython's default `threading.excepthook` does.
fn excepthook(vm: &mut Vm, args: Value) -> PyResult<()> {
    let fields = match args.as_tuple() {
        Some(t) if t.len() == 4 => t.to_vec(),
        _ => return Err(vm.type_error("_thread._excepthook argument type must be ExceptHookArgs")),
    };
    let (exc_type, exc_value, thread) = (&fields[0], &fields[1], &fields[3]);
    let exit = Value::Obj(vm.exc.system_exit.clone());
    if exc_type.id() == exit.id() {
        // SystemExit ends a thread silently.
        return Ok(());
    }
    let name = match thread {
        Value::None => current_ident().to_string(),
        t => match vm.get_attr_str(t, "name") {
            Ok(n) => vm.str(&n)?,
            Err(_) => current_ident().to_string(),
        },
    };
    let report = match exc_value {
        Value::None => String::new(),
        v => vm.format_exception(v),
    };
    vm.write_stderr(&format!("Exception in thread {name}:\n{report}"));
    Ok(())
}

/// Makes the `_thread` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_thread");
    for name in ["allocate_lock", "allocate", "_set_sentinel"] {
        let sig = m.function(name, |vm: &mut Vm| {
            vm.new_native_object(Lock { locked: false })
        });
        crate::qualify(sig, "_thread");
    }
    crate::qualify(m.function("get_ident", current_ident), "_thread");
    crate::qualify(m.function("get_native_id", current_ident), "_thread");
    crate::qualify(m.function("_count", || 0i64), "_thread");
    m.function("stack_size", stack_size);
    for name in ["start_new_thread", "start_new"] {
        m.function(name, start_new_thread)
            .tuple_style()
            .unqualified();
    }
    for name in ["exit", "exit_thread"] {
        let sig = m.function(name, |vm: &mut Vm| -> PyResult<()> {
            let exit = vm.exc.system_exit.clone();
            Err(rpy_vm::PyErr(vm.new_exception(&exit, Vec::new())))
        });
        crate::qualify(sig, "_thread");
    }
    m.function("interrupt_main", interrupt_main);
    crate::qualify(m.function("_excepthook", excepthook), "_thread");
    m.class::<RLock>();
    m.value("TIMEOUT_MAX", TIMEOUT_MAX);
    m.value("error", Value::Obj(vm.exc.runtime_error.clone()));
    let module = m.build(vm)?;
    let lock = vm.native_type::<Lock>();
    vm.module_set(&module, "LockType", Value::Obj(lock));
    let local = crate::thread_local::make(vm)?;
    vm.module_set(&module, "_local", Value::Obj(local));
    let hook_args = vm.new_struct_seq_type(
        "_thread",
        "_ExceptHookArgs",
        &["exc_type", "exc_value", "exc_traceback", "thread"],
    )?;
    vm.module_set(&module, "_ExceptHookArgs", Value::Obj(hook_args));
    Ok(module)
}
