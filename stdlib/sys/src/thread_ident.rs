//! The identity of the OS thread running Python: `_thread.get_ident` and
//! `get_native_id`. Both are the kernel's thread id (Linux's
//! `/proc/thread-self` names it), read once per thread; elsewhere, the
//! process id.

use std::cell::Cell;

thread_local! {
    static IDENT: Cell<u64> = const { Cell::new(0) };
}

/// The kernel's id of the calling thread.
fn read_tid() -> u64 {
    // `/proc/thread-self` links to `<pid>/task/<tid>`.
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name()?.to_str()?.parse::<u64>().ok())
        .unwrap_or_else(|| u64::from(std::process::id()))
}

/// The calling thread's id (never 0, which marks an RLock without owner).
pub fn current_ident() -> u64 {
    IDENT.with(|c| {
        if c.get() == 0 {
            c.set(read_tid().max(1));
        }
        c.get()
    })
}
