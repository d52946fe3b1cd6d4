//! The `_csv` module object: `reader`, `writer`, the dialect registry
//! (`register_dialect`, `unregister_dialect`, `get_dialect`,
//! `list_dialects`, `_dialects`), `field_size_limit`, the `QUOTE_*`
//! constants and `Error`.

use rpy_vm::{KwArgs, ModuleDef, OptArg, PyRef, PyResult, Value, Vm};

use crate::dialect::{self, resolve, Dialect};
use crate::reader::{reader, Reader};
use crate::state::{self, CsvState, DEFAULT_FIELD_LIMIT};
use crate::writer::{writer, Writer};

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_csv");
    m.function("reader", reader)
        .params(&["iterable", "dialect"]);
    m.function("writer", writer).params(&["fileobj", "dialect"]);
    m.function("register_dialect", register_dialect)
        .params(&["name", "dialect"]);
    m.function(
        "unregister_dialect",
        |vm: &mut Vm, name: Value| -> PyResult<()> {
            let reg = registry(vm)?;
            match vm.dict_del(&reg, &name)? {
                Some(_) => Ok(()),
                None => Err(state::error(vm, "unknown dialect")),
            }
        },
    )
    .params(&["name"]);
    m.function("get_dialect", |vm: &mut Vm, name: Value| {
        dialect::lookup(vm, &name)
    })
    .params(&["name"]);
    m.function("list_dialects", |vm: &mut Vm| -> PyResult<Value> {
        let reg = registry(vm)?;
        let keys = vm.iterate(&Value::Obj(reg))?;
        Ok(vm.new_list(keys))
    });
    m.function("field_size_limit", field_size_limit)
        .params(&["new_limit"]);
    m.class::<Dialect>();
    m.value("Reader", Value::Obj(vm.native_type::<Reader>()));
    m.value("Writer", Value::Obj(vm.native_type::<Writer>()));
    m.value("QUOTE_MINIMAL", dialect::QUOTE_MINIMAL);
    m.value("QUOTE_ALL", dialect::QUOTE_ALL);
    m.value("QUOTE_NONNUMERIC", dialect::QUOTE_NONNUMERIC);
    m.value("QUOTE_NONE", dialect::QUOTE_NONE);
    m.value("__version__", "1.0");
    let module = m.build(vm)?;
    let base = vm.exc.exception.clone();
    let error = vm.new_exception_type("_csv", "Error", &base)?;
    let dialects = vm.new_dict_ref();
    vm.module_set(&module, "Error", Value::Obj(error.clone()));
    vm.module_set(&module, "_dialects", Value::Obj(dialects.clone()));
    state::set(
        vm,
        CsvState {
            error,
            dialects,
            field_limit: DEFAULT_FIELD_LIMIT,
        },
    );
    Ok(module)
}

fn registry(vm: &mut Vm) -> PyResult<PyRef> {
    match state::dialects(vm) {
        Some(r) => Ok(r),
        None => Err(vm.runtime_error("_csv is not initialised")),
    }
}

/// `register_dialect(name, dialect=None, **fmtparams)`.
fn register_dialect(vm: &mut Vm, name: Value, dialect: OptArg<Value>, kw: KwArgs) -> PyResult<()> {
    if name.as_str().is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let d = resolve(vm, dialect.0, kw.0)?;
    let obj = vm.new_native_object(d);
    let reg = registry(vm)?;
    vm.dict_set(&reg, name, obj)
}

/// `field_size_limit([new_limit])`: the old limit.
fn field_size_limit(vm: &mut Vm, new_limit: OptArg<Value>) -> PyResult<i64> {
    let new = match new_limit.0 {
        None => None,
        Some(v @ Value::Int(_)) => Some(<i64 as rpy_vm::FromPython>::from_python(vm, &v)?),
        Some(v) if vm.is_index(&v) && !matches!(v, Value::Bool(_)) => {
            Some(<i64 as rpy_vm::FromPython>::from_python(vm, &v)?)
        }
        Some(_) => return Err(vm.type_error("limit must be an integer")),
    };
    Ok(state::set_field_limit(vm, new))
}
