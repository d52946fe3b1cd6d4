//! Linux's signal numbers, shared by `_signal` and `_thread.interrupt_main`.

pub const SIGINT: i64 = 2;
/// One more than the highest signal number (Linux: 64 real-time included).
pub const NSIG: i64 = 65;
