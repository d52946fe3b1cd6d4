//! `_socket`'s exceptions: `gaierror` and `herror` (OSError subclasses
//! made when the module is first imported, kept in the VM's extension
//! map so errors raised later find them), `timeout` (TimeoutError, as in
//! CPython 3.11), and OSError from an errno.

use rpy_vm::{PyErr, PyRef, PyResult, Value, Vm};
use rustix::io::Errno;

/// The key of the exception classes in `Vm::extensions`.
const KEY: &str = "socket.errors";

/// The classes made by the module.
pub struct Classes {
    pub gaierror: PyRef,
    pub herror: PyRef,
}

/// Makes (once per VM) and returns the module's exception classes.
pub fn classes(vm: &mut Vm) -> PyResult<(PyRef, PyRef)> {
    if let Some(c) = vm
        .extensions
        .get(KEY)
        .and_then(|b| b.downcast_ref::<Classes>())
    {
        return Ok((c.gaierror.clone(), c.herror.clone()));
    }
    let base = vm.exc.os_error.clone();
    let gaierror = vm.new_exception_type("socket", "gaierror", &base)?;
    let herror = vm.new_exception_type("socket", "herror", &base)?;
    vm.extensions.insert(
        KEY,
        Box::new(Classes {
            gaierror: gaierror.clone(),
            herror: herror.clone(),
        }),
    );
    Ok((gaierror, herror))
}

/// An `OSError` for `e` (the subclass its errno picks).
pub fn errno_error(vm: &mut Vm, e: Errno) -> PyErr {
    vm.io_error(&std::io::Error::from(e), &[])
}

/// glibc's text for a `getaddrinfo` error code.
fn gai_text(code: i64) -> &'static str {
    match code {
        -1 => "Bad value for ai_flags",
        -2 => "Name or service not known",
        -3 => "Temporary failure in name resolution",
        -4 => "Non-recoverable failure in name resolution",
        -5 => "No address associated with hostname",
        -6 => "ai_family not supported",
        -7 => "ai_socktype not supported",
        -8 => "Servname not supported for ai_socktype",
        -9 => "Address family for hostname not supported",
        -10 => "Memory allocation failure",
        _ => "System error",
    }
}

/// The code of a resolver failure from its text (std reports the
/// resolver's message, not its code).
pub fn gai_code(msg: &str) -> i64 {
    (-10..=-1)
        .find(|&c| msg.contains(gai_text(c)))
        .unwrap_or(-2)
}

/// `socket.gaierror(code, text)`.
pub fn gaierror(vm: &mut Vm, code: i64) -> PyErr {
    match classes(vm) {
        Ok((cls, _)) => {
            let msg = vm.str_val(gai_text(code));
            PyErr(vm.new_exception(&cls, vec![Value::Int(code), msg]))
        }
        Err(e) => e,
    }
}

/// `socket.herror(code, text)` (code 1: host not found).
pub fn herror(vm: &mut Vm, code: i64, text: &str) -> PyErr {
    match classes(vm) {
        Ok((_, cls)) => {
            let msg = vm.str_val(text);
            PyErr(vm.new_exception(&cls, vec![Value::Int(code), msg]))
        }
        Err(e) => e,
    }
}

/// `TimeoutError('timed out')`, what a socket operation raises when its
/// timeout passes.
pub fn timeout_error(vm: &mut Vm) -> PyErr {
    let cls = vm.exc.timeout_error.clone();
    let msg = vm.str_val("timed out");
    PyErr(vm.new_exception(&cls, vec![msg]))
}
