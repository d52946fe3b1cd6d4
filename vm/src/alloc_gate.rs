//! The allocation gate: every allocation whose size user input decides
//! (a width, a repeat count, a `to_bytes` length, the digits of a big
//! int) is checked here before it is made, so it ends in `MemoryError`
//! rather than an abort, and counts against the memory limit.
//!
//! Rust aborts the process when an allocation fails; `try_reserve` avoids
//! that for vectors we allocate ourselves, but a big-int library or a
//! `String` built by a formatter allocates on its own. For those the gate
//! computes the size first and, for large sizes, probes the allocator
//! with a `try_reserve_exact` of that size (freed at once: a large block
//! is mapped and unmapped without touching its pages).

use crate::vm::{PyResult, Vm};

/// Below this size an allocation is not probed: failing it means the
/// process is out of memory anyway.
const PROBE_FROM: usize = 1 << 24;

/// The most items a repeat copies between two checks of the time limit:
/// about 64 Mi, a whole number of units (so each copy keeps the pattern,
/// and for text ends on a character boundary).
fn copy_chunk(unit: usize) -> usize {
    let unit = unit.max(1);
    ((1usize << 26) / unit).max(1) * unit
}

/// The size at which [`Vm::check_growth`] first checks.
pub const GROWTH_FIRST_CHECK: usize = 1 << 20;

impl Vm {
    /// Checks that `bytes` more bytes may be allocated: within
    /// `isize::MAX`, within the memory limit, and obtainable from the
    /// allocator. Else `MemoryError`.
    pub fn check_alloc(&mut self, bytes: usize) -> PyResult<()> {
        if bytes > isize::MAX as usize {
            return Err(self.memory_error());
        }
        self.mem_precheck(bytes)?;
        if bytes >= PROBE_FROM {
            let mut probe: Vec<u8> = Vec::new();
            if probe.try_reserve_exact(bytes).is_err() {
                return Err(self.memory_error());
            }
        }
        Ok(())
    }

    /// Counts `bytes` of growth of a buffer a native object owns (checked
    /// first with [`check_alloc`](Self::check_alloc)) in the heap figures
    /// the memory limit is measured by.
    pub fn charge_growth(&mut self, bytes: usize) {
        crate::heap_stats::charge(bytes);
    }

    /// [`check_alloc`](Self::check_alloc) for a big int of `bits` bits
    /// (its limbs, rounded up), with room for a second operand-sized
    /// buffer, which the multiplication algorithms need.
    pub fn check_int_alloc(&mut self, bits: u128) -> PyResult<()> {
        let bytes = bits.div_ceil(8).saturating_mul(2);
        match usize::try_from(bytes) {
            Ok(b) => self.check_alloc(b),
            Err(_) => Err(self.memory_error()),
        }
    }

    /// `unit` repeated `n` times, its size checked first, built by
    /// doubling (a few large copies, not `n` small ones) with the time
    /// limit checked between copies.
    pub fn repeat_vec<T: Clone>(&mut self, unit: &[T], n: usize) -> PyResult<Vec<T>> {
        let Some(total) = unit.len().checked_mul(n) else {
            return Err(self.memory_error());
        };
        let mut out = Vec::new();
        self.reserve(&mut out, total)?;
        if total > 0 {
            out.extend_from_slice(unit);
        }
        let chunk = copy_chunk(unit.len());
        while out.len() < total {
            self.check_deadline()?;
            let k = out.len().min(total - out.len()).min(chunk);
            out.extend_from_within(..k);
        }
        Ok(out)
    }

    /// [`repeat_vec`](Self::repeat_vec) for text.
    pub fn repeat_string(&mut self, unit: &str, n: usize) -> PyResult<String> {
        let Some(total) = unit.len().checked_mul(n) else {
            return Err(self.memory_error());
        };
        self.check_alloc(total)?;
        let mut out = String::new();
        if out.try_reserve_exact(total).is_err() {
            return Err(self.memory_error());
        }
        if total > 0 {
            out.push_str(unit);
        }
        let chunk = copy_chunk(unit.len());
        while out.len() < total {
            self.check_deadline()?;
            let k = out.len().min(total - out.len()).min(chunk);
            out.extend_from_within(..k);
        }
        Ok(out)
    }

    /// The check of a result that grows piece by piece (`translate`):
    /// each time `size` passes `*next`, checks it like
    /// [`check_alloc`](Self::check_alloc) and the time limit, then
    /// doubles `*next`, so the checks cost little overall.
    pub fn check_growth(&mut self, next: &mut usize, size: usize) -> PyResult<()> {
        if size < *next {
            return Ok(());
        }
        self.check_alloc(size)?;
        self.check_deadline()?;
        *next = size.saturating_mul(2).max(GROWTH_FIRST_CHECK);
        Ok(())
    }

    /// Reserves room for `n` more items in a vector, or MemoryError.
    pub fn reserve<T>(&mut self, v: &mut Vec<T>, n: usize) -> PyResult<()> {
        let Some(bytes) = n.checked_mul(std::mem::size_of::<T>()) else {
            return Err(self.memory_error());
        };
        self.mem_precheck(bytes)?;
        if bytes > isize::MAX as usize || v.try_reserve(n).is_err() {
            return Err(self.memory_error());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_sizes_are_memory_errors() {
        let mut vm = Vm::new();
        assert!(vm.check_alloc(usize::MAX).is_err());
        assert!(vm.check_alloc(isize::MAX as usize).is_err());
        assert!(vm.check_int_alloc(u128::MAX).is_err());
        assert!(vm.check_int_alloc(1 << 70).is_err());
        assert!(vm.check_alloc(1 << 20).is_ok());
        assert!(vm.check_int_alloc(1 << 20).is_ok());
        let mut v: Vec<u64> = Vec::new();
        assert!(vm.reserve(&mut v, usize::MAX / 4).is_err());
        assert!(vm.reserve(&mut v, 10).is_ok());
    }
}
