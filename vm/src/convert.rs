//! Conversions between Rust values and Python values, for embedders:
//! [`ToPython`] (Rust to Python) and [`FromPython`] (Python to Rust).
//!
//! | Rust | Python |
//! |------|--------|
//! | `i8`..`i128`, `u8`..`u128`, `isize`, `usize` | `int` (big values become big ints) |
//! | `f32`, `f64` | `float` (from `int` or `float`) |
//! | `bool` | `bool` (from any object: its truth value) |
//! | `String`, `&str`, `char` | `str` |
//! | [`PyBytes`] | `bytes` (from `bytes`, `bytearray`, `memoryview`) |
//! | `Vec<T>` | `list` (from any iterable) |
//! | `HashMap<K, V>`, `BTreeMap<K, V>` | `dict` |
//! | `Option<T>` | `None` or the value |
//! | `()` | `None` |
//! | tuples of up to 6 items | `tuple` (from a tuple or list of that length) |
//! | [`Value`] | any object, unchanged |
//!
//! Failed conversions are Python exceptions, as CPython raises them for C
//! arguments: `TypeError` ("'str' object cannot be interpreted as an
//! integer", "must be real number, not str", "must be str, not int") and
//! `OverflowError` ("Python int too large to convert to C long", "can't
//! convert negative int to unsigned").
//!
//! ```
//! use rpy_vm::{FromPython, Interpreter, ToPython};
//! let mut interp = Interpreter::new();
//! let v = vec![1i64, 2, 3].to_python(interp.vm()).unwrap();
//! let back = Vec::<i64>::from_python(interp.vm(), &v).unwrap();
//! assert_eq!(back, [1, 2, 3]);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use malachite::Integer;

use crate::object::Payload;
use crate::objects::int::{as_int, to_integer};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A Rust value that can become a Python object.
pub trait ToPython {
    /// Makes the Python object (an error only for failures such as
    /// `MemoryError` or unhashable dict keys).
    fn to_python(self, vm: &mut Vm) -> PyResult<Value>;
}

/// A Rust value that can be read from a Python object.
pub trait FromPython: Sized {
    /// Whether a "must be X, not Y" `TypeError` from this conversion
    /// names the argument ("f() argument 1 must be str, not int", as
    /// CPython's argument parsers say). `false` for conversions CPython
    /// does in the callee, whose message stays bare ("must be real
    /// number, not str" from `PyFloat_AsDouble`).
    const NAMES_ARGUMENT: bool = true;

    /// Reads `v`, or raises `TypeError`/`OverflowError`/`ValueError`.
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self>;
}

/// `bytes` in Python: a wrapper so that `Vec<u8>` can stay a `list` of
/// ints like every other `Vec<T>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PyBytes(pub Vec<u8>);

impl ToPython for Value {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(self)
    }
}

impl ToPython for &Value {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(self.clone())
    }
}

impl FromPython for Value {
    fn from_python(_vm: &mut Vm, v: &Value) -> PyResult<Self> {
        Ok(v.clone())
    }
}

impl ToPython for () {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::None)
    }
}

impl FromPython for () {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v {
            Value::None => Ok(()),
            other => Err(must_be(vm, "None", other)),
        }
    }
}

/// A function result that may already be an error: lets typed native
/// functions return either `T` or `PyResult<T>`.
impl<T: ToPython> ToPython for PyResult<T> {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        self.and_then(|v| v.to_python(vm))
    }
}

/// "must be X, not Y" (the `TypeError` of CPython's argument parsers).
pub fn must_be(vm: &mut Vm, expected: &str, got: &Value) -> PyErr {
    let t = vm.type_name(got);
    vm.type_error(format!("must be {expected}, not {t}"))
}

/// The Python int of `v` (int, bool, or an object with `__index__`).
fn integer_of(vm: &mut Vm, v: &Value) -> PyResult<Integer> {
    if let Some(i) = to_integer(v) {
        return Ok(i);
    }
    vm.to_index(v)
}

macro_rules! int_conversions {
    ($($t:ty => $cname:literal, $signed:literal;)*) => {$(
        impl ToPython for $t {
            fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
                Ok(match i64::try_from(self) {
                    Ok(i) => Value::Int(i),
                    Err(_) => vm.new_int(Integer::from(self)),
                })
            }
        }

        impl FromPython for $t {
            #[allow(irrefutable_let_patterns)]
            fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
                if let Value::Int(i) = v {
                    if let Ok(x) = <$t>::try_from(*i) {
                        return Ok(x);
                    }
                }
                let i = integer_of(vm, v)?;
                if let Ok(x) = <$t>::try_from(&i) {
                    return Ok(x);
                }
                let msg = if !$signed && i < 0 {
                    "can't convert negative int to unsigned".to_owned()
                } else {
                    format!("Python int too large to convert to C {}", $cname)
                };
                Err(vm.overflow_error(msg))
            }
        }
    )*};
}

int_conversions! {
    i8 => "signed char", true;
    i16 => "short", true;
    i32 => "int", true;
    i64 => "long", true;
    i128 => "long long long", true;
    isize => "ssize_t", true;
    u8 => "unsigned char", false;
    u16 => "unsigned short", false;
    u32 => "unsigned int", false;
    u64 => "unsigned long", false;
    u128 => "unsigned long long long", false;
    usize => "size_t", false;
}

impl ToPython for f64 {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Float(self))
    }
}

impl FromPython for f64 {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v {
            Value::Float(f) => Ok(*f),
            _ if matches!(v.payload(), Some(Payload::Float(_))) || as_int(v).is_some() => {
                vm.to_float(v)
            }
            other => Err(must_be(vm, "real number", other)),
        }
    }
}

impl ToPython for f32 {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Float(f64::from(self)))
    }
}

impl FromPython for f32 {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        f64::from_python(vm, v).map(|f| f as f32)
    }
}

impl ToPython for bool {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Bool(self))
    }
}

impl FromPython for bool {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        vm.is_true(v)
    }
}

impl ToPython for String {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.str_val(self))
    }
}

impl ToPython for &str {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.str_val(self))
    }
}

impl ToPython for &String {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.str_val(self.as_str()))
    }
}

impl ToPython for char {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.str_val(self.to_string()))
    }
}

impl FromPython for String {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(must_be(vm, "str", v)),
        }
    }
}

impl FromPython for char {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        let Some(s) = v.as_str() else {
            return Err(must_be(vm, "a unicode character", v));
        };
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(vm.type_error(format!(
                "expected a character, but string of length {} found",
                s.chars().count()
            ))),
        }
    }
}

impl ToPython for PyBytes {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.new_bytes(self.0))
    }
}

impl FromPython for PyBytes {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v.payload() {
            Some(Payload::Bytes(b)) => Ok(PyBytes(b.clone())),
            Some(Payload::ByteArray(_)) => vm.bytes_like(v).map(PyBytes),
            _ => match vm.bytes_like(v) {
                Ok(b) => Ok(PyBytes(b)),
                Err(_) => Err(must_be(vm, "bytes-like object", v)),
            },
        }
    }
}

impl<T: ToPython> ToPython for Option<T> {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Some(x) => x.to_python(vm),
            None => Ok(Value::None),
        }
    }
}

impl<T: FromPython> FromPython for Option<T> {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v {
            Value::None => Ok(None),
            other => T::from_python(vm, other)
                .map(Some)
                .map_err(|e| or_none(vm, e)),
        }
    }
}

/// "must be str, not int" becomes "must be str or None, not int", as
/// CPython says for its optional arguments.
fn or_none(vm: &mut Vm, e: PyErr) -> PyErr {
    let te = vm.exc.type_error.clone();
    if !vm.err_matches(&e, &te) {
        return e;
    }
    let msg = vm.exc_message(&e);
    match msg
        .strip_prefix("must be ")
        .and_then(|m| m.split_once(", not "))
    {
        Some((what, got)) if !what.ends_with(" or None") => {
            vm.type_error(format!("must be {what} or None, not {got}"))
        }
        _ => e,
    }
}

impl<T: ToPython> ToPython for Vec<T> {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        let mut items = Vec::new();
        vm.reserve(&mut items, self.len())?;
        for x in self {
            items.push(x.to_python(vm)?);
        }
        Ok(vm.new_list(items))
    }
}

impl<T: ToPython + Clone> ToPython for &[T] {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        self.to_vec().to_python(vm)
    }
}

impl<T: FromPython> FromPython for Vec<T> {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        if v.as_str().is_some() {
            // A str is iterable, but almost never meant as a sequence here.
            return Err(must_be(vm, "a sequence", v));
        }
        let items = vm.iterate(v)?;
        items.iter().map(|x| T::from_python(vm, x)).collect()
    }
}

fn dict_to_python<K: ToPython, V: ToPython>(
    vm: &mut Vm,
    pairs: impl Iterator<Item = (K, V)>,
) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    for (k, v) in pairs {
        let k = k.to_python(vm)?;
        let v = v.to_python(vm)?;
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::Obj(d))
}

fn dict_entries(vm: &mut Vm, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => {
            Ok(crate::objects::dict::entries(d))
        }
        other => Err(must_be(vm, "dict", other)),
    }
}

impl<K: ToPython, V: ToPython, S> ToPython for HashMap<K, V, S> {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        dict_to_python(vm, self.into_iter())
    }
}

impl<K, V, S> FromPython for HashMap<K, V, S>
where
    K: FromPython + Eq + Hash,
    V: FromPython,
    S: BuildHasher + Default,
{
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        let entries = dict_entries(vm, v)?;
        let mut out = HashMap::with_capacity_and_hasher(entries.len(), S::default());
        for (k, v) in &entries {
            out.insert(K::from_python(vm, k)?, V::from_python(vm, v)?);
        }
        Ok(out)
    }
}

impl<K: ToPython, V: ToPython> ToPython for BTreeMap<K, V> {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        dict_to_python(vm, self.into_iter())
    }
}

impl<K: FromPython + Ord, V: FromPython> FromPython for BTreeMap<K, V> {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        let entries = dict_entries(vm, v)?;
        let mut out = BTreeMap::new();
        for (k, v) in &entries {
            out.insert(K::from_python(vm, k)?, V::from_python(vm, v)?);
        }
        Ok(out)
    }
}

/// The items of a tuple or list that must have exactly `n` of them.
fn fixed_items(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v.payload() {
        Some(Payload::Tuple(t)) => t.clone(),
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => return Err(must_be(vm, "tuple", v)),
    };
    if items.len() != n {
        return Err(vm.type_error(format!(
            "expected a tuple of length {n}, got length {}",
            items.len()
        )));
    }
    Ok(items)
}

/// Arguments of a call from Rust: `()`, a tuple of up to 6 values that
/// implement [`ToPython`], or a `Vec<Value>`.
pub trait IntoArgs {
    /// The Python argument values.
    fn into_args(self, vm: &mut Vm) -> PyResult<Vec<Value>>;
}

impl IntoArgs for () {
    fn into_args(self, _vm: &mut Vm) -> PyResult<Vec<Value>> {
        Ok(Vec::new())
    }
}

impl IntoArgs for Vec<Value> {
    fn into_args(self, _vm: &mut Vm) -> PyResult<Vec<Value>> {
        Ok(self)
    }
}

impl IntoArgs for &[Value] {
    fn into_args(self, _vm: &mut Vm) -> PyResult<Vec<Value>> {
        Ok(self.to_vec())
    }
}

macro_rules! tuple_conversions {
    ($($n:literal => ($($t:ident $i:tt),*);)*) => {$(
        impl<$($t: ToPython),*> ToPython for ($($t,)*) {
            fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
                let items = vec![$(self.$i.to_python(vm)?),*];
                Ok(vm.new_tuple(items))
            }
        }

        impl<$($t: ToPython),*> IntoArgs for ($($t,)*) {
            fn into_args(self, vm: &mut Vm) -> PyResult<Vec<Value>> {
                Ok(vec![$(self.$i.to_python(vm)?),*])
            }
        }

        impl<$($t: FromPython),*> FromPython for ($($t,)*) {
            fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
                let items = fixed_items(vm, v, $n)?;
                Ok(($($t::from_python(vm, items.get($i).unwrap_or(&Value::None))?,)*))
            }
        }
    )*};
}

tuple_conversions! {
    1 => (A 0);
    2 => (A 0, B 1);
    3 => (A 0, B 1, C 2);
    4 => (A 0, B 1, C 2, D 3);
    5 => (A 0, B 1, C 2, D 3, E 4);
    6 => (A 0, B 1, C 2, D 3, E 4, F 5);
}
