//! `_signal`, enough for CPython's `signal.py`: the signal numbers, the
//! handler table (`signal`, `getsignal`), `default_int_handler`,
//! `strsignal`, `valid_signals`, `raise_signal`. rpy receives only SIGINT
//! (the host's Ctrl-C sets the VM's interrupt flag): a Python handler for
//! it runs where the VM would raise KeyboardInterrupt, SIG_IGN ignores
//! Ctrl-C, and SIG_DFL or `default_int_handler` raise KeyboardInterrupt
//! (SIG_DFL does not kill the process, an embedder's host included).
//! Setting SIG_DFL or SIG_IGN for another signal is recorded; installing
//! a Python handler for one raises NotImplementedError.

use std::rc::Rc;

use rpy_vm::{ModuleDef, PyErr, PyRef, PyResult, Value, Vm};

use crate::signal_numbers::{self as sig, NSIG, SIGINT};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const TABLE: &str = "rpy._signal.handlers";

/// The handler of each signal, by number, as `getsignal` reports it.
struct Handlers(Vec<Value>);

fn table_get(vm: &mut Vm, n: i64) -> Value {
    vm.extensions
        .get(TABLE)
        .and_then(|t| t.downcast_ref::<Handlers>())
        .and_then(|t| usize::try_from(n).ok().and_then(|i| t.0.get(i).cloned()))
        .unwrap_or(Value::Int(SIG_DFL))
}

fn table_set(vm: &mut Vm, n: i64, v: Value) {
    if let Some(t) = vm
        .extensions
        .get_mut(TABLE)
        .and_then(|t| t.downcast_mut::<Handlers>())
    {
        if let Some(slot) = usize::try_from(n).ok().and_then(|i| t.0.get_mut(i)) {
            *slot = v;
        }
    }
}

/// A signal number argument, range-checked.
fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    match i64::try_from(&i) {
        Ok(n) if (1..NSIG).contains(&n) => Ok(n),
        Ok(_) => Err(vm.value_error("signal number out of range")),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

fn keyboard_interrupt(vm: &mut Vm) -> PyErr {
    let c = vm.exc.keyboard_interrupt.clone();
    PyErr(vm.new_exception(&c, Vec::new()))
}

/// The frame an interrupt cut into (a handler's second argument).
fn current_frame(vm: &mut Vm) -> Value {
    let sys = Value::Obj(vm.sys.clone());
    match vm.get_attr_str(&sys, "_getframe") {
        Ok(f) => vm.call(&f, &[]).unwrap_or(Value::None),
        Err(_) => Value::None,
    }
}

/// What the VM runs on Ctrl-C for a SIGINT handler value (`None`: raise
/// KeyboardInterrupt, the default).
fn interrupt_action(
    vm: &mut Vm,
    handler: &Value,
    default_int: &Value,
) -> PyResult<Option<rpy_vm::InterruptHandler>> {
    if handler.id() == default_int.id() || vm.eq(handler, &Value::Int(SIG_DFL))? {
        return Ok(None);
    }
    if vm.eq(handler, &Value::Int(SIG_IGN))? {
        return Ok(Some(Rc::new(|_vm: &mut Vm| Ok(()))));
    }
    let f = handler.clone();
    Ok(Some(Rc::new(move |vm: &mut Vm| {
        let frame = current_frame(vm);
        vm.call(&f, &[Value::Int(SIGINT), frame]).map(|_| ())
    })))
}

fn signal(vm: &mut Vm, signum: Value, handler: Value, default_int: &Value) -> PyResult<Value> {
    let n = signum_arg(vm, &signum)?;
    let is_dfl = vm.eq(&handler, &Value::Int(SIG_DFL))?;
    let is_ign = vm.eq(&handler, &Value::Int(SIG_IGN))?;
    if !is_dfl && !is_ign && !vm.is_callable(&handler) {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if n == sig::SIGKILL || n == sig::SIGSTOP {
        let cls = vm.exc.os_error.clone();
        let msg = vm.str_val("Invalid argument");
        return Err(PyErr(vm.new_exception(&cls, vec![Value::Int(22), msg])));
    }
    if n == SIGINT {
        let action = interrupt_action(vm, &handler, default_int)?;
        vm.set_interrupt_handler(action);
    } else if !is_dfl && !is_ign {
        return Err(vm.not_implemented_error(format!(
            "rpy cannot handle signal {n} yet: only SIGINT can have a Python handler"
        )));
    }
    let old = table_get(vm, n);
    table_set(vm, n, handler);
    Ok(old)
}

/// `raise_signal(signum)`: SIGINT runs its handler (or raises
/// KeyboardInterrupt) at the VM's next check; an ignored signal does
/// nothing; rpy cannot deliver any other signal.
fn raise_signal(vm: &mut Vm, signum: Value) -> PyResult<()> {
    let n = signum_arg(vm, &signum)?;
    if n == SIGINT {
        vm.interrupt_flag()
            .store(true, std::sync::atomic::Ordering::SeqCst);
        return Ok(());
    }
    let h = table_get(vm, n);
    if vm.eq(&h, &Value::Int(SIG_IGN))? {
        return Ok(());
    }
    Err(vm.not_implemented_error(format!(
        "rpy cannot raise signal {n}: only SIGINT is delivered"
    )))
}

/// Makes the `_signal` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_signal");
    m.function(
        "default_int_handler",
        |vm: &mut Vm, _n: Value, _f: Value| -> PyResult<()> { Err(keyboard_interrupt(vm)) },
    );
    let getsignal = m.function(
        "getsignal",
        |vm: &mut Vm, signum: Value| -> PyResult<Value> {
            let n = signum_arg(vm, &signum)?;
            Ok(table_get(vm, n))
        },
    );
    crate::qualify(getsignal, "_signal");
    let strsignal = m.function(
        "strsignal",
        |vm: &mut Vm, signum: Value| -> PyResult<Option<String>> {
            let n = signum_arg(vm, &signum)?;
            Ok(sig::describe(n))
        },
    );
    crate::qualify(strsignal, "_signal");
    let valid = m.function("valid_signals", |vm: &mut Vm| -> PyResult<Value> {
        let items = (1..NSIG)
            .filter(|&n| sig::valid(n))
            .map(Value::Int)
            .collect();
        let list = vm.new_list(items);
        let set = Value::Obj(vm.types.set.clone());
        vm.call(&set, &[list])
    });
    crate::qualify(valid, "_signal");
    crate::qualify(m.function("raise_signal", raise_signal), "_signal");
    for &(name, n) in sig::NAMES {
        m.value(name, n);
    }
    m.value("NSIG", NSIG);
    m.value("SIG_DFL", SIG_DFL);
    m.value("SIG_IGN", SIG_IGN);
    m.value("SIG_BLOCK", 0i64);
    m.value("SIG_UNBLOCK", 1i64);
    m.value("SIG_SETMASK", 2i64);
    m.value("ITIMER_REAL", 0i64);
    m.value("ITIMER_VIRTUAL", 1i64);
    m.value("ITIMER_PROF", 2i64);
    let module = m.build(vm)?;
    let default_int = vm.module_get(&module, "default_int_handler");
    // The table as a new process has it: Python's SIGINT handler, and
    // SIGPIPE and SIGXFSZ ignored (CPython ignores them at start-up).
    let mut table = vec![Value::Int(SIG_DFL); NSIG as usize];
    table[SIGINT as usize] = default_int.clone();
    table[sig::SIGPIPE as usize] = Value::Int(SIG_IGN);
    table[sig::SIGXFSZ as usize] = Value::Int(SIG_IGN);
    vm.extensions.insert(TABLE, Box::new(Handlers(table)));
    let d = default_int.clone();
    let f = vm.new_native_closure(
        "signal",
        Rc::new(move |vm: &mut Vm, args: rpy_vm::Args<'_>| {
            let [signum, handler] = args.exact::<2>(vm, "signal")?;
            signal(vm, signum.clone(), handler.clone(), &d)
        }),
    );
    vm.module_set(&module, "signal", f);
    Ok(module)
}
