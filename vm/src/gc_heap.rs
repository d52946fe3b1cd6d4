//! The registry of objects tracked by the cycle collector, by generation.
//!
//! Every VM owns a *heap* here: three generations, each a vector of weak
//! references in the order objects entered it. An object's header
//! ([`GcHeader`]) says which heap, generation and slot hold it, so that
//! dropping it removes its entry at once (the weak reference would
//! otherwise keep the freed allocation until the next collection) and the
//! collector maps an object to its position without a hash map.
//!
//! The heaps live in a thread-local because `PyObject::drop` has no VM at
//! hand; objects and VMs never leave their thread (`Rc`).
//!
//! Slots are append-only: a freed slot becomes a hole (or is popped if it
//! was the last), and a generation whose holes outnumber its objects is
//! compacted when it next grows, which keeps allocation order (finalizers
//! at exit run in that order) and keeps every scan proportional to the
//! live objects.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::PyObject;
use crate::value::PyRef;

/// Number of generations (CPython's three).
pub(crate) const GENERATIONS: usize = 3;

/// `GcHeader::slot` of an object not in any generation.
const NO_SLOT: u32 = u32::MAX;
/// `GcHeader::heap` of an object never tracked (or of a VM that could
/// not get a heap: more than 65,535 live VMs on one thread).
pub(crate) const NO_HEAP: u16 = u16::MAX;

/// The collector's part of an object header (8 bytes).
pub(crate) struct GcHeader {
    slot: Cell<u32>,
    heap: Cell<u16>,
    gen: Cell<u8>,
}

impl GcHeader {
    pub(crate) const fn new() -> Self {
        GcHeader {
            slot: Cell::new(NO_SLOT),
            heap: Cell::new(NO_HEAP),
            gen: Cell::new(0),
        }
    }

    /// Whether the object is in a generation now.
    #[inline]
    pub(crate) fn is_tracked(&self) -> bool {
        self.slot.get() != NO_SLOT
    }

    /// The generation holding the object, if it is tracked by `heap`.
    #[inline]
    pub(crate) fn generation_in(&self, heap: u16) -> Option<(usize, usize)> {
        if self.slot.get() == NO_SLOT || self.heap.get() != heap {
            return None;
        }
        Some((self.gen.get() as usize, self.slot.get() as usize))
    }
}

/// One generation: weak references in entry order, with holes.
#[derive(Default)]
struct Generation {
    slots: Vec<Option<Weak<PyObject>>>,
    /// Entries that are `Some`.
    live: usize,
}

impl Generation {
    /// Appends `o`; returns its slot (None if the generation is full).
    fn push(&mut self, o: &PyRef, gen: u8) -> Option<u32> {
        if self.slots.len() == self.slots.capacity() && self.live * 2 < self.slots.len() {
            self.compact(gen);
        }
        let i = u32::try_from(self.slots.len())
            .ok()
            .filter(|&i| i != NO_SLOT)?;
        self.slots.push(Some(Rc::downgrade(o)));
        self.live += 1;
        Some(i)
    }

    /// Removes the entry at `slot` if it is `o`'s.
    fn remove(&mut self, slot: u32, o: *const PyObject) -> bool {
        let i = slot as usize;
        match self.slots.get_mut(i) {
            Some(s) if s.as_ref().is_some_and(|w| std::ptr::eq(w.as_ptr(), o)) => {
                *s = None;
                self.live -= 1;
                if i + 1 == self.slots.len() {
                    while matches!(self.slots.last(), Some(None)) {
                        self.slots.pop();
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Closes the holes, renumbering the objects' headers.
    fn compact(&mut self, gen: u8) {
        let old = std::mem::take(&mut self.slots);
        let mut slots = Vec::with_capacity((self.live * 2).max(16));
        for w in old.into_iter().flatten() {
            // An entry whose object is gone (its drop could not reach the
            // registry) is dropped here.
            if let Some(o) = w.upgrade() {
                o.gc_header().slot.set(slots.len() as u32);
                o.gc_header().gen.set(gen);
                slots.push(Some(w));
            }
        }
        self.live = slots.len();
        self.slots = slots;
    }

    fn objects(&self, out: &mut Vec<Option<PyRef>>) {
        out.extend(
            self.slots
                .iter()
                .map(|w| w.as_ref().and_then(Weak::upgrade)),
        );
    }
}

/// A VM's generations and their counters.
#[derive(Default)]
struct Heap {
    gens: [Generation; GENERATIONS],
    /// CPython's counts: tracked allocations minus frees since the last
    /// collection (generation 0); collections of the generation below
    /// since this one was collected (1 and 2).
    count: [usize; GENERATIONS],
    /// Objects moved into the oldest generation since its last
    /// collection, and how many it held then (CPython's rule that a full
    /// collection waits until a quarter of the old objects are new).
    long_lived_pending: usize,
    long_lived_total: usize,
    in_use: bool,
}

thread_local! {
    static HEAPS: RefCell<Vec<Heap>> = const { RefCell::new(Vec::new()) };
}

fn with_heap<R>(heap: u16, f: impl FnOnce(&mut Heap) -> R) -> Option<R> {
    HEAPS
        .try_with(|h| {
            let mut h = h.try_borrow_mut().ok()?;
            let heap = h.get_mut(heap as usize).filter(|h| h.in_use)?;
            Some(f(heap))
        })
        .ok()
        .flatten()
}

/// A fresh heap for a new VM.
pub(crate) fn new_heap() -> u16 {
    HEAPS
        .try_with(|h| {
            let mut h = h.try_borrow_mut().ok()?;
            let id = match h.iter().position(|x| !x.in_use) {
                Some(i) => i,
                None => {
                    h.push(Heap::default());
                    h.len() - 1
                }
            };
            let id = u16::try_from(id).ok().filter(|&i| i != NO_HEAP)?;
            h[id as usize] = Heap {
                in_use: true,
                ..Heap::default()
            };
            Some(id)
        })
        .ok()
        .flatten()
        .unwrap_or(NO_HEAP)
}

/// Forgets every object of `heap` (the VM is torn down); its objects'
/// headers no longer match any entry, so their drops leave it alone.
pub(crate) fn release_heap(heap: u16) {
    let old = with_heap(heap, std::mem::take);
    // The weak references drop outside the borrow.
    drop(old);
}

/// Adds `o` to generation 0 of `heap`; returns that generation's count.
#[inline]
pub(crate) fn track(heap: u16, o: &PyRef) -> usize {
    with_heap(heap, |h| {
        let Some(slot) = h.gens[0].push(o, 0) else {
            return h.count[0];
        };
        let hd = o.gc_header();
        hd.slot.set(slot);
        hd.heap.set(heap);
        hd.gen.set(0);
        h.count[0] += 1;
        h.count[0]
    })
    .unwrap_or(0)
}

/// Tracks `new` in the heap that tracked `old` (an object whose contents
/// moved into `new`, e.g. to run its finalizer).
pub(crate) fn track_like(old: &PyObject, new: &PyRef) {
    let heap = old.gc_header().heap.get();
    if heap != NO_HEAP {
        track(heap, new);
    }
}

/// Removes `o` from its generation; `freed` when it is being dropped
/// (which counts against generation 0's allocations, as in CPython).
pub(crate) fn untrack(o: &PyObject, freed: bool) {
    let hd = o.gc_header();
    let slot = hd.slot.get();
    if slot == NO_SLOT {
        return;
    }
    hd.slot.set(NO_SLOT);
    let gen = hd.gen.get() as usize;
    with_heap(hd.heap.get(), |h| {
        if let Some(g) = h.gens.get_mut(gen) {
            g.remove(slot, o);
        }
        if freed {
            h.count[0] = h.count[0].saturating_sub(1);
        }
    });
}

/// Moves the tracked object `o` into generation `gen` of its heap.
pub(crate) fn move_to(o: &PyRef, gen: usize) {
    let hd = o.gc_header();
    let slot = hd.slot.get();
    let from = hd.gen.get() as usize;
    if slot == NO_SLOT || from == gen || gen >= GENERATIONS {
        return;
    }
    let heap = hd.heap.get();
    let ok = with_heap(heap, |h| {
        if !h.gens[from].remove(slot, Rc::as_ptr(o)) {
            return None;
        }
        h.gens[gen].push(o, gen as u8)
    });
    match ok.flatten() {
        Some(s) => {
            hd.slot.set(s);
            hd.gen.set(gen as u8);
        }
        None => hd.slot.set(NO_SLOT),
    }
}

/// The objects of generations `0..=gen` of `heap`, laid out so that the
/// object in generation `g`, slot `s` is at `base[g] + s` (holes are
/// `None`). Returns the objects and the bases.
pub(crate) fn objects_upto(heap: u16, gen: usize) -> (Vec<Option<PyRef>>, [usize; GENERATIONS]) {
    let mut base = [0; GENERATIONS];
    let mut out = Vec::new();
    with_heap(heap, |h| {
        let n: usize = h.gens[..=gen.min(GENERATIONS - 1)]
            .iter()
            .map(|g| g.slots.len())
            .sum();
        out.reserve(n);
        for (g, b) in base.iter_mut().enumerate().take(gen + 1) {
            *b = out.len();
            h.gens[g].objects(&mut out);
        }
    });
    (out, base)
}

/// Every tracked object of `heap`, oldest first (allocation order).
pub(crate) fn all_objects(heap: u16) -> Vec<PyRef> {
    let mut out = Vec::new();
    with_heap(heap, |h| {
        for g in h.gens.iter().rev() {
            g.objects(&mut out);
        }
    });
    out.into_iter().flatten().collect()
}

/// Number of objects tracked by `heap`.
pub(crate) fn live_count(heap: u16) -> usize {
    with_heap(heap, |h| h.gens.iter().map(|g| g.live).sum()).unwrap_or(0)
}

/// The three counts (`gc.get_count()`).
pub(crate) fn counts(heap: u16) -> [usize; GENERATIONS] {
    with_heap(heap, |h| h.count).unwrap_or_default()
}

/// The generation an automatic collection should collect now, if any,
/// by CPython's rule: the oldest whose count exceeds its threshold, but
/// the oldest only once the objects it gained since its last collection
/// are a quarter of those it kept then.
pub(crate) fn due(heap: u16, thresholds: &[i64; GENERATIONS]) -> Option<usize> {
    with_heap(heap, |h| {
        (0..GENERATIONS).rev().find(|&i| {
            h.count[i] as i64 > thresholds[i]
                && !(i == GENERATIONS - 1 && h.long_lived_pending < h.long_lived_total / 4)
        })
    })
    .flatten()
}

/// Records that generation `gen` was collected: its count and the younger
/// ones restart, the next one's count goes up, and the oldest
/// generation's bookkeeping follows what moved into it.
pub(crate) fn collected(heap: u16, gen: usize) {
    with_heap(heap, |h| {
        for c in &mut h.count[..=gen] {
            *c = 0;
        }
        if gen + 1 < GENERATIONS {
            h.count[gen + 1] += 1;
        }
        let old = h.gens[GENERATIONS - 1].live;
        if gen == GENERATIONS - 1 {
            h.long_lived_pending = 0;
            h.long_lived_total = old;
        } else {
            h.long_lived_pending = old.saturating_sub(h.long_lived_total);
        }
        // Compact generations whose holes outnumber their objects now,
        // rather than when they next grow.
        for (g, gn) in h.gens.iter_mut().enumerate().take(gen + 2) {
            if gn.live == 0 {
                gn.slots = Vec::new();
            } else if gn.live * 2 < gn.slots.len() {
                gn.compact(g as u8);
            }
        }
    });
}
