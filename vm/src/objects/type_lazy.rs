//! Deferred namespaces of built-in types. What start-up code adds to a
//! built-in type (method tables, static and class methods, computed
//! attributes, constants) is recorded here, in order, and turned into
//! objects in the type's dict the first time anything reads that dict
//! (`PyObject::dict`). An interpreter that never touches `str` methods
//! never builds them: creating an interpreter stays cheap for embedders.

use std::rc::{Rc, Weak};

use crate::native::{NativeClosure, NativeFn, NativeFunction, NativeImpl, NativeKind};
use crate::object::{Payload, PyObject};
use crate::objects::descriptor::{
    GetFn, GetSetDescr, Getter, GetterClosure, MemberDescr, SetFn, Setter, SetterClosure,
};
use crate::objects::str::PyStr;
use crate::objects::table::{DictTable, Probe};
use crate::objects::type_::TypeData;
use crate::value::{PyRef, Value};

/// The classes of the objects a deferred namespace builds (weak: the
/// types own their namespaces, not the other way round).
pub(crate) struct LazyClasses {
    pub str_t: Weak<PyObject>,
    pub method_descriptor: Weak<PyObject>,
    pub wrapper_descriptor: Weak<PyObject>,
    pub classmethod_descriptor: Weak<PyObject>,
    pub builtin_function: Weak<PyObject>,
    pub getset_descriptor: Weak<PyObject>,
    pub member_descriptor: Weak<PyObject>,
    pub tuple: Weak<PyObject>,
}

/// The name of a recorded addition: most are string literals, which
/// cost nothing to keep.
#[derive(Clone)]
pub(crate) enum Name {
    Static(&'static str),
    Shared(Rc<str>),
}

impl Name {
    fn as_str(&self) -> &str {
        match self {
            Name::Static(s) => s,
            Name::Shared(s) => s,
        }
    }

    fn to_rc(&self) -> Rc<str> {
        match self {
            Name::Static(s) => Rc::from(*s),
            Name::Shared(s) => s.clone(),
        }
    }
}

/// One recorded addition to a type's namespace.
pub(crate) enum Pending {
    /// `Vm::add_methods`: a static table of methods.
    Methods(&'static [(&'static str, NativeFn)]),
    /// A static or class method.
    Native(Name, NativeFn, NativeKind),
    /// A method implemented by a closure (the operator dunders).
    Closure(Name, NativeClosure),
    /// A computed attribute.
    GetSet(Name, Getter, Option<Setter>),
    /// A computed attribute of a typed native type (`native_type.rs`).
    GetSetClosure(Name, GetterClosure, Option<SetterClosure>),
    /// A method, static or class method of a typed native type.
    TypedNative(Name, NativeClosure, NativeKind),
    /// Any ready value (`Vm::set_class_attr`).
    Value(Name, Value),
    /// A member descriptor for item `index` (a struct sequence's field).
    Member(Name, usize),
    /// A tuple of str (`__match_args__`).
    StrTuple(Name, Vec<Rc<str>>),
}

/// The additions waiting to be applied to one type's dict (kept inside
/// the type: no allocation until the first addition).
#[derive(Default)]
pub(crate) struct LazyNamespace {
    classes: Option<Rc<LazyClasses>>,
    owner: Weak<PyObject>,
    entries: Vec<Pending>,
}

/// Records `p` for type `ty`, to be applied at the next read of its dict.
/// Returns whether additions were already waiting: then no lookup has
/// read the namespace since (it would have applied them), so no cached
/// lookup can be stale and the caller need not invalidate caches.
pub(crate) fn defer(ty: &PyRef, classes: &Rc<LazyClasses>, p: Pending) -> bool {
    let Some(t) = ty.as_type() else { return false };
    let waiting = t.lazy_pending.get();
    let mut ns = t.lazy.borrow_mut();
    if ns.classes.is_none() {
        ns.classes = Some(classes.clone());
        ns.owner = Rc::downgrade(ty);
    }
    if ns.entries.capacity() == 0 {
        // Most built-in types get a handful: one allocation for them.
        ns.entries.reserve(8);
    }
    ns.entries.push(p);
    t.lazy_pending.set(true);
    waiting
}

/// Applies the recorded additions of `t` to its namespace `dict`.
#[cold]
pub(crate) fn materialize(t: &TypeData, dict: &PyRef) {
    // Both borrows first: if either is held (re-entry), the additions stay
    // recorded for the next read rather than being lost.
    let Some(Ok(mut table)) = crate::objects::dict::table(dict).map(|c| c.try_borrow_mut()) else {
        return;
    };
    let Ok(mut ns) = t.lazy.try_borrow_mut() else {
        return;
    };
    let entries = std::mem::take(&mut ns.entries);
    let (owner, classes) = (ns.owner.upgrade(), ns.classes.clone());
    drop(ns);
    t.lazy_pending.set(false);
    let Some(c) = classes else { return };
    let (Some(owner), Some(str_t)) = (owner, c.str_t.upgrade()) else {
        return;
    };
    let native = |name: Rc<str>, func: NativeImpl, kind: NativeKind| -> Option<Value> {
        let mut f = NativeFunction::new("", |_, _| Ok(Value::None));
        f.name = name;
        f.func = func;
        f.kind = kind;
        f.owner = Some(owner.clone());
        let cls = match kind {
            NativeKind::Method if crate::objects::function::is_slot_wrapper(&f.name) => {
                c.wrapper_descriptor.upgrade()?
            }
            NativeKind::Method => c.method_descriptor.upgrade()?,
            NativeKind::ClassMethod => c.classmethod_descriptor.upgrade()?,
            NativeKind::StaticMethod | NativeKind::Function | NativeKind::Bound => {
                f.bound = Some(Value::Obj(owner.clone()));
                c.builtin_function.upgrade()?
            }
        };
        Some(Value::Obj(PyObject::new_raw(
            Some(cls),
            Payload::BuiltinFunction(Box::new(f)),
            None,
        )))
    };
    for p in entries {
        match p {
            Pending::Methods(methods) => {
                for &(name, func) in methods {
                    let func = NativeImpl::Fn(func);
                    if let Some(v) = native(Rc::from(name), func, NativeKind::Method) {
                        set(&mut table, &str_t, name, v);
                    }
                }
            }
            Pending::Native(name, func, kind) => {
                if let Some(v) = native(name.to_rc(), NativeImpl::Fn(func), kind) {
                    set(&mut table, &str_t, name.as_str(), v);
                }
            }
            Pending::Closure(name, func) => {
                let func = NativeImpl::Closure(func);
                if let Some(v) = native(name.to_rc(), func, NativeKind::Method) {
                    set(&mut table, &str_t, name.as_str(), v);
                }
            }
            Pending::TypedNative(name, func, kind) => {
                let func = NativeImpl::Closure(func);
                if let Some(v) = native(name.to_rc(), func, kind) {
                    set(&mut table, &str_t, name.as_str(), v);
                }
            }
            Pending::GetSet(name, get, setter) => {
                let Some(cls) = c.getset_descriptor.upgrade() else {
                    continue;
                };
                let d = GetSetDescr {
                    name: name.to_rc(),
                    owner: owner.clone(),
                    get: GetFn::Fn(get),
                    set: setter.map(SetFn::Fn),
                };
                let v = PyObject::new_raw(Some(cls), Payload::GetSet(Box::new(d)), None);
                set(&mut table, &str_t, name.as_str(), Value::Obj(v));
            }
            Pending::GetSetClosure(name, get, setter) => {
                let Some(cls) = c.getset_descriptor.upgrade() else {
                    continue;
                };
                let d = GetSetDescr {
                    name: name.to_rc(),
                    owner: owner.clone(),
                    get: GetFn::Closure(get),
                    set: setter.map(SetFn::Closure),
                };
                let v = PyObject::new_raw(Some(cls), Payload::GetSet(Box::new(d)), None);
                set(&mut table, &str_t, name.as_str(), Value::Obj(v));
            }
            Pending::Value(name, v) => set(&mut table, &str_t, name.as_str(), v),
            Pending::Member(name, index) => {
                let Some(cls) = c.member_descriptor.upgrade() else {
                    continue;
                };
                let d = MemberDescr {
                    name: new_str(&str_t, name.as_str()),
                    owner: owner.clone(),
                    index,
                };
                let v = PyObject::new_raw(Some(cls), Payload::Member(Box::new(d)), None);
                set(&mut table, &str_t, name.as_str(), Value::Obj(v));
            }
            Pending::StrTuple(name, items) => {
                let Some(cls) = c.tuple.upgrade() else {
                    continue;
                };
                let items = items
                    .iter()
                    .map(|s| Value::Obj(new_str(&str_t, s)))
                    .collect();
                let v = PyObject::new_raw(Some(cls), Payload::Tuple(items), None);
                set(&mut table, &str_t, name.as_str(), Value::Obj(v));
            }
        }
    }
}

fn new_str(str_t: &PyRef, s: &str) -> PyRef {
    PyObject::new_raw(
        Some(str_t.clone()),
        Payload::Str(PyStr::new(s.to_owned())),
        None,
    )
}

/// `table[name] = v` for a str key, replacing an earlier value.
fn set(table: &mut DictTable, str_t: &PyRef, name: &str, v: Value) {
    let key = new_str(str_t, name);
    let h = crate::hash::hash_str(name);
    let k = Value::Obj(key);
    match table.probe(&k, h) {
        Probe::Found(i) => {
            if let Some((_, old)) = table.map.get_index_mut(i) {
                *old = v;
            }
        }
        _ => table.insert_new(k, h, v),
    }
}

/// Whether the additions recorded for `t` (if any) include `name`.
pub(crate) fn may_define(t: &TypeData, name: &str) -> bool {
    if !t.lazy_pending.get() {
        return false;
    }
    let Ok(lazy) = t.lazy.try_borrow() else {
        return true;
    };
    lazy.entries.iter().any(|p| match p {
        Pending::Methods(table) => table.iter().any(|(n, _)| *n == name),
        Pending::Native(n, ..)
        | Pending::Closure(n, _)
        | Pending::GetSet(n, ..)
        | Pending::GetSetClosure(n, ..)
        | Pending::TypedNative(n, ..)
        | Pending::Value(n, _)
        | Pending::Member(n, _)
        | Pending::StrTuple(n, _) => n.as_str() == name,
    })
}

/// The values held by recorded additions (for the cycle collector).
pub(crate) fn visit_values(t: &TypeData, f: &mut dyn FnMut(&Value)) {
    if let Ok(lazy) = t.lazy.try_borrow() {
        for p in &lazy.entries {
            if let Pending::Value(_, v) = p {
                f(v);
            }
        }
    }
}

/// Drops the recorded additions (teardown), returning their values.
pub(crate) fn clear(t: &TypeData, out: &mut Vec<Value>) {
    if let Ok(mut lazy) = t.lazy.try_borrow_mut() {
        let entries = std::mem::take(&mut lazy.entries);
        out.extend(entries.into_iter().filter_map(|p| match p {
            Pending::Value(_, v) => Some(v),
            _ => None,
        }));
    }
    t.lazy_pending.set(false);
}
