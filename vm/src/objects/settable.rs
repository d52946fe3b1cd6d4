//! The hash table of `set`/`frozenset`, laid out as CPython's: open
//! addressing over a power-of-two table with CPython's probe sequence,
//! fill/resize policy and deletion markers, so that iteration order (and so
//! the printed order of sets) is the same as CPython's for keys whose
//! hashes are the same (ints, floats, tuples of them, ...).

use crate::objects::table::{native_eq, Probe};
use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    Dummy,
    Full {
        hash: i64,
        key: Value,
    },
}

/// A CPython-layout set table.
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    used: usize,
    fill: usize,
    /// Where `pop()` looks next.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

/// The slots CPython visits for `hash`, in order (endless).
struct ProbeSeq {
    mask: usize,
    i: usize,
    perturb: u64,
    run: usize,
    linear: bool,
}

impl ProbeSeq {
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let i = (hash as u64 as usize) & mask;
        ProbeSeq {
            mask,
            i,
            perturb: hash as u64,
            run: 0,
            linear: i + LINEAR_PROBES <= mask,
        }
    }
    fn next(&mut self) -> usize {
        // A block of up to LINEAR_PROBES + 1 consecutive slots starting at
        // i, then a perturbed jump.
        let limit = if self.linear { LINEAR_PROBES } else { 0 };
        if self.run <= limit {
            let s = self.i + self.run;
            self.run += 1;
            return s & self.mask;
        }
        self.perturb >>= PERTURB_SHIFT;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize))
            & self.mask;
        self.linear = self.i + LINEAR_PROBES <= self.mask;
        self.run = 1;
        self.i
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            used: 0,
            fill: 0,
            finger: 0,
        }
    }

    pub fn with_capacity(_n: usize) -> SetTable {
        SetTable::new()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Looks `key` up natively (identity and built-in equality).
    pub fn probe(&self, key: &Value, hash: i64) -> Probe {
        let mut need = Vec::new();
        let mut seq = ProbeSeq::new(hash, self.mask());
        for _ in 0..self.slots.len() * 2 + 64 {
            let s = seq.next();
            match &self.slots[s] {
                Slot::Empty => break,
                Slot::Dummy => {}
                Slot::Full { hash: h, key: k } => {
                    if *h == hash {
                        if k.is(key) {
                            return Probe::Found(s);
                        }
                        match native_eq(k, key) {
                            Some(true) => return Probe::Found(s),
                            Some(false) => {}
                            None => need.push(k.clone()),
                        }
                    }
                }
            }
        }
        if need.is_empty() {
            Probe::Missing
        } else {
            Probe::NeedEq(need)
        }
    }

    /// Slot of the stored key that is `key` itself.
    pub fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        let mut seq = ProbeSeq::new(hash, self.mask());
        for _ in 0..self.slots.len() * 2 + 64 {
            let s = seq.next();
            match &self.slots[s] {
                Slot::Empty => return None,
                Slot::Full { hash: h, key: k } if *h == hash && k.is(key) => return Some(s),
                _ => {}
            }
        }
        None
    }

    /// Inserts a key known to be absent (CPython's set_add_entry after a
    /// failed search: the first deletion marker on the path, else the
    /// empty slot that ended it), resizing when 3/5 full.
    pub fn insert_new(&mut self, key: Value, hash: i64) {
        crate::heap_stats::charge(3 * std::mem::size_of::<Value>());
        let mut seq = ProbeSeq::new(hash, self.mask());
        let mut freeslot = None;
        let mut empty = None;
        for _ in 0..self.slots.len() * 2 + 64 {
            let s = seq.next();
            match &self.slots[s] {
                Slot::Empty => {
                    empty = Some(s);
                    break;
                }
                Slot::Dummy => {
                    if freeslot.is_none() {
                        freeslot = Some(s);
                    }
                }
                Slot::Full { .. } => {}
            }
        }
        if let Some(f) = freeslot {
            self.slots[f] = Slot::Full { hash, key };
            self.used += 1;
            return;
        }
        let Some(e) = empty else {
            // Cannot happen with the fill policy; grow and retry.
            self.resize(self.used * 4);
            self.insert_new(key, hash);
            return;
        };
        self.slots[e] = Slot::Full { hash, key };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let n = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(n);
        }
    }

    /// The bytes of the new table if inserting one more key would resize
    /// (checked against the memory limit before the insert).
    pub fn growth_on_insert(&self) -> Option<usize> {
        if (self.fill + 1) * 5 < self.mask() * 3 {
            return None;
        }
        let used = self.used + 1;
        let n = if used > 50_000 { used * 2 } else { used * 4 };
        let mut size = MIN_SIZE;
        while size <= n {
            size = size.checked_mul(2)?;
        }
        size.checked_mul(std::mem::size_of::<Slot>())
    }

    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut seq = ProbeSeq::new(hash, mask);
        loop {
            let s = seq.next();
            if matches!(slots[s], Slot::Empty) {
                slots[s] = Slot::Full { hash, key };
                return;
            }
        }
    }

    /// Rebuilds the table with room for `minused` keys (CPython's
    /// set_table_resize).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for s in old {
            if let Slot::Full { hash, key } = s {
                Self::insert_clean(&mut self.slots, key, hash);
            }
        }
        self.fill = self.used;
    }

    /// Pre-sizes before adding about `extra` keys (as CPython does before
    /// merging a set or dict).
    pub fn presize(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// The first part of CPython's set_merge: presize, and when this
    /// table is empty copy `other` in directly (same layout when sizes
    /// agree). Returns false when the caller must add the keys one by one.
    pub fn merge_fast(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        self.presize(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.used = other.used;
            self.fill = other.fill;
            return true;
        }
        for s in &other.slots {
            if let Slot::Full { hash, key } = s {
                Self::insert_clean(&mut self.slots, key.clone(), *hash);
            }
        }
        self.used = other.used;
        self.fill = other.used;
        true
    }

    /// Removes the key in slot `i`.
    pub fn remove_index(&mut self, i: usize) -> Option<Value> {
        match self.slots.get_mut(i) {
            Some(slot @ Slot::Full { .. }) => {
                let old = std::mem::replace(slot, Slot::Dummy);
                self.used -= 1;
                match old {
                    Slot::Full { key, .. } => Some(key),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `set.pop()`: the next key from the finger, as CPython.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut i = self.finger & (n - 1);
        for _ in 0..n {
            if matches!(self.slots[i], Slot::Full { .. }) {
                let k = self.remove_index(i);
                self.finger = i + 1;
                return k;
            }
            i = (i + 1) % n;
        }
        None
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// The keys in table order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full { key, .. } => Some(key),
            _ => None,
        })
    }

    /// (hash, key) pairs in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// The first key at or after slot `pos`, with its slot.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Full { key, .. } => Some((i, key)),
                _ => None,
            })
    }

    /// Takes every key out (for the cycle collector).
    pub fn drain_keys(&mut self) -> Vec<Value> {
        let old = std::mem::take(self);
        old.slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Full { key, .. } => Some(key),
                _ => None,
            })
            .collect()
    }
}
