//! Resource limits an embedder puts on an interpreter: an instruction
//! budget, a wall-clock limit and a memory cap (the recursion limit is
//! `Vm::recursion_limit`). They hold against hostile code.
//!
//! The eval loop calls [`Vm::tick`] at loop back-edges and calls (and
//! native calls through `recursion_enter`); with no limit set that is one
//! untaken branch. When a limit is exceeded the VM raises
//! `ResourceLimitError` (a `RuntimeError` subclass, like `RecursionError`)
//! for the budget and the clock, and `MemoryError` for memory. Once the
//! budget or the clock ran out, every later check raises again, so code
//! that catches the exception cannot keep running: it only gets to run its
//! straight-line handlers. Each entry from the embedder (`run_source`,
//! `eval`, `call`, ...) starts a fresh budget and clock ([`Vm::limits_start`]).
//!
//! Memory is accounted approximately: every object allocation and every
//! reallocation of a list or bytearray charges its bytes to a gross counter
//! (`heap_stats.rs`). When the gross bytes since the last measurement exceed
//! the headroom left under the cap, the VM measures what is alive (the
//! containers the cycle collector tracks, the strings and bytes they and
//! the running frames hold) and raises `MemoryError` if that is over the
//! cap. Single allocations larger than the headroom (`'a' * 10**10`) are
//! refused before they are made ([`Vm::mem_precheck`]).

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::deadline::Alarm;
use crate::eval::frame::Frame;
use crate::heap_stats;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// How many ticks pass between two reads of the clock.
const CLOCK_EVERY: u32 = 1024;

/// Children smaller than this are counted at each reference (cheaper than
/// remembering them; they are small, so overcounting shared ones is cheap).
const DEDUP_MIN: usize = 256;

/// Why execution was stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trip {
    Budget,
    Time,
}

/// The limits of one VM and the state of the current run against them.
#[derive(Default)]
pub struct Limits {
    /// Whether any of budget, time or memory is set (the fast-path flag).
    pub(crate) active: bool,
    instruction_budget: Option<u64>,
    time_limit: Option<Duration>,
    memory_limit: Option<usize>,
    /// Instructions (approximately) run since the current entry.
    used: u64,
    deadline: Option<Instant>,
    /// Set by the watchdog thread once `deadline` has passed.
    alarm: Arc<Alarm>,
    clock_countdown: u32,
    tripped: Option<Trip>,
    /// Set while the limit error is being made (its construction may run
    /// native calls, which check the limits again).
    raising: bool,
    /// Bytes found alive at the last measurement.
    mem_live: usize,
    /// `heap_stats::gross_bytes()` at the last measurement.
    mem_mark: usize,
    /// The cap in force for the current entry: the memory limit, or a
    /// little above what was alive when the entry began if that was more
    /// (so that after a `MemoryError` the embedder can still run code that
    /// frees memory, while hostile code gains at most 1/16 of the cap per
    /// entry).
    mem_ceiling: usize,
    /// Set when the memory limit raised: the last measurement counted the
    /// failed operation's temporaries, so the next entry measures afresh.
    mem_stale: bool,
    /// The highest recursion limit running code may set.
    max_recursion_limit: Option<usize>,
    /// The `ResourceLimitError` class, made on first use.
    error_class: Option<PyRef>,
}

impl Limits {
    /// Arms the watchdog for the deadline (or disarms it).
    fn arm(&mut self) {
        match self.deadline {
            Some(at) => self.alarm.arm(at),
            None => {
                self.alarm.disarm();
            }
        }
    }

    /// Clears the flag set while a limit error is made (after a panic
    /// unwound through its construction).
    pub(crate) fn end_raising(&mut self) {
        self.raising = false;
    }

    fn update_active(&mut self) {
        self.active = self.instruction_budget.is_some()
            || self.time_limit.is_some()
            || self.memory_limit.is_some();
    }
}

impl Vm {
    /// Sets the instruction budget of each embedder entry (`None`: no
    /// limit). The count is approximate: each loop back-edge counts the
    /// length of the loop body in instructions, each call counts one.
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.resource_limit_error_class();
        self.limits.instruction_budget = budget;
        self.limits.update_active();
    }

    /// Sets the wall-clock limit of each embedder entry (`None`: no limit).
    pub fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.resource_limit_error_class();
        self.limits.time_limit = limit;
        self.limits.update_active();
        self.limits.deadline = limit.map(|d| Instant::now() + d);
        self.limits.arm();
    }

    /// Sets the memory cap in bytes (`None`: no limit).
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.limits.memory_limit = bytes;
        self.limits.update_active();
        self.limits.mem_mark = heap_stats::gross_bytes();
        self.limits.mem_live = 0;
        self.limits.mem_ceiling = bytes.unwrap_or(usize::MAX);
    }

    /// Sets the recursion limit (as `sys.setrecursionlimit`) and makes it
    /// a ceiling: running code may lower it but not raise it past `n`.
    pub fn set_max_recursion_limit(&mut self, n: usize) {
        let n = n.max(1);
        self.limits.max_recursion_limit = Some(n);
        self.recursion_limit = n;
    }

    /// `n`, lowered to the embedder's ceiling (`sys.setrecursionlimit`).
    pub fn clamp_recursion_limit(&self, n: usize) -> usize {
        match self.limits.max_recursion_limit {
            Some(m) => n.min(m),
            None => n,
        }
    }

    /// The instruction budget, if set.
    pub fn instruction_budget(&self) -> Option<u64> {
        self.limits.instruction_budget
    }

    /// The wall-clock limit, if set.
    pub fn time_limit(&self) -> Option<Duration> {
        self.limits.time_limit
    }

    /// The memory cap, if set.
    pub fn memory_limit(&self) -> Option<usize> {
        self.limits.memory_limit
    }

    /// Starts a fresh budget and clock (called at each embedder entry).
    pub fn limits_start(&mut self) {
        let l = &mut self.limits;
        l.used = 0;
        l.tripped = None;
        l.clock_countdown = CLOCK_EVERY;
        l.deadline = l.time_limit.map(|d| Instant::now() + d);
        l.arm();
        if let Some(cap) = l.memory_limit {
            if l.mem_stale {
                l.mem_stale = false;
                self.measure_after_collecting(None, 0);
            }
            let l = &mut self.limits;
            l.mem_ceiling = cap.max(l.mem_live.saturating_add(cap / 16));
        }
    }

    /// The `ResourceLimitError` class (a `RuntimeError` subclass).
    pub fn resource_limit_error_class(&mut self) -> PyRef {
        if let Some(c) = &self.limits.error_class {
            return c.clone();
        }
        let base = self.exc.runtime_error.clone();
        let c = self
            .new_exception_type("builtins", "ResourceLimitError", &base)
            .unwrap_or(base);
        self.limits.error_class = Some(c.clone());
        c
    }

    /// The check the eval loop makes at back-edges and calls: `cost` is
    /// the approximate number of instructions run since the last check.
    #[inline(always)]
    pub(crate) fn tick(&mut self, frame: Option<&Frame>, cost: u32) -> PyResult<()> {
        if self.limits.active {
            self.tick_slow(frame, cost)
        } else {
            Ok(())
        }
    }

    #[inline(never)]
    fn tick_slow(&mut self, frame: Option<&Frame>, cost: u32) -> PyResult<()> {
        if self.limits.raising {
            return Ok(());
        }
        if let Some(t) = self.limits.tripped {
            return Err(self.limit_error(t));
        }
        let l = &mut self.limits;
        if let Some(b) = l.instruction_budget {
            l.used = l.used.saturating_add(u64::from(cost));
            if l.used > b {
                l.tripped = Some(Trip::Budget);
                return Err(self.limit_error(Trip::Budget));
            }
        }
        if let Some(deadline) = l.deadline {
            // The watchdog's flag, and the clock itself now and then in
            // case no watchdog thread could be started.
            l.clock_countdown = l.clock_countdown.saturating_sub(1);
            let late = l.alarm.fired()
                || (l.clock_countdown == 0 && {
                    l.clock_countdown = CLOCK_EVERY;
                    Instant::now() >= deadline
                });
            if late {
                l.tripped = Some(Trip::Time);
                return Err(self.limit_error(Trip::Time));
            }
        }
        if l.memory_limit.is_some() {
            let cap = l.mem_ceiling;
            let grown = heap_stats::gross_bytes().wrapping_sub(l.mem_mark);
            if grown > cap.saturating_sub(l.mem_live) {
                let live = self.measure_after_collecting(frame, cap);
                if live > cap {
                    self.limits.mem_stale = true;
                    self.limits.raising = true;
                    let e = self.memory_error();
                    self.limits.raising = false;
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The check a long native operation (a regular expression match)
    /// makes now and then: `KeyboardInterrupt` when an interrupt was
    /// requested, `ResourceLimitError` when the instruction budget (`cost`
    /// counts as that many instructions) or the time limit is spent, and
    /// the memory limit's check.
    pub fn check_native_work(&mut self, cost: u32) -> PyResult<()> {
        self.check_interrupt()?;
        self.tick(None, cost)
    }

    /// The time limit's check for long native operations (sorting) and
    /// blocking waits: `ResourceLimitError` once the deadline has passed.
    pub(crate) fn check_deadline(&mut self) -> PyResult<()> {
        let l = &self.limits;
        if l.raising || l.deadline.is_none() {
            return Ok(());
        }
        if l.alarm.fired() || l.deadline.is_some_and(|d| Instant::now() >= d) {
            self.limits.tripped = Some(Trip::Time);
            return Err(self.limit_error(Trip::Time));
        }
        Ok(())
    }

    /// The time limit's `ResourceLimitError` for a native operation that
    /// would end past the deadline (raised before it starts).
    pub(crate) fn time_limit_error(&mut self) -> PyErr {
        self.limits.tripped = Some(Trip::Time);
        self.limit_error(Trip::Time)
    }

    /// When the running entry's time limit ends, if one is set.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.limits.deadline
    }

    fn limit_error(&mut self, t: Trip) -> PyErr {
        let msg = match t {
            Trip::Budget => format!(
                "instruction budget exhausted ({} instructions)",
                self.limits.instruction_budget.unwrap_or(0)
            ),
            Trip::Time => format!(
                "time limit exceeded ({:?})",
                self.limits.time_limit.unwrap_or_default()
            ),
        };
        self.limits.raising = true;
        let c = self.resource_limit_error_class();
        let e = self.new_error(&c, msg);
        self.limits.raising = false;
        e
    }

    /// MemoryError if allocating `bytes` more would go over the memory cap
    /// (a check made before large allocations).
    pub fn mem_precheck(&mut self, bytes: usize) -> PyResult<()> {
        if self.limits.memory_limit.is_none() {
            return Ok(());
        }
        let cap = self.limits.mem_ceiling;
        if bytes <= cap.saturating_sub(self.limits.mem_live) / 2 {
            return Ok(());
        }
        let live = self.measure_after_collecting(None, cap.saturating_sub(bytes));
        if live.saturating_add(bytes) > cap {
            self.limits.mem_stale = true;
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// Measures live memory; over `cap`, collects cycles and measures
    /// again (garbage cycles must not count against the cap).
    fn measure_after_collecting(&mut self, frame: Option<&Frame>, cap: usize) -> usize {
        let mut live = self.measure_live_bytes(frame);
        if live > cap {
            self.collect_garbage();
            live = self.measure_live_bytes(frame);
        }
        self.limits.mem_live = live;
        self.limits.mem_mark = heap_stats::gross_bytes();
        live
    }

    /// Approximate bytes held by live objects of this VM: the tracked
    /// containers and what they hold, plus the values of the running frames.
    pub fn measure_live_bytes(&mut self, frame: Option<&Frame>) -> usize {
        let objs: Vec<PyRef> = self.gc_tracked_objects();
        let mut seen: HashSet<usize> = HashSet::new();
        let mut total = 0usize;
        let obj_size = std::mem::size_of::<PyObject>();
        // Untracked containers (tuples of atomic values the collector let
        // go) are counted with what they hold, through this stack.
        let mut nested: Vec<PyRef> = Vec::new();
        let mut child = |c: &PyRef, total: &mut usize| {
            nested.push(c.clone());
            while let Some(c) = nested.pop() {
                if c.gc_header().is_tracked() {
                    continue; // counted as a tracked object itself
                }
                let n = heap_stats::payload_size(&c.payload);
                let shared = n >= DEDUP_MIN || c.payload.is_container();
                if shared && !seen.insert(Rc::as_ptr(&c) as *const u8 as usize) {
                    continue;
                }
                *total = total.saturating_add(n + obj_size);
                if let Payload::Tuple(items) = &c.payload {
                    nested.extend(items.iter().filter_map(|v| match v {
                        Value::Obj(r) => Some(r.clone()),
                        _ => None,
                    }));
                }
            }
        };
        for o in &objs {
            total = total.saturating_add(heap_stats::payload_size(&o.payload) + obj_size);
            crate::gc::traverse(o, &mut |c| child(c, &mut total));
        }
        let mut frame_values = |f: &Frame, total: &mut usize| {
            let fast = (0..f.core.fast.len()).filter_map(|i| f.core.get_fast(i));
            for v in f.stack.iter().cloned().chain(fast) {
                if let Value::Obj(r) = &v {
                    child(r, total);
                }
            }
        };
        for f in &self.frame_stack {
            frame_values(f, &mut total);
        }
        if let Some(f) = frame {
            frame_values(f, &mut total);
        }
        total
    }
}
