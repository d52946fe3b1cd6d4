//! The runtime all interpreters on a thread share: the built-in types and
//! exception classes, the interned names, and the prototype namespaces of
//! `builtins` and `sys`. It is built once per thread, by a prototype `Vm`;
//! each new interpreter then takes references to it instead of building
//! its ~700 objects again, much as CPython's subinterpreters share its
//! static built-in types.
//!
//! Sharing keeps interpreters independent because nothing shared changes
//! once built:
//! - built-in types refuse attribute assignment, and their deferred
//!   namespaces (`objects/type_lazy.rs`) fill in the same way whichever
//!   interpreter reads them first;
//! - subclasses an interpreter makes of a shared type are recorded in that
//!   interpreter (`Vm::add_subclass`), not in the type;
//! - each interpreter gets its own `builtins` and `sys` modules, whose dicts
//!   start as copies of the prototypes'. The values copied are immutable
//!   (functions, types, strings, struct sequences); the mutable ones
//!   (`sys.path`, `sys.modules`, ...) are made per interpreter by
//!   `sys::init_interpreter`.
//!
//! An interpreter holds an `Rc` of the runtime, so the runtime outlives it;
//! the thread holds one too, and frees the runtime when it exits.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::PyRef;
use crate::vm::Vm;

/// The shared state: a prototype interpreter, built like any other but
/// never running code. Its types, names and namespaces are the shared ones.
pub(crate) struct Runtime {
    pub(crate) proto: Vm,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

impl Runtime {
    /// This thread's runtime, built at the first call.
    pub(crate) fn current() -> Rc<Runtime> {
        let cached = CURRENT.try_with(|c| c.borrow().clone()).ok().flatten();
        if let Some(rt) = cached {
            return rt;
        }
        let rt = Rc::new(Runtime::build());
        // During thread teardown the cache may be gone: the runtime is
        // then this interpreter's alone.
        let _ = CURRENT.try_with(|c| *c.borrow_mut() = Some(rt.clone()));
        rt
    }

    fn build() -> Runtime {
        let proto = Vm::prototype();
        for o in shared_objects(&proto) {
            if let Some(t) = o.as_type() {
                t.shared.set(true);
            }
        }
        Runtime { proto }
    }
}

/// Every container object the prototype made: the bootstrap types and
/// exception classes, and what the prototype's cycle collector tracks
/// (native types such as `_sitebuiltins.Quitter`, functions, ...).
fn shared_objects(proto: &Vm) -> Vec<PyRef> {
    let mut all = proto.types.all();
    all.extend(proto.exc.all().into_iter().map(|(_, c)| c));
    all.extend(proto.gc_tracked_objects());
    all
}

/// Whether `o` can be shared by interpreters: nothing reachable from it
/// can change. Native data (the `exit` and `help` objects, the std
/// streams) counts when its class is shared: those classes define no
/// method that mutates it.
#[cfg(test)]
pub(crate) fn is_immutable(v: &crate::value::Value) -> bool {
    use crate::object::Payload;
    use crate::value::Value;
    let Value::Obj(o) = v else {
        return true;
    };
    if o.dict_raw().is_some() && o.as_type().is_none() {
        return false;
    }
    let class_shared = o
        .class_opt()
        .and_then(|c| c.as_type().map(|t| t.shared.get()))
        .unwrap_or(false);
    match &o.payload {
        Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(..)
        | Payload::Code(_)
        | Payload::Range { .. }
        | Payload::BigRange(_) => true,
        Payload::Tuple(items) => class_shared && items.iter().all(is_immutable),
        Payload::Type(t) => t.shared.get(),
        Payload::BuiltinFunction(f) => {
            matches!(f.func, crate::native::NativeImpl::Fn(_))
                && f.bound.as_ref().is_none_or(|b| {
                    matches!(b, Value::Obj(m) if matches!(m.payload, Payload::Module(_)))
                        || is_immutable(b)
                })
        }
        Payload::Instance | Payload::NativeData(_) => class_shared,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Payload;
    use crate::value::Value;

    /// The entries of a module's namespace.
    fn entries(module: &PyRef) -> Vec<(String, Value)> {
        let Some(d) = module.dict_raw() else {
            return Vec::new();
        };
        let Payload::Dict(t) = &d.payload else {
            return Vec::new();
        };
        t.borrow()
            .map
            .iter()
            .filter(|(k, _)| !k.dead)
            .map(|(k, v)| (k.value.as_str().unwrap_or_default().to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn interpreters_share_only_immutable_values() {
        let vm = Vm::new();
        let rt = vm.runtime.clone().expect("runtime");
        let mut shared = 0;
        for (own, proto) in [(&vm.builtins, &rt.proto.builtins), (&vm.sys, &rt.proto.sys)] {
            let theirs = entries(proto);
            for (name, v) in entries(own) {
                let same = theirs.iter().any(|(n, pv)| *n == name && pv.is(&v));
                if same {
                    shared += 1;
                    assert!(is_immutable(&v), "shared mutable value: {name}");
                }
            }
        }
        // Most of the namespaces are shared (the check is not vacuous).
        assert!(shared > 150, "only {shared} shared values");
    }

    #[test]
    fn the_runtime_frees_its_objects() {
        let before = crate::heap_stats::live_objects();
        let rt = Runtime::build();
        // Fill in deferred namespaces too, as running code would.
        for t in rt.proto.types.all() {
            let _ = t.dict();
        }
        assert!(crate::heap_stats::live_objects() > before + 500);
        drop(rt);
        assert_eq!(crate::heap_stats::live_objects(), before);
    }
}
