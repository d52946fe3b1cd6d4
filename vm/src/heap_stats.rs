//! Per-thread heap statistics: how many `PyObject`s are alive, and how many
//! bytes objects have asked for so far (a monotonic gross count).
//!
//! Both are cheap counters bumped on every object allocation. The live count
//! lets embedders and tests check that dropping an interpreter freed its
//! objects (cycles included); the gross byte count drives the memory limit
//! (`limits.rs`): when it grows past the limit's headroom, the VM measures
//! what is really alive.

use std::cell::Cell;

use malachite::num::logic::traits::SignificantBits;

use crate::object::{Payload, PyObject};
use crate::value::Value;

/// Both counters in one thread-local, so an allocation touches it once.
struct Stats {
    live: Cell<usize>,
    gross: Cell<usize>,
}

thread_local! {
    static STATS: Stats = const {
        Stats {
            live: Cell::new(0),
            gross: Cell::new(0),
        }
    };
}

/// Number of Python objects alive on this thread, over all interpreters.
pub fn live_objects() -> usize {
    STATS.with(|s| s.live.get())
}

/// Bytes charged by allocations on this thread so far (never decreases).
pub fn gross_bytes() -> usize {
    STATS.with(|s| s.gross.get())
}

/// Charges `bytes` of growth (a list or bytearray that reallocated).
#[inline]
pub fn charge(bytes: usize) {
    STATS.with(|s| s.gross.set(s.gross.get().wrapping_add(bytes)));
}

/// Pushes `item`, charging the bytes of a reallocation if the vector grew.
#[inline]
pub fn push_charged<T>(v: &mut Vec<T>, item: T) {
    let cap = v.capacity();
    v.push(item);
    if v.capacity() != cap {
        charge((v.capacity() - cap) * std::mem::size_of::<T>());
    }
}

/// Extends `v`, charging the bytes of a reallocation if the vector grew.
#[inline]
pub fn extend_charged<T>(v: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    let cap = v.capacity();
    v.extend(items);
    if v.capacity() != cap {
        charge(v.capacity().saturating_sub(cap) * std::mem::size_of::<T>());
    }
}

#[inline]
pub(crate) fn on_alloc(payload: &Payload) {
    let bytes = payload_size(payload) + std::mem::size_of::<PyObject>();
    STATS.with(|s| {
        s.live.set(s.live.get() + 1);
        s.gross.set(s.gross.get().wrapping_add(bytes));
    });
}

#[inline]
pub(crate) fn on_free() {
    STATS.with(|s| s.live.set(s.live.get().wrapping_sub(1)));
}

/// Approximate bytes a payload owns outside the object itself (buffers of
/// strings, bytes and containers).
#[inline]
pub fn payload_size(p: &Payload) -> usize {
    const SLOT: usize = std::mem::size_of::<Value>();
    match p {
        Payload::Str(s) => s.as_str().len(),
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.try_borrow().map(|b| b.capacity()).unwrap_or(0),
        Payload::List(l) => l.try_borrow().map(|l| l.capacity() * SLOT).unwrap_or(0),
        Payload::Tuple(t) => t.len() * SLOT,
        // Key (hash + value) and value per entry, plus the index.
        Payload::Dict(d) => d.try_borrow().map(|d| d.len() * (4 * SLOT)).unwrap_or(0),
        Payload::Set(s) | Payload::FrozenSet(s) => {
            s.try_borrow().map(|s| s.len() * (3 * SLOT)).unwrap_or(0)
        }
        Payload::Int(i) => (i.significant_bits() / 8) as usize,
        Payload::Native(n) => n.heap_size(),
        Payload::NativeData(d) => crate::objects::memoryview::viewed_size(d),
        _ => 0,
    }
}
