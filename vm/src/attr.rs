//! Attribute access: `getattr`/`setattr`/`delattr` with the descriptor
//! protocol (data descriptors before the instance dict, non-data ones
//! after), `__getattribute__`/`__getattr__`/`__setattr__`/`__delattr__`
//! overrides, and the special lookups on types, modules and `super`.

use std::rc::Rc;

use crate::native::NativeKind;
use crate::object::Payload;
use crate::objects::type_::{lookup, type_name_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Whether `descr` (found on a type) is a data descriptor.
pub fn is_data_descr(vm: &Vm, descr: &Value) -> bool {
    match descr {
        Value::Obj(o) => match &o.payload {
            Payload::GetSet(_) | Payload::Member(_) | Payload::Property(_) => true,
            Payload::Function(_)
            | Payload::BuiltinFunction(_)
            | Payload::Str(_)
            | Payload::Int(_)
            | Payload::Tuple(_)
            | Payload::ClassMethod(_)
            | Payload::StaticMethod(_)
            | Payload::Dict(_)
            | Payload::List(_) => false,
            _ => {
                let cls = vm.obj_class(o);
                // Built-in classes define no __set__, but a native type
                // (`native_type.rs`, e.g. `_collections._tuplegetter`) may.
                let heap = cls.as_type().map(|t| t.heap).unwrap_or(false);
                if !heap && !matches!(o.payload, Payload::Native(_)) {
                    return false;
                }
                lookup(&cls, &vm.names.__set__).is_some()
                    || lookup(&cls, &vm.names.__delete__).is_some()
            }
        },
        _ => false,
    }
}

impl Vm {
    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<Value> {
        match self.get_attr_inner(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `getattr(obj, name, None)`-like: `None` when the attribute is
    /// missing (AttributeError swallowed).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        match self.get_attr_inner(obj, name) {
            Ok(v) => Ok(v),
            Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Attribute by a `&str` name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// The AttributeError for a missing attribute, with `name`/`obj` set.
    pub fn no_attribute(&mut self, obj: &Value, name: &PyRef) -> PyErr {
        let n = name.as_str().unwrap_or("?").to_owned();
        let msg = match obj.payload() {
            Some(Payload::Module(m)) => format!("module '{}' has no attribute '{n}'", m.name),
            Some(Payload::Type(t)) => {
                format!("type object '{}' has no attribute '{n}'", t.message_name())
            }
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.attribute_error(msg);
        let ev = Value::Obj(e.0.clone());
        let nk = self.names.name.clone();
        let _ = self.generic_set_dict_attr(&ev, &nk, Value::Obj(name.clone()));
        let ok = self.intern("obj");
        let _ = self.generic_set_dict_attr(&ev, &ok, obj.clone());
        e
    }

    /// Attribute lookup returning `None` for "not found" (a custom
    /// `__getattribute__` raising AttributeError still propagates it).
    fn get_attr_inner(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        let cls = self.class_of(obj);
        let heap = cls.as_type().map(|t| t.heap).unwrap_or(false);
        if heap {
            // A user __getattribute__ overrides everything.
            let ga_name = self.names.__getattribute__.clone();
            if let Some(ga) = self.lookup_cached(&cls, &ga_name) {
                if !is_native_fn(&ga) {
                    let r = self.call(&ga, &[obj.clone(), Value::Obj(name.clone())]);
                    return match r {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => {
                            let gn = self.names.__getattr__.clone();
                            if let Some(g) = lookup(&cls, &gn) {
                                return self
                                    .call(&g, &[obj.clone(), Value::Obj(name.clone())])
                                    .map(Some);
                            }
                            Err(e)
                        }
                        Err(e) => Err(e),
                    };
                }
            }
        }
        let found = match obj {
            Value::Obj(o) => match &o.payload {
                Payload::Type(_) => self.type_getattr(o, name),
                Payload::Super { .. } => self.super_getattr(o, name),
                Payload::WeakRef(_) if self.is_weak_proxy(obj) => {
                    crate::objects::weakref::proxy_getattr(self, obj, name)
                }
                Payload::NativeData(_) if Rc::ptr_eq(&cls, &self.types.union_type) => {
                    crate::objects::union::union_getattr(self, obj, name)
                }
                Payload::NativeData(_)
                    if crate::objects::generic_alias::is_alias_class(self, &cls) =>
                {
                    crate::objects::generic_alias::alias_getattr(self, obj, name)
                }
                _ => self.generic_getattr(obj, &cls, name),
            },
            _ => self.generic_getattr(obj, &cls, name),
        };
        // Not found, or an AttributeError raised on the way (a descriptor's
        // `__get__`, a property): `__getattr__` gets its turn, as in CPython.
        let err = match found {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => None,
            Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => Some(e),
            Err(e) => return Err(e),
        };
        let gn = self.names.__getattr__.clone();
        if let Some(g) = self.lookup_cached(&cls, &gn) {
            return self
                .call(&g, &[obj.clone(), Value::Obj(name.clone())])
                .map(Some);
        }
        // A module's own `__getattr__(name)` (PEP 562: `unittest` makes
        // `IsolatedAsyncioTestCase` on first use).
        if let Value::Obj(o) = obj {
            if let (Payload::Module(_), Some(dict)) = (&o.payload, o.dict()) {
                if let Some(g) = crate::objects::dict::get_str(dict, &gn) {
                    return self.call(&g, &[Value::Obj(name.clone())]).map(Some);
                }
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `object.__getattribute__` without the `__getattr__` fallback.
    pub fn generic_getattr(
        &mut self,
        obj: &Value,
        cls: &PyRef,
        name: &PyRef,
    ) -> PyResult<Option<Value>> {
        let descr = self.lookup_cached(cls, name);
        if let Some(d) = &descr {
            if is_data_descr(self, d) {
                return self.descr_get(d, obj, cls).map(Some);
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(dict) = o.dict() {
                let allowed = match &o.payload {
                    Payload::Type(_) => true,
                    _ => cls
                        .as_type()
                        .map(|t| t.instance_dict || !t.heap)
                        .unwrap_or(true),
                };
                if allowed {
                    if let Some(v) = crate::objects::dict::get_str(dict, name) {
                        return Ok(Some(v));
                    }
                    // Keys that are not exact str (rare): full lookup.
                    if let Payload::Dict(t) = &dict.payload {
                        if !t.borrow().is_empty() && !name.class_is(&self.types.str) {
                            if let Some(v) = self.dict_get(dict, &Value::Obj(name.clone()))? {
                                return Ok(Some(v));
                            }
                        }
                    }
                }
            }
        }
        match descr {
            Some(d) => self.descr_get(&d, obj, cls).map(Some),
            None => Ok(None),
        }
    }

    /// Applies the descriptor protocol to `descr` found on `cls` for
    /// instance `obj` (`obj` None for class access is handled by callers).
    pub fn descr_get(&mut self, descr: &Value, obj: &Value, cls: &PyRef) -> PyResult<Value> {
        let Value::Obj(d) = descr else {
            return Ok(descr.clone());
        };
        match &d.payload {
            Payload::Function(_) => Ok(self.new_bound_method(descr.clone(), obj.clone())),
            Payload::BuiltinFunction(nf) => match nf.kind {
                NativeKind::Method => Ok(self.bind_native(nf, obj.clone())),
                NativeKind::ClassMethod => Ok(self.bind_native(nf, Value::Obj(cls.clone()))),
                _ => Ok(descr.clone()),
            },
            Payload::GetSet(g) => g.get.call(self, obj),
            Payload::Member(m) => crate::objects::descriptor::member_get(self, m, obj),
            Payload::StaticMethod(f) if d.class_is(&self.types.staticmethod) => {
                Ok(f.borrow().clone())
            }
            Payload::ClassMethod(f) if d.class_is(&self.types.classmethod) => {
                let f = f.borrow().clone();
                Ok(self.new_bound_method(f, Value::Obj(cls.clone())))
            }
            Payload::Property(p) if d.class_is(&self.types.property) => {
                let fget = p.fget.borrow().clone();
                if fget.is_none() {
                    let k = self.names.__get__.clone();
                    let g = lookup(&self.types.property.clone(), &k).unwrap_or(Value::None);
                    return self.call(&g, &[descr.clone(), obj.clone(), Value::Obj(cls.clone())]);
                }
                self.call(&fget, std::slice::from_ref(obj))
            }
            Payload::Str(_)
            | Payload::Int(_)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_) => Ok(descr.clone()),
            _ => {
                let dcls = self.obj_class(d);
                let k = self.names.__get__.clone();
                match lookup(&dcls, &k) {
                    Some(g) => {
                        self.call(&g, &[descr.clone(), obj.clone(), Value::Obj(cls.clone())])
                    }
                    None => Ok(descr.clone()),
                }
            }
        }
    }

    /// Attribute lookup on a type object (`type.__getattribute__`).
    pub(crate) fn type_getattr(&mut self, ty: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
        let meta = self.obj_class(ty);
        let meta_attr = lookup(&meta, name);
        if let Some(ma) = &meta_attr {
            if is_data_descr(self, ma) {
                return self.descr_get(ma, &Value::Obj(ty.clone()), &meta).map(Some);
            }
        }
        if let Some(v) = lookup(ty, name) {
            // Descriptors on the class itself get (None, cls).
            let Value::Obj(d) = &v else {
                return Ok(Some(v));
            };
            return match &d.payload {
                Payload::Function(_) => Ok(Some(v.clone())),
                Payload::BuiltinFunction(nf) => match nf.kind {
                    NativeKind::ClassMethod => {
                        Ok(Some(self.bind_native(nf, Value::Obj(ty.clone()))))
                    }
                    _ => Ok(Some(v.clone())),
                },
                Payload::StaticMethod(f) if d.class_is(&self.types.staticmethod) => {
                    Ok(Some(f.borrow().clone()))
                }
                Payload::ClassMethod(f) if d.class_is(&self.types.classmethod) => {
                    let f = f.borrow().clone();
                    Ok(Some(self.new_bound_method(f, Value::Obj(ty.clone()))))
                }
                Payload::GetSet(_) | Payload::Member(_) | Payload::Property(_) => {
                    Ok(Some(v.clone()))
                }
                Payload::Str(_)
                | Payload::Int(_)
                | Payload::Tuple(_)
                | Payload::List(_)
                | Payload::Dict(_)
                | Payload::Type(_) => Ok(Some(v.clone())),
                _ => {
                    let dcls = self.obj_class(d);
                    let k = self.names.__get__.clone();
                    match lookup(&dcls, &k) {
                        Some(g) => self
                            .call(&g, &[v.clone(), Value::None, Value::Obj(ty.clone())])
                            .map(Some),
                        None => Ok(Some(v.clone())),
                    }
                }
            };
        }
        if let Some(ma) = meta_attr {
            return self
                .descr_get(&ma, &Value::Obj(ty.clone()), &meta)
                .map(Some);
        }
        Ok(None)
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
        let cls = self.class_of(obj);
        if cls.as_type().map(|t| t.heap).unwrap_or(false) {
            let k = self.names.__setattr__.clone();
            if let Some(sa) = self.lookup_cached(&cls, &k) {
                if !is_native_fn(&sa) {
                    self.call(&sa, &[obj.clone(), Value::Obj(name.clone()), value])?;
                    return Ok(());
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let Payload::Type(_) = &o.payload {
                return self.type_setattr(o, name, Some(value));
            }
            if self.is_weak_proxy(obj) {
                return crate::objects::weakref::proxy_setattr(self, obj, name, Some(value));
            }
        }
        self.generic_setattr(obj, &cls, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<()> {
        let cls = self.class_of(obj);
        if cls.as_type().map(|t| t.heap).unwrap_or(false) {
            let k = self.names.__delattr__.clone();
            if let Some(sa) = lookup(&cls, &k) {
                if !is_native_fn(&sa) {
                    self.call(&sa, &[obj.clone(), Value::Obj(name.clone())])?;
                    return Ok(());
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let Payload::Type(_) = &o.payload {
                return self.type_setattr(o, name, None);
            }
            if self.is_weak_proxy(obj) {
                return crate::objects::weakref::proxy_setattr(self, obj, name, None);
            }
        }
        self.generic_setattr(obj, &cls, name, None)
    }

    /// `object.__setattr__` / `object.__delattr__` (value None = delete).
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        cls: &PyRef,
        name: &PyRef,
        value: Option<Value>,
    ) -> PyResult<()> {
        if let Some(d) = self.lookup_cached(cls, name) {
            if let Value::Obj(dobj) = &d {
                match &dobj.payload {
                    Payload::GetSet(g) => {
                        return match (&g.set, value) {
                            (Some(s), Some(v)) => s.call(self, obj, v),
                            // A writable attribute's setter takes values
                            // only: deleting it is CPython's "can't
                            // delete" TypeError, not "not writable".
                            (Some(_), None) => {
                                Err(self.type_error(format!("can't delete {} attribute", g.name)))
                            }
                            (None, _) => Err(self.attribute_error(format!(
                                "attribute '{}' of '{}' objects is not writable",
                                g.name,
                                type_name_of(&g.owner)
                            ))),
                        };
                    }
                    Payload::Member(m) => {
                        return crate::objects::descriptor::member_set(self, m, obj, value)
                    }
                    _ => {}
                }
                if is_data_descr(self, &d) {
                    let dcls = self.obj_class(dobj);
                    let (k, args) = match &value {
                        Some(v) => (
                            self.names.__set__.clone(),
                            vec![d.clone(), obj.clone(), v.clone()],
                        ),
                        None => (self.names.__delete__.clone(), vec![d.clone(), obj.clone()]),
                    };
                    return match lookup(&dcls, &k) {
                        Some(f) => self.call(&f, &args).map(|_| ()),
                        None => Err(self.attribute_error(if value.is_some() {
                            "__set__"
                        } else {
                            "__delete__"
                        })),
                    };
                }
            }
        }
        if let Value::Obj(o) = obj {
            let allowed = cls
                .as_type()
                .map(|t| t.instance_dict || !t.heap)
                .unwrap_or(true);
            if let (Some(dict), true) = (o.dict(), allowed) {
                match value {
                    Some(v) => return self.dict_set(dict, Value::Obj(name.clone()), v),
                    None => {
                        if self.dict_del(dict, &Value::Obj(name.clone()))?.is_none() {
                            return Err(self.no_attribute(obj, name));
                        }
                        return Ok(());
                    }
                }
            }
        }
        let n = name.as_str().unwrap_or("?");
        let tn = self.type_name(obj);
        if lookup(cls, name).is_some() && value.is_some() {
            return Err(self.attribute_error(format!("'{tn}' object attribute '{n}' is read-only")));
        }
        Err(self.no_attribute(obj, name))
    }

    /// Sets (or deletes) an attribute of a type object.
    /// Built-in types refuse before any descriptor runs, as CPython's
    /// immutable types do: they are shared by the interpreters of a thread.
    pub(crate) fn type_setattr(
        &mut self,
        ty: &PyRef,
        name: &PyRef,
        value: Option<Value>,
    ) -> PyResult<()> {
        let Some(t) = ty.as_type() else { return Ok(()) };
        self.check_mutable_type(ty, name.as_str().unwrap_or("?"))?;
        let meta = self.obj_class(ty);
        if let Some(d) = lookup(&meta, name) {
            if is_data_descr(self, &d) {
                if let Value::Obj(dobj) = &d {
                    if let Payload::GetSet(g) = &dobj.payload {
                        return match (&g.set, value) {
                            (Some(s), Some(v)) => s.call(self, &Value::Obj(ty.clone()), v),
                            _ => Err(self.attribute_error(format!(
                                "attribute '{}' of '{}' objects is not writable",
                                g.name,
                                type_name_of(&g.owner)
                            ))),
                        };
                    }
                }
                return self.generic_setattr(&Value::Obj(ty.clone()), &meta, name, value);
            }
        }
        let Some(dict) = ty.dict().cloned() else {
            return Ok(());
        };
        match value {
            Some(v) => self.dict_set(&dict, Value::Obj(name.clone()), v)?,
            None => {
                if self.dict_del(&dict, &Value::Obj(name.clone()))?.is_none() {
                    return Err(self.attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        t.message_name(),
                        name.as_str().unwrap_or("?")
                    )));
                }
            }
        }
        self.type_modified(ty);
        if name.as_str() == Some("__abstractmethods__") {
            self.update_abstract(ty)?;
        }
        Ok(())
    }

    /// Refuses to change attribute `name` of a built-in type (immutable as
    /// in CPython, and shared by the interpreters of a thread).
    pub(crate) fn check_mutable_type(&mut self, ty: &PyRef, name: &str) -> PyResult<()> {
        match ty.as_type() {
            Some(t) if !t.heap => Err(self.type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                t.message_name()
            ))),
            _ => Ok(()),
        }
    }

    /// Stores into an object's `__dict__` directly (no descriptors), for
    /// native code setting attributes of exceptions and the like.
    pub fn generic_set_dict_attr(
        &mut self,
        obj: &Value,
        name: &PyRef,
        value: Value,
    ) -> PyResult<()> {
        match obj.as_obj().and_then(|o| o.dict().cloned()) {
            Some(d) => self.dict_set(&d, Value::Obj(name.clone()), value),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `type(obj).name` looked up on the type only (special method lookup,
    /// no instance dict, no `__getattr__`).
    #[inline]
    pub fn lookup_special(&mut self, obj: &Value, name: &PyRef) -> Option<Value> {
        let cls = self.class_of(obj);
        self.lookup_cached(&cls, name)
    }

    /// Calls special method `name` of `obj`'s type with `obj` prepended;
    /// `None` if the type has no such method.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &PyRef,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(f) = self.lookup_special(obj, name) else {
            return Ok(None);
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        self.call(&f, &all).map(Some)
    }

    /// Calls method `name` of `obj` (full attribute lookup).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let m = self.get_attr(obj, &n)?;
        self.call(&m, args)
    }
}

/// Whether `f` is a native function (a built-in slot the VM implements
/// directly, so calling it can be skipped in favour of the fast path).
fn is_native_fn(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::BuiltinFunction(_)))
}
