//! rpy's native `_socket` module: BSD sockets (AF_INET, AF_INET6,
//! AF_UNIX; stream and datagram) on rustix's safe system calls, with
//! CPython's timeout semantics, name resolution through the system
//! resolver, and the constants `socket.py` reads, so CPython's
//! `socket.py`, `selectors.py` and `asyncio` run on it unchanged.
//! Descriptors live in `posix`'s table, so `select`, `os.read`/`os.write`
//! and `os.close` work on them. Opening a socket or resolving a name
//! needs the sandbox's network capability.
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_socket::register(&mut interp);
//! assert!(interp.run_source("import _socket\nassert _socket.AF_INET == 2", "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

#[cfg(unix)]
mod address;
#[cfg(unix)]
mod constants;
#[cfg(unix)]
mod errors;
#[cfg(unix)]
mod inet;
#[cfg(unix)]
mod netdb;
#[cfg(unix)]
mod options;
#[cfg(unix)]
mod socket_module;
#[cfg(unix)]
mod socket_type;
#[cfg(unix)]
mod timeouts;

use rpy_vm::{Interpreter, Vm};

/// Makes `_socket` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_socket` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    #[cfg(unix)]
    vm.register_module("_socket", std::rc::Rc::new(socket_module::init));
    #[cfg(not(unix))]
    let _ = vm;
}
