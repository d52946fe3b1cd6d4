//! [`Error`]: a Python exception as an embedding application sees it, a
//! plain Rust error (`std::error::Error + Send + Sync`, so it works with
//! `?`, `Box<dyn Error>` and `anyhow`).
//!
//! It keeps the exception's class name (and those of its bases, for
//! [`Error::is_instance`]), its message, and the traceback text CPython
//! would print. The Python exception object itself stays in the
//! interpreter: [`crate::Interpreter::last_exception`].
//!
//! `Display` shows the last line of the traceback (`ValueError: bad`); the
//! alternate form `{:#}` shows the whole traceback.

use std::fmt;

use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// A Python exception raised while running embedded code.
#[derive(Clone, Debug)]
pub struct Error {
    type_name: String,
    mro: Vec<String>,
    message: String,
    traceback: String,
    exit_code: Option<i32>,
}

impl Error {
    /// Reads the class, message and traceback of `e`.
    pub fn from_py(vm: &mut Vm, e: &PyErr) -> Error {
        let ev = Value::Obj(e.0.clone());
        let cls = vm.class_of(&ev);
        let type_name = crate::objects::type_::type_name_of(&cls);
        let mro = match &cls.payload {
            crate::object::Payload::Type(t) => t
                .mro
                .try_borrow()
                .map(|m| m.iter().map(crate::objects::type_::type_name_of).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let message = vm.str(&ev).unwrap_or_default();
        let traceback = vm.format_exception(&ev);
        let exit_code = if vm.is_instance(&ev, &vm.exc.system_exit.clone()) {
            let k = vm.names.code.clone();
            match vm.get_attr_opt(&ev, &k).ok().flatten() {
                None | Some(Value::None) => Some(0),
                Some(Value::Int(i)) => Some(i32::try_from(i).unwrap_or(-1)),
                Some(_) => Some(1),
            }
        } else {
            None
        };
        Error {
            type_name,
            mro,
            message,
            traceback,
            exit_code,
        }
    }

    /// An error made on the Rust side (a conversion of a result, say).
    pub fn new(type_name: &str, message: impl Into<String>) -> Error {
        let message = message.into();
        Error {
            type_name: type_name.to_owned(),
            mro: vec![type_name.to_owned()],
            traceback: format!("{type_name}: {message}\n"),
            message,
            exit_code: None,
        }
    }

    /// The exception's class name (`"ValueError"`).
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `str(exception)`: the message (may be empty).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The traceback text CPython would print, ending with a newline.
    pub fn traceback(&self) -> &str {
        &self.traceback
    }

    /// Whether the exception is an instance of the class named `name`
    /// (its own class or a base: `"LookupError"` matches a `KeyError`).
    pub fn is_instance(&self, name: &str) -> bool {
        self.type_name == name || self.mro.iter().any(|n| n == name)
    }

    /// For `SystemExit`, the exit status it asks for.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit_code
    }

    /// Whether a resource limit stopped the code (`ResourceLimitError`
    /// for the instruction budget or the clock, `MemoryError` for memory).
    pub fn is_resource_limit(&self) -> bool {
        self.is_instance("ResourceLimitError") || self.is_instance("MemoryError")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f.write_str(self.traceback.trim_end_matches('\n'));
        }
        if self.message.is_empty() {
            f.write_str(&self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The Python exception for this error: the class named by
    /// [`Error::type_name`] among the built-in exceptions and those the
    /// host defined ([`Vm::define_exception`]); an unknown name becomes a
    /// new `RuntimeError` subclass of that name, made once per
    /// interpreter (so `except RuntimeError` still catches it, and the
    /// traceback names it).
    pub fn to_py_err(&self, vm: &mut Vm) -> PyErr {
        let cls = vm.exception_class_named(&self.type_name);
        vm.new_error(&cls, self.message.clone())
    }
}

/// Typed native functions may return `Result<T, Error>`: the error is
/// raised in Python.
impl<T: crate::convert::ToPython> crate::convert::ToPython for std::result::Result<T, Error> {
    fn to_python(self, vm: &mut Vm) -> crate::vm::PyResult<Value> {
        match self {
            Ok(v) => v.to_python(vm),
            Err(e) => Err(e.to_py_err(vm)),
        }
    }
}
