//! `_thread._local`: attributes private to a thread. rpy runs Python on
//! one thread, so a `_local` is an object with a `__dict__`; the class is
//! subclassable, and a subclass's `__init__` gets the constructor's
//! arguments (the base takes none, as in CPython).

use std::rc::Rc;

use rpy_vm::{Args, PyRef, PyResult, Value, Vm};

/// `__new__`: refuses arguments unless a subclass's `__init__` takes them.
fn local_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.this().clone();
    let given = args.pos().len() > 1 || args.has_kw();
    let object = Value::Obj(vm.types.object.clone());
    if given && !init_overridden(vm, &cls) {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    let new = vm.get_attr_str(&object, "__new__")?;
    vm.call(&new, &[cls])
}

/// Whether a class of `cls`'s MRO other than `object` defines `__init__`.
fn init_overridden(vm: &mut Vm, cls: &Value) -> bool {
    let Some(t) = cls.as_obj().and_then(|c| c.as_type()) else {
        return false;
    };
    let mro: Vec<PyRef> = t.mro.borrow().clone();
    let object = vm.types.object.clone();
    mro.iter()
        .filter(|c| !Rc::ptr_eq(c, &object))
        .filter_map(|c| c.dict().cloned())
        .any(|d| vm.dict_get_str(&d, "__init__").is_some())
}

/// Makes the `_local` class.
pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let ns = vm.new_dict_ref();
    let module = vm.str_val("_thread");
    vm.dict_set_str(&ns, "__module__", module)?;
    let new = vm.new_native_closure("__new__", Rc::new(local_new));
    let builtins = Value::Obj(vm.builtins.clone());
    let staticmethod = vm.get_attr_str(&builtins, "staticmethod")?;
    let new = vm.call(&staticmethod, &[new])?;
    vm.dict_set_str(&ns, "__new__", new)?;
    let meta = vm.types.type_.clone();
    let cls = vm.make_class(&meta, "_local", Vec::new(), &ns, &[])?;
    // Messages name it `_thread._local`, as CPython's static type.
    if let Some(t) = cls.as_type() {
        *t.tp_name.borrow_mut() = Some("_thread._local".to_owned());
    }
    Ok(cls)
}
