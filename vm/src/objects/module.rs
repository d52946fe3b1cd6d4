//! `module` objects: a name plus a namespace dict (the object's `dict`).

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The payload of a module.
pub struct ModuleData {
    /// Shared with the `__module__` of the module's native functions.
    pub name: std::rc::Rc<str>,
}

impl ModuleData {
    pub fn new(name: &str) -> ModuleData {
        ModuleData {
            name: std::rc::Rc::from(name),
        }
    }
}

fn module_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    let [name, doc] = rest.bind(vm, "module", ["name", "doc"], 1)?;
    let name = vm
        .expect_str(
            name.unwrap_or(&Value::None),
            "module.__init__() argument 'name'",
        )?
        .as_str()
        .to_owned();
    let m = vm.new_module(&name);
    if let Some(d) = doc {
        vm.module_set(&m, "__doc__", d.clone());
    }
    Ok(Value::Obj(m))
}

fn module_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn module_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(Payload::Module(md)) = this.payload() else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'module' object"));
    };
    let name = md.name.clone();
    let d = this.as_obj().and_then(|o| o.dict().cloned());
    let file = d.as_ref().and_then(|d| vm.dict_get_str(d, "__file__"));
    let s = match file {
        Some(f) if f.as_str().is_some() => {
            format!("<module '{name}' from '{}'>", f.as_str().unwrap_or(""))
        }
        _ => {
            if vm.native_module(&name).is_some() || &*name == "sys" || &*name == "builtins" {
                format!("<module '{name}' (built-in)>")
            } else {
                format!("<module '{name}'>")
            }
        }
    };
    Ok(vm.str_val(s))
}

fn module_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().and_then(|o| o.dict().cloned()) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.type_error("module has no __dict__")),
    }
}

fn module_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = module_dict(vm, &this)?;
    let keys: Vec<Value> = match d.as_obj() {
        Some(o) => crate::objects::dict::entries(o)
            .into_iter()
            .map(|(k, _)| k)
            .collect(),
        None => Vec::new(),
    };
    Ok(vm.new_list(keys))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.module.clone();
    vm.add_static(&t, "__new__", module_new);
    vm.add_methods(
        &t,
        &[
            ("__init__", module_init),
            ("__repr__", module_repr),
            ("__dir__", module_dir),
        ],
    );
    vm.add_getset(&t, "__dict__", module_dict, None);
}
