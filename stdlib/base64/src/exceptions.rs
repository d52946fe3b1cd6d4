//! `binascii.Error` and `binascii.Incomplete`, shared by both modules, and
//! the mapping of the core's errors to Python exceptions.

use std::rc::Rc;

use rpy_base64_core::{Error as CoreError, ErrorKind};
use rpy_vm::{Args, PyErr, PyRef, PyResult, Value, Vm};

/// The exception classes `binascii` defines (`_base64` raises the same).
pub struct Exceptions {
    /// `binascii.Error`, a subclass of `ValueError`.
    pub error: PyRef,
    /// `binascii.Incomplete`, a subclass of `Exception`.
    pub incomplete: PyRef,
}

impl Exceptions {
    /// Defines both classes for module `binascii`.
    pub fn new(vm: &mut Vm) -> PyResult<Rc<Exceptions>> {
        let value_error = vm.exc.value_error.clone();
        let exception = vm.exc.exception.clone();
        Ok(Rc::new(Exceptions {
            error: vm.new_exception_type("binascii", "Error", &value_error)?,
            incomplete: vm.new_exception_type("binascii", "Incomplete", &exception)?,
        }))
    }

    /// The Python exception for a codec error.
    pub fn raise(&self, vm: &mut Vm, e: CoreError) -> PyErr {
        let cls = match e.kind {
            ErrorKind::BinasciiError => self.error.clone(),
            ErrorKind::Incomplete => self.incomplete.clone(),
            ErrorKind::ValueError => vm.exc.value_error.clone(),
            ErrorKind::TypeError => vm.exc.type_error.clone(),
            ErrorKind::OverflowError => vm.exc.overflow_error.clone(),
            // CPython raises MemoryError without a message.
            ErrorKind::MemoryError => return vm.memory_error(),
            ErrorKind::Internal => vm.exc.system_error.clone(),
        };
        vm.new_error(&cls, e.message.into_owned())
    }

    /// A `binascii.Error` with `msg`.
    pub fn error(&self, vm: &mut Vm, msg: &str) -> PyErr {
        vm.new_error(&self.error, msg)
    }

    /// A bytes object from a codec's result.
    pub fn bytes(&self, vm: &mut Vm, r: rpy_base64_core::Result<Vec<u8>>) -> PyResult<Value> {
        match r {
            Ok(b) => Ok(vm.new_bytes(b)),
            Err(e) => Err(self.raise(vm, e)),
        }
    }
}

/// A module function that also receives the exception classes.
pub type ModuleFn = fn(&mut Vm, Args<'_>, &Exceptions) -> PyResult<Value>;

/// Adds functions to a module, each holding the exception classes.
pub fn add_functions(vm: &mut Vm, m: &PyRef, exc: &Rc<Exceptions>, fns: &[(&str, ModuleFn)]) {
    for &(name, f) in fns {
        let exc = exc.clone();
        vm.module_add_closure(
            m,
            name,
            Rc::new(move |vm: &mut Vm, args: Args<'_>| f(vm, args, &exc)),
        );
    }
}
