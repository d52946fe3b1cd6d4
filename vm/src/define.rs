//! The definition API: adding native methods, static/class methods,
//! computed attributes and constants to types, and building native
//! modules. Built-in types, the VM's own modules and embedders all use it.
//!
//! ```ignore
//! // in objects/list.rs
//! vm.add_methods(&vm.types.list.clone(), &[("append", list_append), ("pop", list_pop)]);
//! // a native module
//! let m = vm.new_module("mymod");
//! vm.module_add_fn(&m, "double", |vm, args| {
//!     let [x] = args.exact(vm, "double")?;
//!     vm.binary_op(x, x, BinaryOperator::Add)
//! });
//! vm.module_set(&m, "VERSION", Value::Int(3));
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use crate::native::{NativeClosure, NativeFn, NativeFunction, NativeImpl, NativeKind};
use crate::object::{Payload, PyObject};
use crate::objects::descriptor::{Getter, Setter};
use crate::objects::module::ModuleData;
use crate::objects::type_lazy::{self, Pending};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// A native function object (`builtin_function_or_method`).
    pub fn new_native(&mut self, name: &str, func: NativeFn) -> Value {
        let f = NativeFunction::new(name, func);
        Value::Obj(self.alloc(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ))
    }

    /// A native function object from a closure.
    pub fn new_native_closure(&mut self, name: &str, func: NativeClosure) -> Value {
        let mut f = NativeFunction::new(name, |_, _| Ok(Value::None));
        f.func = NativeImpl::Closure(func);
        Value::Obj(self.alloc(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ))
    }

    /// Whether additions to `ty` can wait until its namespace is read
    /// (built-in types; classes made by Python code apply them at once).
    fn defers(ty: &PyRef) -> bool {
        ty.as_type().map(|t| !t.heap).unwrap_or(false)
    }

    fn add_native(&mut self, ty: &PyRef, name: &str, func: NativeFn, kind: NativeKind) {
        if Self::defers(ty) {
            let p = Pending::Native(Rc::from(name), func, kind);
            return self.defer_class_attr(ty, p);
        }
        let mut f = NativeFunction::new(name, func);
        f.kind = kind;
        f.owner = Some(ty.clone());
        let cls = match kind {
            NativeKind::Method => self.types.method_descriptor.clone(),
            NativeKind::ClassMethod => self.types.classmethod_descriptor.clone(),
            NativeKind::StaticMethod | NativeKind::Function | NativeKind::Bound => {
                f.bound = Some(Value::Obj(ty.clone()));
                self.types.builtin_function.clone()
            }
        };
        let v = Value::Obj(self.alloc(cls, Payload::BuiltinFunction(Box::new(f))));
        self.set_class_attr(ty, name, v);
    }

    /// Adds native methods (`self` is the first argument) to a type.
    pub fn add_methods(&mut self, ty: &PyRef, methods: &'static [(&'static str, NativeFn)]) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::Methods(methods));
        }
        for (name, f) in methods {
            self.add_native(ty, name, *f, NativeKind::Method);
        }
    }

    /// Adds a native method implemented by a closure.
    pub fn add_method_closure(&mut self, ty: &PyRef, name: &str, func: NativeClosure) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::Closure(Rc::from(name), func));
        }
        let mut f = NativeFunction::new(name, |_, _| Ok(Value::None));
        f.func = NativeImpl::Closure(func);
        f.kind = NativeKind::Method;
        f.owner = Some(ty.clone());
        let v = Value::Obj(self.alloc(
            self.types.method_descriptor.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ));
        self.set_class_attr(ty, name, v);
    }

    /// Adds a static method (`__new__` receives the class explicitly as
    /// its first argument, as in CPython).
    pub fn add_static(&mut self, ty: &PyRef, name: &str, func: NativeFn) {
        self.add_native(ty, name, func, NativeKind::StaticMethod);
    }

    /// Adds a class method (the class is the first argument).
    pub fn add_classmethod(&mut self, ty: &PyRef, name: &str, func: NativeFn) {
        self.add_native(ty, name, func, NativeKind::ClassMethod);
    }

    /// Adds a computed attribute.
    pub fn add_getset(&mut self, ty: &PyRef, name: &str, get: Getter, set: Option<Setter>) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::GetSet(Rc::from(name), get, set));
        }
        let v = crate::objects::descriptor::getset_value(self, ty, name, get, set);
        self.set_class_attr(ty, name, v);
    }

    /// Sets an attribute in a type's namespace directly.
    pub fn set_class_attr(&mut self, ty: &PyRef, name: &str, v: Value) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::Value(Rc::from(name), v));
        }
        if let Some(d) = ty.dict() {
            let k = self.intern(name);
            let _ = self.dict_set(d, Value::Obj(k), v);
        }
        self.type_modified(ty);
    }

    fn defer_class_attr(&mut self, ty: &PyRef, p: Pending) {
        if !type_lazy::defer(ty, &self.lazy_classes, p) {
            self.type_modified(ty);
        }
    }

    /// A new module object named `name` (not yet in `sys.modules`).
    pub fn new_module(&mut self, name: &str) -> PyRef {
        let d = self.new_dict_ref();
        let m = PyObject::new_raw(
            Some(self.types.module.clone()),
            Payload::Module(ModuleData::new(name)),
            Some(d.clone()),
        );
        self.gc_track(&m);
        let n = self.str_val(name);
        let _ = self.dict_set_str(&d, "__name__", n);
        let _ = self.dict_set_str(&d, "__doc__", Value::None);
        let _ = self.dict_set_str(&d, "__package__", Value::None);
        let _ = self.dict_set_str(&d, "__loader__", Value::None);
        let _ = self.dict_set_str(&d, "__spec__", Value::None);
        m
    }

    /// Sets a module attribute.
    pub fn module_set(&mut self, m: &PyRef, name: &str, v: Value) {
        if let Some(d) = m.dict() {
            let d = d.clone();
            let _ = self.dict_set_str(&d, name, v);
        }
    }

    /// A module attribute (None if missing).
    pub fn module_get(&mut self, m: &PyRef, name: &str) -> Value {
        match m.dict() {
            Some(d) => {
                let d = d.clone();
                self.dict_get_str(&d, name).unwrap_or(Value::None)
            }
            None => Value::None,
        }
    }

    /// Adds a native function to a module.
    pub fn module_add_fn(&mut self, m: &PyRef, name: &str, func: NativeFn) {
        let mut f = NativeFunction::new(name, func);
        f.bound = Some(Value::Obj(m.clone()));
        f.module = module_name(m);
        let v = Value::Obj(self.alloc(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ));
        self.module_set(m, name, v);
    }

    /// Adds several native functions to a module.
    pub fn module_add_fns(&mut self, m: &PyRef, fns: &[(&str, NativeFn)]) {
        for (n, f) in fns {
            self.module_add_fn(m, n, *f);
        }
    }

    /// Adds a native closure to a module.
    pub fn module_add_closure(&mut self, m: &PyRef, name: &str, func: NativeClosure) {
        let mut f = NativeFunction::new(name, |_, _| Ok(Value::None));
        f.func = NativeImpl::Closure(func);
        f.bound = Some(Value::Obj(m.clone()));
        f.module = module_name(m);
        let v = Value::Obj(self.alloc(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ));
        self.module_set(m, name, v);
    }

    /// The type `module.name` of a native module (imported if need be): how
    /// a native function finds a type its module made at init, e.g. to
    /// create instances of it.
    pub fn module_type(&mut self, module: &str, name: &str) -> PyResult<PyRef> {
        let m = self.import_module(module)?;
        match self.get_attr_str(&m, name)? {
            Value::Obj(t) if t.as_type().is_some() => Ok(t),
            _ => Err(self.type_error(format!("{module}.{name} is not a type"))),
        }
    }

    /// Creates a type for a native module: `name` is the `__name__`,
    /// `module` its `__module__`. Instances carry `Payload::NativeData` or
    /// `Payload::Instance` as the type's `__new__` decides.
    pub fn new_native_type(&mut self, module: &str, name: &str, base: Option<&PyRef>) -> PyRef {
        let layout = base
            .and_then(|b| b.as_type().map(|t| t.layout))
            .unwrap_or(crate::objects::type_::Layout::Object);
        let t = self.new_builtin_type(name, base, layout);
        set_tp_name(&t, module, name);
        let m = self.str_val(module);
        self.set_class_attr(&t, "__module__", m);
        t
    }

    /// Defines a new exception class `module.name` deriving from `base`.
    pub fn new_exception_type(
        &mut self,
        module: &str,
        name: &str,
        base: &PyRef,
    ) -> PyResult<PyRef> {
        let ns = self.new_dict_ref();
        let m = self.str_val(module);
        self.dict_set_str(&ns, "__module__", m)?;
        let meta = self.types.type_.clone();
        self.make_class(&meta, name, vec![base.clone()], &ns, &[])
    }
}

fn module_name(m: &PyRef) -> Option<Rc<str>> {
    match &m.payload {
        Payload::Module(md) => Some(Rc::from(md.name.as_str())),
        _ => None,
    }
}

impl Vm {
    /// A struct-sequence type (`sys.version_info`, `os.stat_result`, ...):
    /// a tuple subclass whose items are also named attributes, with
    /// CPython's repr `name(field=value, ...)`. Make instances by calling
    /// the type with one iterable argument.
    pub fn new_struct_seq_type(
        &mut self,
        module: &str,
        name: &str,
        fields: &[&str],
    ) -> PyResult<PyRef> {
        self.new_struct_seq_type_ext(module, name, fields, &[])
    }

    /// A struct-sequence type with `extra` named fields that are not part
    /// of the tuple (like `struct_time.tm_zone`): they default to None and
    /// are set as instance attributes (`vm.set_attr`) after creation.
    pub fn new_struct_seq_type_ext(
        &mut self,
        module: &str,
        name: &str,
        fields: &[&str],
        extra: &[&str],
    ) -> PyResult<PyRef> {
        let ns = self.new_dict_ref();
        for f in extra {
            self.dict_set_str(&ns, f, Value::None)?;
        }
        let m = self.str_val(module);
        self.dict_set_str(&ns, "__module__", m)?;
        let full = format!("{module}.{name}");
        let names: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
        let repr = self.new_native_closure(
            "__repr__",
            Rc::new(move |vm: &mut Vm, args: crate::native::Args| {
                let this = args.this().clone();
                let items = this.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                let mut parts = Vec::new();
                for (n, v) in names.iter().zip(items.iter()) {
                    parts.push(format!("{n}={}", vm.repr(v)?));
                }
                Ok(vm.str_val(format!("{full}({})", parts.join(", "))))
            }),
        );
        self.dict_set_str(&ns, "__repr__", repr)?;
        let nseq = fields.len();
        let extra_names: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        let full_new = format!("{module}.{name}");
        let new = self.new_native_closure(
            "__new__",
            Rc::new(move |vm: &mut Vm, args: crate::native::Args| {
                let cls = args.this().clone();
                let [seq, _dict] = args
                    .shift()
                    .bind(vm, "structseq", ["sequence", "dict"], 1)?;
                let seq = seq.cloned().unwrap_or(Value::None);
                let seq = &seq;
                let items = match vm.get_iter(seq) {
                    Ok(_) => vm.iterate(seq)?,
                    Err(_) => return Err(vm.type_error("constructor requires a sequence")),
                };
                let (min, max) = (nseq, nseq + extra_names.len());
                let n = items.len();
                if n < min || n > max {
                    let msg = if min == max {
                        format!("{full_new}() takes a {min}-sequence ({n}-sequence given)")
                    } else if n < min {
                        format!(
                            "{full_new}() takes an at least {min}-sequence ({n}-sequence given)"
                        )
                    } else {
                        format!("{full_new}() takes an at most {max}-sequence ({n}-sequence given)")
                    };
                    return Err(vm.type_error(msg));
                }
                let head = vm.new_tuple(items.get(..nseq).unwrap_or(&[]).to_vec());
                let tuple_new = {
                    let t = Value::Obj(vm.types.tuple.clone());
                    vm.get_attr_str(&t, "__new__")?
                };
                let obj = vm.call(&tuple_new, &[cls, head])?;
                for (k, v) in extra_names.iter().zip(items.iter().skip(nseq)) {
                    let key = vm.intern(k);
                    vm.set_attr(&obj, &key, v.clone())?;
                }
                Ok(obj)
            }),
        );
        let sm = self.types.staticmethod.clone();
        let new = Value::Obj(self.alloc(sm, Payload::StaticMethod(RefCell::new(new))));
        self.dict_set_str(&ns, "__new__", new)?;
        let total = (fields.len() + extra.len()) as i64;
        self.dict_set_str(&ns, "n_fields", Value::Int(total))?;
        self.dict_set_str(&ns, "n_sequence_fields", Value::Int(fields.len() as i64))?;
        self.dict_set_str(&ns, "n_unnamed_fields", Value::Int(0))?;
        let ma: Vec<Value> = fields.iter().map(|f| self.str_val(*f)).collect();
        let ma = self.new_tuple(ma);
        self.dict_set_str(&ns, "__match_args__", ma)?;
        if extra.is_empty() {
            // No instance dict: the fields are all in the tuple.
            let slots = self.new_tuple(vec![]);
            self.dict_set_str(&ns, "__slots__", slots)?;
        }
        let meta = self.types.type_.clone();
        let tuple = self.types.tuple.clone();
        // Nothing here has `__set_name__` and tuple's `__init_subclass__` is
        // object's: the bare class object is the whole class.
        let ty = self.new_class_object(&meta, name, vec![tuple], &ns)?;
        set_tp_name(&ty, module, name);
        // Fields read the tuple's items (member descriptors, as CPython's).
        if let Some(d) = ty.dict().cloned() {
            for (i, f) in fields.iter().enumerate() {
                let m = crate::objects::descriptor::new_member(self, f, &ty, i);
                self.dict_set_str(&d, f, m)?;
            }
        }
        self.type_modified(&ty);
        Ok(ty)
    }

    /// An instance of a struct-sequence type.
    pub fn new_struct_seq(&mut self, ty: &PyRef, items: Vec<Value>) -> PyResult<Value> {
        let key = self.intern("n_sequence_fields");
        let n = ty
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, &key));
        let plain = ty.as_type().map(|t| !t.instance_dict).unwrap_or(false);
        if plain && matches!(n, Some(Value::Int(k)) if k == items.len() as i64) {
            // Only tuple fields: the instance is the tuple, made directly.
            return Ok(Value::Obj(self.alloc(ty.clone(), Payload::Tuple(items))));
        }
        let t = self.new_tuple(items);
        self.call(&Value::Obj(ty.clone()), &[t])
    }
}

/// Error messages name a native module's types `module.name`, as CPython's.
fn set_tp_name(ty: &PyRef, module: &str, name: &str) {
    if let Some(t) = ty.as_type() {
        if module != "builtins" {
            *t.tp_name.borrow_mut() = Some(format!("{module}.{name}"));
        }
    }
}
