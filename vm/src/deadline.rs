//! The time limit's alarm: one watchdog thread per process sleeps until
//! the earliest armed deadline and then sets that interpreter's flag. The
//! eval loop tests the flag (one relaxed atomic load) at every loop
//! back-edge and call, so a loop whose body is slow (a big sort, a long
//! native call) is stopped at its next iteration, not after a thousand.
//!
//! A flag is re-armed at each embedder entry; entries of earlier runs are
//! told apart by a generation number and ignored when they come due. If
//! the watchdog thread cannot be started the flag never fires and the
//! limits fall back to reading the clock themselves (`limits.rs`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Instant;

/// One interpreter's alarm.
#[derive(Default)]
pub(crate) struct Alarm {
    fired: AtomicBool,
    generation: AtomicU64,
}

impl Alarm {
    /// Whether the armed deadline has passed.
    #[inline]
    pub(crate) fn fired(&self) -> bool {
        self.fired.load(Ordering::Relaxed)
    }

    /// Arms the alarm for `at`, replacing any earlier arming.
    pub(crate) fn arm(self: &Arc<Self>, at: Instant) {
        let generation = self.disarm();
        let entry = Entry {
            at,
            generation,
            alarm: Arc::downgrade(self),
        };
        if let Some(tx) = watchdog() {
            if let Ok(tx) = tx.lock() {
                let _ = tx.send(entry);
            }
        }
    }

    /// Cancels the armed deadline; returns the new generation.
    pub(crate) fn disarm(&self) -> u64 {
        let g = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        self.fired.store(false, Ordering::Relaxed);
        g
    }
}

struct Entry {
    at: Instant,
    generation: u64,
    alarm: Weak<Alarm>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.at.cmp(&other.at)
    }
}

/// The watchdog's queue, started on first use (`None` if no thread could
/// be started).
fn watchdog() -> Option<&'static Mutex<Sender<Entry>>> {
    static TX: OnceLock<Option<Mutex<Sender<Entry>>>> = OnceLock::new();
    TX.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Entry>();
        std::thread::Builder::new()
            .name("rpy-time-limit".into())
            .spawn(move || {
                let mut due: BinaryHeap<Reverse<Entry>> = BinaryHeap::new();
                loop {
                    let next = match due.peek() {
                        Some(Reverse(e)) => {
                            rx.recv_timeout(e.at.saturating_duration_since(Instant::now()))
                        }
                        None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                    };
                    match next {
                        Ok(e) => due.push(Reverse(e)),
                        Err(RecvTimeoutError::Disconnected) => return,
                        Err(RecvTimeoutError::Timeout) => {}
                    }
                    let now = Instant::now();
                    while due.peek().is_some_and(|Reverse(e)| e.at <= now) {
                        if let Some(Reverse(e)) = due.pop() {
                            if let Some(a) = e.alarm.upgrade() {
                                if a.generation.load(Ordering::Relaxed) == e.generation {
                                    a.fired.store(true, Ordering::Relaxed);
                                }
                            }
                        }
                    }
                }
            })
            .ok()
            .map(|_| Mutex::new(tx))
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn fires_at_the_deadline_and_not_for_an_old_arming() {
        let a = Arc::new(Alarm::default());
        a.arm(Instant::now() + Duration::from_millis(20));
        assert!(!a.fired());
        std::thread::sleep(Duration::from_millis(200));
        assert!(a.fired());
        // Re-armed later: the earlier arming's entry does not count.
        let b = Arc::new(Alarm::default());
        b.arm(Instant::now() + Duration::from_millis(30));
        b.arm(Instant::now() + Duration::from_secs(3600));
        std::thread::sleep(Duration::from_millis(200));
        assert!(!b.fired());
        b.disarm();
        assert!(!b.fired());
    }
}
