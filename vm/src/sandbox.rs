//! Sandbox mode: what code running in the VM may touch outside it.
//!
//! Off by default (the `rpy` binary runs scripts with full access). When an
//! embedder turns it on, every operation that reaches the host — opening
//! files, reading the environment, starting processes, the network —
//! raises `PermissionError` unless the embedder granted its
//! [`Capability`]. Imports still work: frozen modules (`frozen.rs`) need no
//! file access, and modules are read from the directories the embedder
//! allows ([`Vm::allow_read_dir`], `InterpreterBuilder::lib_dirs`);
//! tracebacks do not read other files to show source lines. The natives
//! under frozen modules stay gated (`os.putenv` needs `Environment` even
//! though `os` itself imports).
//!
//! Native code that reaches the host calls [`Vm::require`] first, e.g.
//! `vm.require(Capability::FileRead, "open")?`.

use std::path::{Path, PathBuf};

use crate::vm::{PyResult, Vm};

/// A kind of access to the host that sandbox mode denies unless granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Reading any file (`open(path)`, imports from any directory).
    FileRead,
    /// Creating, writing or deleting files.
    FileWrite,
    /// Reading or changing environment variables.
    Environment,
    /// Starting, signalling or ending processes (`os._exit` included),
    /// and the process's identity: pids, CPU count.
    Process,
    /// Opening network connections.
    Network,
}

impl Capability {
    fn describe(self) -> &'static str {
        match self {
            Capability::FileRead => "file system read access",
            Capability::FileWrite => "file system write access",
            Capability::Environment => "environment access",
            Capability::Process => "process control",
            Capability::Network => "network access",
        }
    }
}

/// The sandbox state of a VM.
#[derive(Default)]
pub struct Sandbox {
    enabled: bool,
    granted: Vec<Capability>,
    read_dirs: Vec<PathBuf>,
}

impl Vm {
    /// Turns sandbox mode on or off.
    pub fn set_sandbox(&mut self, on: bool) {
        self.sandbox.enabled = on;
        self.show_host_identity();
    }

    /// `sys.executable` names the host program only where the process's
    /// identity may be seen (`Capability::Process`); else it is `''`, as
    /// in CPython when the path is unknown.
    fn show_host_identity(&mut self) {
        let exe = if self.has_capability(Capability::Process) {
            std::env::current_exe()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let v = self.str_val(exe);
        let sys = self.sys.clone();
        self.module_set(&sys, "executable", v);
    }

    /// Whether sandbox mode is on.
    pub fn is_sandboxed(&self) -> bool {
        self.sandbox.enabled
    }

    /// Grants `cap` to code running in the sandbox.
    pub fn grant(&mut self, cap: Capability) {
        if !self.sandbox.granted.contains(&cap) {
            self.sandbox.granted.push(cap);
        }
        self.show_host_identity();
    }

    /// Lets sandboxed code import modules from `dir` (and below).
    pub fn allow_read_dir(&mut self, dir: impl Into<PathBuf>) {
        let d: PathBuf = dir.into();
        let d = d.canonicalize().unwrap_or(d);
        self.sandbox.read_dirs.push(d);
    }

    /// Whether running code has `cap` (always, outside sandbox mode).
    pub fn has_capability(&self, cap: Capability) -> bool {
        !self.sandbox.enabled || self.sandbox.granted.contains(&cap)
    }

    /// `PermissionError` unless running code has `cap`; `what` names the
    /// operation in the message ("open", "os.environ", ...).
    pub fn require(&mut self, cap: Capability, what: &str) -> PyResult<()> {
        if self.has_capability(cap) {
            return Ok(());
        }
        let c = self.exc.permission_error.clone();
        Err(self.new_error(
            &c,
            format!(
                "{what}: {} is not permitted in this sandbox",
                cap.describe()
            ),
        ))
    }

    /// Whether running code may read the file at `path`: outside sandbox
    /// mode or with [`Capability::FileRead`] always; else only below a
    /// directory allowed by [`Vm::allow_read_dir`].
    pub fn may_read_path(&self, path: &Path) -> bool {
        if self.has_capability(Capability::FileRead) {
            return true;
        }
        let Ok(p) = path.canonicalize() else {
            return false;
        };
        self.sandbox.read_dirs.iter().any(|d| p.starts_with(d))
    }

    /// `PermissionError` unless [`Vm::may_read_path`] allows `path`.
    pub fn require_read_path(&mut self, path: &Path, what: &str) -> PyResult<()> {
        if self.may_read_path(path) {
            return Ok(());
        }
        self.require(Capability::FileRead, what)
    }
}
