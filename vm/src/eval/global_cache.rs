//! The global-name cache: one entry per name of a code object, remembering
//! where `LoadGlobal` (and `LoadName` in module bodies) found the name, so
//! that the next lookup is a version comparison and an indexed read instead
//! of one or two hash probes.
//!
//! An entry records the keys versions ([`Table::keys_version`]) of the
//! globals dict (and, for a name found in the builtins, of the builtins
//! dict) seen when it was filled, and the index of the name's entry. Equal
//! keys versions mean the same key layout (versions are never reused), so
//! the name is still at that index in globals, or still absent from globals
//! and at that index in builtins. Whatever changes a layout — adding or
//! deleting a global or builtin, `globals()`/`vars()`/`setattr` on the
//! module, swapping the dict a frame reads its builtins from — gives a
//! different version, and the entry is refilled by a full lookup. A value
//! replaced in place keeps the version: the entry stores no value, only the
//! index, so the read always sees the current one.
//!
//! Lookups that would need a Python `__eq__` (a globals key that is a str
//! subclass with its own `__eq__` and the same hash) are never cached: the
//! caller's uncached path decides those, as before.

use std::cell::Cell;

use crate::object::Payload;
use crate::objects::dict::table;
use crate::objects::table::{DictTable, Probe};
use crate::value::{PyRef, Value};

/// Where an entry found its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Not filled (or not cacheable).
    Empty,
    /// In the globals dict, at `index`.
    Globals,
    /// Absent from globals; in the builtins dict, at `index`.
    Builtins,
}

#[derive(Clone, Copy)]
struct Entry {
    globals_version: u64,
    builtins_version: u64,
    index: usize,
    place: Place,
}

const EMPTY: Entry = Entry {
    globals_version: 0,
    builtins_version: 0,
    index: 0,
    place: Place::Empty,
};

/// The cache of one code object, indexed like its `names`.
pub struct GlobalCache {
    entries: Box<[Cell<Entry>]>,
}

impl GlobalCache {
    /// An empty cache for a code object with `n` names.
    pub fn new(n: usize) -> GlobalCache {
        GlobalCache {
            entries: (0..n).map(|_| Cell::new(EMPTY)).collect(),
        }
    }

    /// The value of name number `i` if the entry is still valid for these
    /// globals and builtins.
    #[inline]
    pub fn load(&self, i: usize, globals: &PyRef, builtins: &PyRef) -> Option<Value> {
        let e = self.entries.get(i)?.get();
        let g = table(globals)?.try_borrow().ok()?;
        if g.keys_version() != e.globals_version {
            return None;
        }
        match e.place {
            Place::Globals => g.value_at(e.index).cloned(),
            Place::Builtins => {
                let b = table(builtins)?.try_borrow().ok()?;
                if b.keys_version() != e.builtins_version {
                    return None;
                }
                b.value_at(e.index).cloned()
            }
            Place::Empty => None,
        }
    }

    /// The full lookup of name number `i` (`name`): globals, then builtins,
    /// by native key comparison only. Records where it was found when that
    /// can be cached. `None` when the name is in neither, or when a key
    /// needs a Python `__eq__` (the caller then takes its uncached path).
    pub fn fill(&self, i: usize, name: &PyRef, globals: &PyRef, builtins: &PyRef) -> Option<Value> {
        let slot = self.entries.get(i)?;
        let Payload::Str(s) = &name.payload else {
            return None;
        };
        let hash = s.hash();
        let key = Value::Obj(name.clone());
        let g = table(globals)?.try_borrow().ok()?;
        match g.probe(&key, hash) {
            Probe::Found(index) => {
                let v = g.value_at(index).cloned()?;
                slot.set(Entry {
                    globals_version: g.keys_version(),
                    builtins_version: 0,
                    index,
                    place: Place::Globals,
                });
                Some(v)
            }
            Probe::NeedEq(_) => None,
            Probe::Missing => {
                let b = table(builtins)?.try_borrow().ok()?;
                match b.probe(&key, hash) {
                    Probe::Found(index) => {
                        let v = b.value_at(index).cloned()?;
                        slot.set(Entry {
                            globals_version: g.keys_version(),
                            builtins_version: b.keys_version(),
                            index,
                            place: Place::Builtins,
                        });
                        Some(v)
                    }
                    _ => None,
                }
            }
        }
    }

    /// Stores `v` as global name number `i` if the entry knows where that
    /// name lives in `globals`; gives `v` back otherwise. The replaced value
    /// is returned to be dropped by the caller once no borrow is held (its
    /// drop may queue a finalizer).
    #[inline]
    pub fn store(&self, i: usize, globals: &PyRef, v: Value) -> Result<Value, Value> {
        let Some(e) = self.entries.get(i).map(Cell::get) else {
            return Err(v);
        };
        if e.place != Place::Globals {
            return Err(v);
        }
        let Some(cell) = table(globals) else {
            return Err(v);
        };
        let Ok(mut g) = cell.try_borrow_mut() else {
            return Err(v);
        };
        if g.keys_version() != e.globals_version {
            return Err(v);
        }
        match DictTable::value_at_mut(&mut g, e.index) {
            Some(slot) => Ok(std::mem::replace(slot, v)),
            None => Err(v),
        }
    }
}
