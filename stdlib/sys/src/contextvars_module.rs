//! `_contextvars`: `ContextVar`, `Token`, `Context` and `copy_context`,
//! which CPython's `contextvars.py` re-exports.

use std::rc::Rc;

use rpy_vm::{ModuleDef, Native, PyRef, PyResult, Value, Vm};

use crate::context::{self, Context};
use crate::context_var::{self, ContextVar};

/// `copy_context()`: a new context with the current one's variables.
fn copy_context(vm: &mut Vm) -> PyResult<Value> {
    let ctx = context::current(vm);
    let vars = match Native::<Context>::of(&ctx) {
        Some(c) => c.with(vm, |c| c.vars.clone())?,
        None => Rc::new(Vec::new()),
    };
    Ok(vm.new_native_object(Context::new(vars)))
}

/// Makes the `_contextvars` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_contextvars");
    m.class::<Context>();
    m.class::<ContextVar>();
    crate::qualify(m.function("copy_context", copy_context), "_contextvars");
    let module = m.build(vm)?;
    let token = context_var::token_type(vm)?;
    vm.module_set(&module, "Token", Value::Obj(token));
    Ok(module)
}
