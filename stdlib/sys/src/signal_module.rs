//! `_signal`, under CPython's `signal.py`: the signal numbers, the handler
//! table (`signal`, `getsignal`), `default_int_handler`, `strsignal`,
//! `valid_signals`, `raise_signal`, `pthread_kill` (the running thread),
//! `alarm`, `setitimer`/`getitimer`, `pause`, `siginterrupt`,
//! `set_wakeup_fd`.
//!
//! CPython's model: the OS handler only notes the signal; the Python
//! handler runs later, between instructions. Here the OS handlers are
//! `signal-hook`'s: a signal sets its pending flag and the VM's interrupt
//! flag, so the eval loop's one interrupt check (`Vm::check_interrupt`)
//! calls `dispatch`, which writes the signal numbers to the wakeup fd and
//! runs the pending handlers. An interrupt with nothing pending is SIGINT
//! (the host's Ctrl-C, an embedder's request): its table entry decides
//! (`default_int_handler` or SIG_DFL raise KeyboardInterrupt — SIG_DFL
//! does not kill the process, an embedder's host included — SIG_IGN
//! ignores, a callable runs). For any other signal, SIG_DFL restores the
//! default action (`signal-hook`'s conditional default) and SIG_IGN
//! catches and drops it. Changing a disposition other than SIGINT's (which
//! stays inside the VM) or sending a signal needs `Capability::Process`.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use rpy_vm::{Capability, ModuleDef, PyErr, PyRef, PyResult, Value, Vm};
use signal_hook::SigId;

use crate::signal_numbers::{self as sig, NSIG, SIGINT};
use crate::signal_timers::{alarm_seconds, Timers};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const TABLE: &str = "rpy._signal.handlers";
const STATE: &str = "rpy._signal.state";

/// The handler of each signal, by number, as `getsignal` reports it.
struct Handlers(Vec<Value>);

/// What the OS side knows: the pending flags the OS handlers set, the
/// registrations per signal, the wakeup fd, the timers.
struct State {
    pending: Vec<Arc<AtomicBool>>,
    /// Per registered signal: its `signal-hook` actions and the flag that
    /// turns on the default action (SIG_DFL).
    registered: HashMap<i64, (Vec<SigId>, Arc<AtomicBool>)>,
    wakeup_fd: i64,
    /// Signals dispatched so far (`pause` waits for this to change).
    delivered: Arc<AtomicU64>,
    timers: Timers,
}

impl Drop for State {
    fn drop(&mut self) {
        // The interpreter is gone: its handlers must not fire any more.
        for (ids, dfl) in self.registered.values() {
            dfl.store(true, Ordering::SeqCst);
            for id in ids {
                signal_hook::low_level::unregister(*id);
            }
        }
    }
}

fn state(vm: &mut Vm) -> Option<&mut State> {
    vm.extensions
        .get_mut(STATE)
        .and_then(|t| t.downcast_mut::<State>())
}

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

fn os_error(vm: &mut Vm, errno: i32) -> PyErr {
    let e = std::io::Error::from_raw_os_error(errno);
    let cls = vm.exc.os_error.clone();
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_owned();
    let msg = vm.str_val(msg);
    match vm.call(
        &Value::Obj(cls.clone()),
        &[Value::Int(i64::from(errno)), msg],
    ) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.new_error(&cls, "signal error"),
        Err(e) => e,
    }
}

/// The frame an interrupt cut into (a handler's second argument).
fn current_frame(vm: &mut Vm) -> Value {
    let sys = Value::Obj(vm.sys.clone());
    match vm.get_attr_str(&sys, "_getframe") {
        Ok(f) => vm.call(&f, &[]).unwrap_or(Value::None),
        Err(_) => Value::None,
    }
}

/// Runs the Python-level handler of signal `n`, as the table has it.
fn run_handler(vm: &mut Vm, n: i64, default_int: &Value) -> PyResult<()> {
    let h = table_get(vm, n);
    if n == SIGINT && (h.id() == default_int.id() || matches!(h, Value::Int(SIG_DFL))) {
        return Err(keyboard_interrupt(vm));
    }
    if matches!(h, Value::Int(_)) || !vm.is_callable(&h) {
        return Ok(());
    }
    let frame = current_frame(vm);
    vm.call(&h, &[Value::Int(n), frame]).map(|_| ())
}

/// What the VM runs on an interrupt: the wakeup fd gets the numbers of
/// the signals that came, then their handlers run (SIGINT's when none
/// did: a Ctrl-C). A handler's exception stops the rest, which stay
/// pending for the next check.
fn dispatch(vm: &mut Vm, default_int: &Value) -> PyResult<()> {
    let (came, wakeup, pending) = match state(vm) {
        Some(st) => {
            let came: Vec<i64> = (1..NSIG)
                .filter(|&n| {
                    st.pending
                        .get(n as usize)
                        .is_some_and(|f| f.swap(false, Ordering::SeqCst))
                })
                .collect();
            st.delivered.fetch_add(1, Ordering::SeqCst);
            (came, st.wakeup_fd, st.pending.clone())
        }
        None => (Vec::new(), -1, Vec::new()),
    };
    let came = if came.is_empty() { vec![SIGINT] } else { came };
    if wakeup >= 0 {
        let bytes: Vec<u8> = came.iter().map(|&n| n as u8).collect();
        let _ = rpy_posix::with_open_fd(vm, wakeup as i32, |f| {
            rustix::io::write(f, &bytes).map_err(Into::into)
        });
    }
    for (i, &n) in came.iter().enumerate() {
        if let Err(e) = run_handler(vm, n, default_int) {
            for &m in &came[i + 1..] {
                if let Some(f) = pending.get(m as usize) {
                    f.store(true, Ordering::SeqCst);
                }
            }
            if came.len() > i + 1 {
                vm.interrupt_flag().store(true, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Makes the OS deliver signal `n` to the VM (once per signal), and sets
/// whether its default action runs instead (SIG_DFL).
fn route(vm: &mut Vm, n: i64, default_action: bool) -> PyResult<()> {
    let flag = vm.interrupt_flag();
    let Some(st) = state(vm) else {
        return Ok(());
    };
    if let Some((_, dfl)) = st.registered.get(&n) {
        dfl.store(default_action, Ordering::SeqCst);
        return Ok(());
    }
    if default_action {
        return Ok(());
    }
    let Some(pending) = st.pending.get(n as usize).cloned() else {
        return Ok(());
    };
    let signo = n as i32;
    let dfl = Arc::new(AtomicBool::new(false));
    let mut ids = Vec::new();
    let r = (|| -> std::io::Result<()> {
        ids.push(signal_hook::flag::register_conditional_default(
            signo,
            dfl.clone(),
        )?);
        ids.push(signal_hook::flag::register(signo, pending)?);
        ids.push(signal_hook::flag::register(signo, flag)?);
        Ok(())
    })();
    if let Err(e) = r {
        for id in ids {
            signal_hook::low_level::unregister(id);
        }
        let d = sig::describe(n).unwrap_or_default();
        return Err(vm.not_implemented_error(format!("rpy cannot handle signal {n} ({d}): {e}")));
    }
    if let Some(st) = state(vm) {
        st.registered.insert(n, (ids, dfl));
    }
    Ok(())
}

fn signal(vm: &mut Vm, signum: Value, handler: Value) -> PyResult<Value> {
    let n = signum_arg(vm, &signum)?;
    let is_dfl = vm.eq(&handler, &Value::Int(SIG_DFL))?;
    let is_ign = vm.eq(&handler, &Value::Int(SIG_IGN))?;
    if !is_dfl && !is_ign && !vm.is_callable(&handler) {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if n == sig::SIGKILL || n == sig::SIGSTOP {
        return Err(os_error(vm, 22));
    }
    if n != SIGINT {
        vm.require(Capability::Process, "signal.signal")?;
        route(vm, n, is_dfl)?;
    }
    let old = table_get(vm, n);
    table_set(vm, n, handler);
    Ok(old)
}

/// Runs what a signal just sent to this process set pending (CPython
/// runs the handler before `raise_signal` returns).
fn deliver_now(vm: &mut Vm, n: i64) -> PyResult<()> {
    if n == SIGINT {
        // Ctrl-C's path: the VM's flag, whoever handles the OS signal.
        vm.interrupt_flag().store(true, Ordering::SeqCst);
        return vm.check_interrupt();
    }
    vm.require(Capability::Process, "signal.raise_signal")?;
    if let Err(e) = signal_hook::low_level::raise(n as i32) {
        return Err(os_error(vm, e.raw_os_error().unwrap_or(22)));
    }
    vm.check_interrupt()
}

fn raise_signal(vm: &mut Vm, signum: Value) -> PyResult<()> {
    let n = signum_arg(vm, &signum)?;
    deliver_now(vm, n)
}

/// `pthread_kill(thread_id, signum)`: rpy runs Python on one OS thread,
/// so the target is the running thread (signal 0 only checks it).
fn pthread_kill(vm: &mut Vm, thread_id: Value, signum: Value) -> PyResult<()> {
    let tid = vm.to_index(&thread_id)?;
    let me = crate::thread_ident::current_ident();
    if u64::try_from(&tid).ok() != Some(me) {
        return Err(os_error(vm, 3));
    }
    if !vm.is_index(&signum) {
        let t = vm.type_name(&signum);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = vm.to_i64(&signum)?;
    if n == 0 {
        return Ok(());
    }
    if !(1..NSIG).contains(&n) {
        return Err(os_error(vm, 22));
    }
    deliver_now(vm, n)
}

fn with_timers<R>(
    vm: &mut Vm,
    f: impl FnOnce(&mut Timers) -> nix::Result<R>,
) -> PyResult<nix::Result<R>> {
    match state(vm) {
        Some(st) => Ok(f(&mut st.timers)),
        None => Err(vm.runtime_error("_signal is not initialised")),
    }
}

fn itimer_error(vm: &mut Vm, e: nix::errno::Errno) -> PyErr {
    let cls = vm
        .extensions
        .get(ITIMER_ERROR)
        .and_then(|c| c.downcast_ref::<PyRef>())
        .cloned()
        .unwrap_or_else(|| vm.exc.os_error.clone());
    let msg = vm.str_val(e.desc());
    match vm.call(&Value::Obj(cls.clone()), &[Value::Int(e as i64), msg]) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.new_error(&cls, "timer error"),
        Err(err) => err,
    }
}

const ITIMER_ERROR: &str = "rpy._signal.ItimerError";

fn which_arg(vm: &mut Vm, which: &Value) -> PyResult<usize> {
    let w = vm.to_i64(which)?;
    match usize::try_from(w) {
        Ok(w) if w <= 2 => Ok(w),
        _ => Err(itimer_error(vm, nix::errno::Errno::EINVAL)),
    }
}

fn setting(vm: &mut Vm, (delay, interval): (f64, f64)) -> Value {
    vm.new_tuple(vec![Value::Float(delay), Value::Float(interval)])
}

fn setitimer(
    vm: &mut Vm,
    which: Value,
    seconds: Value,
    interval: rpy_vm::OptArg<Value>,
) -> PyResult<Value> {
    let w = which_arg(vm, &which)?;
    let delay = vm.to_float(&seconds)?;
    let interval = match interval.0 {
        Some(i) => vm.to_float(&i)?,
        None => 0.0,
    };
    if !delay.is_finite() || !interval.is_finite() {
        return Err(vm.value_error("setitimer: delay and interval must be finite"));
    }
    vm.require(Capability::Process, "signal.setitimer")?;
    let r = with_timers(vm, |t| t.set(w, delay, interval))?;
    match r {
        Ok(old) => Ok(setting(vm, old)),
        Err(e) => Err(itimer_error(vm, e)),
    }
}

fn getitimer(vm: &mut Vm, which: Value) -> PyResult<Value> {
    let w = which_arg(vm, &which)?;
    let r = with_timers(vm, |t| t.get(w))?;
    match r {
        Ok(s) => Ok(setting(vm, s)),
        Err(e) => Err(itimer_error(vm, e)),
    }
}

fn alarm(vm: &mut Vm, seconds: Value) -> PyResult<i64> {
    if !vm.is_index(&seconds) {
        let t = vm.type_name(&seconds);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let s = vm.to_i64(&seconds)?;
    vm.require(Capability::Process, "signal.alarm")?;
    let r = with_timers(vm, |t| t.set(0, s.max(0) as f64, 0.0))?;
    match r {
        Ok((left, _)) => Ok(alarm_seconds(left)),
        Err(e) => Err(itimer_error(vm, e)),
    }
}

/// `pause()`: sleeps until a signal's handler has run.
fn pause(vm: &mut Vm) -> PyResult<()> {
    let Some(seen) = state(vm).map(|st| st.delivered.clone()) else {
        return Ok(());
    };
    let start = seen.load(Ordering::SeqCst);
    while seen.load(Ordering::SeqCst) == start {
        vm.sleep_interruptibly(std::time::Duration::from_millis(20))?;
    }
    Ok(())
}

/// `set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: the descriptor the
/// numbers of arriving signals are written to (-1: none); returns the
/// previous one. As in CPython it must be non-blocking.
fn set_wakeup_fd(vm: &mut Vm, args: rpy_vm::Args<'_>) -> PyResult<Value> {
    let [fd, _warn] = args.bind(vm, "set_wakeup_fd", ["fd", "warn_on_full_buffer"], 1)?;
    let fd = fd.cloned().unwrap_or(Value::Int(-1));
    if !vm.is_index(&fd) {
        let t = vm.type_name(&fd);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = vm.to_i64(&fd)?;
    if n != -1 {
        let fdn = i32::try_from(n).map_err(|_| vm.value_error(format!("invalid fd: {n}")))?;
        let flags =
            rpy_posix::with_open_fd(vm, fdn, |f| rustix::fs::fcntl_getfl(f).map_err(Into::into));
        match flags {
            Err(_) => return Err(vm.value_error(format!("invalid fd: {n}"))),
            Ok(fl) if !fl.contains(rustix::fs::OFlags::NONBLOCK) => {
                return Err(vm.value_error(format!("the fd {n} must be in non-blocking mode")));
            }
            Ok(_) => {}
        }
    }
    let old = match state(vm) {
        Some(st) => std::mem::replace(&mut st.wakeup_fd, n),
        None => -1,
    };
    Ok(Value::Int(old))
}

/// `siginterrupt(signalnum, flag)`: checked and accepted; rpy's handlers
/// always restart interrupted system calls (and retry on EINTR).
fn siginterrupt(vm: &mut Vm, signum: Value, flag: Value) -> PyResult<()> {
    signum_arg(vm, &signum)?;
    vm.is_true(&flag)?;
    Ok(())
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
    crate::qualify(m.function("signal", signal), "_signal");
    crate::qualify(m.function("pthread_kill", pthread_kill), "_signal");
    crate::qualify(m.function("alarm", alarm), "_signal");
    crate::qualify(m.function("getitimer", getitimer), "_signal");
    crate::qualify(m.function("setitimer", setitimer), "_signal");
    crate::qualify(m.function("pause", pause), "_signal");
    crate::qualify(m.function("siginterrupt", siginterrupt), "_signal");
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
    let wake = vm.new_native_closure(
        "set_wakeup_fd",
        Rc::new(|vm: &mut Vm, args: rpy_vm::Args<'_>| set_wakeup_fd(vm, args)),
    );
    vm.module_set(&module, "set_wakeup_fd", wake);
    let os_err = vm.exc.os_error.clone();
    let itimer = vm.new_exception_type("signal", "itimer_error", &os_err)?;
    vm.module_set(&module, "ItimerError", Value::Obj(itimer.clone()));
    vm.extensions.insert(ITIMER_ERROR, Box::new(itimer));
    let default_int = vm.module_get(&module, "default_int_handler");
    // The table as a new process has it: Python's SIGINT handler, and
    // SIGPIPE and SIGXFSZ ignored (CPython ignores them at start-up).
    let mut table = vec![Value::Int(SIG_DFL); NSIG as usize];
    table[SIGINT as usize] = default_int.clone();
    table[sig::SIGPIPE as usize] = Value::Int(SIG_IGN);
    table[sig::SIGXFSZ as usize] = Value::Int(SIG_IGN);
    vm.extensions.insert(TABLE, Box::new(Handlers(table)));
    vm.extensions.insert(
        STATE,
        Box::new(State {
            pending: (0..NSIG)
                .map(|_| Arc::new(AtomicBool::new(false)))
                .collect(),
            registered: HashMap::new(),
            wakeup_fd: -1,
            delivered: Arc::new(AtomicU64::new(0)),
            timers: Timers::default(),
        }),
    );
    let d = default_int.clone();
    vm.set_interrupt_handler(Some(Rc::new(move |vm: &mut Vm| dispatch(vm, &d))));
    Ok(module)
}
