//! `_thread.lock` and `_thread.RLock`. rpy runs Python on one OS thread,
//! so a lock held when `acquire` blocks can only be released by code the
//! wait itself runs (a signal handler): the wait sleeps in short slices,
//! checking the lock, Ctrl-C and the time limit between them — it blocks
//! as CPython's does, but stays interruptible. With a timeout it gives up
//! after the timeout and returns False.

use std::time::{Duration, Instant};

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm};

use crate::thread_ident::current_ident;

/// How long one sleep of a blocked `acquire` lasts before the lock is
/// looked at again.
const SLICE: Duration = Duration::from_millis(50);

/// `TIMEOUT_MAX` in nanoseconds (CPython: the largest microsecond count
/// a C `long long` holds, in seconds).
const TIMEOUT_MAX_NS: i128 = (i64::MAX / 1000) as i128 * 1000;

/// `TIMEOUT_MAX`, in whole seconds (CPython rounds it down).
pub const TIMEOUT_MAX: f64 = (i64::MAX / 1_000_000_000) as f64;

/// What an `acquire` call asked for.
#[derive(Clone, Copy)]
pub enum Wait {
    /// Do not wait.
    No,
    /// Wait at most this long.
    For(Duration),
    /// Wait as long as it takes.
    Forever,
}

/// An int argument as CPython's "i" format reads it.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    let Ok(n) = i64::try_from(&i) else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    if n > i64::from(i32::MAX) {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if n < i64::from(i32::MIN) {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(n)
}

/// A timeout in seconds as nanoseconds, rounded up (CPython's
/// `_PyTime_FromSecondsObject`).
fn timeout_ns(vm: &mut Vm, v: &Value) -> PyResult<i128> {
    if let Value::Float(f) = v {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i128);
    }
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    let ns = i64::try_from(&i)
        .ok()
        .and_then(|s| s.checked_mul(1_000_000_000));
    match ns {
        Some(ns) => Ok(i128::from(ns)),
        None => Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

/// `acquire(blocking=True, timeout=-1)`'s arguments, checked as CPython
/// checks them.
pub fn wait_args(vm: &mut Vm, blocking: OptArg<Value>, timeout: OptArg<Value>) -> PyResult<Wait> {
    let blocking = match blocking.0 {
        Some(b) => c_int(vm, &b)? != 0,
        None => true,
    };
    const UNSET: i128 = -1_000_000_000;
    let ns = match timeout.0 {
        Some(t) => timeout_ns(vm, &t)?,
        None => UNSET,
    };
    if !blocking && ns != UNSET {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if ns < 0 && ns != UNSET {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Wait::No);
    }
    if ns == UNSET {
        return Ok(Wait::Forever);
    }
    if ns > TIMEOUT_MAX_NS {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(Wait::For(Duration::from_nanos(ns as u64)))
}

/// Tries `take` until it succeeds or the wait is over; sleeps between
/// tries, raising KeyboardInterrupt or the time limit's error if they come.
pub fn wait_until(
    vm: &mut Vm,
    wait: Wait,
    mut take: impl FnMut(&mut Vm) -> PyResult<bool>,
) -> PyResult<bool> {
    if take(vm)? {
        return Ok(true);
    }
    let end = match wait {
        Wait::No => return Ok(false),
        Wait::For(d) => Instant::now().checked_add(d),
        Wait::Forever => None,
    };
    loop {
        let slice = match end {
            Some(end) => {
                let left = end.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Ok(false);
                }
                left.min(SLICE)
            }
            None => SLICE,
        };
        vm.sleep_interruptibly(slice)?;
        if take(vm)? {
            return Ok(true);
        }
    }
}

/// `<locked _thread.lock object at 0x...>`: the class as CPython's
/// `tp_name` shows it.
fn class_name(vm: &mut Vm, v: &Value) -> String {
    vm.type_name(v)
}

/// `_thread.lock`: a plain lock.
pub struct Lock {
    pub locked: bool,
}

fn lock_acquire(
    vm: &mut Vm,
    this: Native<Lock>,
    blocking: OptArg<Value>,
    timeout: OptArg<Value>,
) -> PyResult<bool> {
    let wait = wait_args(vm, blocking, timeout)?;
    wait_until(vm, wait, |vm| {
        this.with_mut(vm, |l| !std::mem::replace(&mut l.locked, true))
    })
}

fn lock_release(vm: &mut Vm, this: Native<Lock>) -> PyResult<()> {
    if this.with_mut(vm, |l| std::mem::replace(&mut l.locked, false))? {
        Ok(())
    } else {
        Err(vm.runtime_error("release unlocked lock"))
    }
}

impl NativeClass for Lock {
    const NAME: &'static str = "lock";
    const MODULE: &'static str = "_thread";
    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, _a: VarArgs, _k: KwArgs| -> PyResult<Lock> {
            Err(vm.type_error("cannot create '_thread.lock' instances"))
        });
        for name in ["acquire", "acquire_lock"] {
            c.method(name, lock_acquire)
                .params(&["blocking", "timeout"]);
        }
        c.method("__enter__", |vm: &mut Vm, this: Native<Lock>| {
            lock_acquire(vm, this, OptArg(None), OptArg(None))
        });
        for name in ["release", "release_lock"] {
            c.method(name, lock_release);
        }
        c.method(
            "__exit__",
            |vm: &mut Vm, this: Native<Lock>, _a: VarArgs| lock_release(vm, this),
        );
        for name in ["locked", "locked_lock"] {
            c.method(name, |l: &Lock| l.locked);
        }
        c.method("_at_fork_reinit", |l: &mut Lock| l.locked = false);
        c.repr(|vm, this| {
            let locked = this.with(vm, |l| l.locked)?;
            let v = this.value();
            let name = class_name(vm, &v);
            let state = if locked { "locked" } else { "unlocked" };
            Ok(format!("<{state} {name} object at {:#x}>", v.id()))
        });
    }
}

/// `_thread.RLock`: a lock its owner may take again; released when
/// released as many times.
#[derive(Default)]
pub struct RLock {
    owner: u64,
    count: u64,
}

impl RLock {
    fn owned_by_me(&self) -> bool {
        self.count > 0 && self.owner == current_ident()
    }
}

fn rlock_acquire(
    vm: &mut Vm,
    this: Native<RLock>,
    blocking: OptArg<Value>,
    timeout: OptArg<Value>,
) -> PyResult<bool> {
    let wait = wait_args(vm, blocking, timeout)?;
    let me = current_ident();
    // The owner takes it again at once (counted); anyone else waits.
    let again = this.with_mut(vm, |r| {
        if r.count > 0 && r.owner == me {
            r.count.checked_add(1).map(|c| r.count = c)
        } else {
            None
        }
    })?;
    if again.is_some() {
        return Ok(true);
    }
    if this.with(vm, |r| r.count == u64::MAX && r.owner == me)? {
        return Err(vm.overflow_error("Internal lock count overflowed"));
    }
    wait_until(vm, wait, |vm| {
        this.with_mut(vm, |r| {
            if r.count == 0 {
                r.owner = me;
                r.count = 1;
                true
            } else {
                false
            }
        })
    })
}

fn rlock_release(vm: &mut Vm, this: Native<RLock>) -> PyResult<()> {
    let ok = this.with_mut(vm, |r| {
        if !r.owned_by_me() {
            return false;
        }
        r.count -= 1;
        if r.count == 0 {
            r.owner = 0;
        }
        true
    })?;
    if ok {
        Ok(())
    } else {
        Err(vm.runtime_error("cannot release un-acquired lock"))
    }
}

impl NativeClass for RLock {
    const NAME: &'static str = "RLock";
    const MODULE: &'static str = "_thread";
    const BASETYPE: bool = true;
    fn define(c: &mut ClassDef<Self>) {
        // CPython's RLock() ignores its arguments.
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(RLock::default()));
        c.method("acquire", rlock_acquire)
            .params(&["blocking", "timeout"]);
        c.method("__enter__", |vm: &mut Vm, this: Native<RLock>| {
            rlock_acquire(vm, this, OptArg(None), OptArg(None))
        });
        c.method("release", rlock_release);
        c.method(
            "__exit__",
            |vm: &mut Vm, this: Native<RLock>, _a: VarArgs| rlock_release(vm, this),
        );
        c.method("_is_owned", |r: &RLock| r.owned_by_me());
        c.method("_recursion_count", |r: &RLock| {
            if r.owned_by_me() {
                r.count
            } else {
                0
            }
        });
        c.method(
            "_release_save",
            |vm: &mut Vm, this: Native<RLock>| -> PyResult<(u64, u64)> {
                let saved = this.with_mut(vm, |r| {
                    if r.count == 0 {
                        return None;
                    }
                    let s = (r.count, r.owner);
                    *r = RLock::default();
                    Some(s)
                })?;
                match saved {
                    Some(state) => Ok(state),
                    None => Err(vm.runtime_error("cannot release un-acquired lock")),
                }
            },
        );
        c.method(
            "_acquire_restore",
            |vm: &mut Vm, this: Native<RLock>, state: Value| -> PyResult<()> {
                let parts = match state.as_tuple().map(|t| t.to_vec()) {
                    Some(p) if p.len() == 2 => p,
                    _ => {
                        let t = vm.type_name(&state);
                        return Err(vm.type_error(format!(
                            "_acquire_restore() argument 1 must be 2-item sequence, not {t}"
                        )));
                    }
                };
                let count = u64_arg(vm, &parts[0])?;
                let owner = u64_arg(vm, &parts[1])?;
                wait_until(vm, Wait::Forever, |vm| {
                    this.with_mut(vm, |r| {
                        if r.count == 0 {
                            r.count = count;
                            r.owner = owner;
                            true
                        } else {
                            false
                        }
                    })
                })?;
                Ok(())
            },
        );
        c.method("_at_fork_reinit", |r: &mut RLock| *r = RLock::default());
        c.repr(|vm, this| {
            let (owner, count) = this.with(vm, |r| (r.owner, r.count))?;
            let v = this.value();
            let name = class_name(vm, &v);
            let state = if count > 0 { "locked" } else { "unlocked" };
            Ok(format!(
                "<{state} {name} object owner={owner} count={count} at {:#x}>",
                v.id()
            ))
        });
    }
}

/// An unsigned C long argument ("k" format: wraps like CPython's).
fn u64_arg(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let Some(i) = rpy_vm::to_integer(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    Ok(match u64::try_from(&i) {
        Ok(n) => n,
        Err(_) => i64::try_from(&i).map(|n| n as u64).unwrap_or(0),
    })
}
