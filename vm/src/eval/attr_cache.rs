//! The instance-attribute cache: one entry per name of a code object, for
//! `LoadAttr`/`StoreAttr` on instances of plain classes. An entry records a
//! class (by weak reference, so its address is not reused while the entry
//! exists) and that class's version at the time, and whether for that
//! class `obj.name` is simply the instance dict's entry: no custom
//! `__getattribute__` or `__setattr__`, and no class attribute of that name
//! anywhere in the MRO (so no descriptor, data or not, takes part). While
//! the class's version is unchanged (any change to the class, a base class
//! or their namespaces gives it a new one), the full protocol would reach
//! the instance dict first, so the eval loop goes there directly, skipping
//! the two method-cache probes of the generic path. A name missing from the
//! instance dict, an instance of another class, or a stale version takes the
//! full path (`attr.rs`), which also handles `__getattr__` and the errors.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::object::{Payload, PyObject};
use crate::objects::dict::{get_str, table};
use crate::value::{PyRef, Value};
use crate::vm::Vm;

struct Entry {
    class: Weak<PyObject>,
    version: u64,
    /// Whether the instance dict is the whole story for this class.
    direct: bool,
}

/// The cache of one code object, indexed like its `names`.
pub struct AttrCache {
    entries: Box<[RefCell<Option<Entry>>]>,
}

/// The class of a plain instance (no built-in payload) with a `__dict__`,
/// and that dict.
#[inline]
fn plain_instance(obj: &Value) -> Option<(&PyRef, &PyRef)> {
    match obj {
        Value::Obj(o) if matches!(o.payload, Payload::Instance) => Some((o, o.dict()?)),
        _ => None,
    }
}

impl AttrCache {
    /// An empty cache for a code object with `n` names.
    pub fn new(n: usize) -> AttrCache {
        AttrCache {
            entries: (0..n).map(|_| RefCell::new(None)).collect(),
        }
    }

    /// Whether entry `i` is valid for the class of `o`: `Some(direct)`,
    /// or `None` when it must be (re)filled.
    #[inline]
    fn check(&self, i: usize, o: &PyRef) -> Option<bool> {
        let e = self.entries.get(i)?.try_borrow().ok()?;
        let e = e.as_ref()?;
        let cls = o.class_ref();
        let cls = cls.as_ref()?;
        if !std::ptr::eq(e.class.as_ptr(), Rc::as_ptr(cls)) {
            return None;
        }
        let td = cls.as_type()?;
        (td.version.get() == e.version).then_some(e.direct)
    }

    /// `obj.name` (name number `i`) from the instance dict, when the entry
    /// says that is where the full protocol would find it. `None`: take the
    /// full path (and then call [`AttrCache::fill`]).
    #[inline]
    pub fn load(&self, i: usize, obj: &Value, name: &PyRef) -> Option<Value> {
        let (o, dict) = plain_instance(obj)?;
        if self.check(i, o)? {
            get_str(dict, name)
        } else {
            None
        }
    }

    /// `obj.name = v` into the instance dict when the entry allows it and
    /// the dict already has the key (a new key takes the full path, as does
    /// everything the entry does not cover). Gives `v` back when it did not
    /// store; else the replaced value, to be dropped with no borrow held.
    #[inline]
    pub fn store(&self, i: usize, obj: &Value, name: &PyRef, v: Value) -> Result<Value, Value> {
        let Some((o, dict)) = plain_instance(obj) else {
            return Err(v);
        };
        if self.check(i, o) != Some(true) {
            return Err(v);
        }
        let (Some(cell), Payload::Str(s)) = (table(dict), &name.payload) else {
            return Err(v);
        };
        let Ok(mut t) = cell.try_borrow_mut() else {
            return Err(v);
        };
        let Some(idx) = t.find_str(name, s.hash()) else {
            return Err(v);
        };
        match t.value_at_mut(idx) {
            Some(slot) => Ok(std::mem::replace(slot, v)),
            None => Err(v),
        }
    }

    /// Whether entry `i` is already valid for `obj`'s class (so `fill`
    /// would change nothing).
    #[inline]
    pub fn is_current(&self, i: usize, obj: &Value) -> bool {
        match obj {
            Value::Obj(o) if matches!(o.payload, Payload::Instance) => self.check(i, o).is_some(),
            _ => true,
        }
    }

    /// Records, for `obj`'s class at its current version, whether `name`
    /// can be read and written directly in the instance dict.
    pub fn fill(&self, vm: &mut Vm, i: usize, obj: &Value, name: &PyRef) {
        let Some((o, _)) = plain_instance(obj) else {
            return;
        };
        let Some(cls) = o.class_ref().clone() else {
            return;
        };
        let Some(td) = cls.as_type() else {
            return;
        };
        let version = td.version.get();
        let direct = (td.instance_dict || !td.heap) && {
            let native_or_absent = |v: Option<Value>| {
                v.is_none_or(|f| matches!(f.payload(), Some(Payload::BuiltinFunction(_))))
            };
            let ga = vm.names.__getattribute__.clone();
            let sa = vm.names.__setattr__.clone();
            // Only a heap class can have a Python __getattribute__/__setattr__.
            let plain_protocol = !td.heap
                || (native_or_absent(vm.lookup_cached(&cls, &ga))
                    && native_or_absent(vm.lookup_cached(&cls, &sa)));
            plain_protocol && vm.lookup_cached(&cls, name).is_none()
        };
        // The lookups above run no Python code, so the version is current.
        if td.version.get() != version {
            return;
        }
        if let Some(slot) = self.entries.get(i) {
            if let Ok(mut s) = slot.try_borrow_mut() {
                *s = Some(Entry {
                    class: Rc::downgrade(&cls),
                    version,
                    direct,
                });
            }
        }
    }
}
