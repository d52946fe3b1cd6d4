//! Native types: a Rust struct becomes a Python type by implementing
//! [`NativeClass`] — its name, module, whether Python may subclass it, the
//! values it holds (for the cycle collector) — and declaring, in
//! [`NativeClass::define`], its constructor, methods, static and class
//! methods, properties and type slots with typed Rust signatures.
//!
//! ```
//! use rpy_vm::{ClassDef, Interpreter, NativeClass, OptArg, Vm};
//!
//! struct Counter { n: i64 }
//!
//! impl NativeClass for Counter {
//!     const NAME: &'static str = "Counter";
//!     const MODULE: &'static str = "demo";
//!     fn define(c: &mut ClassDef<Self>) {
//!         c.constructor(|_vm: &mut Vm, start: OptArg<i64>| Ok(Counter { n: start.unwrap_or(0) }));
//!         c.method("bump", |c: &mut Counter, by: i64| { c.n += by; c.n });
//!         c.getter("value", |c: &Counter| c.n);
//!         c.len(|c: &Counter| c.n as usize);
//!     }
//! }
//!
//! let mut interp = Interpreter::new();
//! interp.register_class::<Counter>();
//! interp.exec("c = Counter(2)\nc.bump(3)").unwrap();
//! assert_eq!(interp.eval_as::<i64>("len(c) + c.value").unwrap(), 10);
//! ```
//!
//! Instances carry `Payload::Native` ([`NativeBox`]): the value behind a
//! `RefCell` and the type's slot table. Methods receive the instance as
//! `&T` or `&mut T` (borrowed only while the Rust function runs, after its
//! arguments are converted: it cannot run Python code meanwhile, having
//! no `Vm`), or as a [`Native<T>`] handle next to `&mut Vm`, whose
//! [`Native::with`]/[`Native::with_mut`] take the `Vm` so that the borrow
//! checker rejects calling Python while the value is borrowed.
//!
//! A type is built once per thread ([`Vm::native_type`]): built-in types
//! are shared by a thread's interpreters (`runtime.rs`), and so are native
//! ones; their namespaces are deferred like the built-in types'
//! (`objects/type_lazy.rs`). The slots are dispatched by `protocol.rs`,
//! iteration, comparison, the binary operators and calls (`native_slots.rs`).

use std::any::{Any, TypeId};
use std::cell::{Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

use rpy_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use crate::convert::{FromPython, ToPython};
use crate::native::{Args, NativeClosure, NativeKind};
use crate::native_args::{ArgKind, BoundArgs, FromArg, Signature};
use crate::object::{Payload, PyObject};
use crate::objects::descriptor::{GetterClosure, SetterClosure};
use crate::objects::type_::{Layout, TypeData};
use crate::objects::type_lazy::{Name, Pending};
use crate::value::{PyRef, Value};
use crate::vm::{ExportedBuffer, PyResult, Vm};

/// A Rust type usable as a Python type's instance data.
pub trait NativeClass: Any + Sized {
    /// `__name__`.
    const NAME: &'static str;
    /// `__module__` ("builtins" for none); messages say `MODULE.NAME`.
    const MODULE: &'static str;
    /// Whether Python classes may derive from it.
    const BASETYPE: bool = false;
    /// `__doc__`.
    const DOC: Option<&'static str> = None;
    /// Whether instances have a `__dict__` (arbitrary attributes, as
    /// `functools.partial`'s): the type gets a `__dict__` descriptor.
    const DICT: bool = false;

    /// Declares the constructor, methods, properties and slots.
    fn define(class: &mut ClassDef<Self>);

    /// The base type (`object` when `None`), e.g. another native type
    /// (`vm.native_type::<Base>()`). The base's methods must accept any
    /// instance of a subclass, so a native base declares them with
    /// [`ClassDef::method`]'s `Fn(&mut Vm, Value, A..)` form.
    fn base(_vm: &mut Vm) -> Option<PyRef> {
        None
    }

    /// Calls `visit` on every Python value the instance holds (the cycle
    /// collector's traversal). Types that hold none keep the default.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}

    /// Moves the Python values the instance holds into `out` (the cycle
    /// collector breaking a cycle).
    fn clear(&mut self, _out: &mut Vec<Value>) {}

    /// The bytes the instance owns outside itself (its buffers), counted
    /// against an embedder's memory limit. Types that hold little keep
    /// the default.
    fn heap_size(&self) -> usize {
        0
    }
}

/// The object-safe face of a [`NativeClass`] value.
pub(crate) trait NativeAny: Any {
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn traverse_values(&self, visit: &mut dyn FnMut(&Value));
    fn clear_values(&mut self, out: &mut Vec<Value>);
    fn heap_bytes(&self) -> usize;
}

impl<T: NativeClass> NativeAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn traverse_values(&self, visit: &mut dyn FnMut(&Value)) {
        self.traverse(visit)
    }
    fn clear_values(&mut self, out: &mut Vec<Value>) {
        self.clear(out)
    }
    fn heap_bytes(&self) -> usize {
        self.heap_size()
    }
}

/// The payload of a native type's instance.
pub struct NativeBox {
    pub(crate) slots: Rc<Slots>,
    pub(crate) cell: Box<RefCell<dyn NativeAny>>,
}

impl NativeBox {
    /// Whether the value is a `T` (no borrow taken).
    pub fn is<T: NativeClass>(&self) -> bool {
        self.slots.type_id == Some(TypeId::of::<T>())
    }

    pub(crate) fn traverse(&self, visit: &mut dyn FnMut(&Value)) -> bool {
        match self.cell.try_borrow() {
            Ok(d) => {
                d.traverse_values(visit);
                true
            }
            Err(_) => false,
        }
    }

    /// The instance's [`NativeClass::heap_size`] (0 while it is borrowed
    /// mutably).
    pub(crate) fn heap_size(&self) -> usize {
        self.cell.try_borrow().map_or(0, |d| d.heap_bytes())
    }

    pub(crate) fn clear(&self, out: &mut Vec<Value>) {
        if let Ok(mut d) = self.cell.try_borrow_mut() {
            d.clear_values(out);
        }
    }
}

impl PyObject {
    /// The `T` inside a native object, borrowed; `None` if the object is
    /// not a `T` (or is borrowed mutably). Do not keep it across a call
    /// that can run Python code; prefer [`Native::with`].
    pub fn downcast_ref<T: NativeClass>(&self) -> Option<Ref<'_, T>> {
        let Payload::Native(n) = &self.payload else {
            return None;
        };
        let b = n.cell.try_borrow().ok()?;
        Ref::filter_map(b, |d| d.as_any().downcast_ref::<T>()).ok()
    }

    /// The `T` inside a native object, borrowed mutably (see
    /// [`PyObject::downcast_ref`]).
    pub fn downcast_mut<T: NativeClass>(&self) -> Option<RefMut<'_, T>> {
        let Payload::Native(n) = &self.payload else {
            return None;
        };
        let b = n.cell.try_borrow_mut().ok()?;
        RefMut::filter_map(b, |d| d.as_any_mut().downcast_mut::<T>()).ok()
    }

    /// Whether the object is a native object holding a `T`.
    pub fn is_native<T: NativeClass>(&self) -> bool {
        matches!(&self.payload, Payload::Native(n) if n.is::<T>())
    }
}

/// A Python object known to hold a `T`: the typed `self` of methods and
/// slots. Converting a value to it checks the type ("must be
/// array.array, not int").
pub struct Native<T> {
    obj: PyRef,
    _t: PhantomData<T>,
}

impl<T> Clone for Native<T> {
    fn clone(&self) -> Self {
        Native {
            obj: self.obj.clone(),
            _t: PhantomData,
        }
    }
}

impl<T: NativeClass> Native<T> {
    /// The handle of `v` if it holds a `T`.
    pub fn of(v: &Value) -> Option<Native<T>> {
        match v {
            Value::Obj(o) if o.is_native::<T>() => Some(Native {
                obj: o.clone(),
                _t: PhantomData,
            }),
            _ => None,
        }
    }

    /// Runs `f` on the value. `f` gets no `Vm` (the call holds it), so it
    /// cannot run Python code while the value is borrowed.
    pub fn with<R>(&self, vm: &mut Vm, f: impl FnOnce(&T) -> R) -> PyResult<R> {
        match self.obj.downcast_ref::<T>() {
            Some(t) => Ok(f(&t)),
            None => Err(in_use::<T>(vm)),
        }
    }

    /// Runs `f` on the value, mutably (see [`Native::with`]).
    pub fn with_mut<R>(&self, vm: &mut Vm, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
        match self.obj.downcast_mut::<T>() {
            Some(mut t) => Ok(f(&mut t)),
            None => Err(in_use::<T>(vm)),
        }
    }

    /// The object.
    pub fn obj(&self) -> &PyRef {
        &self.obj
    }

    /// The object as a value.
    pub fn value(&self) -> Value {
        Value::Obj(self.obj.clone())
    }

    /// The object's class (the native type or a Python subclass of it).
    pub fn class(&self, vm: &Vm) -> PyRef {
        vm.obj_class(&self.obj)
    }
}

#[cold]
fn in_use<T: NativeClass>(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error(format!("{} object is already in use", full_name::<T>()))
}

/// `module.name`, as messages name a native type.
fn full_name<T: NativeClass>() -> String {
    if T::MODULE == "builtins" {
        T::NAME.to_owned()
    } else {
        format!("{}.{}", T::MODULE, T::NAME)
    }
}

impl<T: NativeClass> FromPython for Native<T> {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match Native::of(v) {
            Some(n) => Ok(n),
            None => Err(crate::convert::must_be(vm, &full_name::<T>(), v)),
        }
    }
}

impl<T> ToPython for Native<T> {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Obj(self.obj))
    }
}

type Unary<R> = Rc<dyn Fn(&mut Vm, &Value) -> PyResult<R>>;
type WithKey<R> = Rc<dyn Fn(&mut Vm, &Value, &Value) -> PyResult<R>>;
type SetItemFn = Rc<dyn Fn(&mut Vm, &Value, &Value, Value) -> PyResult<()>>;
type CompareFn = Rc<dyn Fn(&mut Vm, &Value, &Value, ComparisonOperator) -> PyResult<Value>>;
type CallFn = Rc<dyn Fn(&mut Vm, &Value, Args<'_>) -> PyResult<Value>>;
type BinaryFn = Rc<dyn Fn(&mut Vm, &Value, &Value) -> PyResult<Value>>;
type BufferFn = Rc<dyn Fn(&PyObject) -> Option<ExportedBuffer>>;

/// A native type's slots: what the protocols call for its exact
/// instances (a Python subclass goes through the dunders, which the
/// definition also adds, so overriding them works).
#[derive(Default)]
pub(crate) struct Slots {
    pub(crate) type_id: Option<TypeId>,
    pub(crate) len: Option<Unary<usize>>,
    pub(crate) iter: Option<Unary<Value>>,
    pub(crate) next: Option<Unary<Option<Value>>>,
    pub(crate) repr: Option<Unary<String>>,
    pub(crate) str: Option<Unary<String>>,
    pub(crate) hash: Option<Unary<i64>>,
    pub(crate) getitem: Option<WithKey<Value>>,
    pub(crate) setitem: Option<SetItemFn>,
    pub(crate) delitem: Option<WithKey<()>>,
    pub(crate) contains: Option<WithKey<bool>>,
    pub(crate) compare: Option<CompareFn>,
    pub(crate) call: Option<CallFn>,
    /// Binary operators: `(op, fn(a, b))`, the function called with the
    /// operands in order whichever is the native one (CPython's `nb_*`).
    pub(crate) binary: Vec<(BinaryOperator, BinaryFn)>,
    /// `*` is sequence repetition ([`ClassDef::repeat`]).
    pub(crate) repeat: bool,
    pub(crate) buffer: Option<BufferFn>,
}

/// One method or function waiting for its signature to be final.
struct Entry {
    name: &'static str,
    kind: NativeKind,
    sig: Signature,
    call: TypedCall,
    /// `__new__`: a static method that still receives the class first.
    is_new: bool,
}

/// A typed function after binding: the bound arguments (and `self`, the
/// first positional argument, for methods) in, the result out.
type TypedCall = Rc<dyn Fn(&mut Vm, &Value, BoundArgs<'_>, &Signature) -> PyResult<Value>>;

enum Attr {
    Get(GetterClosure),
    GetSet(GetterClosure, SetterClosure),
    Const(Value),
}

/// The definition of a native type, filled in by [`NativeClass::define`].
pub struct ClassDef<T> {
    entries: Vec<Entry>,
    attrs: Vec<(&'static str, Attr)>,
    slots: Slots,
    /// Dunder names the slots add (wrappers built at the end).
    dunders: Vec<(&'static str, NativeClosure)>,
    _t: PhantomData<T>,
}

impl<T: NativeClass> ClassDef<T> {
    fn new() -> Self {
        ClassDef {
            entries: Vec::new(),
            attrs: Vec::new(),
            slots: Slots {
                type_id: Some(TypeId::of::<T>()),
                ..Slots::default()
            },
            dunders: Vec::new(),
            _t: PhantomData,
        }
    }

    fn push(
        &mut self,
        name: &'static str,
        kind: NativeKind,
        kinds: Vec<ArgKind>,
        call: TypedCall,
    ) -> &mut Signature {
        let qual = match kind {
            NativeKind::Method | NativeKind::ClassMethod => format!("{}.{name}", T::NAME),
            _ => name.to_owned(),
        };
        self.entries.push(Entry {
            name,
            kind,
            sig: Signature::new(name, &qual, kinds),
            call,
            is_new: false,
        });
        let i = self.entries.len() - 1;
        &mut self.entries[i].sig
    }

    /// `__new__`: `f` makes the value from the arguments; the object is of
    /// the class called (the type or a subclass). Messages name the type
    /// ("array() takes at most 2 arguments").
    pub fn constructor<M>(&mut self, f: impl IntoConstructor<T, M>) -> &mut Signature {
        let kinds = f.kinds();
        let f = Rc::new(f);
        let call: TypedCall = Rc::new(move |vm, cls, bound, sig| {
            let data = f.construct(vm, bound, sig)?;
            let Value::Obj(cls) = cls else {
                return Err(
                    vm.type_error(format!("{}.__new__(X): X is not a type object", T::NAME))
                );
            };
            Ok(Value::Obj(vm.new_native_instance(cls, data)))
        });
        self.push("__new__", NativeKind::StaticMethod, kinds, call);
        let i = self.entries.len() - 1;
        self.entries[i].is_new = true;
        let sig = &mut self.entries[i].sig;
        sig.name = Rc::from(T::NAME);
        sig.qualname = Rc::from(full_name::<T>());
        sig
    }

    /// A method: `f` takes the instance as `&T`, `&mut T` or (with `&mut
    /// Vm` first) [`Native<T>`], then the typed arguments.
    pub fn method<M>(&mut self, name: &'static str, f: impl IntoMethod<T, M>) -> &mut Signature {
        let kinds = f.kinds();
        let f = Rc::new(f);
        let call: TypedCall =
            Rc::new(move |vm, this, bound, sig| f.call_method(vm, this, bound, sig));
        self.push(name, NativeKind::Method, kinds, call)
    }

    /// A static method: `f` is a typed function (`Fn(A, ..)` or
    /// `Fn(&mut Vm, A, ..)`).
    pub fn staticmethod<M>(
        &mut self,
        name: &'static str,
        f: impl IntoFunction<M>,
    ) -> &mut Signature {
        let kinds = f.kinds();
        let f = Rc::new(f);
        let call: TypedCall = Rc::new(move |vm, _, bound, sig| f.call_function(vm, bound, sig));
        self.push(name, NativeKind::StaticMethod, kinds, call)
    }

    /// A class method: `f` takes `&mut Vm`, the class, then the arguments.
    pub fn classmethod<M>(
        &mut self,
        name: &'static str,
        f: impl IntoClassMethod<M>,
    ) -> &mut Signature {
        let kinds = f.kinds();
        let f = Rc::new(f);
        let call: TypedCall = Rc::new(move |vm, cls, bound, sig| f.call_class(vm, cls, bound, sig));
        self.push(name, NativeKind::ClassMethod, kinds, call)
    }

    /// A read-only property computed from the value.
    pub fn getter<R: ToPython>(&mut self, name: &'static str, get: impl Fn(&T) -> R + 'static) {
        self.attrs.push((name, Attr::Get(getter_fn(get))));
    }

    /// A property with a setter (`del` raises "can't delete attribute").
    pub fn property<R, V, S>(
        &mut self,
        name: &'static str,
        get: impl Fn(&T) -> R + 'static,
        set: impl Fn(&mut T, V) -> S + 'static,
    ) where
        R: ToPython,
        V: FromPython,
        S: ToPython,
    {
        let setter = Rc::new(move |vm: &mut Vm, this: &Value, v: Value| {
            let v = V::from_python(vm, &v)?;
            let n = Native::<T>::from_python(vm, this)?;
            let r = n.with_mut(vm, |t| set(t, v))?;
            r.to_python(vm).map(|_| ())
        });
        self.attrs
            .push((name, Attr::GetSet(getter_fn(get), setter)));
    }

    /// A read-only property computed from the instance as a plain value
    /// (for native base types whose subclasses hold other data).
    pub fn getter_value(
        &mut self,
        name: &'static str,
        get: impl Fn(&mut Vm, &Value) -> PyResult<Value> + 'static,
    ) {
        self.attrs.push((name, Attr::Get(Rc::new(get))));
    }

    /// A class attribute (a constant).
    pub fn constant(&mut self, name: &'static str, v: Value) {
        self.attrs.push((name, Attr::Const(v)));
    }

    /// `len()`: also `__len__`.
    pub fn len(&mut self, f: impl Fn(&T) -> usize + 'static) {
        let f: Unary<usize> = Rc::new(move |vm, this| {
            let n = Native::<T>::from_python(vm, this)?;
            n.with(vm, |t| f(t))
        });
        self.slots.len = Some(f.clone());
        self.dunder("__len__", 0, move |vm, a| {
            let n = f(vm, &a[0])?;
            n.to_python(vm)
        });
    }

    /// `iter()`: also `__iter__`.
    pub fn iter(&mut self, f: impl Fn(&mut Vm, Native<T>) -> PyResult<Value> + 'static) {
        let f = typed_unary(f);
        self.slots.iter = Some(f.clone());
        self.dunder("__iter__", 0, move |vm, a| f(vm, &a[0]));
    }

    /// `next()`: `None` ends the iteration; also `__next__`.
    pub fn next(&mut self, f: impl Fn(&mut Vm, Native<T>) -> PyResult<Option<Value>> + 'static) {
        let f = typed_unary(f);
        self.slots.next = Some(f.clone());
        self.dunder("__next__", 0, move |vm, a| match f(vm, &a[0])? {
            Some(v) => Ok(v),
            None => Err(vm.new_error(&vm.exc.stop_iteration.clone(), "")),
        });
    }

    /// `repr()`: also `__repr__`.
    pub fn repr(&mut self, f: impl Fn(&mut Vm, Native<T>) -> PyResult<String> + 'static) {
        let f = typed_unary(f);
        self.slots.repr = Some(f.clone());
        self.dunder("__repr__", 0, move |vm, a| {
            let s = f(vm, &a[0])?;
            Ok(vm.str_val(s))
        });
    }

    /// `str()`: also `__str__`.
    pub fn str(&mut self, f: impl Fn(&mut Vm, Native<T>) -> PyResult<String> + 'static) {
        let f = typed_unary(f);
        self.slots.str = Some(f.clone());
        self.dunder("__str__", 0, move |vm, a| {
            let s = f(vm, &a[0])?;
            Ok(vm.str_val(s))
        });
    }

    /// `hash()`: also `__hash__`. A type with a comparison and no hash is
    /// unhashable, as in CPython.
    pub fn hash(&mut self, f: impl Fn(&mut Vm, Native<T>) -> PyResult<i64> + 'static) {
        let f = typed_unary(f);
        self.slots.hash = Some(f.clone());
        self.dunder("__hash__", 0, move |vm, a| {
            let h = f(vm, &a[0])?;
            Ok(Value::Int(if h == -1 { -2 } else { h }))
        });
    }

    /// `self[key]`: also `__getitem__`.
    pub fn getitem(&mut self, f: impl Fn(&mut Vm, Native<T>, &Value) -> PyResult<Value> + 'static) {
        let f = typed_key(f);
        self.slots.getitem = Some(f.clone());
        self.dunder("__getitem__", 1, move |vm, a| f(vm, &a[0], &a[1]));
    }

    /// `self[key] = value`: also `__setitem__`.
    pub fn setitem(
        &mut self,
        f: impl Fn(&mut Vm, Native<T>, &Value, Value) -> PyResult<()> + 'static,
    ) {
        let f: SetItemFn = Rc::new(move |vm, this, k, v| {
            let n = Native::<T>::from_python(vm, this)?;
            f(vm, n, k, v)
        });
        self.slots.setitem = Some(f.clone());
        self.dunder_unpack("__setitem__", 2, move |vm, a| {
            f(vm, &a[0], &a[1], a[2].clone()).map(|_| Value::None)
        });
    }

    /// `del self[key]`: also `__delitem__`.
    pub fn delitem(&mut self, f: impl Fn(&mut Vm, Native<T>, &Value) -> PyResult<()> + 'static) {
        let f = typed_key(f);
        self.slots.delitem = Some(f.clone());
        self.dunder("__delitem__", 1, move |vm, a| {
            f(vm, &a[0], &a[1]).map(|_| Value::None)
        });
    }

    /// `x in self`: also `__contains__`.
    pub fn contains(&mut self, f: impl Fn(&mut Vm, Native<T>, &Value) -> PyResult<bool> + 'static) {
        let f = typed_key(f);
        self.slots.contains = Some(f.clone());
        self.dunder("__contains__", 1, move |vm, a| {
            f(vm, &a[0], &a[1]).map(Value::Bool)
        });
    }

    /// Rich comparison (`==`, `<`, ...; may return `NotImplemented`): also
    /// `__eq__` ... `__ge__`.
    pub fn compare(
        &mut self,
        f: impl Fn(&mut Vm, Native<T>, &Value, ComparisonOperator) -> PyResult<Value> + 'static,
    ) {
        let f: CompareFn = Rc::new(move |vm, this, other, op| match Native::<T>::of(this) {
            Some(n) => f(vm, n, other, op),
            None => Ok(vm.not_implemented()),
        });
        self.slots.compare = Some(f.clone());
        use ComparisonOperator as C;
        for (name, op) in [
            ("__lt__", C::Lt),
            ("__le__", C::Le),
            ("__eq__", C::Eq),
            ("__ne__", C::Ne),
            ("__gt__", C::Gt),
            ("__ge__", C::Ge),
        ] {
            let f = f.clone();
            self.dunder(name, 1, move |vm, a| f(vm, &a[0], &a[1], op));
        }
    }

    /// Calling the instance: also `__call__`.
    pub fn call(&mut self, f: impl Fn(&mut Vm, Native<T>, Args<'_>) -> PyResult<Value> + 'static) {
        let f: CallFn = Rc::new(move |vm, this, args| {
            let n = Native::<T>::from_python(vm, this)?;
            f(vm, n, args)
        });
        self.slots.call = Some(f.clone());
        let wrapper: NativeClosure = Rc::new(move |vm, args| {
            let this = args.this().clone();
            f(vm, &this, args.shift())
        });
        self.dunders.push(("__call__", wrapper));
    }

    /// A binary operator, `f(a, b)` called whichever operand is the
    /// native one (it may return `NotImplemented`): also `__op__` and
    /// `__rop__`.
    pub fn binary(
        &mut self,
        op: BinaryOperator,
        f: impl Fn(&mut Vm, &Value, &Value) -> PyResult<Value> + 'static,
    ) {
        self.binary_impl(op, f, true);
    }

    /// A binary operator defined only with the native operand on the left
    /// (a sequence's concatenation: `__add__` without `__radd__`).
    pub fn binary_left(
        &mut self,
        op: BinaryOperator,
        f: impl Fn(&mut Vm, &Value, &Value) -> PyResult<Value> + 'static,
    ) {
        self.binary_impl(op, f, false);
    }

    fn binary_impl(
        &mut self,
        op: BinaryOperator,
        f: impl Fn(&mut Vm, &Value, &Value) -> PyResult<Value> + 'static,
        reflected: bool,
    ) {
        let f: BinaryFn = Rc::new(f);
        let (name, rname) = binary_names(op);
        let g = f.clone();
        self.dunder(name, 1, move |vm, a| g(vm, &a[0], &a[1]));
        if reflected {
            let g = f.clone();
            self.dunder(rname, 1, move |vm, a| g(vm, &a[1], &a[0]));
            self.slots.binary.push((op, f));
        } else {
            let left: BinaryFn = Rc::new(move |vm, a, b| {
                if Native::<T>::of(a).is_some() {
                    f(vm, a, b)
                } else {
                    Ok(vm.not_implemented())
                }
            });
            self.slots.binary.push((op, left));
        }
    }

    /// An in-place operator (`+=`): `__iadd__` and the like.
    pub fn inplace(
        &mut self,
        op: BinaryOperator,
        f: impl Fn(&mut Vm, Native<T>, &Value) -> PyResult<Value> + 'static,
    ) {
        let f = typed_key(f);
        let name = inplace_name(op);
        self.dunder(name, 1, move |vm, a| f(vm, &a[0], &a[1]));
    }

    /// Sequence repetition (`self * n`, `n * self`; CPython's
    /// `sq_repeat`): `__mul__`/`__rmul__` take an index. A non-index
    /// operand leaves `*` to the other operand.
    pub fn repeat(&mut self, f: impl Fn(&mut Vm, Native<T>, isize) -> PyResult<Value> + 'static) {
        let f = Rc::new(f);
        let g = f.clone();
        let slot: BinaryFn = Rc::new(move |vm, a, b| {
            let (this, n) = match (Native::<T>::of(a), Native::<T>::of(b)) {
                (Some(x), _) => (x, b),
                (None, Some(y)) => (y, a),
                (None, None) => return Ok(vm.not_implemented()),
            };
            if !vm.is_index(n) {
                return Ok(vm.not_implemented());
            }
            let n = isize::from_python(vm, n)?;
            g(vm, this, n)
        });
        self.slots.binary.push((BinaryOperator::Multiply, slot));
        self.slots.repeat = true;
        for name in ["__mul__", "__rmul__"] {
            let f = f.clone();
            self.dunder_unpack(name, 1, move |vm, a| {
                let this = Native::<T>::from_python(vm, &a[0])?;
                let n = crate::native_args::index_arg(vm, &a[1])?;
                f(vm, this, n)
            });
        }
    }

    /// In-place repetition (`self *= n`; CPython's `sq_inplace_repeat`).
    pub fn inplace_repeat(
        &mut self,
        f: impl Fn(&mut Vm, Native<T>, isize) -> PyResult<Value> + 'static,
    ) {
        self.dunder_unpack("__imul__", 1, move |vm, a| {
            let this = Native::<T>::from_python(vm, &a[0])?;
            let n = crate::native_args::index_arg(vm, &a[1])?;
            f(vm, this, n)
        });
    }

    /// The buffer the value exports (bytes-like arguments, `memoryview`).
    pub fn buffer(&mut self, f: impl Fn(&T) -> ExportedBuffer + 'static) {
        self.slots.buffer = Some(Rc::new(move |o| o.downcast_ref::<T>().map(|t| f(&t))));
    }

    /// A slot wrapper taking `n` arguments after `self`, with CPython's
    /// "expected 1 argument, got 0".
    fn dunder(
        &mut self,
        name: &'static str,
        n: usize,
        f: impl Fn(&mut Vm, &[Value]) -> PyResult<Value> + 'static,
    ) {
        self.dunders.push((name, slot_wrapper(n, "", f)));
    }

    /// A slot wrapper whose count message has CPython's leading space
    /// (" expected 1 argument, got 0": binary operators, `__setitem__`).
    fn dunder_unpack(
        &mut self,
        name: &'static str,
        n: usize,
        f: impl Fn(&mut Vm, &[Value]) -> PyResult<Value> + 'static,
    ) {
        self.dunders.push((name, slot_wrapper(n, " ", f)));
    }
}

fn getter_fn<T: NativeClass, R: ToPython>(get: impl Fn(&T) -> R + 'static) -> GetterClosure {
    Rc::new(move |vm: &mut Vm, this: &Value| {
        let n = Native::<T>::from_python(vm, this)?;
        let r = n.with(vm, |t| get(t))?;
        r.to_python(vm)
    })
}

fn typed_unary<T: NativeClass, R: 'static>(
    f: impl Fn(&mut Vm, Native<T>) -> PyResult<R> + 'static,
) -> Unary<R> {
    Rc::new(move |vm, this| {
        let n = Native::<T>::from_python(vm, this)?;
        f(vm, n)
    })
}

fn typed_key<T: NativeClass, R: 'static>(
    f: impl Fn(&mut Vm, Native<T>, &Value) -> PyResult<R> + 'static,
) -> WithKey<R> {
    Rc::new(move |vm, this, k| {
        let n = Native::<T>::from_python(vm, this)?;
        f(vm, n, k)
    })
}

/// A dunder method over a slot: `self` plus exactly `n` positional
/// arguments ("expected 1 argument, got 0", as CPython's wrappers say;
/// `lead` is the leading space some of them have).
fn slot_wrapper(
    n: usize,
    lead: &'static str,
    f: impl Fn(&mut Vm, &[Value]) -> PyResult<Value> + 'static,
) -> NativeClosure {
    Rc::new(move |vm, args| {
        let pos = args.pos();
        let given = pos.len().saturating_sub(1);
        if args.has_kw() || given != n {
            if args.has_kw() && given == n {
                return Err(vm.type_error("wrapper takes no keyword arguments"));
            }
            let s = crate::native_args::plural(n);
            return Err(vm.type_error(format!("{lead}expected {n} argument{s}, got {given}")));
        }
        f(vm, pos)
    })
}

fn binary_names(op: BinaryOperator) -> (&'static str, &'static str) {
    use BinaryOperator as B;
    match op {
        B::Add => ("__add__", "__radd__"),
        B::Subtract => ("__sub__", "__rsub__"),
        B::Multiply => ("__mul__", "__rmul__"),
        B::MatMultiply => ("__matmul__", "__rmatmul__"),
        B::TrueDivide => ("__truediv__", "__rtruediv__"),
        B::FloorDivide => ("__floordiv__", "__rfloordiv__"),
        B::Modulo => ("__mod__", "__rmod__"),
        B::Power => ("__pow__", "__rpow__"),
        B::LShift => ("__lshift__", "__rlshift__"),
        B::RShift => ("__rshift__", "__rrshift__"),
        B::And => ("__and__", "__rand__"),
        B::Xor => ("__xor__", "__rxor__"),
        B::Or => ("__or__", "__ror__"),
    }
}

fn inplace_name(op: BinaryOperator) -> &'static str {
    use BinaryOperator as B;
    match op {
        B::Add => "__iadd__",
        B::Subtract => "__isub__",
        B::Multiply => "__imul__",
        B::MatMultiply => "__imatmul__",
        B::TrueDivide => "__itruediv__",
        B::FloorDivide => "__ifloordiv__",
        B::Modulo => "__imod__",
        B::Power => "__ipow__",
        B::LShift => "__ilshift__",
        B::RShift => "__irshift__",
        B::And => "__iand__",
        B::Xor => "__ixor__",
        B::Or => "__ior__",
    }
}

/// The native closure of a typed entry: binds the arguments (after the
/// first, `self` or the class, for all but plain static methods) and calls.
fn entry_closure(e: Entry) -> NativeClosure {
    let Entry {
        kind,
        sig,
        call,
        is_new,
        ..
    } = e;
    if kind == NativeKind::StaticMethod && !is_new {
        return Rc::new(move |vm, args| {
            let bound = sig.bind(vm, args)?;
            call(vm, &Value::None, bound, &sig)
        });
    }
    Rc::new(move |vm, args| {
        let this = args.this().clone();
        let bound = sig.bind(vm, args.shift())?;
        call(vm, &this, bound, &sig)
    })
}

/// The registry of native types: one type per Rust type per thread,
/// shared by the thread's interpreters like the built-in types.
#[derive(Default)]
pub(crate) struct NativeTypes {
    map: RefCell<HashMap<TypeId, (PyRef, Rc<Slots>)>>,
}

impl NativeTypes {
    fn get(&self, id: TypeId) -> Option<(PyRef, Rc<Slots>)> {
        self.map.borrow().get(&id).cloned()
    }

    /// The types (for the runtime's teardown).
    pub(crate) fn all(&self) -> Vec<PyRef> {
        self.map.borrow().values().map(|(t, _)| t.clone()).collect()
    }
}

impl Vm {
    /// The Python type of `T`, built at the first call on this thread.
    pub fn native_type<T: NativeClass>(&mut self) -> PyRef {
        self.native_entry::<T>().0
    }

    fn native_entry<T: NativeClass>(&mut self) -> (PyRef, Rc<Slots>) {
        let id = TypeId::of::<T>();
        if let Some(e) = self.native_types.get(id) {
            return e;
        }
        let e = build_type::<T>(self);
        self.native_types.map.borrow_mut().insert(id, e.clone());
        e
    }

    /// A new instance of `T`'s type holding `data`.
    pub fn new_native_object<T: NativeClass>(&mut self, data: T) -> Value {
        let (cls, _) = self.native_entry::<T>();
        Value::Obj(self.new_native_instance(&cls, data))
    }

    /// A new instance of `cls` (`T`'s type or a subclass) holding `data`.
    pub fn new_native_instance<T: NativeClass>(&mut self, cls: &PyRef, data: T) -> PyRef {
        let (_, slots) = self.native_entry::<T>();
        let payload = Payload::Native(NativeBox {
            slots,
            cell: Box::new(RefCell::new(data)),
        });
        self.alloc_instance(cls, payload)
    }
}

/// Makes `T`'s type: not tracked by any interpreter's cycle collector
/// (the runtime frees it, like the built-in types), namespace deferred.
fn build_type<T: NativeClass>(vm: &mut Vm) -> (PyRef, Rc<Slots>) {
    let mut def = ClassDef::<T>::new();
    T::define(&mut def);
    let mut data = TypeData::new(T::NAME, Layout::Other);
    data.basetype = T::BASETYPE;
    data.instance_dict = T::DICT;
    let dict = PyObject::new_raw(
        Some(vm.types.dict.clone()),
        Payload::Dict(RefCell::new(crate::objects::table::DictTable::new())),
        None,
    );
    let ty = PyObject::new_raw(
        Some(vm.types.type_.clone()),
        Payload::Type(Box::new(data)),
        Some(dict),
    );
    let base = T::base(vm).unwrap_or_else(|| vm.types.object.clone());
    crate::objects::type_::set_mro(&ty, vec![base]);
    crate::define::set_tp_name(&ty, T::MODULE, T::NAME);
    let module = vm.str_val(T::MODULE);
    vm.defer_class_attr(&ty, Pending::Value(Name::Static("__module__"), module));
    let doc = match T::DOC {
        Some(d) => vm.str_val(d),
        None => Value::None,
    };
    vm.defer_class_attr(&ty, Pending::Value(Name::Static("__doc__"), doc));
    let ClassDef {
        entries,
        attrs,
        slots,
        dunders,
        ..
    } = def;
    for (name, f) in dunders {
        vm.defer_class_attr(&ty, Pending::Closure(Name::Static(name), f));
    }
    if T::DICT {
        let get: GetterClosure = Rc::new(crate::objects::descriptor::get_instance_dict);
        let set: SetterClosure = Rc::new(crate::objects::descriptor::set_instance_dict);
        vm.defer_class_attr(
            &ty,
            Pending::GetSetClosure(Name::Static("__dict__"), get, Some(set)),
        );
    }
    if slots.compare.is_some() && slots.hash.is_none() {
        vm.defer_class_attr(&ty, Pending::Value(Name::Static("__hash__"), Value::None));
    }
    for e in entries {
        let (name, kind) = (e.name, e.kind);
        let f = entry_closure(e);
        vm.defer_class_attr(&ty, Pending::TypedNative(Name::Static(name), f, kind));
    }
    for (name, a) in attrs {
        let p = match a {
            Attr::Get(g) => Pending::GetSetClosure(Name::Static(name), g, None),
            Attr::GetSet(g, s) => Pending::GetSetClosure(Name::Static(name), g, Some(s)),
            Attr::Const(v) => Pending::Value(Name::Static(name), v),
        };
        vm.defer_class_attr(&ty, p);
    }
    if let Some(t) = ty.as_type() {
        t.shared.set(true);
    }
    (ty, Rc::new(slots))
}

/// Typed methods: `Fn(&T, A..)`, `Fn(&mut T, A..)` or `Fn(&mut Vm,
/// Native<T>, A..)`, returning anything [`ToPython`]. `M` tells the forms
/// apart and is inferred.
pub trait IntoMethod<T, M>: 'static {
    fn kinds(&self) -> Vec<ArgKind>;
    fn call_method(
        &self,
        vm: &mut Vm,
        this: &Value,
        args: BoundArgs<'_>,
        sig: &Signature,
    ) -> PyResult<Value>;
}

/// Typed functions: `Fn(A..)` or `Fn(&mut Vm, A..)`.
pub trait IntoFunction<M>: 'static {
    fn kinds(&self) -> Vec<ArgKind>;
    fn call_function(&self, vm: &mut Vm, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value>;
}

/// Typed methods of a type made with [`Vm::new_native_type`] (see
/// [`Vm::add_typed_method`]): `Fn(&mut Vm, Value, A..)`, the instance
/// second, unchecked.
pub trait IntoValueMethod<M>: 'static {
    fn kinds(&self) -> Vec<ArgKind>;
    fn call_value_method(
        &self,
        vm: &mut Vm,
        this: &Value,
        args: BoundArgs<'_>,
        sig: &Signature,
    ) -> PyResult<Value>;
}

/// Typed class methods: `Fn(&mut Vm, PyRef, A..)` (the class second).
pub trait IntoClassMethod<M>: 'static {
    fn kinds(&self) -> Vec<ArgKind>;
    fn call_class(
        &self,
        vm: &mut Vm,
        cls: &Value,
        args: BoundArgs<'_>,
        sig: &Signature,
    ) -> PyResult<Value>;
}

/// Typed constructors: `Fn(&mut Vm, A..) -> PyResult<T>`.
pub trait IntoConstructor<T, M>: 'static {
    fn kinds(&self) -> Vec<ArgKind>;
    fn construct(&self, vm: &mut Vm, args: BoundArgs<'_>, sig: &Signature) -> PyResult<T>;
}

/// Marker: the instance as `&T`.
pub struct ByRef;
/// Marker: the instance as `&mut T`.
pub struct ByMut;
/// Marker: `&mut Vm` and the instance as [`Native<T>`].
pub struct ByHandle;
/// Marker: `&mut Vm` and the instance as a plain [`Value`] (methods of
/// native base types, whose subclasses' instances hold other data).
pub struct ByValue;
/// Marker: no `Vm`.
pub struct Pure;
/// Marker: `&mut Vm` first.
pub struct WithVm;

fn the_class(vm: &mut Vm, cls: &Value) -> PyResult<PyRef> {
    match cls {
        Value::Obj(c) if c.as_type().is_some() => Ok(c.clone()),
        _ => Err(vm.type_error("descriptor requires a type")),
    }
}

macro_rules! typed_impls {
    ($($a:ident $i:tt),*) => {
        impl<T, F, R, $($a),*> IntoMethod<T, (ByRef, fn($($a),*) -> R)> for F
        where
            T: NativeClass,
            F: Fn(&T $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_method(&self, vm: &mut Vm, this: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let n = Native::<T>::from_python(vm, this)?;
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                let r = n.with(vm, |t| self(t $(, $a)*))?;
                r.to_python(vm)
            }
        }

        impl<T, F, R, $($a),*> IntoMethod<T, (ByMut, fn($($a),*) -> R)> for F
        where
            T: NativeClass,
            F: Fn(&mut T $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_method(&self, vm: &mut Vm, this: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let n = Native::<T>::from_python(vm, this)?;
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                let r = n.with_mut(vm, |t| self(t $(, $a)*))?;
                r.to_python(vm)
            }
        }

        impl<T, F, R, $($a),*> IntoMethod<T, (ByHandle, fn($($a),*) -> R)> for F
        where
            T: NativeClass,
            F: Fn(&mut Vm, Native<T> $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_method(&self, vm: &mut Vm, this: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let n = Native::<T>::from_python(vm, this)?;
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm, n $(, $a)*).to_python(vm)
            }
        }

        impl<T, F, R, $($a),*> IntoMethod<T, (ByValue, fn($($a),*) -> R)> for F
        where
            T: NativeClass,
            F: Fn(&mut Vm, Value $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_method(&self, vm: &mut Vm, this: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm, this.clone() $(, $a)*).to_python(vm)
            }
        }

        impl<F, R, $($a),*> IntoFunction<(Pure, fn($($a),*) -> R)> for F
        where
            F: Fn($($a),*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_function(&self, vm: &mut Vm, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self($($a),*).to_python(vm)
            }
        }

        impl<F, R, $($a),*> IntoFunction<(WithVm, fn($($a),*) -> R)> for F
        where
            F: Fn(&mut Vm $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_function(&self, vm: &mut Vm, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm $(, $a)*).to_python(vm)
            }
        }

        impl<F, R, $($a),*> IntoValueMethod<fn($($a),*) -> R> for F
        where
            F: Fn(&mut Vm, Value $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_value_method(&self, vm: &mut Vm, this: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm, this.clone() $(, $a)*).to_python(vm)
            }
        }

        impl<F, R, $($a),*> IntoClassMethod<fn($($a),*) -> R> for F
        where
            F: Fn(&mut Vm, PyRef $(, $a)*) -> R + 'static,
            R: ToPython,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn call_class(&self, vm: &mut Vm, cls: &Value, args: BoundArgs<'_>, sig: &Signature) -> PyResult<Value> {
                let cls = the_class(vm, cls)?;
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm, cls $(, $a)*).to_python(vm)
            }
        }

        impl<T, F, $($a),*> IntoConstructor<T, fn($($a),*)> for F
        where
            T: NativeClass,
            F: Fn(&mut Vm $(, $a)*) -> PyResult<T> + 'static,
            $($a: FromArg,)*
        {
            fn kinds(&self) -> Vec<ArgKind> {
                vec![$($a::KIND),*]
            }
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn construct(&self, vm: &mut Vm, args: BoundArgs<'_>, sig: &Signature) -> PyResult<T> {
                let mut args = args;
                $(let $a: $a = args.take(vm, sig, $i)?;)*
                self(vm $(, $a)*)
            }
        }
    };
}

typed_impls!();
typed_impls!(A 0);
typed_impls!(A 0, B 1);
typed_impls!(A 0, B 1, C 2);
typed_impls!(A 0, B 1, C 2, D 3);
typed_impls!(A 0, B 1, C 2, D 3, E 4);
typed_impls!(A 0, B 1, C 2, D 3, E 4, F2 5);
typed_impls!(A 0, B 1, C 2, D 3, E 4, F2 5, G 6);
typed_impls!(A 0, B 1, C 2, D 3, E 4, F2 5, G 6, H 7);
