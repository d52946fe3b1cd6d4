//! The hash table behind `dict`, `set` and `frozenset`: an insertion-ordered
//! `IndexMap` keyed by Python hash. Key equality follows Python: identity
//! first, then a native comparison for built-in key types (so `1`, `1.0` and
//! `True` are the same key), and for keys with a user `__eq__`, a call into
//! Python made with no borrow of the table held (see [`crate::Vm::dict_lookup`]).

use std::hash::{BuildHasher, Hash, Hasher};

use indexmap::map::RawEntryApiV1;
use indexmap::IndexMap;

use crate::object::Payload;
use crate::value::{PyRef, Value};

/// A stored key: the value with its Python hash. A deleted entry stays in
/// place as a dead key (value None) until the table is compacted, so that
/// deleting is O(1) and keeps the insertion order of the rest.
#[derive(Clone, Debug)]
pub struct Key {
    pub hash: i64,
    pub value: Value,
    pub dead: bool,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        !self.dead
            && !other.dead
            && self.hash == other.hash
            && (self.value.is(&other.value)
                || native_eq(&self.value, &other.value).unwrap_or(false))
    }
}
impl Eq for Key {}

/// Mixes Python hashes (small ints hash to themselves) into well-spread
/// table hashes.
#[derive(Clone, Copy, Default)]
pub struct PyHashBuilder;

#[derive(Default)]
pub struct PyHasher(u64);

impl Hasher for PyHasher {
    fn finish(&self) -> u64 {
        // A 64-bit finaliser (splitmix-style) so low-entropy hashes spread.
        let mut z = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = i as u64;
    }
}

impl BuildHasher for PyHashBuilder {
    type Hasher = PyHasher;
    fn build_hasher(&self) -> PyHasher {
        PyHasher(0)
    }
}

/// The table hash for a Python hash.
#[inline]
pub fn table_hash(h: i64) -> u64 {
    PyHashBuilder.hash_one(Key {
        hash: h,
        value: Value::None,
        dead: false,
    })
}

/// Equality of two keys when it can be decided without running Python code;
/// `None` when a user `__eq__` may be involved.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    native_eq_depth(a, b, 0)
}

fn native_eq_depth(a: &Value, b: &Value, depth: usize) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (None, None) => Some(true),
        (Bool(x), Bool(y)) => Some(x == y),
        (Int(x), Int(y)) => Some(x == y),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => Some(i64::from(*x) == *y),
        (Float(x), Float(y)) => Some(x == y),
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            Some(crate::objects::float::int_eq_float(*x, *y))
        }
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => Some(f64::from(u8::from(*x)) == *y),
        (Obj(x), Obj(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) if exact(a) && exact(b) => {
                    Some(s.as_str() == t.as_str())
                }
                (Payload::Bytes(s), Payload::Bytes(t)) if exact(a) && exact(b) => Some(s == t),
                (Payload::Int(s), Payload::Int(t)) if exact(a) && exact(b) => Some(s == t),
                (Payload::Tuple(s), Payload::Tuple(t)) if exact(a) && exact(b) => {
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    if depth > 50 {
                        return Option::None;
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        if !p.is(q) && !native_eq_depth(p, q, depth + 1)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                (Payload::Str(_), Payload::Int(_) | Payload::Tuple(_) | Payload::Bytes(_))
                | (Payload::Int(_) | Payload::Tuple(_) | Payload::Bytes(_), Payload::Str(_))
                    if exact(a) && exact(b) =>
                {
                    Some(false)
                }
                _ => Option::None,
            }
        }
        (Obj(x), other) | (other, Obj(x)) => match &x.payload {
            Payload::Str(_) | Payload::Tuple(_) | Payload::Bytes(_) if exact(&Obj(x.clone())) => {
                Some(false)
            }
            Payload::Int(_) if exact(&Obj(x.clone())) => Some(
                matches!(other, Float(_)) && {
                    // A big int equals a float only when the float is integral.
                    if let (Payload::Int(i), Float(f)) = (&x.payload, other) {
                        crate::objects::float::bigint_eq_float(i, *f)
                    } else {
                        false
                    }
                },
            ),
            _ => Option::None,
        },
        _ => Some(false),
    }
}

/// Whether a heap value's class is the built-in type of its payload (not a
/// user subclass, which may override `__eq__`).
#[inline]
fn exact(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &*o.class_ref() {
            Some(c) => c.as_type().map(|t| !t.is_heap()).unwrap_or(false),
            None => true,
        },
        _ => true,
    }
}

/// The result of probing a table without running Python code.
pub enum Probe {
    Found(usize),
    /// Not found, and no stored key with the same hash needs a Python `__eq__`.
    Missing,
    /// Keys with the same hash whose equality needs Python code.
    NeedEq(Vec<Value>),
}

/// An insertion-ordered hash table from Python keys to `V`. Entries are
/// addressed by index (stable while nothing is deleted); dead entries are
/// skipped by every accessor and dropped when they outnumber the live ones.
#[derive(Clone, Default)]
pub struct Table<V> {
    /// The entries. Code outside this file may read them and replace
    /// values in place, but must change the key layout (insert, delete,
    /// reorder) only through `Table`'s methods, which stamp a new
    /// [`Table::keys_version`].
    pub map: IndexMap<Key, V, PyHashBuilder>,
    dead: usize,
    /// The keys version (see [`Table::keys_version`]).
    version: u64,
}

thread_local! {
    /// The last keys version handed out on this thread (tables, like all
    /// objects, never leave their thread).
    static LAST_KEYS_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A keys version never handed out before on this thread.
#[inline]
fn new_keys_version() -> u64 {
    LAST_KEYS_VERSION.with(|c| {
        let v = c.get().wrapping_add(1);
        c.set(v);
        v
    })
}

pub type DictTable = Table<Value>;
pub use crate::objects::settable::SetTable;

/// Tables that can be probed natively (dict and set tables).
pub trait Lookup {
    fn probe(&self, key: &Value, hash: i64) -> Probe;
    fn find_identical(&self, key: &Value, hash: i64) -> Option<usize>;
}

impl<V> Lookup for Table<V> {
    fn probe(&self, key: &Value, hash: i64) -> Probe {
        Table::probe(self, key, hash)
    }
    fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        Table::find_identical(self, key, hash)
    }
}

impl Lookup for SetTable {
    fn probe(&self, key: &Value, hash: i64) -> Probe {
        SetTable::probe(self, key, hash)
    }
    fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        SetTable::find_identical(self, key, hash)
    }
}

impl<V> Table<V> {
    pub fn new() -> Self {
        Table {
            map: IndexMap::with_hasher(PyHashBuilder),
            dead: 0,
            version: 0,
        }
    }

    pub fn with_capacity(n: usize) -> Self {
        Table {
            map: IndexMap::with_capacity_and_hasher(n, PyHashBuilder),
            dead: 0,
            version: 0,
        }
    }

    /// The keys version: a number that identifies the table's key layout
    /// (which key lives at which index, and which are dead). Every change of
    /// layout takes a number never used before on this thread, so equal
    /// versions mean equal layouts even across different tables (a clone
    /// keeps its original's version, and its layout); 0 is the empty layout.
    /// Replacing a value keeps the version. The eval loop's global-name
    /// cache (`eval/global_cache.rs`) keys entry indexes by it.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.version
    }

    /// The value at index `i`, if that entry is live (for caches that
    /// checked [`Table::keys_version`]).
    #[inline]
    pub fn value_at(&self, i: usize) -> Option<&V> {
        match self.map.get_index(i) {
            Some((k, v)) if !k.dead => Some(v),
            _ => None,
        }
    }

    /// Mutable access to the value at index `i`, if that entry is live (the
    /// layout, and so the version, does not change).
    #[inline]
    pub fn value_at_mut(&mut self, i: usize) -> Option<&mut V> {
        match self.map.get_index_mut(i) {
            Some((k, v)) if !k.dead => Some(v),
            _ => None,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.map.len() - self.dead
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Looks `key` up natively (identity and built-in equality).
    pub fn probe(&self, key: &Value, hash: i64) -> Probe {
        let mut need: Vec<Value> = Vec::new();
        let found = self
            .map
            .raw_entry_v1()
            .index_from_hash(table_hash(hash), |k| {
                if k.dead || k.hash != hash {
                    return false;
                }
                if k.value.is(key) {
                    return true;
                }
                match native_eq(&k.value, key) {
                    Some(b) => b,
                    None => {
                        need.push(k.value.clone());
                        false
                    }
                }
            });
        match found {
            Some(i) => Probe::Found(i),
            None if need.is_empty() => Probe::Missing,
            None => Probe::NeedEq(need),
        }
    }

    /// Index of the live key equal to the str object `key` without running
    /// Python code: the identical object (interned names usually are), or
    /// an exact `str` with the same text when `key` is an exact `str` too.
    /// Keys whose equality would need `__eq__` are passed over, so this is
    /// `probe` reduced to its `Found` answer, without building a candidate
    /// list or touching `key`'s reference count.
    #[inline]
    pub fn find_str(&self, key: &PyRef, hash: i64) -> Option<usize> {
        self.map
            .raw_entry_v1()
            .index_from_hash(table_hash(hash), |k| {
                if k.dead || k.hash != hash {
                    return false;
                }
                match &k.value {
                    Value::Obj(o) if std::rc::Rc::ptr_eq(o, key) => true,
                    other => native_eq(other, &Value::Obj(key.clone())).unwrap_or(false),
                }
            })
    }

    /// Index of the stored key that is `key` itself (identity).
    pub fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        self.map
            .raw_entry_v1()
            .index_from_hash(table_hash(hash), |k| {
                !k.dead && k.hash == hash && k.value.is(key)
            })
    }

    /// Inserts a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: V) {
        // Entry plus index slot, for the memory limit's accounting.
        crate::heap_stats::charge(std::mem::size_of::<(Key, V)>() + 8);
        self.version = new_keys_version();
        self.map.insert(
            Key {
                hash,
                value: key,
                dead: false,
            },
            value,
        );
    }

    /// For keys whose equality is native (str, int, ...): get by key.
    pub fn get_native(&self, key: &Value, hash: i64) -> Option<&V> {
        match self.probe(key, hash) {
            Probe::Found(i) => self.map.get_index(i).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Iterates keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(k, _)| &k.value)
    }

    /// Iterates the live entries (key with its hash, value) in order.
    pub fn entries(&self) -> impl Iterator<Item = (&Key, &V)> {
        self.map.iter().filter(|(k, _)| !k.dead)
    }

    /// The live entry at index `i` (an index from a probe), if any.
    pub fn get_index(&self, i: usize) -> Option<(&Value, &V)> {
        self.map
            .get_index(i)
            .filter(|(k, _)| !k.dead)
            .map(|(k, v)| (&k.value, v))
    }

    /// One past the last entry index (live or dead): where a reverse
    /// iterator starts.
    pub fn next_index(&self) -> usize {
        self.map.len()
    }

    /// The last live entry before index `i`, with its index (for reverse
    /// iterators).
    pub fn prev_before(&self, i: usize) -> Option<(usize, &Value, &V)> {
        (0..i.min(self.map.len())).rev().find_map(|j| {
            self.map
                .get_index(j)
                .filter(|(k, _)| !k.dead)
                .map(|(k, v)| (j, &k.value, v))
        })
    }

    /// The first live entry at index `i` or after it, with its index (for
    /// iterators, which keep an index).
    pub fn next_from(&self, i: usize) -> Option<(usize, &Value, &V)> {
        (i..self.map.len()).find_map(|j| {
            self.map
                .get_index(j)
                .filter(|(k, _)| !k.dead)
                .map(|(k, v)| (j, &k.value, v))
        })
    }

    /// Takes the last live entry out (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, V)> {
        self.version = new_keys_version();
        while let Some((k, v)) = self.map.pop() {
            if !k.dead {
                return Some((k.value, v));
            }
            self.dead -= 1;
        }
        None
    }

    pub fn clear(&mut self) {
        self.map.clear();
        self.dead = 0;
        self.version = 0;
    }
}

impl<V: Default> Table<V> {
    /// Removes the live entry at index `i`: it becomes a dead key in place
    /// (O(1), the order of the others kept); the table drops its dead keys
    /// once they outnumber the live ones, so space stays proportional.
    pub fn remove_index(&mut self, i: usize) -> Option<(Value, V)> {
        if i + 1 == self.map.len() {
            self.version = new_keys_version();
            return self.map.pop().map(|(k, v)| (k.value, v));
        }
        let (k, v) = indexmap::map::MutableKeys::get_index_mut2(&mut self.map, i)?;
        if k.dead {
            return None;
        }
        self.version = new_keys_version();
        k.dead = true;
        let key = std::mem::replace(&mut k.value, Value::None);
        let value = std::mem::take(v);
        self.dead += 1;
        if self.dead > 8 && self.dead * 2 > self.map.len() {
            self.map.retain(|k, _| !k.dead);
            self.dead = 0;
        }
        Some((key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_table(n: i64) -> DictTable {
        let mut t = DictTable::new();
        for i in 0..n {
            t.insert_new(Value::Int(i), i, Value::Int(i * 10));
        }
        t
    }

    #[test]
    fn keys_version_changes_with_the_layout_only() {
        let mut t = DictTable::new();
        assert_eq!(t.keys_version(), 0);
        t.insert_new(Value::Int(1), 1, Value::Int(10));
        let v1 = t.keys_version();
        assert_ne!(v1, 0);
        // Replacing a value keeps the layout.
        if let Some(slot) = t.value_at_mut(0) {
            *slot = Value::Int(11);
        }
        assert_eq!(t.keys_version(), v1);
        t.insert_new(Value::Int(2), 2, Value::Int(20));
        let v2 = t.keys_version();
        assert_ne!(v2, v1);
        // Deleting (a dead key in place, then the last entry) changes it.
        t.remove_index(0);
        let v3 = t.keys_version();
        assert_ne!(v3, v2);
        assert!(t.value_at(0).is_none());
        t.remove_index(1);
        assert_ne!(t.keys_version(), v3);
        t.insert_new(Value::Int(3), 3, Value::Int(30));
        let v4 = t.keys_version();
        t.pop_last();
        assert_ne!(t.keys_version(), v4);
        t.insert_new(Value::Int(4), 4, Value::Int(40));
        t.clear();
        assert_eq!(t.keys_version(), 0);
    }

    #[test]
    fn keys_versions_are_never_reused_across_tables() {
        let a = int_table(3);
        let b = int_table(3);
        assert_ne!(a.keys_version(), b.keys_version());
        // A clone has its original's layout, hence its version.
        let c = a.clone();
        assert_eq!(c.keys_version(), a.keys_version());
        // Compaction moves entries: a new version.
        let mut d = int_table(40);
        let before = d.keys_version();
        for _ in 0..30 {
            if let Some((i, _, _)) = d.next_from(0) {
                d.remove_index(i);
            }
        }
        assert_ne!(d.keys_version(), before);
        assert_eq!(d.len(), 10);
        assert!(matches!(d.next_from(0), Some((_, Value::Int(30), _))));
    }
}
