//! `collections.defaultdict`: a subclass of the built-in `dict` whose
//! `__missing__` calls `default_factory`.
//!
//! Why not a `NativeClass`: a typed native type's instances carry their
//! Rust value as the object's payload, and a dict's instances (a
//! subclass's too) must carry the dict table as theirs, which the dict
//! methods inherited from the base read. An object has one payload, so the
//! type is made the way built-in types are, with the VM's class machinery
//! (`Vm::new_native_type` with `dict` as the base: instances are real
//! dicts) and native methods. The factory lives in the instance's
//! attribute dict under `default_factory`, behind a data descriptor of the
//! same name: the one per-instance place besides the payload that the
//! cycle collector traverses. (So a Python subclass's `vars()` shows it.)

use std::cell::RefCell;

use rpy_vm::DictTable;
use rpy_vm::{Args, Payload, PyRef, PyResult, Value, Vm};

const FACTORY: &str = "default_factory";

/// Makes the type (once per module import).
pub fn make_type(vm: &mut Vm) -> PyRef {
    let dict = vm.types.dict.clone();
    let ty = vm.new_native_type("collections", "defaultdict", Some(&dict));
    vm.add_static(&ty, "__new__", dd_new);
    // `__init__` hands its arguments on to dict's; the slot methods
    // (`__repr__`, `__or__`, `__ror__`) keep their slot-wrapper messages
    // ("expected 1 argument, got 0").
    vm.add_methods(
        &ty,
        &[
            ("__init__", dd_init),
            ("__repr__", dd_repr),
            ("__or__", dd_or),
            ("__ror__", dd_ror),
        ],
    );
    vm.add_typed_method(&ty, "__missing__", dd_missing);
    vm.add_typed_method(&ty, "copy", dd_copy);
    vm.add_typed_method(&ty, "__copy__", dd_copy);
    vm.add_typed_method(&ty, "__reduce__", dd_reduce);
    vm.add_getset(&ty, FACTORY, get_factory, Some(set_factory));
    let doc =
        vm.str_val("defaultdict(default_factory=None, /, [...]) --> dict with default factory");
    vm.set_class_const(&ty, "__doc__", doc);
    ty
}

/// The instance's attribute dict, where the factory is kept.
fn attrs(vm: &mut Vm, this: &Value) -> PyResult<PyRef> {
    match this.as_obj().and_then(|o| o.dict()) {
        Some(d) if matches!(this.payload(), Some(Payload::Dict(_))) => Ok(d.clone()),
        _ => {
            let t = vm.type_name(this);
            Err(vm.type_error(format!(
                "descriptor '{FACTORY}' for 'collections.defaultdict' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn factory(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let d = attrs(vm, this)?;
    Ok(vm.dict_get_str(&d, FACTORY).unwrap_or(Value::None))
}

fn get_factory(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    factory(vm, this)
}

fn set_factory(vm: &mut Vm, this: &Value, v: Value) -> PyResult<()> {
    let d = attrs(vm, this)?;
    vm.dict_set_str(&d, FACTORY, v)
}

/// `__new__`: an empty dict of class `cls` with an attribute dict.
fn dd_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos().first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        other => {
            let t = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "NoneType".into());
            return Err(vm.type_error(format!("dict.__new__(X): X is not a type object ({t})")));
        }
    };
    let payload = Payload::Dict(RefCell::new(DictTable::new()));
    let obj = vm.alloc_with_dict(cls, payload);
    Ok(Value::Obj(obj))
}

/// `defaultdict(default_factory=None, /, *args, **kwargs)`: the rest goes
/// to `dict.__init__`.
fn dd_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let rest = args.shift();
    let pos = rest.pos();
    let first = pos.first().cloned().unwrap_or(Value::None);
    if !first.is_none() && !vm.is_callable(&first) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    set_factory(vm, &this, first)?;
    let mut values = Vec::with_capacity(rest.values.len());
    values.push(this);
    values.extend(pos.iter().skip(1).cloned());
    values.extend(rest.kw().map(|(_, v)| v.clone()));
    let init = dict_attr(vm, "__init__")?;
    vm.call_with(&init, Args::with_kw(&values, rest.kwnames))?;
    Ok(Value::None)
}

/// An attribute of the built-in `dict` (its own methods, not a
/// subclass's overrides).
fn dict_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let dict = Value::Obj(vm.types.dict.clone());
    vm.get_attr_str(&dict, name)
}

/// `__missing__(key)`: `self[key] = default_factory()`, or KeyError with
/// no factory.
fn dd_missing(vm: &mut Vm, this: Value, key: Value) -> PyResult<Value> {
    let f = factory(vm, &this)?;
    if f.is_none() {
        return Err(vm.key_error(key));
    }
    let v = vm.call(&f, &[])?;
    vm.set_item(&this, key, v.clone())?;
    Ok(v)
}

/// `type(self)(self.default_factory, arg)`: how copies and `|` make the
/// new mapping (a subclass's constructor is called, as in CPython).
fn remake(vm: &mut Vm, this: &Value, arg: &Value) -> PyResult<Value> {
    let f = factory(vm, this)?;
    let cls = Value::Obj(vm.class_of(this));
    vm.call(&cls, &[f, arg.clone()])
}

fn dd_copy(vm: &mut Vm, this: Value) -> PyResult<Value> {
    remake(vm, &this, &this)
}

/// `(cls, (factory,) or (), None, None, iter(self.items()))`.
fn dd_reduce(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let this = &this;
    let f = factory(vm, this)?;
    let fargs = if f.is_none() {
        vm.new_tuple(Vec::new())
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.call_method(this, "items", &[])?;
    let it = vm.get_iter(&items)?;
    let cls = Value::Obj(vm.class_of(this));
    Ok(vm.new_tuple(vec![cls, fargs, Value::None, Value::None, it]))
}

/// `defaultdict(<factory>, {...})`, named for the instance's class; a
/// factory already being shown appears as `...`.
fn dd_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "defaultdict.__repr__")?;
    let base_repr = dict_attr(vm, "__repr__")?;
    let base = vm.call(&base_repr, std::slice::from_ref(this))?;
    let base = vm.str(&base)?;
    let f = factory(vm, this)?;
    let shown = if f.is_none() {
        "None".to_owned()
    } else if vm.repr_enter(&f) {
        let r = vm.repr(&f);
        vm.repr_leave(&f);
        r?
    } else {
        "...".to_owned()
    };
    let cls = vm.class_of(this);
    let name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    Ok(vm.str_val(format!("{name}({shown}, {base})")))
}

fn is_dict(vm: &Vm, v: &Value) -> bool {
    vm.is_instance(v, &vm.types.dict)
}

/// `left | right` with a defaultdict on either side: a new one (of that
/// side's class, with its factory) holding `left`, updated by `right`.
fn or_impl(vm: &mut Vm, dd: &Value, left: &Value, right: &Value, other: &Value) -> PyResult<Value> {
    if !is_dict(vm, other) {
        return Ok(vm.not_implemented());
    }
    let new = remake(vm, dd, left)?;
    // dict's own update, as CPython's PyDict_Update (not an override).
    let update = dict_attr(vm, "update")?;
    vm.call(&update, &[new.clone(), right.clone()])?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "defaultdict.__or__")?;
    or_impl(vm, this, this, other, other)
}

fn dd_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "defaultdict.__ror__")?;
    or_impl(vm, this, other, this, other)
}
