//! [`InterpreterBuilder`]: an [`Interpreter`] with limits, sandbox mode
//! and captured output, set before any code runs.
//!
//! ```
//! use std::time::Duration;
//! use rpy_vm::Interpreter;
//! let mut interp = Interpreter::builder()
//!     .recursion_limit(200)
//!     .instruction_budget(1_000_000)
//!     .time_limit(Duration::from_secs(1))
//!     .memory_limit(16 << 20)
//!     .sandbox(true)
//!     .build();
//! let e = interp.exec("while True: pass").unwrap_err();
//! assert_eq!(e.type_name(), "ResourceLimitError");
//! assert_eq!(interp.eval_as::<i64>("6 * 7").unwrap(), 42); // still usable
//! ```

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use crate::interp::Interpreter;
use crate::io::CaptureOutput;
use crate::sandbox::Capability;

/// Settings for a new [`Interpreter`]; see [`Interpreter::builder`].
#[derive(Default, Clone)]
pub struct InterpreterBuilder {
    recursion_limit: Option<usize>,
    instruction_budget: Option<u64>,
    time_limit: Option<Duration>,
    memory_limit: Option<usize>,
    sandbox: bool,
    grants: Vec<Capability>,
    capture: bool,
}

impl InterpreterBuilder {
    /// The recursion limit, also a ceiling for `sys.setrecursionlimit`.
    pub fn recursion_limit(mut self, n: usize) -> Self {
        self.recursion_limit = Some(n);
        self
    }

    /// About `n` instructions per entry (`exec`, `eval`, `call`, ...),
    /// then `ResourceLimitError`.
    pub fn instruction_budget(mut self, n: u64) -> Self {
        self.instruction_budget = Some(n);
        self
    }

    /// Wall-clock time per entry, then `ResourceLimitError`.
    pub fn time_limit(mut self, d: Duration) -> Self {
        self.time_limit = Some(d);
        self
    }

    /// About `bytes` of memory for Python objects, then `MemoryError`.
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.memory_limit = Some(bytes);
        self
    }

    /// Sandbox mode: host access raises `PermissionError` unless granted;
    /// `PYTHONPATH` is not read.
    pub fn sandbox(mut self, on: bool) -> Self {
        self.sandbox = on;
        self
    }

    /// Grants a capability in sandbox mode.
    pub fn grant(mut self, cap: Capability) -> Self {
        self.grants.push(cap);
        self
    }

    /// Captures stdout and stderr (read them with
    /// [`InterpreterBuilder::build_captured`]'s handle).
    pub fn capture_output(mut self, on: bool) -> Self {
        self.capture = on;
        self
    }

    /// The interpreter.
    pub fn build(self) -> Interpreter {
        self.build_captured().0
    }

    /// The interpreter and, with [`capture_output`](Self::capture_output),
    /// the handle to its captured stdout and stderr.
    pub fn build_captured(self) -> (Interpreter, Option<Rc<RefCell<CaptureOutput>>>) {
        let mut i = Interpreter::with_path(!self.sandbox);
        let handle = if self.capture {
            let (out, handle) = crate::io::capture();
            i.set_output(out);
            Some(handle)
        } else {
            None
        };
        if let Some(n) = self.recursion_limit {
            i.set_recursion_limit(n);
        }
        i.set_instruction_budget(self.instruction_budget);
        i.set_time_limit(self.time_limit);
        i.set_memory_limit(self.memory_limit);
        i.set_sandbox(self.sandbox);
        for c in self.grants {
            i.grant(c);
        }
        (i, handle)
    }
}
