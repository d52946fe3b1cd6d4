//! Native modules declared with typed functions: [`ModuleDef`] collects
//! functions (their arguments converted from the Rust signature, with
//! CPython's messages, see `native_args.rs`), native types and values,
//! and builds the module object when it is imported.
//!
//! ```
//! use rpy_vm::{Interpreter, ModuleDef, OptArg, PyResult, Vm};
//!
//! let mut interp = Interpreter::new();
//! interp.register_module("units", |vm| {
//!     let mut m = ModuleDef::new("units");
//!     m.function("to_mm", |inches: f64| inches * 25.4);
//!     m.function("scale", |vm: &mut Vm, x: f64, by: OptArg<f64>| -> PyResult<f64> {
//!         let by = by.unwrap_or(2.0);
//!         if by == 0.0 { Err(vm.value_error("by must not be 0")) } else { Ok(x * by) }
//!     })
//!     .params(&["x", "by"]);
//!     m.value("INCH_MM", 25.4);
//!     m.build(vm)
//! });
//! assert_eq!(interp.eval_as::<f64>("__import__('units').scale(x=1.5)").unwrap(), 3.0);
//! ```

use std::rc::Rc;

use crate::convert::ToPython;
use crate::native_args::{BoundArgs, Signature};
use crate::native_type::{IntoFunction, IntoValueMethod, NativeClass};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

type FunctionCall = Rc<dyn Fn(&mut Vm, BoundArgs<'_>, &Signature) -> PyResult<Value>>;
type MakeValue = Box<dyn FnOnce(&mut Vm) -> PyResult<Value>>;

/// The definition of a native module.
pub struct ModuleDef {
    name: String,
    functions: Vec<(Signature, FunctionCall)>,
    values: Vec<(String, MakeValue)>,
}

impl ModuleDef {
    pub fn new(name: &str) -> ModuleDef {
        ModuleDef {
            name: name.to_owned(),
            functions: Vec::new(),
            values: Vec::new(),
        }
    }

    /// A function: `Fn(A, ..)` or `Fn(&mut Vm, A, ..)` with typed
    /// parameters. Positional-only unless named with
    /// [`Signature::params`].
    pub fn function<M>(&mut self, name: &str, f: impl IntoFunction<M>) -> &mut Signature {
        // "math.sin() takes exactly one argument": CPython qualifies a
        // module function's name in its count and keyword messages.
        let qualname = format!("{}.{name}", self.name);
        let sig = Signature::new(name, &qualname, f.kinds());
        let f = Rc::new(f);
        let call: FunctionCall = Rc::new(move |vm, bound, sig| f.call_function(vm, bound, sig));
        self.functions.push((sig, call));
        let i = self.functions.len() - 1;
        &mut self.functions[i].0
    }

    /// The native type `T` as the attribute `T::NAME`.
    pub fn class<T: NativeClass>(&mut self) {
        self.values.push((
            T::NAME.to_owned(),
            Box::new(|vm| Ok(Value::Obj(vm.native_type::<T>()))),
        ));
    }

    /// A module attribute.
    pub fn value(&mut self, name: &str, v: impl ToPython + 'static) {
        self.values
            .push((name.to_owned(), Box::new(move |vm| v.to_python(vm))));
    }

    /// Makes the module object.
    pub fn build(self, vm: &mut Vm) -> PyResult<PyRef> {
        let m = vm.new_module(&self.name);
        self.add_to(vm, &m)?;
        Ok(m)
    }

    /// Adds the functions, types and values to module `m` (a module
    /// assembled from several parts, such as `posix`).
    pub fn add_to(self, vm: &mut Vm, m: &PyRef) -> PyResult<()> {
        for (sig, call) in self.functions {
            let name = sig.name.clone();
            let f: crate::native::NativeClosure = Rc::new(move |vm, args| {
                let bound = sig.bind(vm, args)?;
                call(vm, bound, &sig)
            });
            vm.module_add_closure(m, &name, f);
        }
        for (name, make) in self.values {
            let v = make(vm)?;
            vm.module_set(m, &name, v);
        }
        Ok(())
    }
}

impl Vm {
    /// A typed method on a type made with [`Vm::new_native_type`], whose
    /// instances are not [`NativeClass`] values (a subclass of `dict`,
    /// say, whose instances must carry the dict's table): `f(vm, self,
    /// A..)` gets the instance as a `Value` (unchecked; the method is
    /// the type's own) and its other arguments, positional-only, bound
    /// and converted as a typed method's ("defaultdict.copy() takes no
    /// arguments (1 given)").
    pub fn add_typed_method<M>(&mut self, ty: &PyRef, name: &str, f: impl IntoValueMethod<M>) {
        let tname = ty.as_type().map(|t| t.name()).unwrap_or_default();
        let sig = Signature::new(name, &format!("{tname}.{name}"), f.kinds());
        let call: crate::native::NativeClosure = Rc::new(move |vm, args| {
            let this = args.this().clone();
            let bound = sig.bind(vm, args.shift())?;
            f.call_value_method(vm, &this, bound, &sig)
        });
        self.add_method_closure(ty, name, call);
    }
}

/// The exception classes the host defined, by name (per interpreter).
#[derive(Default)]
struct HostExceptions(std::collections::HashMap<String, PyRef>);

const HOST_EXCEPTIONS: &str = "rpy.host_exceptions";

impl Vm {
    /// Defines exception class `name` (`"mymod.MyError"`: `__module__`
    /// "mymod"; a bare name is shown without a module) deriving from
    /// `base`, and records it so that [`crate::Error::new`] with the same
    /// name (its last component) raises it.
    pub fn define_exception(&mut self, name: &str, base: &PyRef) -> PyResult<PyRef> {
        let (module, short) = match name.rsplit_once('.') {
            Some((m, n)) => (m, n),
            None => ("builtins", name),
        };
        let cls = self.new_exception_type(module, short, base)?;
        let reg = self
            .extensions
            .entry(HOST_EXCEPTIONS)
            .or_insert_with(|| Box::new(HostExceptions::default()));
        if let Some(r) = reg.downcast_mut::<HostExceptions>() {
            r.0.insert(short.to_owned(), cls.clone());
        }
        Ok(cls)
    }

    /// The exception class named `name`: a built-in one, one the host
    /// defined, or else a new `RuntimeError` subclass of that name.
    pub fn exception_class_named(&mut self, name: &str) -> PyRef {
        let b = self.builtins_dict.clone();
        if let Some(Value::Obj(c)) = self.dict_get_str(&b, name) {
            if crate::objects::type_::is_subtype(&c, &self.exc.base_exception) {
                return c;
            }
        }
        let known = self
            .extensions
            .get(HOST_EXCEPTIONS)
            .and_then(|r| r.downcast_ref::<HostExceptions>())
            .and_then(|r| r.0.get(name).cloned());
        if let Some(c) = known {
            return c;
        }
        let base = self.exc.runtime_error.clone();
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
        match valid.then(|| self.define_exception(name, &base)) {
            Some(Ok(c)) => c,
            _ => base,
        }
    }
}
