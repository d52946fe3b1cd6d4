//! The panic boundary: a Rust panic inside the VM (a bug) or inside host
//! code it calls (a native slot, a finalizer's native code) never unwinds
//! into the embedder. Every entry of the embedding API runs under
//! [`Vm::guarded`], which catches the panic, puts back the VM's per-entry
//! state (frame stack, depth, handled exception, caller) as it was when
//! the entry began, and raises `SystemError` instead; the interpreter
//! stays usable. Dropping an interpreter swallows a panic of its teardown
//! the same way. (Host closures are also guarded one by one, `native.rs`,
//! so their panic is a `SystemError` the script itself can catch.)

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use crate::eval::frame::FrameCore;

use crate::value::PyRef;
use crate::vm::{CallerInfo, PyResult, Vm};

/// What an entry restores after a panic.
struct EntryState {
    depth: usize,
    frames: usize,
    loops: usize,
    repr_stack: usize,
    handled: Option<PyRef>,
    cur_frame: Option<Rc<FrameCore>>,
    caller: CallerInfo,
}

/// The text of a panic's payload.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a non-string payload".to_owned())
}

impl Vm {
    /// Runs `f` (an embedder's entry into the VM); a panic inside it
    /// becomes `SystemError` and leaves the VM as the entry found it.
    pub fn guarded<T>(&mut self, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        let saved = EntryState {
            depth: self.depth,
            frames: self.frame_stack.len(),
            loops: self.loops.len(),
            repr_stack: self.repr_stack.len(),
            handled: self.handled.clone(),
            cur_frame: self.cur_frame.clone(),
            caller: self.caller.clone(),
        };
        match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(r) => r,
            Err(payload) => {
                let what = panic_message(payload.as_ref());
                self.frame_stack.truncate(saved.frames);
                self.loops.truncate(saved.loops);
                self.repr_stack.truncate(saved.repr_stack);
                self.depth = saved.depth;
                self.handled = saved.handled;
                self.cur_frame = saved.cur_frame;
                self.caller = saved.caller;
                self.limits.end_raising();
                Err(self.system_error(format!("rpy panicked: {what}")))
            }
        }
    }

    /// Runs `f` where nothing can be returned (a drop); a panic inside it
    /// is reported on stderr by the panic hook and otherwise ignored.
    pub(crate) fn swallow_panic(&mut self, f: impl FnOnce(&mut Vm)) {
        let _ = catch_unwind(AssertUnwindSafe(|| f(self)));
    }
}
