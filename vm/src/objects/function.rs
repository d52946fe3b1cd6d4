//! Python functions (`def`/`lambda`): code, globals, defaults, closure and
//! the function attributes; bound methods; `builtin_function_or_method`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::native::{Args, NativeKind};
use crate::object::Payload;
use crate::objects::code::Code;
use crate::objects::descriptor::{Getter, Setter};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The payload of a Python function.
pub struct FunctionData {
    /// Replaceable through `__code__`.
    pub code: RefCell<Rc<Code>>,
    /// The module globals (a dict).
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults, or None.
    pub defaults: RefCell<Value>,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: RefCell<Value>,
    /// Cells of the free variables.
    pub closure: RefCell<Vec<PyRef>>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Value>,
}

fn func_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a FunctionData> {
    match v.payload() {
        Some(Payload::Function(f)) => Ok(f),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'function' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

macro_rules! func_attr {
    ($get:ident, $set:ident, $field:ident, $check:expr) => {
        fn $get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(func_of(vm, v)?.$field.borrow().clone())
        }
        fn $set(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
            let check: fn(&mut Vm, &Value) -> PyResult<()> = $check;
            check(vm, &x)?;
            *func_of(vm, v)?.$field.borrow_mut() = x;
            Ok(())
        }
    };
}

fn any_ok(_: &mut Vm, _: &Value) -> PyResult<()> {
    Ok(())
}

func_attr!(get_name, set_name, name, |vm, x| {
    if x.as_str().is_none() {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    Ok(())
});
func_attr!(get_qualname, set_qualname, qualname, |vm, x| {
    if x.as_str().is_none() {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    Ok(())
});
func_attr!(get_defaults, set_defaults, defaults, |vm, x| {
    if !x.is_none() && x.as_tuple().is_none() {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    Ok(())
});
func_attr!(get_kwdefaults, set_kwdefaults, kwdefaults, |vm, x| {
    if !x.is_none() && !matches!(x.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    Ok(())
});
func_attr!(get_doc, set_doc, doc, any_ok);
func_attr!(get_module, set_module, module, any_ok);

fn get_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func_of(vm, v)?;
    let cur = f.annotations.borrow().clone();
    if cur.is_none() {
        let d = vm.new_dict();
        *func_of(vm, v)?.annotations.borrow_mut() = d.clone();
        return Ok(d);
    }
    Ok(cur)
}
fn set_annotations(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    // None resets to a fresh dict on the next read.
    if !x.is_none() && !matches!(x.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    *func_of(vm, v)?.annotations.borrow_mut() = x;
    Ok(())
}

fn get_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = func_of(vm, v)?.code.borrow().clone();
    Ok(Value::Obj(vm.code_object(&c)))
}
fn set_code(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let Some(Payload::Code(code)) = x.payload() else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let f = func_of(vm, v)?;
    let nclosure = f.closure.borrow().len();
    let nfree = code.freevars.len();
    if nclosure != nfree {
        let name = vm.str_value(&f.name.borrow().clone())?;
        let name = name.as_str().unwrap_or_default().to_owned();
        return Err(vm.value_error(format!(
            "{name}() requires a code object with {nclosure} free vars, not {nfree}"
        )));
    }
    *func_of(vm, v)?.code.borrow_mut() = code.clone();
    Ok(())
}
fn get_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(func_of(vm, v)?.globals.clone()))
}
fn get_builtins(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(func_of(vm, v)?.builtins.clone()))
}
fn get_closure(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cells: Vec<Value> = func_of(vm, v)?
        .closure
        .borrow()
        .iter()
        .map(|c| Value::Obj(c.clone()))
        .collect();
    if cells.is_empty() {
        return Ok(Value::None);
    }
    Ok(vm.new_tuple(cells))
}

fn func_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let q = func_of(vm, &this)?.qualname.borrow().clone();
    let q = vm.str(&q)?;
    Ok(vm.str_val(format!("<function {q} at {:#x}>", this.id())))
}

/// `function.__get__(obj, type)`: a bound method, or the function itself
/// when accessed on the class.
fn func_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f, obj, _ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let f = f.cloned().unwrap_or(Value::None);
    match obj {
        Some(o) if !o.is_none() => Ok(vm.new_bound_method(f, o.clone())),
        _ => Ok(f),
    }
}

fn method_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<(&'a Value, &'a Value)> {
    match v.payload() {
        Some(Payload::BoundMethod { func, this }) => Ok((func, this)),
        _ => Err(vm.type_error("descriptor requires a 'method' object")),
    }
}

fn method_func(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(method_of(vm, v)?.0.clone())
}
fn method_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(method_of(vm, v)?.1.clone())
}
/// `__doc__` and `__module__` are the function's: without these the
/// method type's own (inherited from `object`) would shadow them.
fn method_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = method_of(vm, v)?.0.clone();
    vm.get_attr_str(&f, "__doc__")
}
fn method_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = method_of(vm, v)?.0.clone();
    vm.get_attr_str(&f, "__module__")
}

fn method_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (f, s) = method_of(vm, &this)?;
    let (f, s) = (f.clone(), s.clone());
    let k = vm.names.__qualname__.clone();
    let name = match vm.get_attr_opt(&f, &k)? {
        Some(q) => vm.str(&q)?,
        None => "?".into(),
    };
    let r = vm.repr(&s)?;
    Ok(vm.str_val(format!("<bound method {name} of {r}>")))
}

fn method_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Attributes not found on the method object come from the function.
    let [this, name] = args.exact_method(vm, "method.__getattr__")?;
    let (f, _) = method_of(vm, this)?;
    let f = f.clone();
    let n = match name {
        Value::Obj(o) => o.clone(),
        _ => return Err(vm.type_error("attribute name must be string")),
    };
    vm.get_attr(&f, &n)
}

fn method_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "method.__eq__")?;
    let (
        Some(Payload::BoundMethod { func: f1, this: s1 }),
        Some(Payload::BoundMethod { func: f2, this: s2 }),
    ) = (a.payload(), b.payload())
    else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(f1.is(f2) && s1.is(s2)))
}

fn method_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (f, s) = method_of(vm, &this)?;
    let (f, s) = (f.clone(), s.clone());
    let h1 = vm.hash(&f)?;
    let h2 = s.id();
    Ok(Value::Int(h1 ^ h2))
}

fn builtin_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => {
            let n = f.name.clone();
            Ok(vm.str_val(&*n))
        }
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

fn builtin_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => {
            let q = match (&f.owner, f.kind) {
                (Some(o), _) => format!("{}.{}", crate::objects::type_::type_name_of(o), f.name),
                _ => f.name.to_string(),
            };
            Ok(vm.str_val(q))
        }
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

fn builtin_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => {
            // The functions of `builtins` and `sys` are shared by all the
            // thread's interpreters (`runtime.rs`): their module is the
            // one of this interpreter's name.
            if let Some(Value::Obj(m)) = &f.bound {
                if let Payload::Module(md) = &m.payload {
                    let name = vm.str_val(&*md.name);
                    let modules = vm.modules.clone();
                    if let Ok(Some(own)) = vm.dict_get(&modules, &name) {
                        return Ok(own);
                    }
                }
            }
            Ok(f.bound.clone().unwrap_or(Value::None))
        }
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

fn builtin_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => match &f.module {
            Some(m) => {
                let m = m.clone();
                Ok(vm.str_val(&*m))
            }
            None => Ok(Value::None),
        },
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

/// The raw docstring of a native function: its own, else the built-in
/// functions' table (`builtins/docs.rs`).
fn raw_doc(f: &crate::native::NativeFunction) -> Option<Rc<str>> {
    if f.doc.is_some() {
        return f.doc.clone();
    }
    if f.module.as_deref() == Some("builtins") && f.owner.is_none() {
        return crate::builtins::docs::builtin_function_doc(&f.name).map(Rc::from);
    }
    None
}

fn builtin_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => match raw_doc(f) {
            Some(d) => {
                let (_, text) = crate::builtins::docs::split_signature(&f.name, &d);
                Ok(vm.str_val(text))
            }
            None => Ok(Value::None),
        },
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

/// `__text_signature__`: the signature line of the docstring, if any.
fn builtin_text_signature(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(f)) => {
            let sig = raw_doc(f).and_then(|d| {
                crate::builtins::docs::split_signature(&f.name, &d)
                    .0
                    .map(str::to_owned)
            });
            Ok(sig.map_or(Value::None, |s| vm.str_val(s)))
        }
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(Payload::BuiltinFunction(f)) = this.payload() else {
        return Err(vm.type_error("descriptor requires a builtin function"));
    };
    let name = f.name.clone();
    let class = vm.class_of(&this);
    let s = match (&f.bound, f.kind, &f.owner) {
        (Some(b), _, _) if Rc::ptr_eq(&class, &vm.types.method_wrapper) => {
            let tn = vm.type_name(b);
            format!("<method-wrapper '{name}' of {tn} object at {:#x}>", b.id())
        }
        (Some(b), _, _) if !matches!(b.payload(), Some(Payload::Module(_))) => {
            let tn = vm.type_name(b);
            format!("<built-in method {name} of {tn} object at {:#x}>", b.id())
        }
        (None, NativeKind::Method, Some(o)) if Rc::ptr_eq(&class, &vm.types.wrapper_descriptor) => {
            format!(
                "<slot wrapper '{name}' of '{}' objects>",
                crate::objects::type_::type_name_of(o)
            )
        }
        (None, NativeKind::Method | NativeKind::ClassMethod, Some(o)) => {
            format!(
                "<method '{name}' of '{}' objects>",
                crate::objects::type_::type_name_of(o)
            )
        }
        _ => format!("<built-in function {name}>"),
    };
    Ok(vm.str_val(s))
}

/// `method_descriptor.__get__`: binds the instance.
fn descr_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f, obj, ty] = args.range::<3>(vm, "__get__", 2, true)?;
    let f = f.cloned().unwrap_or(Value::None);
    let Some(Payload::BuiltinFunction(nf)) = f.payload() else {
        return Ok(f);
    };
    match nf.kind {
        NativeKind::ClassMethod => {
            let cls = match (obj, ty) {
                (_, Some(t)) if !t.is_none() => t.clone(),
                (Some(o), _) => Value::Obj(vm.class_of(o)),
                _ => return Ok(f.clone()),
            };
            Ok(vm.bind_native(nf, cls))
        }
        _ => match obj {
            Some(o) if !o.is_none() => Ok(vm.bind_native(nf, o.clone())),
            _ => Ok(f.clone()),
        },
    }
}

/// `types.MethodType(func, obj)`.
fn method_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "method")?;
    let [func, this] = rest.exact::<2>(vm, "method")?;
    if !vm.is_callable(func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if this.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_bound_method(func.clone(), this.clone()))
}

impl Vm {
    /// A bound method object.
    pub fn new_bound_method(&mut self, func: Value, this: Value) -> Value {
        Value::Obj(self.alloc(
            self.types.method.clone(),
            Payload::BoundMethod { func, this },
        ))
    }

    /// A native method bound to `this` (`[].append`; a slot wrapper
    /// such as `object().__str__` binds to a `method-wrapper`).
    pub fn bind_native(&mut self, nf: &crate::native::NativeFunction, this: Value) -> Value {
        let class = if nf.kind == NativeKind::Method && is_slot_wrapper(&nf.name) {
            self.types.method_wrapper.clone()
        } else {
            self.types.builtin_function.clone()
        };
        let mut b = nf.clone();
        b.bound = Some(this);
        b.kind = NativeKind::Bound;
        Value::Obj(self.alloc(class, Payload::BuiltinFunction(Box::new(b))))
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.function.clone();
    vm.add_getset(&t, "__name__", get_name, Some(set_name));
    vm.add_getset(&t, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(&t, "__defaults__", get_defaults, Some(set_defaults));
    vm.add_getset(&t, "__kwdefaults__", get_kwdefaults, Some(set_kwdefaults));
    // CPython's function members (T_OBJECT fields) are member_descriptors.
    let members: [(&'static str, Getter, Option<Setter>); 5] = [
        ("__doc__", get_doc, Some(set_doc)),
        ("__module__", get_module, Some(set_module)),
        ("__globals__", get_globals, None),
        ("__builtins__", get_builtins, None),
        ("__closure__", get_closure, None),
    ];
    for (name, get, set) in members {
        let v = crate::objects::descriptor::getset_value(vm, &t, name, get, set);
        if let Value::Obj(o) = &v {
            o.set_class(vm.types.member_descriptor.clone());
        }
        vm.set_class_const(&t, name, v);
    }
    vm.add_getset(
        &t,
        "__annotations__",
        get_annotations,
        Some(set_annotations),
    );
    vm.add_getset(&t, "__code__", get_code, Some(set_code));
    vm.add_getset(
        &t,
        "__dict__",
        crate::objects::descriptor::get_instance_dict,
        Some(crate::objects::descriptor::set_instance_dict),
    );
    vm.add_methods(&t, &[("__repr__", func_repr), ("__get__", func_get)]);

    let m = vm.types.method.clone();
    vm.add_static(&m, "__new__", method_new);
    vm.add_getset(&m, "__func__", method_func, None);
    vm.add_getset(&m, "__self__", method_self, None);
    vm.add_getset(&m, "__doc__", method_doc, None);
    vm.add_getset(&m, "__module__", method_module, None);
    vm.add_methods(
        &m,
        &[
            ("__repr__", method_repr),
            ("__getattr__", method_getattr),
            ("__eq__", method_eq),
            ("__hash__", method_hash),
        ],
    );

    for t in [
        vm.types.builtin_function.clone(),
        vm.types.method_descriptor.clone(),
        vm.types.classmethod_descriptor.clone(),
        vm.types.wrapper_descriptor.clone(),
        vm.types.method_wrapper.clone(),
    ] {
        vm.add_getset(&t, "__name__", builtin_name, None);
        vm.add_getset(&t, "__qualname__", builtin_qualname, None);
        vm.add_getset(&t, "__self__", builtin_self, None);
        vm.add_getset(&t, "__module__", builtin_module, None);
        vm.add_getset(&t, "__doc__", builtin_doc, None);
        vm.add_getset(&t, "__text_signature__", builtin_text_signature, None);
        vm.add_methods(&t, &[("__repr__", builtin_repr)]);
    }
    for t in [
        vm.types.method_descriptor.clone(),
        vm.types.classmethod_descriptor.clone(),
        vm.types.wrapper_descriptor.clone(),
    ] {
        vm.add_methods(&t, &[("__get__", descr_get)]);
    }
    // Every callable answers `__call__` (hasattr(f, '__call__'), f.__call__(x)).
    for t in [
        vm.types.function.clone(),
        vm.types.method.clone(),
        vm.types.builtin_function.clone(),
        vm.types.method_descriptor.clone(),
        vm.types.classmethod_descriptor.clone(),
        vm.types.wrapper_descriptor.clone(),
        vm.types.method_wrapper.clone(),
    ] {
        vm.add_methods(&t, &[("__call__", call_self)]);
    }
}

/// Whether a method of a built-in type fills a type slot (`__init__`,
/// `__repr__`, the operators, ...): CPython exposes those as
/// `wrapper_descriptor`s (`<slot wrapper ...>`), bound as `method-wrapper`.
pub fn is_slot_wrapper(name: &str) -> bool {
    matches!(
        name,
        "__getattribute__"
            | "__getattr__"
            | "__setattr__"
            | "__delattr__"
            | "__repr__"
            | "__hash__"
            | "__call__"
            | "__str__"
            | "__lt__"
            | "__le__"
            | "__eq__"
            | "__ne__"
            | "__gt__"
            | "__ge__"
            | "__iter__"
            | "__next__"
            | "__get__"
            | "__set__"
            | "__delete__"
            | "__init__"
            | "__del__"
            | "__await__"
            | "__aiter__"
            | "__anext__"
            | "__add__"
            | "__radd__"
            | "__sub__"
            | "__rsub__"
            | "__mul__"
            | "__rmul__"
            | "__mod__"
            | "__rmod__"
            | "__divmod__"
            | "__rdivmod__"
            | "__pow__"
            | "__rpow__"
            | "__neg__"
            | "__pos__"
            | "__abs__"
            | "__bool__"
            | "__invert__"
            | "__lshift__"
            | "__rlshift__"
            | "__rshift__"
            | "__rrshift__"
            | "__and__"
            | "__rand__"
            | "__xor__"
            | "__rxor__"
            | "__or__"
            | "__ror__"
            | "__int__"
            | "__float__"
            | "__index__"
            | "__iadd__"
            | "__isub__"
            | "__imul__"
            | "__imod__"
            | "__ipow__"
            | "__ilshift__"
            | "__irshift__"
            | "__iand__"
            | "__ixor__"
            | "__ior__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__truediv__"
            | "__rtruediv__"
            | "__ifloordiv__"
            | "__itruediv__"
            | "__matmul__"
            | "__rmatmul__"
            | "__imatmul__"
            | "__len__"
            | "__getitem__"
            | "__setitem__"
            | "__delitem__"
            | "__contains__"
    )
}

/// `f.__call__(*args, **kwargs)` is `f(*args, **kwargs)`.
fn call_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    vm.call_with(&this, args.shift())
}
