//! `Value`: what a Python variable holds. `None`, `bool`, small `int` and
//! `float` live inline (no allocation); everything else is a
//! reference-counted heap object ([`PyRef`]).

use std::rc::Rc;

use crate::object::{Payload, PyObject};

/// A counted reference to a heap object.
pub type PyRef = Rc<PyObject>;

/// A Python value. Cloning is cheap: a copy for inline variants, a reference
/// count increment for `Obj`.
///
/// The tag is a full machine word (`repr(u64)`): every variant's payload then
/// sits at offset 8, so a `Value` is two whole words (16 bytes) and the
/// compiler moves it with two plain word loads/stores. With the default
/// layout (a 1-byte tag, `Bool` at offset 1) copies became overlapping
/// partial stores and wide reloads that stalled the CPU: this layout alone
/// cut the eval loop's time by about a quarter (docs/performance.md). The
/// unused tag values still give `Option<Value>` its niche (16 bytes too).
#[derive(Clone, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    /// An int that fits in i64. Ints outside that range are `Obj` with a
    /// `Payload::Int` (a malachite `Integer`), and results that fit come back
    /// here, so an exact `int` in i64 range is always `Int`.
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

// The layout promises above, checked at compile time.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl From<PyRef> for Value {
    fn from(r: PyRef) -> Self {
        Value::Obj(r)
    }
}

impl From<&PyRef> for Value {
    fn from(r: &PyRef) -> Self {
        Value::Obj(r.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl Value {
    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The heap payload, if this is a heap object.
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// The string contents if this is a `str` (or a str subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The bytes if this is a `bytes` (or a bytes subclass instance).
    #[inline]
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Obj(o) => match &o.payload {
                Payload::Bytes(b) => Some(b),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether this is a `bytearray` (or a subclass instance): mutable
    /// bytes, read with [`crate::Vm::bytes_like`].
    #[inline]
    pub fn is_bytearray(&self) -> bool {
        matches!(self.payload(), Some(Payload::ByteArray(_)))
    }

    /// The tuple items if this is a tuple (or tuple subclass instance).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Obj(o) => match &o.payload {
                Payload::Tuple(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// `is`: identity for heap objects, equality of the inline values
    /// (CPython caches small ints and the float objects of one constant, so
    /// this is the observable behaviour for the common cases).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number (`id()`): the address for heap objects.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize as i64,
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as i64,
            Value::Int(i) => i.wrapping_mul(2).wrapping_add(1),
            Value::Float(f) => f.to_bits() as i64 | 1,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Obj(o) => write!(f, "<{} object>", o.payload.kind_name()),
        }
    }
}
