//! A cache of attribute lookups on types (`type_::lookup` through the MRO),
//! keyed by (type, type version, name). A type's version changes whenever
//! it or a base class is modified, so stale entries never match. Entries
//! hold weak references to the type and the name, which keeps their
//! addresses from being reused while an entry exists.

use std::rc::{Rc, Weak};

use crate::object::PyObject;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

const SIZE: usize = 4096;

struct Entry {
    ty: Weak<PyObject>,
    version: u64,
    name: Weak<PyObject>,
    value: Option<Value>,
}

/// The cache storage (owned by the VM).
pub struct MethodCache {
    entries: Vec<Option<Entry>>,
    /// Next version number handed to a modified type.
    next_version: u64,
}

impl Default for MethodCache {
    fn default() -> Self {
        MethodCache {
            // Allocated at the first lookup: an interpreter that never
            // looks anything up (an embedder's `eval("1 + 1")`) skips it.
            entries: Vec::new(),
            next_version: 1,
        }
    }
}

impl MethodCache {
    /// Drops every entry (e.g. before a garbage collection, so cached
    /// values do not keep garbage alive).
    pub fn clear(&mut self) {
        for e in self.entries.iter_mut() {
            *e = None;
        }
    }
}

#[inline]
fn slot(ty: &PyRef, version: u64, name: &PyRef) -> usize {
    let a = Rc::as_ptr(ty) as *const u8 as usize;
    let b = Rc::as_ptr(name) as *const u8 as usize;
    ((a >> 4) ^ (b >> 3) ^ (version as usize).wrapping_mul(0x9e37)) % SIZE
}

impl Vm {
    /// `type_::lookup` with the method cache.
    #[inline]
    pub fn lookup_cached(&mut self, ty: &PyRef, name: &PyRef) -> Option<Value> {
        let td = ty.as_type()?;
        let version = td.version.get();
        let i = slot(ty, version, name);
        if let Some(Some(e)) = self.method_cache.entries.get(i) {
            if e.version == version
                && std::ptr::eq(e.ty.as_ptr(), Rc::as_ptr(ty))
                && std::ptr::eq(e.name.as_ptr(), Rc::as_ptr(name))
            {
                return e.value.clone();
            }
        }
        let v = crate::objects::type_::lookup(ty, name);
        if self.method_cache.entries.is_empty() {
            self.method_cache.entries = (0..SIZE).map(|_| None).collect();
        }
        if let Some(slot) = self.method_cache.entries.get_mut(i) {
            *slot = Some(Entry {
                ty: Rc::downgrade(ty),
                version,
                name: Rc::downgrade(name),
                value: v.clone(),
            });
        }
        v
    }

    /// Marks `ty` and all its subclasses as modified (new versions).
    pub fn type_modified(&mut self, ty: &PyRef) {
        if let Some(td) = ty.as_type() {
            // Most types have no subclasses: no walk (and no allocation).
            if td.subclasses.borrow().is_empty() && !td.shared.get() {
                self.method_cache.next_version += 1;
                td.version.set(self.method_cache.next_version);
                return;
            }
        }
        let mut stack = vec![ty.clone()];
        let mut n = 0;
        while let Some(t) = stack.pop() {
            n += 1;
            if n > 100_000 {
                break;
            }
            if let Some(td) = t.as_type() {
                self.method_cache.next_version += 1;
                td.version.set(self.method_cache.next_version);
                stack.extend(self.subclasses_of(&t));
            }
        }
    }
}
