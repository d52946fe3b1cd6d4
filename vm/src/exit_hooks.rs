//! Work to do when an interpreter finishes: native modules register hooks
//! (the `atexit` module runs its callbacks from one), and the host runs
//! them once with [`Interpreter::finalize`] after the main program — as
//! CPython's finalization runs `atexit` after `__main__`, whether it ended
//! normally, by `sys.exit` or by an uncaught exception.

use std::rc::Rc;

use crate::interp::Interpreter;
use crate::vm::Vm;

/// A hook run at finalization. It reports its own errors (CPython prints
/// them as "Exception ignored ...").
pub type ExitHook = Rc<dyn Fn(&mut Vm)>;

const EXIT_HOOKS: &str = "rpy.exit_hooks";

/// The hooks registered so far, by key.
#[derive(Default)]
struct ExitHooks(Vec<(&'static str, ExitHook)>);

impl Vm {
    /// Registers `hook` to run at finalization; a second registration
    /// under the same `key` replaces the first (a module imported twice,
    /// in two `sys.modules` lifetimes, keeps one hook).
    pub fn on_exit(&mut self, key: &'static str, hook: ExitHook) {
        let reg = self
            .extensions
            .entry(EXIT_HOOKS)
            .or_insert_with(|| Box::new(ExitHooks::default()));
        if let Some(r) = reg.downcast_mut::<ExitHooks>() {
            r.0.retain(|(k, _)| *k != key);
            r.0.push((key, hook));
        }
    }

    /// Runs the registered hooks, the latest first, and forgets them.
    pub fn run_exit_hooks(&mut self) {
        let hooks = self
            .extensions
            .get_mut(EXIT_HOOKS)
            .and_then(|r| r.downcast_mut::<ExitHooks>())
            .map(|r| std::mem::take(&mut r.0))
            .unwrap_or_default();
        for (_, hook) in hooks.into_iter().rev() {
            hook(self);
        }
    }
}

impl Interpreter {
    /// Finishes the interpreter's program as CPython's finalization does:
    /// runs the exit hooks (`atexit` callbacks, in reverse order of
    /// registration). The `rpy` command calls it after the main program;
    /// an embedder calls it when done with the interpreter (dropping it
    /// runs no Python code). Running it again does nothing unless hooks
    /// were registered since.
    pub fn finalize(&mut self) {
        self.vm().limits_start();
        self.vm().run_exit_hooks();
    }
}
