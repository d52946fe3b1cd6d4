//! Descriptors: `property`, `staticmethod`, `classmethod`, getset
//! descriptors of built-in attributes, member descriptors of `__slots__`,
//! and the `__dict__`/`__weakref__` descriptors of user classes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

pub type Getter = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type Setter = fn(&mut Vm, &Value, Value) -> PyResult<()>;

/// A getter implemented by a closure (typed native types' properties).
pub type GetterClosure = Rc<dyn Fn(&mut Vm, &Value) -> PyResult<Value>>;
/// A setter implemented by a closure.
pub type SetterClosure = Rc<dyn Fn(&mut Vm, &Value, Value) -> PyResult<()>>;

/// The code reading a built-in attribute.
#[derive(Clone)]
pub enum GetFn {
    Fn(Getter),
    Closure(GetterClosure),
}

impl GetFn {
    #[inline]
    pub fn call(&self, vm: &mut Vm, obj: &Value) -> PyResult<Value> {
        match self {
            GetFn::Fn(f) => f(vm, obj),
            GetFn::Closure(f) => f(vm, obj),
        }
    }
}

/// The code writing a built-in attribute.
#[derive(Clone)]
pub enum SetFn {
    Fn(Setter),
    Closure(SetterClosure),
}

impl SetFn {
    pub fn call(&self, vm: &mut Vm, obj: &Value, v: Value) -> PyResult<()> {
        match self {
            SetFn::Fn(f) => f(vm, obj, v),
            SetFn::Closure(f) => f(vm, obj, v),
        }
    }
}

/// A built-in attribute computed by Rust code.
pub struct GetSetDescr {
    pub name: Rc<str>,
    pub owner: PyRef,
    pub get: GetFn,
    pub set: Option<SetFn>,
}

/// A `__slots__` entry.
pub struct MemberDescr {
    pub name: PyRef,
    pub owner: PyRef,
    pub index: usize,
}

/// The payload of a `property`.
pub struct PropertyData {
    pub fget: RefCell<Value>,
    pub fset: RefCell<Value>,
    pub fdel: RefCell<Value>,
    pub doc: RefCell<Value>,
    pub name: RefCell<Value>,
}

/// A member descriptor for slot `name` of `owner`.
pub fn new_member(vm: &mut Vm, name: &str, owner: &PyRef, index: usize) -> Value {
    let n = vm.intern(name);
    Value::Obj(vm.alloc(
        vm.types.member_descriptor.clone(),
        Payload::Member(Box::new(MemberDescr {
            name: n,
            owner: owner.clone(),
            index,
        })),
    ))
}

/// `__dict__` getter for objects with an instance dict.
pub fn get_instance_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = v {
        let allowed = match vm.class_of(v).as_type() {
            Some(t) => t.instance_dict || !t.heap,
            None => true,
        };
        if let (Some(d), true) = (o.dict(), allowed) {
            return Ok(Value::Obj(d.clone()));
        }
    }
    Err(vm.attribute_error(format!(
        "'{}' object has no attribute '__dict__'",
        vm.type_name(v)
    )))
}

/// `obj.__dict__ = d`: replaces the contents (our dicts are fixed objects).
pub fn set_instance_dict(vm: &mut Vm, v: &Value, d: Value) -> PyResult<()> {
    let Some(Payload::Dict(src)) = d.payload() else {
        return Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            vm.type_name(&d)
        )));
    };
    let Some(dst) = v.as_obj().and_then(|o| o.dict().cloned()) else {
        return Err(vm.attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            vm.type_name(v)
        )));
    };
    let copy = src.borrow().clone();
    if let Payload::Dict(t) = &dst.payload {
        *t.borrow_mut() = copy;
    }
    Ok(())
}

pub fn dict_descriptor(vm: &mut Vm, owner: &PyRef) -> Value {
    getset_value(
        vm,
        owner,
        "__dict__",
        get_instance_dict,
        Some(set_instance_dict),
    )
}

fn get_weakref_attr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::objects::weakref::weakref_attr(vm, v)
}

pub fn weakref_descriptor(vm: &mut Vm, owner: &PyRef) -> Value {
    getset_value(vm, owner, "__weakref__", get_weakref_attr, None)
}

pub fn getset_value(
    vm: &mut Vm,
    owner: &PyRef,
    name: &str,
    get: Getter,
    set: Option<Setter>,
) -> Value {
    Value::Obj(vm.alloc(
        vm.types.getset_descriptor.clone(),
        Payload::GetSet(Box::new(GetSetDescr {
            name: Rc::from(name),
            owner: owner.clone(),
            get: GetFn::Fn(get),
            set: set.map(SetFn::Fn),
        })),
    ))
}

// ---- property ----

fn prop_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PropertyData> {
    match v.payload() {
        Some(Payload::Property(p)) => Ok(p),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("property.__new__(X): X is not a type object")),
    };
    let data = PropertyData {
        fget: RefCell::new(Value::None),
        fset: RefCell::new(Value::None),
        fdel: RefCell::new(Value::None),
        doc: RefCell::new(Value::None),
        name: RefCell::new(Value::None),
    };
    Ok(Value::Obj(
        vm.alloc_instance(&cls, Payload::Property(Box::new(data))),
    ))
}

fn property_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let [fget, fset, fdel, doc] =
        args.shift()
            .bind(vm, "property", ["fget", "fset", "fdel", "doc"], 0)?;
    let p = prop_of(vm, &this)?;
    let fget = fget.cloned().unwrap_or(Value::None);
    *p.fget.borrow_mut() = fget.clone();
    *p.fset.borrow_mut() = fset.cloned().unwrap_or(Value::None);
    *p.fdel.borrow_mut() = fdel.cloned().unwrap_or(Value::None);
    let doc = match doc {
        Some(d) if !d.is_none() => d.clone(),
        _ => {
            if fget.is_none() {
                Value::None
            } else {
                let k = vm.names.__doc__.clone();
                vm.get_attr_opt(&fget, &k)?.unwrap_or(Value::None)
            }
        }
    };
    *prop_of(vm, &this)?.doc.borrow_mut() = doc;
    Ok(Value::None)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj, _ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let obj = obj.cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(this);
    }
    let fget = prop_of(vm, &this)?.fget.borrow().clone();
    if fget.is_none() {
        let name = prop_name(vm, &this)?;
        return Err(vm.attribute_error(match name {
            Some(n) => format!(
                "property '{n}' of '{}' object has no getter",
                vm.type_name(&obj)
            ),
            None => "unreadable attribute".to_owned(),
        }));
    }
    vm.call(&fget, &[obj])
}

fn prop_name(vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
    let p = prop_of(vm, this)?;
    let n = p.name.borrow().clone();
    if let Some(s) = n.as_str() {
        return Ok(Some(s.to_owned()));
    }
    let fget = p.fget.borrow().clone();
    if fget.is_none() {
        return Ok(None);
    }
    let k = vm.names.__name__.clone();
    Ok(vm
        .get_attr_opt(&fget, &k)?
        .and_then(|v| v.as_str().map(|s| s.to_owned())))
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj, value] = args.exact_method(vm, "property.__set__")?;
    let fset = prop_of(vm, this)?.fset.borrow().clone();
    if fset.is_none() {
        let name = prop_name(vm, this)?;
        return Err(vm.attribute_error(match name {
            Some(n) => format!(
                "property '{n}' of '{}' object has no setter",
                vm.type_name(obj)
            ),
            None => "can't set attribute".to_owned(),
        }));
    }
    vm.call(&fset, &[obj.clone(), value.clone()])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj] = args.exact_method(vm, "property.__delete__")?;
    let fdel = prop_of(vm, this)?.fdel.borrow().clone();
    if fdel.is_none() {
        let name = prop_name(vm, this)?;
        return Err(vm.attribute_error(match name {
            Some(n) => format!(
                "property '{n}' of '{}' object has no deleter",
                vm.type_name(obj)
            ),
            None => "can't delete attribute".to_owned(),
        }));
    }
    vm.call(&fdel, std::slice::from_ref(obj))?;
    Ok(Value::None)
}

fn property_copy_with(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let [this, f] = args.exact_method(vm, "property.setter")?;
    let p = prop_of(vm, this)?;
    let mut parts = [
        p.fget.borrow().clone(),
        p.fset.borrow().clone(),
        p.fdel.borrow().clone(),
    ];
    let doc = p.doc.borrow().clone();
    let name = p.name.borrow().clone();
    parts[which] = f.clone();
    let cls = vm.class_of(this);
    let data = PropertyData {
        fget: RefCell::new(parts[0].clone()),
        fset: RefCell::new(parts[1].clone()),
        fdel: RefCell::new(parts[2].clone()),
        doc: RefCell::new(doc),
        name: RefCell::new(name),
    };
    Ok(Value::Obj(
        vm.alloc_instance(&cls, Payload::Property(Box::new(data))),
    ))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 2)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _owner, name] = args.exact_method(vm, "property.__set_name__")?;
    *prop_of(vm, this)?.name.borrow_mut() = name.clone();
    Ok(Value::None)
}

fn prop_fget(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(vm, v)?.fget.borrow().clone())
}
fn prop_fset(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(vm, v)?.fset.borrow().clone())
}
fn prop_fdel(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(vm, v)?.fdel.borrow().clone())
}
fn prop_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(vm, v)?.doc.borrow().clone())
}
fn prop_set_doc(vm: &mut Vm, v: &Value, d: Value) -> PyResult<()> {
    *prop_of(vm, v)?.doc.borrow_mut() = d;
    Ok(())
}
fn prop_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let k = vm.names.__isabstractmethod__.clone();
    for f in [prop_fget(vm, v)?, prop_fset(vm, v)?, prop_fdel(vm, v)?] {
        if let Some(x) = vm.get_attr_opt(&f, &k)? {
            if vm.is_true(&x)? {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

// ---- staticmethod / classmethod ----

fn wrapped(v: &Value) -> Option<Value> {
    match v.payload() {
        Some(Payload::StaticMethod(f)) | Some(Payload::ClassMethod(f)) => Some(f.borrow().clone()),
        _ => None,
    }
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) => c.clone(),
        _ => return Err(vm.type_error("staticmethod.__new__(X): X is not a type object")),
    };
    let f = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::StaticMethod(RefCell::new(f)),
    )))
}

fn staticmethod_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, f] = args.exact_method(vm, "staticmethod")?;
    if let Some(Payload::StaticMethod(c)) = this.payload() {
        *c.borrow_mut() = f.clone();
    }
    copy_wrapped_attrs(vm, this, f)?;
    Ok(Value::None)
}

/// `__doc__`, `__name__`, ... of the wrapped function, as CPython 3.10+.
fn copy_wrapped_attrs(vm: &mut Vm, this: &Value, f: &Value) -> PyResult<()> {
    let Some(d) = this.as_obj().and_then(|o| o.dict().cloned()) else {
        return Ok(());
    };
    for n in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let k = vm.intern(n);
        if let Some(v) = vm.get_attr_opt(f, &k)? {
            vm.dict_set(&d, Value::Obj(k), v)?;
        }
    }
    let k = vm.names.__wrapped__.clone();
    vm.dict_set(&d, Value::Obj(k), f.clone())?;
    Ok(())
}

fn staticmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _obj, _ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    wrapped(&this).ok_or_else(|| vm.type_error("descriptor requires a staticmethod"))
}

fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let f = wrapped(&this).ok_or_else(|| vm.type_error("descriptor requires a staticmethod"))?;
    vm.call_with(&f, args.shift())
}

fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) => c.clone(),
        _ => return Err(vm.type_error("classmethod.__new__(X): X is not a type object")),
    };
    let f = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::ClassMethod(RefCell::new(f)),
    )))
}

fn classmethod_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, f] = args.exact_method(vm, "classmethod")?;
    if let Some(Payload::ClassMethod(c)) = this.payload() {
        *c.borrow_mut() = f.clone();
    }
    copy_wrapped_attrs(vm, this, f)?;
    Ok(Value::None)
}

fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj, ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let f = wrapped(&this).ok_or_else(|| vm.type_error("descriptor requires a classmethod"))?;
    let cls = match (obj, ty) {
        (_, Some(t)) if !t.is_none() => t.clone(),
        (Some(o), _) => Value::Obj(vm.class_of(o)),
        _ => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    Ok(vm.new_bound_method(f, cls))
}

fn func_attr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    wrapped(v).ok_or_else(|| vm.type_error("descriptor requires a staticmethod or classmethod"))
}

fn sm_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func_attr(vm, v)?;
    let k = vm.names.__isabstractmethod__.clone();
    match vm.get_attr_opt(&f, &k)? {
        Some(x) => Ok(Value::Bool(vm.is_true(&x)?)),
        None => Ok(Value::Bool(false)),
    }
}

// ---- getset / member descriptors ----

fn getset_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj, _ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let obj = obj.cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(this);
    }
    match this.payload() {
        Some(Payload::GetSet(g)) => g.get.call(vm, &obj),
        Some(Payload::Member(m)) => member_get(vm, m, &obj),
        _ => Err(vm.type_error("descriptor requires a getset_descriptor")),
    }
}

fn getset_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, obj, value] = args.exact_method(vm, "__set__")?;
    match this.payload() {
        Some(Payload::GetSet(g)) => match &g.set {
            Some(s) => s.call(vm, obj, value.clone()).map(|_| Value::None),
            None => Err(vm.attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                g.name,
                crate::objects::type_::type_name_of(&g.owner)
            ))),
        },
        Some(Payload::Member(m)) => {
            member_set(vm, m, obj, Some(value.clone())).map(|_| Value::None)
        }
        _ => Err(vm.type_error("descriptor requires a getset_descriptor")),
    }
}

/// Reads slot `m` of `obj`.
pub fn member_get(vm: &mut Vm, m: &MemberDescr, obj: &Value) -> PyResult<Value> {
    if !vm.is_instance(obj, &m.owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name.as_str().unwrap_or(""),
            crate::objects::type_::type_name_of(&m.owner),
            vm.type_name(obj)
        )));
    }
    if let Some(s) = obj.as_obj().and_then(|o| o.slot_storage()) {
        if let Some(Some(v)) = s.borrow().get(m.index) {
            return Ok(v.clone());
        }
    } else if let Some(Payload::Tuple(t)) = obj.payload() {
        // A struct sequence's field (`sys.version_info.major`).
        if let Some(v) = t.get(m.index) {
            return Ok(v.clone());
        }
    } else if let Some(d) = obj.as_obj().and_then(|o| o.dict().cloned()) {
        if let Some(v) = crate::objects::dict::get_str(&d, &m.name) {
            return Ok(v);
        }
    }
    Err(vm.attribute_error(format!(
        "'{}' object has no attribute '{}'",
        vm.type_name(obj),
        m.name.as_str().unwrap_or("")
    )))
}

/// Writes (or deletes, with `None`) slot `m` of `obj`.
pub fn member_set(vm: &mut Vm, m: &MemberDescr, obj: &Value, value: Option<Value>) -> PyResult<()> {
    if !vm.is_instance(obj, &m.owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name.as_str().unwrap_or(""),
            crate::objects::type_::type_name_of(&m.owner),
            vm.type_name(obj)
        )));
    }
    if let Some(Payload::Tuple(_)) = obj.payload() {
        return Err(vm.attribute_error("readonly attribute"));
    }
    if let Some(s) = obj.as_obj().and_then(|o| o.slot_storage()) {
        let old = {
            let mut b = s.borrow_mut();
            match b.get_mut(m.index) {
                Some(slot) => {
                    if value.is_none() && slot.is_none() {
                        None
                    } else {
                        Some(std::mem::replace(slot, value.clone()))
                    }
                }
                None => None,
            }
        };
        if old.is_none() && value.is_none() {
            return Err(vm.attribute_error(format!(
                "'{}' object has no attribute '{}'",
                vm.type_name(obj),
                m.name.as_str().unwrap_or("")
            )));
        }
        return Ok(());
    }
    let d = obj.as_obj().and_then(|o| o.dict().cloned());
    let Some(d) = d else {
        return Err(vm.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            m.name.as_str().unwrap_or("")
        )));
    };
    match value {
        Some(v) => vm.dict_set(&d, Value::Obj(m.name.clone()), v),
        None => {
            if vm.dict_del(&d, &Value::Obj(m.name.clone()))?.is_none() {
                return Err(vm.attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    vm.type_name(obj),
                    m.name.as_str().unwrap_or("")
                )));
            }
            Ok(())
        }
    }
}

fn getset_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::GetSet(g)) => {
            let n = g.name.clone();
            Ok(vm.str_val(&*n))
        }
        Some(Payload::Member(m)) => Ok(Value::Obj(m.name.clone())),
        _ => Err(vm.type_error("descriptor requires a getset_descriptor")),
    }
}

fn getset_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let member = Rc::ptr_eq(&vm.class_of(&this), &vm.types.member_descriptor);
    let s = match this.payload() {
        Some(Payload::GetSet(g)) if member => format!(
            "<member '{}' of '{}' objects>",
            g.name,
            crate::objects::type_::type_name_of(&g.owner)
        ),
        Some(Payload::GetSet(g)) => format!(
            "<attribute '{}' of '{}' objects>",
            g.name,
            crate::objects::type_::type_name_of(&g.owner)
        ),
        Some(Payload::Member(m)) => format!(
            "<member '{}' of '{}' objects>",
            m.name.as_str().unwrap_or(""),
            crate::objects::type_::type_name_of(&m.owner)
        ),
        _ => "<descriptor>".into(),
    };
    Ok(vm.str_val(s))
}

pub fn init(vm: &mut Vm) {
    let p = vm.types.property.clone();
    vm.add_static(&p, "__new__", property_new);
    vm.add_methods(
        &p,
        &[
            ("__init__", property_init),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    vm.add_getset(&p, "fget", prop_fget, None);
    vm.add_getset(&p, "fset", prop_fset, None);
    vm.add_getset(&p, "fdel", prop_fdel, None);
    vm.add_getset(&p, "__doc__", prop_doc, Some(prop_set_doc));
    vm.add_getset(&p, "__isabstractmethod__", prop_isabstract, None);

    let s = vm.types.staticmethod.clone();
    vm.add_static(&s, "__new__", staticmethod_new);
    vm.add_methods(
        &s,
        &[
            ("__init__", staticmethod_init),
            ("__get__", staticmethod_get),
            ("__call__", staticmethod_call),
        ],
    );
    vm.add_getset(&s, "__func__", func_attr, None);
    vm.add_getset(&s, "__isabstractmethod__", sm_isabstract, None);
    let c = vm.types.classmethod.clone();
    vm.add_static(&c, "__new__", classmethod_new);
    vm.add_methods(
        &c,
        &[("__init__", classmethod_init), ("__get__", classmethod_get)],
    );
    vm.add_getset(&c, "__func__", func_attr, None);
    vm.add_getset(&c, "__isabstractmethod__", sm_isabstract, None);
    for t in [s, c] {
        if let Some(td) = t.as_type() {
            let _ = td;
        }
        vm.add_getset(&t, "__dict__", get_instance_dict, Some(set_instance_dict));
    }
    // staticmethod/classmethod instances need a dict for copied attributes.
    for t in [
        vm.types.staticmethod.clone(),
        vm.types.classmethod.clone(),
        vm.types.property.clone(),
    ] {
        let _ = t;
    }

    for t in [
        vm.types.getset_descriptor.clone(),
        vm.types.member_descriptor.clone(),
    ] {
        vm.add_methods(
            &t,
            &[
                ("__get__", getset_get),
                ("__set__", getset_set),
                ("__repr__", getset_repr),
            ],
        );
        vm.add_getset(&t, "__name__", getset_name, None);
    }
}
