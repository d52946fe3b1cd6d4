//! Socket timeouts: reading a timeout argument as CPython does, and the
//! module's default timeout (`setdefaulttimeout`), kept per VM.

use rpy_vm::{PyResult, Value, Vm};

/// The key of the default timeout in `Vm::extensions`.
const KEY: &str = "socket.default_timeout";

/// The default timeout of new sockets (`None`: blocking).
struct DefaultTimeout(Option<f64>);

/// A timeout argument: `None` or a non-negative number of seconds.
pub fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let secs = match v {
        Value::Float(f) => *f,
        _ if vm.is_index(v) => vm.to_i64(v)? as f64,
        _ => {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    if secs > 9.2e18 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(Some(secs))
}

/// The default timeout of new sockets.
pub fn default_timeout(vm: &mut Vm) -> Option<f64> {
    vm.extensions
        .get(KEY)
        .and_then(|b| b.downcast_ref::<DefaultTimeout>())
        .and_then(|d| d.0)
}

pub fn getdefaulttimeout(vm: &mut Vm) -> Option<f64> {
    default_timeout(vm)
}

pub fn setdefaulttimeout(vm: &mut Vm, t: Value) -> PyResult<()> {
    let t = timeout_arg(vm, &t)?;
    vm.extensions.insert(KEY, Box::new(DefaultTimeout(t)));
    Ok(())
}
