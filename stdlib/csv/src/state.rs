//! The module's state, per interpreter: `_csv.Error`, the dialect
//! registry (the `_dialects` dict) and the field size limit.

use rpy_vm::{PyErr, PyRef, Vm};

const KEY: &str = "rpy_csv.state";

/// CPython's default `field_size_limit()`.
pub const DEFAULT_FIELD_LIMIT: i64 = 128 * 1024;

pub struct CsvState {
    pub error: PyRef,
    pub dialects: PyRef,
    pub field_limit: i64,
}

/// Records the state when the module is made.
pub fn set(vm: &mut Vm, s: CsvState) {
    vm.extensions.insert(KEY, Box::new(s));
}

fn get(vm: &mut Vm) -> Option<&mut CsvState> {
    vm.extensions
        .get_mut(KEY)
        .and_then(|s| s.downcast_mut::<CsvState>())
}

/// A `_csv.Error` with `msg`.
pub fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    match get(vm).map(|s| s.error.clone()) {
        Some(cls) => vm.new_error(&cls, msg),
        None => vm.runtime_error(msg),
    }
}

/// The registry dict.
pub fn dialects(vm: &mut Vm) -> Option<PyRef> {
    get(vm).map(|s| s.dialects.clone())
}

pub fn field_limit(vm: &mut Vm) -> i64 {
    get(vm).map_or(DEFAULT_FIELD_LIMIT, |s| s.field_limit)
}

/// Sets the limit, returning the old one.
pub fn set_field_limit(vm: &mut Vm, new: Option<i64>) -> i64 {
    match get(vm) {
        Some(s) => {
            let old = s.field_limit;
            if let Some(n) = new {
                s.field_limit = n;
            }
            old
        }
        None => DEFAULT_FIELD_LIMIT,
    }
}
