//! Asynchronous interrupts (Ctrl-C). Another thread — a SIGINT handler, or
//! an embedder's watchdog — sets a shared flag; the eval loop polls it at
//! loop back-edges and Python calls (one relaxed atomic load) and raises
//! `KeyboardInterrupt` in the running code, as CPython does for SIGINT —
//! or, when a handler is installed (`signal.signal(SIGINT, f)`), calls it
//! there instead.

use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::vm::{PyErr, PyResult, Vm};

/// The flag shared between the VM and whoever requests interrupts.
pub type InterruptFlag = Arc<AtomicBool>;

/// What an interrupt runs in place of raising `KeyboardInterrupt`; its
/// error, if any, is raised in the running code.
pub type InterruptHandler = Rc<dyn Fn(&mut Vm) -> PyResult<()>>;

const INTERRUPT_HANDLER: &str = "rpy.interrupt_handler";

struct Handler(InterruptHandler);

impl Vm {
    /// The flag that, once set (from any thread), makes the running Python
    /// code raise `KeyboardInterrupt` at its next loop iteration or call.
    pub fn interrupt_flag(&self) -> InterruptFlag {
        self.interrupt.clone()
    }

    /// Forgets an interrupt requested while no code was running (a REPL
    /// calls this before running each input).
    pub fn clear_interrupt(&self) {
        self.interrupt.store(false, Ordering::Relaxed);
    }

    /// Sleeps for `d` in short slices, raising `KeyboardInterrupt` as soon
    /// as an interrupt is requested and `ResourceLimitError` when the time
    /// limit ends first (`time.sleep`).
    pub fn sleep_interruptibly(&mut self, d: std::time::Duration) -> PyResult<()> {
        const SLICE: std::time::Duration = std::time::Duration::from_millis(20);
        let wake = std::time::Instant::now() + d;
        loop {
            self.check_interrupt()?;
            self.check_deadline()?;
            let now = std::time::Instant::now();
            if now >= wake {
                return Ok(());
            }
            let until = match self.deadline() {
                Some(limit) if limit < wake => limit,
                _ => wake,
            };
            std::thread::sleep(SLICE.min(until.saturating_duration_since(now)));
        }
    }

    /// Installs (or with `None` removes) the handler interrupts run
    /// instead of raising `KeyboardInterrupt` (`signal.signal(SIGINT, f)`).
    pub fn set_interrupt_handler(&mut self, handler: Option<InterruptHandler>) {
        match handler {
            Some(h) => {
                self.extensions
                    .insert(INTERRUPT_HANDLER, Box::new(Handler(h)));
            }
            None => {
                self.extensions.remove(INTERRUPT_HANDLER);
            }
        }
    }

    /// Raises `KeyboardInterrupt` (or runs the installed handler) if an
    /// interrupt was requested.
    #[inline]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if self.interrupt.load(Ordering::Relaxed) {
            return self.take_interrupt();
        }
        Ok(())
    }

    #[cold]
    fn take_interrupt(&mut self) -> PyResult<()> {
        self.interrupt.store(false, Ordering::Relaxed);
        let handler = self
            .extensions
            .get(INTERRUPT_HANDLER)
            .and_then(|h| h.downcast_ref::<Handler>())
            .map(|h| h.0.clone());
        if let Some(h) = handler {
            return h(self);
        }
        let c = self.exc.keyboard_interrupt.clone();
        Err(PyErr(self.new_exception(&c, Vec::new())))
    }
}
