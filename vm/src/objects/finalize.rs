//! Finalizers: `__del__` of instances of Python classes.
//!
//! An object is freed inside `Drop`, where no VM is at hand and the
//! object can no longer be referenced. So when the last reference to an
//! instance whose class defines `__del__` goes, its contents (class,
//! payload, dict) move into a fresh object that is queued; the eval loop
//! runs the queued finalizers before its next instruction, as CPython runs
//! them when the count drops to zero. As in CPython (PEP 442), a finalizer
//! runs once per object: finalized objects are remembered by address until
//! they are really freed. The cycle collector runs the finalizers of
//! garbage before it clears it (see `gc.rs`).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::{Rc, Weak};

use crate::object::{Payload, PyObject};
use crate::objects::generator::FinalizeQueue;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

thread_local! {
    /// The queues of the VMs alive on this thread, with their interned
    /// `__del__` names; the newest is used (objects do not know their VM,
    /// so with several live VMs on one thread, the newest runs the
    /// finalizers).
    static CURRENT: RefCell<Vec<(Weak<FinalizeQueue>, PyRef)>> = const { RefCell::new(Vec::new()) };
    /// Addresses of objects whose finalizer has run.
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Makes `vm`'s queue the one dropped objects go to.
pub fn install(vm: &Vm) {
    let q = Rc::downgrade(&vm.finalize_queue);
    let name = vm.names.__del__.clone();
    let _ = CURRENT.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            c.push((q, name));
        }
    });
}

/// Stops queueing for `vm` (it is being torn down).
pub fn uninstall(vm: &Vm) {
    // The list is gone once the thread exits (the runtime's prototype is
    // torn down then).
    let _ = CURRENT.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            let mine = Rc::as_ptr(&vm.finalize_queue);
            c.retain(|(q, _)| !std::ptr::eq(q.as_ptr(), mine));
        }
    });
}

/// Whether instances of `cls` have a `__del__` (cached per type version).
fn class_has_del(cls: &PyRef, name: &PyRef) -> bool {
    let Some(t) = cls.as_type() else {
        return false;
    };
    if !t.heap {
        return false;
    }
    let (version, known) = t.del_cache.get();
    if known != 0 && version == t.version.get() {
        return known == 2;
    }
    let Ok(mro) = t.mro.try_borrow() else {
        return false;
    };
    let Payload::Str(s) = &name.payload else {
        return false;
    };
    let mut found = false;
    let mut skipped_pending = false;
    for c in mro.iter() {
        // A built-in type's deferred namespace is only built if it would
        // define the name (at exit every instance is asked).
        let d = match c.as_type() {
            Some(ct) if !crate::objects::type_lazy::may_define(ct, s.as_str()) => {
                // Additions recorded later need not bump the version:
                // do not cache an answer that read around them.
                skipped_pending |= ct.lazy_pending.get();
                c.dict_raw()
            }
            _ => c.dict(),
        };
        let Some(d) = d else { continue };
        let Payload::Dict(table) = &d.payload else {
            continue;
        };
        let Ok(table) = table.try_borrow() else {
            return false;
        };
        let key = Value::Obj(name.clone());
        if matches!(
            table.probe(&key, s.hash()),
            crate::objects::table::Probe::Found(_)
        ) {
            found = true;
            break;
        }
    }
    if !skipped_pending {
        t.del_cache
            .set((t.version.get(), if found { 2 } else { 1 }));
    }
    found
}

fn class_of(o: &PyObject) -> Option<PyRef> {
    o.class_ref_try().ok().and_then(|c| c.clone())
}

fn address(o: &PyObject) -> usize {
    o as *const PyObject as usize
}

/// Whether `o`'s finalizer is still to run (its class has `__del__` and
/// it has not run yet).
pub fn needs_finalizer(o: &PyObject, name: &PyRef) -> bool {
    let Some(cls) = class_of(o) else {
        return false;
    };
    if !class_has_del(&cls, name) {
        return false;
    }
    !FINALIZED
        .try_with(|f| {
            f.try_borrow()
                .map(|f| f.contains(&address(o)))
                .unwrap_or(true)
        })
        .unwrap_or(true)
}

/// Called by `PyObject::drop`: queues the object's contents for its
/// finalizer and returns true, or returns false to drop it normally.
pub fn intercept(o: &mut PyObject) -> bool {
    let Some(cls) = class_of(o) else {
        return false;
    };
    // The common case first, without touching the thread-local state:
    // a built-in class, or a class known to have no `__del__`.
    match cls.as_type() {
        Some(t) if t.heap => {
            let (version, known) = t.del_cache.get();
            if known == 1 && version == t.version.get() {
                return false;
            }
        }
        _ => return false,
    }
    let Some((queue, name)) = CURRENT
        .try_with(|c| {
            c.try_borrow()
                .ok()
                .and_then(|c| c.last().and_then(|(q, n)| Some((q.upgrade()?, n.clone()))))
        })
        .ok()
        .flatten()
    else {
        return false;
    };
    if !class_has_del(&cls, &name) {
        return false;
    }
    let addr = address(o);
    let done = FINALIZED
        .try_with(|f| match f.try_borrow_mut() {
            Ok(mut f) => f.remove(&addr),
            Err(_) => true,
        })
        .unwrap_or(true);
    if done {
        return false;
    }
    let payload = std::mem::replace(&mut o.payload, Payload::Instance);
    let dict = o.take_dict();
    let revived = PyObject::new_raw(Some(cls), payload, dict);
    // The revived object stays visible to the cycle collector.
    crate::gc_heap::track_like(o, &revived);
    crate::objects::weakref::on_move(o, &revived);
    queue.push_object(revived);
    true
}

/// The finalizer queue of the newest VM on this thread (where weak
/// reference callbacks are queued too).
pub(crate) fn current_queue() -> Option<Rc<FinalizeQueue>> {
    CURRENT
        .try_with(|c| {
            c.try_borrow()
                .ok()
                .and_then(|c| c.last().and_then(|(q, _)| q.upgrade()))
        })
        .ok()
        .flatten()
}

/// Records that `o`'s finalizer ran.
pub fn mark_finalized(o: &PyRef) {
    let addr = Rc::as_ptr(o) as usize;
    let _ = FINALIZED.try_with(|f| {
        if let Ok(mut f) = f.try_borrow_mut() {
            f.insert(addr);
        }
    });
}

impl Vm {
    /// Runs `o.__del__()` once, printing "Exception ignored in" for errors
    /// as CPython does.
    pub fn call_finalizer(&mut self, o: &PyRef) {
        mark_finalized(o);
        let v = Value::Obj(o.clone());
        let name = self.names.__del__.clone();
        let Some(f) = self.lookup_special(&v, &name) else {
            return;
        };
        if let Err(e) = self.call(&f, &[v]) {
            let r = self.repr(&f).unwrap_or_default();
            let tb = self.format_exception(&Value::Obj(e.0.clone()));
            self.write_stderr(&format!("Exception ignored in: {r}\n{tb}"));
        }
    }
}
