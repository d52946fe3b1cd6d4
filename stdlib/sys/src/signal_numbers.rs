//! Linux's signal numbers and descriptions, shared by `_signal` and
//! `_thread.interrupt_main`.

pub const SIGINT: i64 = 2;
pub const SIGKILL: i64 = 9;
pub const SIGPIPE: i64 = 13;
pub const SIGSTOP: i64 = 19;
pub const SIGXFSZ: i64 = 25;
/// One more than the highest signal number (Linux: 64 real-time included).
pub const NSIG: i64 = 65;
/// The first real-time signal a program may use (glibc keeps 32 and 33).
pub const SIGRTMIN: i64 = 34;

/// The named signals.
pub const NAMES: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", SIGRTMIN),
    ("SIGRTMAX", 64),
];

/// What `strsignal` says of the standard signals (glibc's texts), 1..=31.
const DESCRIPTIONS: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

/// The description of signal `n` (1 <= n < NSIG); `None` for the two
/// the C library reserves.
pub fn describe(n: i64) -> Option<String> {
    if n >= SIGRTMIN {
        return Some(format!("Real-time signal {}", n - SIGRTMIN));
    }
    let i = usize::try_from(n).ok()?.checked_sub(1)?;
    DESCRIPTIONS.get(i).map(|s| (*s).to_owned())
}

/// Whether `n` is a signal a program may handle or block.
pub fn valid(n: i64) -> bool {
    (1..NSIG).contains(&n) && !(32..SIGRTMIN).contains(&n)
}
