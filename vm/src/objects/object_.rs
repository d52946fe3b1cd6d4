//! The methods of `object` (the root of every class) and of `type` (the
//! default metaclass): instance creation, default repr/str/hash/equality,
//! `__class__`, attribute hooks, and the type attributes (`__name__`,
//! `__mro__`, `mro()`, `__subclasses__()`, ...). Also `mappingproxy`.

use std::rc::Rc;

use crate::native::{Args, NativeKind};
use crate::object::Payload;
use crate::objects::type_::{is_subtype, lookup, type_name_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn as_type_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_type().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{what}: X is not a type object ({})",
            vm.type_name(v)
        ))),
    }
}

/// The type whose special attribute `attr` is being set: built-in types are
/// immutable (and shared by the interpreters of a thread).
fn writable_type(vm: &mut Vm, v: &Value, attr: &str) -> PyResult<PyRef> {
    let t = as_type_arg(vm, v, &format!("type.{attr}"))?;
    vm.check_mutable_type(&t, attr)?;
    Ok(t)
}

/// The name argument of `__getattribute__`, `__setattr__`, ... (a str
/// object; its text is checked where it is used).
fn attr_name(vm: &mut Vm, name: &Value) -> PyResult<PyRef> {
    match name {
        Value::Obj(n) => Ok(n.clone()),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        ))),
    }
}

fn is_object_slot(f: &Option<Value>, name: &str) -> bool {
    match f {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::BuiltinFunction(nf) => {
                &*nf.name == name
                    && nf
                        .owner
                        .as_ref()
                        .and_then(|t| t.as_type().map(|d| d.name() == "object"))
                        .unwrap_or(false)
            }
            _ => false,
        },
        _ => false,
    }
}

/// `object.__new__(cls, *args, **kwargs)`.
fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = as_type_arg(vm, args.this(), "object.__new__(X)")?;
    let rest = args.shift();
    if !rest.values.is_empty() {
        let init = lookup(&cls, &vm.names.__init__.clone());
        let new = lookup(&cls, &vm.names.__new__.clone());
        if is_object_slot(&init, "__init__") || !is_object_slot(&new, "__new__") {
            let n = type_name_of(&cls);
            if is_object_slot(&new, "__new__") {
                return Err(vm.type_error(format!("{n}() takes no arguments")));
            }
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)".to_string(),
            ));
        }
    }
    let Some(td) = cls.as_type() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if td.abstract_.get() {
        let k = vm.names.__abstractmethods__.clone();
        let am = vm.get_attr(&Value::Obj(cls.clone()), &k)?;
        let mut names: Vec<String> = Vec::new();
        for n in vm.iterate(&am)? {
            names.push(vm.str(&n)?);
        }
        names.sort();
        let n = type_name_of(&cls);
        return Err(vm.type_error(format!(
            "Can't instantiate abstract class {n} with abstract method{} {}",
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )));
    }
    let payload = match td.layout {
        crate::objects::type_::Layout::Object | crate::objects::type_::Layout::Other => {
            vm.instance_payload(&cls)
        }
        _ => {
            return Err(vm.type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                type_name_of(&cls),
                td.base
                    .borrow()
                    .as_ref()
                    .map(type_name_of)
                    .unwrap_or_default()
            )))
        }
    };
    Ok(Value::Obj(vm.alloc_instance(&cls, payload)))
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let rest = args.shift();
    if !rest.values.is_empty() {
        let cls = vm.class_of(&this);
        let init = lookup(&cls, &vm.names.__init__.clone());
        let new = lookup(&cls, &vm.names.__new__.clone());
        if !is_object_slot(&init, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_object_slot(&new, "__new__") {
            return Err(vm.type_error(format!("{}() takes no arguments", type_name_of(&cls))));
        }
    }
    Ok(Value::None)
}

/// `<__main__.A object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let cls = vm.class_of(v);
    let q = type_qualname(&cls);
    let m = type_module(vm, &cls)?;
    Ok(match m {
        Some(m) if m != "builtins" => format!("<{m}.{q} object at {:#x}>", v.id()),
        _ => format!("<{q} object at {:#x}>", v.id()),
    })
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = default_repr(vm, args.this())?;
    Ok(vm.str_val(s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let k = vm.names.__repr__.clone();
    match vm.call_special(&this, &k, &[])? {
        Some(r) => Ok(r),
        None => {
            let s = default_repr(vm, &this)?;
            Ok(vm.str_val(s))
        }
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(args.this().id() >> 4))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "object.__eq__")?;
    if a.is(b) {
        Ok(Value::Bool(true))
    } else {
        Ok(vm.not_implemented())
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "object.__ne__")?;
    let k = vm.names.__eq__.clone();
    match vm.call_special(a, &k, std::slice::from_ref(b))? {
        Some(r) if !vm.is_not_implemented(&r) => Ok(Value::Bool(!vm.is_true(&r)?)),
        _ => Ok(vm.not_implemented()),
    }
}

fn object_cmp_ni(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name] = args.exact_method(vm, "object.__getattribute__")?;
    let n = &attr_name(vm, name)?;
    if n.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        )));
    }
    let cls = vm.class_of(this);
    let r = match this {
        // type.__getattribute__ itself: a metaclass's own __getattribute__
        // calls it through super() and must not be called again.
        Value::Obj(o) if o.as_type().is_some() => vm.type_getattr(o, n)?,
        _ => vm.generic_getattr(this, &cls, n)?,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(this, n)),
    }
}

/// `object.__setattr__` / `object.__delattr__` (value None = delete);
/// `slot` names the method in the error for a type object.
fn object_set_or_del(
    vm: &mut Vm,
    this: &Value,
    name: &Value,
    value: Option<Value>,
    slot: &str,
) -> PyResult<Value> {
    let n = attr_name(vm, name)?;
    if let Value::Obj(o) = this {
        if o.as_type().is_some() {
            return Err(vm.type_error(format!("can't apply this {slot} to type object")));
        }
    }
    let cls = vm.class_of(this);
    vm.generic_setattr(this, &cls, &n, value)?;
    Ok(Value::None)
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name, value] = args.exact_method(vm, "object.__setattr__")?;
    object_set_or_del(vm, this, name, Some(value.clone()), "__setattr__")
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name] = args.exact_method(vm, "object.__delattr__")?;
    object_set_or_del(vm, this, name, None, "__delattr__")
}

/// `type.__setattr__` / `type.__delattr__` (value None = delete).
fn type_set_or_del(
    vm: &mut Vm,
    this: &Value,
    name: &Value,
    value: Option<Value>,
) -> PyResult<Value> {
    let n = attr_name(vm, name)?;
    let t = as_type_arg(vm, this, "type.__setattr__")?;
    vm.type_setattr(&t, &n, value)?;
    Ok(Value::None)
}

fn type_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name, value] = args.exact_method(vm, "type.__setattr__")?;
    type_set_or_del(vm, this, name, Some(value.clone()))
}

fn type_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name] = args.exact_method(vm, "type.__delattr__")?;
    type_set_or_del(vm, this, name, None)
}

fn get_class(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(vm.class_of(v)))
}

fn set_class(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    let Value::Obj(newc) = &c else {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&c)
        )));
    };
    let Some(nt) = newc.as_type() else {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&c)
        )));
    };
    let old = vm.class_of(v);
    let ot = old
        .as_type()
        .map(|t| (t.heap, t.layout))
        .unwrap_or((false, crate::objects::type_::Layout::Other));
    let Value::Obj(o) = v else {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if !ot.0 || !nt.heap {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if ot.1 != nt.layout {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name_of(newc),
            type_name_of(&old)
        )));
    }
    o.set_class(newc.clone());
    Ok(())
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = vm.new_dict_ref();
    if let Some(od) = this.as_obj().and_then(|o| o.dict().cloned()) {
        for (k, _) in crate::objects::dict::entries(&od) {
            vm.dict_set(&d, k, Value::None)?;
        }
    }
    let cls = vm.class_of(&this);
    let mro = cls
        .as_type()
        .map(|t| t.mro.borrow().clone())
        .unwrap_or_default();
    for c in mro {
        if let Some(cd) = c.dict() {
            for (k, _) in crate::objects::dict::entries(cd) {
                vm.dict_set(&d, k, Value::None)?;
            }
        }
    }
    let keys: Vec<Value> = crate::objects::dict::entries(&d)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    Ok(vm.new_list(keys))
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, spec] = args.exact_method(vm, "object.__format__")?;
    let spec = vm.expect_str(spec, "format spec")?.as_str().to_owned();
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(this)
        )));
    }
    vm.str_value(this)
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    if !rest.values.is_empty() {
        let cls = args.this().clone();
        let n = match &cls {
            Value::Obj(c) => type_name_of(c),
            _ => "object".into(),
        };
        // CPython names the class it was called on.
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cls = vm.class_of(&this);
    // A class's own `__reduce__` (object has none here) wins, as in
    // CPython's `object.__reduce_ex__`: pickle and copy reach it so.
    let reduce = vm.intern("__reduce__");
    if let Some(f) = crate::objects::type_::lookup(&cls, &reduce) {
        let bound = vm.descr_get(&f, &this, &cls)?;
        return vm.call(&bound, &[]);
    }
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.get_attr_str(&copyreg, "__newobj__")?;
    let cls_t = vm.new_tuple(vec![Value::Obj(cls)]);
    let state = match this.as_obj().and_then(|o| o.dict().cloned()) {
        Some(d) if !crate::objects::dict::entries(&d).is_empty() => Value::Obj(d),
        _ => Value::None,
    };
    Ok(vm.new_tuple(vec![f, cls_t, state]))
}

fn object_sizeof(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(16))
}

// ---- type ----

/// `__qualname__` of a type.
pub fn type_qualname(t: &PyRef) -> String {
    t.as_type()
        .map(|d| d.qualname.borrow().clone().unwrap_or_else(|| d.name()))
        .unwrap_or_default()
}

/// `__module__` of a type as a string (None if missing).
pub fn type_module(vm: &mut Vm, t: &PyRef) -> PyResult<Option<String>> {
    let Some(td) = t.as_type() else {
        return Ok(None);
    };
    if !td.heap {
        if let Some(d) = t.dict() {
            let k = vm.names.__module__.clone();
            if let Some(m) = crate::objects::dict::get_str(d, &k) {
                return Ok(m.as_str().map(|s| s.to_owned()));
            }
        }
        return Ok(Some("builtins".into()));
    }
    let k = vm.names.__module__.clone();
    match t.dict().and_then(|d| crate::objects::dict::get_str(d, &k)) {
        Some(m) => Ok(Some(vm.str(&m)?)),
        None => Ok(None),
    }
}

fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let meta = as_type_arg(vm, args.this(), "type.__new__(X)")?;
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() == 1 && Rc::ptr_eq(&meta, &vm.types.type_) && !rest.has_kw() {
        return Ok(Value::Obj(vm.class_of(&pos[0])));
    }
    if pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = match pos[0].as_str() {
        Some(s) => s.to_owned(),
        None => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                vm.type_name(&pos[0])
            )))
        }
    };
    let Some(bases_t) = pos[1].as_tuple() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(&pos[1])
        )));
    };
    let winner = vm.calculate_metaclass_of(&meta, bases_t)?;
    if !Rc::ptr_eq(&winner, &meta) {
        // A more derived metaclass with its own `__new__` makes the class
        // (`type(name, (SomeEnum,), ns, boundary=...)`), as in CPython.
        let new_name = vm.names.__new__.clone();
        let type_new = crate::objects::type_::lookup(&vm.types.type_, &new_name);
        if let Some(f) = crate::objects::type_::lookup(&winner, &new_name) {
            if !type_new.is_some_and(|t| t.is(&f)) {
                let f = match f.payload() {
                    Some(Payload::StaticMethod(inner)) => inner.borrow().clone(),
                    _ => f,
                };
                let mut all = Vec::with_capacity(rest.values.len() + 1);
                all.push(Value::Obj(winner.clone()));
                all.extend_from_slice(rest.values);
                return vm.call_with(&f, Args::with_kw(&all, rest.kwnames));
            }
        }
    }
    let meta = winner;
    let mut bases = Vec::new();
    for b in bases_t {
        match b {
            Value::Obj(o) if o.as_type().is_some() => bases.push(o.clone()),
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    let ns = match &pos[2] {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => o.clone(),
        other => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    let kwargs: Vec<(String, Value)> = rest.kw().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let meta = vm.calculate_metaclass(&meta, &bases)?;
    let t = vm.make_class(&meta, &name, bases, &ns, &kwargs)?;
    Ok(Value::Obj(t))
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`.
pub fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = as_type_arg(vm, args.this(), "type.__call__(X)")?;
    vm.call_type(&cls, args.shift())
}

fn type_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = as_type_arg(vm, args.this(), "type.__repr__(X)")?;
    let q = type_qualname(&t);
    let s = match type_module(vm, &t)? {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    };
    Ok(vm.str_val(s))
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = as_type_arg(vm, args.this(), "type.mro(X)")?;
    let mro: Vec<Value> = t
        .as_type()
        .map(|d| {
            d.mro
                .borrow()
                .iter()
                .map(|c| Value::Obj(c.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok(vm.new_list(mro))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = as_type_arg(vm, args.this(), "type.__subclasses__(X)")?;
    let subs = vm.subclasses_of(&t).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t, obj] = args.exact_method(vm, "type.__instancecheck__")?;
    let t = as_type_arg(vm, t, "type.__instancecheck__(X)")?;
    Ok(Value::Bool(vm.is_instance(obj, &t)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t, sub] = args.exact_method(vm, "type.__subclasscheck__")?;
    let t = as_type_arg(vm, t, "type.__subclasscheck__(X)")?;
    let s = as_type_arg(vm, sub, "issubclass() arg 1 must be a class")?;
    Ok(Value::Bool(is_subtype(&s, &t)))
}

fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_dict())
}

fn type_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = as_type_arg(vm, args.this(), "type.__dir__(X)")?;
    let d = vm.new_dict_ref();
    let mro = t
        .as_type()
        .map(|x| x.mro.borrow().clone())
        .unwrap_or_default();
    for c in mro {
        if let Some(cd) = c.dict() {
            for (k, _) in crate::objects::dict::entries(cd) {
                vm.dict_set(&d, k, Value::None)?;
            }
        }
    }
    let keys: Vec<Value> = crate::objects::dict::entries(&d)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    Ok(vm.new_list(keys))
}

fn type_or(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__name__")?;
    let n = t.as_type().map(|d| d.name()).unwrap_or_default();
    Ok(vm.str_val(n))
}
fn set_name(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    let t = writable_type(vm, v, "__name__")?;
    let Some(s) = n.as_str() else {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            type_name_of(&t),
            vm.type_name(&n)
        )));
    };
    if let Some(td) = t.as_type() {
        // `__qualname__` stays what it was.
        let old = td.name();
        td.qualname.borrow_mut().get_or_insert(old);
        *td.name.borrow_mut() = s.to_owned();
        *td.tp_name.borrow_mut() = None;
    }
    Ok(())
}
fn get_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__qualname__")?;
    let q = type_qualname(&t);
    Ok(vm.str_val(q))
}
fn set_qualname(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    let t = writable_type(vm, v, "__qualname__")?;
    let Some(s) = n.as_str() else {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            type_name_of(&t),
            vm.type_name(&n)
        )));
    };
    if let Some(td) = t.as_type() {
        *td.qualname.borrow_mut() = Some(s.to_owned());
    }
    Ok(())
}
fn get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__module__")?;
    if t.as_type().map(|d| d.heap).unwrap_or(false) {
        let k = vm.names.__module__.clone();
        return match t.dict().and_then(|d| crate::objects::dict::get_str(d, &k)) {
            Some(m) => Ok(m),
            None => Err(vm.attribute_error("__module__")),
        };
    }
    let m = type_module(vm, &t)?.unwrap_or_else(|| "builtins".into());
    Ok(vm.str_val(m))
}
fn set_module(vm: &mut Vm, v: &Value, m: Value) -> PyResult<()> {
    let t = writable_type(vm, v, "__module__")?;
    if let Some(d) = t.dict().cloned() {
        let k = vm.names.__module__.clone();
        vm.dict_set(&d, Value::Obj(k), m)?;
    }
    Ok(())
}
fn get_bases(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__bases__")?;
    let b: Vec<Value> = t
        .as_type()
        .map(|d| {
            d.bases
                .borrow()
                .iter()
                .map(|c| Value::Obj(c.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok(vm.new_tuple(b))
}
fn get_base(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__base__")?;
    let b = t.as_type().and_then(|d| d.bases.borrow().first().cloned());
    Ok(b.map(Value::Obj).unwrap_or(Value::None))
}
fn get_mro(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__mro__")?;
    let m: Vec<Value> = t
        .as_type()
        .map(|d| {
            d.mro
                .borrow()
                .iter()
                .map(|c| Value::Obj(c.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok(vm.new_tuple(m))
}
fn get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__dict__")?;
    match t.dict() {
        Some(d) => Ok(Value::Obj(vm.alloc(
            vm.types.mappingproxy.clone(),
            Payload::MappingProxy(d.clone()),
        ))),
        None => Ok(Value::None),
    }
}
fn get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__doc__")?;
    let k = vm.names.__doc__.clone();
    let d = t
        .dict()
        .and_then(|d| crate::objects::dict::get_str(d, &k))
        .unwrap_or(Value::None);
    if let Value::Obj(o) = &d {
        if !matches!(o.payload, Payload::Str(_)) {
            let cls = vm.obj_class(o);
            let gk = vm.names.__get__.clone();
            if let Some(g) = lookup(&cls, &gk) {
                return vm.call(&g, &[d.clone(), Value::None, v.clone()]);
            }
        }
    }
    Ok(d)
}
fn set_doc(vm: &mut Vm, v: &Value, d: Value) -> PyResult<()> {
    let t = writable_type(vm, v, "__doc__")?;
    if let Some(dict) = t.dict().cloned() {
        let k = vm.names.__doc__.clone();
        vm.dict_set(&dict, Value::Obj(k), d)?;
    }
    Ok(())
}
fn get_abstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_type_arg(vm, v, "type.__abstractmethods__")?;
    let k = vm.names.__abstractmethods__.clone();
    match t.dict().and_then(|d| crate::objects::dict::get_str(d, &k)) {
        Some(x) => Ok(x),
        None => Err(vm.attribute_error("__abstractmethods__")),
    }
}
fn set_abstract(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let t = writable_type(vm, v, "__abstractmethods__")?;
    if let Some(dict) = t.dict().cloned() {
        let k = vm.names.__abstractmethods__.clone();
        vm.dict_set(&dict, Value::Obj(k), x)?;
    }
    vm.update_abstract(&t)
}

// ---- mappingproxy ----

fn proxy_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::MappingProxy(d)) => Ok(Value::Obj(d.clone())),
        _ => Err(vm.type_error("descriptor requires a 'mappingproxy' object")),
    }
}

macro_rules! proxy_forward {
    ($fname:ident, $method:literal) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let d = proxy_dict(vm, args.this())?;
            let rest: Vec<Value> = args.shift().pos().to_vec();
            vm.call_method(&d, $method, &rest)
        }
    };
}
proxy_forward!(proxy_getitem, "__getitem__");
proxy_forward!(proxy_contains, "__contains__");
proxy_forward!(proxy_iter, "__iter__");
proxy_forward!(proxy_len, "__len__");
proxy_forward!(proxy_keys, "keys");
proxy_forward!(proxy_values, "values");
proxy_forward!(proxy_items, "items");
proxy_forward!(proxy_get, "get");
proxy_forward!(proxy_copy, "copy");

/// `mappingproxy(mapping)`: a read-only view of any mapping but a list
/// or tuple (the methods forward to it).
fn proxy_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    let [mapping] = rest.bind(vm, "mappingproxy", ["mapping"], 1)?;
    let Some(mapping) = mapping else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let is_mapping = match mapping {
        Value::Obj(o) => {
            !matches!(o.payload, Payload::List(_) | Payload::Tuple(_))
                && lookup(&vm.obj_class(o), &vm.names.__getitem__.clone()).is_some()
        }
        _ => false,
    };
    let Some(target) = mapping.as_obj().filter(|_| is_mapping).cloned() else {
        let t = vm.type_name(mapping);
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {t}"
        )));
    };
    Ok(Value::Obj(vm.alloc(
        vm.types.mappingproxy.clone(),
        Payload::MappingProxy(target),
    )))
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = proxy_dict(vm, args.this())?;
    let r = vm.repr(&d)?;
    Ok(vm.str_val(format!("mappingproxy({r})")))
}

/// `str(proxy)` is the mapping's own str, as CPython's.
fn proxy_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = proxy_dict(vm, args.this())?;
    vm.str_value(&d)
}

pub fn init(vm: &mut Vm) {
    let o = vm.types.object.clone();
    vm.add_static(&o, "__new__", object_new);
    vm.add_methods(
        &o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__hash__", object_hash),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", object_cmp_ni),
            ("__le__", object_cmp_ni),
            ("__gt__", object_cmp_ni),
            ("__ge__", object_cmp_ni),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__dir__", object_dir),
            ("__format__", object_format),
            ("__reduce_ex__", object_reduce_ex),
            ("__sizeof__", object_sizeof),
        ],
    );
    vm.add_classmethod(&o, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(&o, "__subclasshook__", object_subclasshook);
    vm.add_getset(&o, "__class__", get_class, Some(set_class));
    let doc = vm.str_val("The base class of the class hierarchy.");
    vm.set_class_const(&o, "__doc__", doc);

    let t = vm.types.type_.clone();
    vm.add_static(&t, "__new__", type_new);
    vm.add_methods(
        &t,
        &[
            ("__init__", type_init),
            ("__call__", type_call),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__dir__", type_dir),
            ("__setattr__", type_setattr),
            ("__delattr__", type_delattr),
            ("__or__", type_or),
            ("__ror__", type_or),
        ],
    );
    vm.add_classmethod(&t, "__prepare__", type_prepare);
    vm.add_getset(&t, "__name__", get_name, Some(set_name));
    vm.add_getset(&t, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(&t, "__module__", get_module, Some(set_module));
    vm.add_getset(&t, "__bases__", get_bases, None);
    vm.add_getset(&t, "__base__", get_base, None);
    vm.add_getset(&t, "__mro__", get_mro, None);
    vm.add_getset(&t, "__dict__", get_dict, None);
    vm.add_getset(&t, "__doc__", get_doc, Some(set_doc));
    vm.add_getset(&t, "__abstractmethods__", get_abstract, Some(set_abstract));

    let p = vm.types.mappingproxy.clone();
    vm.add_static(&p, "__new__", proxy_new);
    vm.add_methods(
        &p,
        &[
            ("__getitem__", proxy_getitem),
            ("__contains__", proxy_contains),
            ("__iter__", proxy_iter),
            ("__len__", proxy_len),
            ("__repr__", proxy_repr),
            ("__str__", proxy_str),
            ("keys", proxy_keys),
            ("values", proxy_values),
            ("items", proxy_items),
            ("get", proxy_get),
            ("copy", proxy_copy),
        ],
    );
    let _ = NativeKind::Method;
}
