//! [`InterpreterBuilder`]: an [`Interpreter`] with limits, sandbox mode,
//! captured output and its Python library, set before any code runs.
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
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use crate::frozen::FrozenLibrary;
use crate::interp::Interpreter;
use crate::io::CaptureOutput;
use crate::sandbox::Capability;
use crate::vm::Vm;

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
    stdlib: Option<&'static FrozenLibrary>,
    lib_dirs: Option<Vec<PathBuf>>,
    no_pythonpath: bool,
    native_modules: Vec<fn(&mut Vm)>,
}

/// Where an interpreter's `sys.path` comes from (see
/// `Interpreter::with_library`).
pub(crate) struct LibrarySetup {
    /// `PYTHONPATH` first.
    pub pythonpath: bool,
    /// `RPY_LIB` may replace the frozen library.
    pub rpy_lib: bool,
    pub frozen: Option<&'static FrozenLibrary>,
    /// Mount the frozen library at neutral roots (sandbox mode).
    pub neutral_roots: bool,
    /// Directories that replace the frozen library.
    pub dirs: Option<Vec<String>>,
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
    /// `PYTHONPATH` and `RPY_LIB` are not read. Frozen modules still
    /// import (they need no file access).
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

    /// A Python library compiled into the program, searched after
    /// `PYTHONPATH` (each of its directories is a `sys.path` entry); the
    /// `rpy-stdlib-frozen` crate has rpy's and CPython's:
    /// `.stdlib(&rpy_stdlib_frozen::STDLIB)`. Modules are decompressed when
    /// imported; nothing is read from the file system. `RPY_LIB` (outside
    /// sandbox mode) or [`lib_dirs`](Self::lib_dirs) replace it. In sandbox
    /// mode each directory stands under `/frozen/<last part of its root>`.
    ///
    /// ```
    /// use rpy_vm::{FrozenDir, FrozenLibrary, FrozenModule, Interpreter};
    /// static MODS: [FrozenModule; 1] =
    ///     [FrozenModule { name: "hello", package: false, start: 0, len: 6, size: 6 }];
    /// static DIRS: [FrozenDir; 1] = [FrozenDir { root: "/app/lib", modules: &MODS, data: b"X = 42" }];
    /// static LIB: FrozenLibrary = FrozenLibrary {
    ///     dirs: &DIRS,
    ///     decode: |b, _| String::from_utf8(b.to_vec()).ok(), // stored as plain text
    /// };
    /// let mut i = Interpreter::builder().stdlib(&LIB).build();
    /// assert_eq!(i.eval_as::<i64>("__import__('hello').X").unwrap(), 42);
    /// assert_eq!(i.eval_as::<String>("__import__('hello').__file__").unwrap(), "/app/lib/hello.py");
    /// // Sandboxed code sees a neutral root instead of the build path.
    /// let mut s = Interpreter::builder().sandbox(true).stdlib(&LIB).build();
    /// assert_eq!(s.eval_as::<String>("__import__('hello').__file__").unwrap(), "/frozen/lib/hello.py");
    /// ```
    pub fn stdlib(mut self, lib: &'static FrozenLibrary) -> Self {
        self.stdlib = Some(lib);
        self
    }

    /// Directories searched instead of the frozen library (for
    /// development: the library as files), in that place on `sys.path`;
    /// sandboxed code may import from them.
    pub fn lib_dirs<P: Into<PathBuf>>(mut self, dirs: impl IntoIterator<Item = P>) -> Self {
        self.lib_dirs = Some(dirs.into_iter().map(Into::into).collect());
        self
    }

    /// Registers native modules with `register` (called once, on the new
    /// interpreter's `Vm`). The VM itself has only `builtins`, `sys`,
    /// `_codecs`, `_weakref` and `_io`; CPython's native standard library
    /// (`math`, `time`, `posix`, `array`, `_struct`, `_sre`, ...) lives in
    /// the `rpy-stdlib` crate, which this crate cannot depend on:
    /// `.native_modules(rpy_stdlib::register_vm)` offers all of it, and
    /// each `rpy-*` stdlib crate's `register_vm` offers its own modules.
    /// May be given more than once.
    ///
    /// ```
    /// use rpy_vm::Interpreter;
    /// let mut i = Interpreter::builder().native_modules(rpy_stdlib::register_vm).build();
    /// assert_eq!(i.eval_as::<f64>("__import__('math').sqrt(4)").unwrap(), 2.0);
    /// assert!(Interpreter::new().exec("import math").is_err());
    /// ```
    pub fn native_modules(mut self, register: fn(&mut Vm)) -> Self {
        self.native_modules.push(register);
        self
    }

    /// Whether `PYTHONPATH` joins `sys.path` (default: yes, outside sandbox
    /// mode); `rpy -E` turns it off.
    pub fn pythonpath(mut self, on: bool) -> Self {
        self.no_pythonpath = !on;
        self
    }

    /// The interpreter.
    pub fn build(self) -> Interpreter {
        self.build_captured().0
    }

    /// The interpreter and, with [`capture_output`](Self::capture_output),
    /// the handle to its captured stdout and stderr.
    pub fn build_captured(self) -> (Interpreter, Option<Rc<RefCell<CaptureOutput>>>) {
        let dirs = self.lib_dirs.clone();
        let mut i = Interpreter::with_library(LibrarySetup {
            pythonpath: !self.sandbox && !self.no_pythonpath,
            rpy_lib: !self.sandbox,
            frozen: self.stdlib,
            neutral_roots: self.sandbox,
            dirs: dirs
                .as_ref()
                .map(|d| d.iter().map(|p| p.to_string_lossy().into_owned()).collect()),
        });
        for d in dirs.into_iter().flatten() {
            i.allow_read_dir(d);
        }
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
        for register in self.native_modules {
            register(i.vm());
        }
        (i, handle)
    }
}
