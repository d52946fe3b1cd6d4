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

use std::rc::Rc;

use crate::native::{NativeClosure, NativeFn, NativeFunction, NativeImpl, NativeKind};
use crate::object::{Payload, PyObject};
use crate::objects::descriptor::{Getter, Setter};
use crate::objects::module::ModuleData;
use crate::objects::type_lazy::{self, Name, Pending};
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

    fn add_native(&mut self, ty: &PyRef, name: &'static str, func: NativeFn, kind: NativeKind) {
        if Self::defers(ty) {
            let p = Pending::Native(Name::Static(name), func, kind);
            return self.defer_class_attr(ty, p);
        }
        let mut f = NativeFunction::new(name, func);
        f.kind = kind;
        f.owner = Some(ty.clone());
        let cls = match kind {
            NativeKind::Method if crate::objects::function::is_slot_wrapper(name) => {
                self.types.wrapper_descriptor.clone()
            }
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
            let name = Name::Shared(Rc::from(name));
            return self.defer_class_attr(ty, Pending::Closure(name, func));
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
    pub fn add_static(&mut self, ty: &PyRef, name: &'static str, func: NativeFn) {
        self.add_native(ty, name, func, NativeKind::StaticMethod);
    }

    /// Adds a class method (the class is the first argument).
    pub fn add_classmethod(&mut self, ty: &PyRef, name: &'static str, func: NativeFn) {
        self.add_native(ty, name, func, NativeKind::ClassMethod);
    }

    /// Adds a computed attribute.
    pub fn add_getset(&mut self, ty: &PyRef, name: &'static str, get: Getter, set: Option<Setter>) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::GetSet(Name::Static(name), get, set));
        }
        let v = crate::objects::descriptor::getset_value(self, ty, name, get, set);
        self.set_class_attr(ty, name, v);
    }

    /// Sets a class attribute named by a string literal (for a built-in
    /// type, recording it costs no copy of the name).
    pub fn set_class_const(&mut self, ty: &PyRef, name: &'static str, v: Value) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::Value(Name::Static(name), v));
        }
        self.set_class_attr(ty, name, v);
    }

    /// Sets an attribute in a type's namespace directly.
    pub fn set_class_attr(&mut self, ty: &PyRef, name: &str, v: Value) {
        if Self::defers(ty) {
            return self.defer_class_attr(ty, Pending::Value(Name::Shared(Rc::from(name)), v));
        }
        if let Some(d) = ty.dict() {
            let k = self.intern(name);
            let _ = self.dict_set(d, Value::Obj(k), v);
        }
        self.type_modified(ty);
    }

    /// Records `p` for built-in type `ty` (see `objects/type_lazy.rs`).
    pub(crate) fn defer_class_attr(&mut self, ty: &PyRef, p: Pending) {
        debug_assert!(
            !ty.as_type().is_some_and(|t| t.shared.get()),
            "built-in types are shared by the interpreters of a thread: \
             add attributes to your own types (new_native_type), not to vm.types"
        );
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
        self.set_class_const(&t, "__module__", m);
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
        Payload::Module(md) => Some(md.name.clone()),
        _ => None,
    }
}

/// Error messages name a native module's types `module.name`, as CPython's.
pub(crate) fn set_tp_name(ty: &PyRef, module: &str, name: &str) {
    if let Some(t) = ty.as_type() {
        if module != "builtins" {
            *t.tp_name.borrow_mut() = Some(format!("{module}.{name}"));
        }
    }
}
