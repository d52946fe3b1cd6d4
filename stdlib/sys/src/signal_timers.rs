//! The interval timers of `_signal`: `setitimer`/`getitimer` and `alarm`,
//! on POSIX timers (`timer_create` through nix): ITIMER_REAL counts wall
//! time and sends SIGALRM, ITIMER_VIRTUAL and ITIMER_PROF count the
//! process's CPU time and send SIGVTALRM and SIGPROF. `alarm` is
//! ITIMER_REAL's one-shot form (as in CPython, where both use one timer).

use std::time::Duration;

use nix::sys::signal::{SigEvent, SigevNotify, Signal};
use nix::sys::time::TimeSpec;
use nix::sys::timer::{Expiration, Timer, TimerSetTimeFlags};
use nix::time::ClockId;

/// The three timers, made on first use.
#[derive(Default)]
pub struct Timers([Option<Timer>; 3]);

/// A timer's setting: (delay until it fires, interval after), seconds.
pub type Setting = (f64, f64);

fn secs(t: &TimeSpec) -> f64 {
    t.tv_sec() as f64 + t.tv_nsec() as f64 / 1e9
}

fn spec(s: f64) -> TimeSpec {
    TimeSpec::from_duration(Duration::from_secs_f64(s.max(0.0)))
}

impl Timers {
    fn timer(&mut self, which: usize) -> nix::Result<&mut Timer> {
        let (clock, signal) = match which {
            0 => (ClockId::CLOCK_REALTIME, Signal::SIGALRM),
            1 => (ClockId::CLOCK_PROCESS_CPUTIME_ID, Signal::SIGVTALRM),
            _ => (ClockId::CLOCK_PROCESS_CPUTIME_ID, Signal::SIGPROF),
        };
        let slot = self.0.get_mut(which).ok_or(nix::errno::Errno::EINVAL)?;
        if slot.is_none() {
            let ev = SigEvent::new(SigevNotify::SigevSignal {
                signal,
                si_value: 0,
            });
            *slot = Some(Timer::new(clock, ev)?);
        }
        slot.as_mut().ok_or(nix::errno::Errno::EINVAL)
    }

    /// The current setting of timer `which` (0, 1 or 2).
    pub fn get(&mut self, which: usize) -> nix::Result<Setting> {
        if self.0.get(which).is_some_and(|t| t.is_none()) {
            return Ok((0.0, 0.0));
        }
        Ok(match self.timer(which)?.get()? {
            None => (0.0, 0.0),
            Some(Expiration::OneShot(d)) => (secs(&d), 0.0),
            Some(Expiration::IntervalDelayed(d, i)) => (secs(&d), secs(&i)),
            Some(Expiration::Interval(i)) => (secs(&i), secs(&i)),
        })
    }

    /// Sets timer `which` (a zero delay disarms it); returns the old
    /// setting.
    pub fn set(&mut self, which: usize, delay: f64, interval: f64) -> nix::Result<Setting> {
        let old = self.get(which)?;
        if delay <= 0.0 && self.0.get(which).is_some_and(|t| t.is_none()) {
            return Ok(old);
        }
        let exp = if interval > 0.0 {
            Expiration::IntervalDelayed(spec(delay), spec(interval))
        } else {
            Expiration::OneShot(spec(delay))
        };
        self.timer(which)?.set(exp, TimerSetTimeFlags::empty())?;
        Ok(old)
    }
}

/// `alarm`'s result: whole seconds left, a started second counting as one
/// (what alarm(2) reports).
pub fn alarm_seconds(left: f64) -> i64 {
    if left <= 0.0 {
        0
    } else {
        (left.round() as i64).max(1)
    }
}
