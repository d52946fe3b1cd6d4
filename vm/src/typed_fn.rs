//! Typed native functions: a Rust closure whose parameters implement
//! [`FromPython`] and whose result implements [`ToPython`] becomes a Python
//! built-in function. Arguments are checked and converted with CPython's
//! messages ("add expected 2 arguments, got 3", "add() argument 1 must be
//! str, not int"); the result may be `T`, `PyResult<T>` or
//! `Result<T, rpy_vm::Error>` (an error is raised in Python).
//!
//! ```
//! use rpy_vm::Interpreter;
//! let mut interp = Interpreter::new();
//! interp.register_fn("add", |a: i64, b: i64| a + b);
//! interp
//!     .function("greet")
//!     .param("name")
//!     .param_default("greeting", "Hello")
//!     .register(|name: String, greeting: String| format!("{greeting}, {name}!"));
//! assert_eq!(interp.eval_as::<i64>("add(2, 3)").unwrap(), 5);
//! assert_eq!(interp.eval_as::<String>("greet('Ada')").unwrap(), "Hello, Ada!");
//! ```

use std::rc::Rc;

use crate::convert::{FromPython, ToPython};
use crate::native::{Args, NativeClosure};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A Rust closure usable as a typed Python function. `Marker` only tells
/// the implementations apart (it is `fn(A, B) -> R` for a closure of
/// `A, B` returning `R`); it is inferred.
pub trait IntoNativeFn<Marker>: 'static {
    /// Number of parameters.
    fn arity(&self) -> usize;
    /// Converts `args` (exactly [`arity`](Self::arity) of them), calls
    /// the closure and converts its result.
    fn call_typed(&self, vm: &mut Vm, fname: &str, args: &[Value]) -> PyResult<Value>;
}

/// Names the argument in a conversion `TypeError` ("must be str, not int"
/// becomes "f() argument 1 must be str, not int", as CPython says).
fn convert_arg<T: FromPython>(vm: &mut Vm, fname: &str, i: usize, v: &Value) -> PyResult<T> {
    T::from_python(vm, v).map_err(|e| {
        if T::NAMES_ARGUMENT {
            name_argument(vm, e, fname, i)
        } else {
            e
        }
    })
}

fn name_argument(vm: &mut Vm, e: PyErr, fname: &str, i: usize) -> PyErr {
    let te = vm.exc.type_error.clone();
    if !vm.err_matches(&e, &te) {
        return e;
    }
    let msg = vm.str(&Value::Obj(e.0.clone())).unwrap_or_default();
    if !msg.starts_with("must be ") {
        return e;
    }
    let which = PARAM_NAMES.with(|p| {
        p.borrow()
            .get(i)
            .cloned()
            .map(|n| format!("'{n}'"))
            .unwrap_or_else(|| (i + 1).to_string())
    });
    vm.type_error(format!("{fname}() argument {which} {msg}"))
}

thread_local! {
    // Parameter names of the typed function being converted (for messages),
    // set by the binder for the duration of one conversion.
    static PARAM_NAMES: std::cell::RefCell<Vec<Rc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
}

macro_rules! typed_fn_impl {
    ($n:literal; $($a:ident $i:tt),*) => {
        impl<Func, R, $($a),*> IntoNativeFn<fn($($a),*) -> R> for Func
        where
            Func: Fn($($a),*) -> R + 'static,
            R: ToPython,
            $($a: FromPython,)*
        {
            fn arity(&self) -> usize {
                $n
            }

            #[allow(unused_variables, non_snake_case)]
            fn call_typed(&self, vm: &mut Vm, fname: &str, args: &[Value]) -> PyResult<Value> {
                $(let $a: $a = convert_arg(vm, fname, $i, args.get($i).unwrap_or(&Value::None))?;)*
                (self)($($a),*).to_python(vm)
            }
        }
    };
}

typed_fn_impl!(0;);
typed_fn_impl!(1; A 0);
typed_fn_impl!(2; A 0, B 1);
typed_fn_impl!(3; A 0, B 1, C 2);
typed_fn_impl!(4; A 0, B 1, C 2, D 3);
typed_fn_impl!(5; A 0, B 1, C 2, D 3, E 4);
typed_fn_impl!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// A parameter of a typed function: its name and default value.
#[derive(Clone)]
pub struct Param {
    pub name: Rc<str>,
    pub default: Option<Value>,
}

/// Makes a native closure of a typed function. With `params` empty the
/// function takes exactly its arity of positional arguments; otherwise
/// `params` names them (keywords allowed) and gives defaults.
pub fn typed_closure<M>(
    name: &str,
    f: impl IntoNativeFn<M>,
    mut params: Vec<Param>,
) -> NativeClosure {
    let fname: Rc<str> = Rc::from(name);
    // Named parameters must match the closure's: extra names are dropped,
    // missing ones are required and named by position.
    if !params.is_empty() {
        params.truncate(f.arity());
        for i in params.len()..f.arity() {
            params.push(Param {
                name: Rc::from(format!("arg{}", i + 1)),
                default: None,
            });
        }
    }
    let names: Vec<Rc<str>> = params.iter().map(|p| p.name.clone()).collect();
    Rc::new(move |vm: &mut Vm, args: Args<'_>| {
        let bound = if params.is_empty() {
            positional(vm, &fname, f.arity(), args)?
        } else {
            bind_params(vm, &fname, &params, args)?
        };
        let saved = PARAM_NAMES.with(|p| std::mem::replace(&mut *p.borrow_mut(), names.clone()));
        let r = f.call_typed(vm, &fname, &bound);
        PARAM_NAMES.with(|p| *p.borrow_mut() = saved);
        r
    })
}

/// Exactly `n` positional arguments (messages as `Args::exact`).
fn positional(vm: &mut Vm, name: &str, n: usize, args: Args<'_>) -> PyResult<Vec<Value>> {
    args.no_kw(vm, name)?;
    let pos = args.pos();
    if pos.len() != n {
        let msg = match n {
            0 => format!("{name}() takes no arguments ({} given)", pos.len()),
            1 => format!("{name}() takes exactly one argument ({} given)", pos.len()),
            _ => format!("{name} expected {n} arguments, got {}", pos.len()),
        };
        return Err(vm.type_error(msg));
    }
    Ok(pos.to_vec())
}

/// Binds positional and keyword arguments to named parameters (messages
/// as `Args::bind`).
fn bind_params(vm: &mut Vm, name: &str, params: &[Param], args: Args<'_>) -> PyResult<Vec<Value>> {
    let pos = args.pos();
    let n = params.len();
    if pos.len() > n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {n} argument{s} ({} given)",
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = (0..n).map(|i| pos.get(i).cloned()).collect();
    for (k, v) in args.kw() {
        let Some(i) = params.iter().position(|p| &*p.name == k) else {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        };
        if out.get(i).is_some_and(|x| x.is_some()) {
            return Err(vm.type_error(format!(
                "argument for {name}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(v.clone());
        }
    }
    let mut vals = Vec::with_capacity(n);
    for (i, (slot, p)) in out.into_iter().zip(params).enumerate() {
        match slot.or_else(|| p.default.clone()) {
            Some(v) => vals.push(v),
            None => {
                return Err(vm.type_error(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    p.name,
                    i + 1
                )))
            }
        }
    }
    Ok(vals)
}

/// Declares a typed function with named parameters and defaults; made by
/// [`crate::Interpreter::function`].
pub struct FunctionBuilder<'a> {
    pub(crate) interp: &'a mut crate::Interpreter,
    pub(crate) name: String,
    pub(crate) params: Vec<Param>,
}

impl FunctionBuilder<'_> {
    /// A required parameter (positional or keyword).
    pub fn param(mut self, name: &str) -> Self {
        self.params.push(Param {
            name: Rc::from(name),
            default: None,
        });
        self
    }

    /// A parameter with a default value. A default that cannot be
    /// converted (an unhashable dict key, say) leaves the parameter required.
    pub fn param_default(mut self, name: &str, default: impl ToPython) -> Self {
        let default = default.to_python(self.interp.vm()).ok();
        self.params.push(Param {
            name: Rc::from(name),
            default,
        });
        self
    }

    /// Registers the function as a built-in (visible to all code).
    pub fn register<M>(self, f: impl IntoNativeFn<M>) {
        let c = typed_closure(&self.name, f, self.params);
        self.interp.register_native_closure(&self.name, c);
    }
}
