//! Native (Rust) functions callable from Python: their signature, the
//! argument view they receive, and helpers that check argument counts and
//! bind keywords with CPython's error messages.
//!
//! ```ignore
//! fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
//!     let [this, item] = args.exact_method(vm, "list.append")?;   // self + 1
//!     vm.list_ref(this)?.borrow_mut().push(item.clone());
//!     Ok(Value::None)
//! }
//! ```

use std::rc::Rc;

use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A native function: receives the VM and its arguments (for methods,
/// `self` is the first positional argument).
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// A native closure (for embedders that capture state).
pub type NativeClosure = Rc<dyn Fn(&mut Vm, Args<'_>) -> PyResult<Value>>;

/// The code of a native function.
#[derive(Clone)]
pub enum NativeImpl {
    Fn(NativeFn),
    Closure(NativeClosure),
}

/// How a native function found in a class dict behaves on attribute access.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// A plain function (module function, or already bound).
    Function,
    /// A method descriptor: `obj.m` binds `obj` as the first argument.
    Method,
    /// A class method: binds the class.
    ClassMethod,
    /// A static method (`__new__` of built-in types).
    StaticMethod,
    /// A method bound to `bound`, which calls receive as first argument.
    Bound,
}

/// A native function object (`builtin_function_or_method` or a method
/// descriptor in a built-in type's dict).
#[derive(Clone)]
pub struct NativeFunction {
    pub name: Rc<str>,
    pub func: NativeImpl,
    pub kind: NativeKind,
    /// The bound `__self__` (module for module functions is not stored).
    pub bound: Option<Value>,
    /// The type that defines a method descriptor.
    pub owner: Option<PyRef>,
    /// The module name (`__module__`) of a module function.
    pub module: Option<Rc<str>>,
    pub doc: Option<Rc<str>>,
    /// Needs the caller's frame (`locals()`, `super()`, `eval` without
    /// globals): the eval loop snapshots it into `Vm::caller` first.
    pub needs_frame: bool,
    /// With `needs_frame`: wants the caller's frame object in
    /// `Vm::caller.frame` instead (`sys._getframe`).
    pub wants_frame_object: bool,
}

impl NativeFunction {
    pub fn new(name: &str, func: NativeFn) -> Self {
        NativeFunction {
            name: Rc::from(name),
            func: NativeImpl::Fn(func),
            kind: NativeKind::Function,
            bound: None,
            owner: None,
            module: None,
            doc: None,
            needs_frame: false,
            wants_frame_object: false,
        }
    }

    #[inline]
    pub fn invoke(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
        // Native calls count against the recursion limit, as CPython's C
        // calls do (so depth parity and messages match).
        vm.recursion_enter(" while calling a Python object")?;
        let r = match &self.func {
            NativeImpl::Fn(f) => f(vm, args),
            NativeImpl::Closure(c) => call_guarded(vm, &self.name, c, args),
        };
        vm.depth -= 1;
        r
    }
}

/// Calls a native closure (the host's functions, typed methods),
/// turning a Rust panic inside it into `SystemError` in the script rather
/// than letting it unwind through the VM. (The panic hook still reports
/// the panic on stderr, as for any panic the program does not expect.)
fn call_guarded(vm: &mut Vm, name: &str, c: &NativeClosure, args: Args<'_>) -> PyResult<Value> {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c(vm, args)));
    match r {
        Ok(r) => r,
        Err(payload) => {
            let what = crate::panic_guard::panic_message(payload.as_ref());
            Err(vm.system_error(format!("native function {name}() panicked: {what}")))
        }
    }
}

/// The arguments of a call: `values` holds the positional arguments followed
/// by the keyword argument values, whose names are `kwnames` (str values).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    #[inline]
    pub fn new(values: &'a [Value]) -> Self {
        Args {
            values,
            kwnames: &[],
        }
    }

    #[inline]
    pub fn with_kw(values: &'a [Value], kwnames: &'a [Value]) -> Self {
        Args { values, kwnames }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        let n = self.values.len().saturating_sub(self.kwnames.len());
        self.values.get(..n).unwrap_or(&[])
    }

    /// The keyword arguments as (name, value) pairs.
    pub fn kw(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let n = self.values.len().saturating_sub(self.kwnames.len());
        let vals = self.values.get(n..).unwrap_or(&[]);
        self.kwnames
            .iter()
            .map(|k| k.as_str().unwrap_or(""))
            .zip(vals.iter())
    }

    #[inline]
    pub fn has_kw(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// The value of keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The arguments without the first positional one (a method's `self`).
    pub fn shift(&self) -> Args<'a> {
        if self.pos().is_empty() {
            return *self;
        }
        Args {
            values: self.values.get(1..).unwrap_or(&[]),
            kwnames: self.kwnames,
        }
    }

    /// The first positional argument (a method's `self`).
    pub fn this(&self) -> &'a Value {
        const NONE: &Value = &Value::None;
        self.pos().first().unwrap_or(NONE)
    }

    /// Positional argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.pos().get(i)
    }

    /// TypeError "NAME() takes no keyword arguments" if any were given.
    pub fn no_kw(&self, vm: &mut Vm, name: &str) -> PyResult<()> {
        if self.has_kw() {
            return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Exactly N positional arguments, no keywords; CPython's messages
    /// "NAME() takes exactly one argument (0 given)" (N == 1) and
    /// "NAME expected N arguments, got M" otherwise.
    pub fn exact<const N: usize>(&self, vm: &mut Vm, name: &str) -> PyResult<[&'a Value; N]> {
        self.no_kw(vm, name)?;
        let pos = self.pos();
        if pos.len() != N {
            let msg = if N == 1 {
                format!("{name}() takes exactly one argument ({} given)", pos.len())
            } else if N == 0 {
                format!("{name}() takes no arguments ({} given)", pos.len())
            } else {
                format!("{name} expected {N} arguments, got {}", pos.len())
            };
            return Err(vm.type_error(msg));
        }
        Ok(std::array::from_fn(|i| &pos[i]))
    }

    /// For a method: `self` plus exactly N-1 arguments. `name` is the
    /// qualified name for messages ("list.append").
    pub fn exact_method<const N: usize>(
        &self,
        vm: &mut Vm,
        name: &str,
    ) -> PyResult<[&'a Value; N]> {
        self.no_kw(vm, short(name))?;
        let pos = self.pos();
        if pos.len() != N {
            let given = pos.len().saturating_sub(1);
            let msg = match N {
                1 => format!("{name}() takes no arguments ({given} given)"),
                2 => format!("{name}() takes exactly one argument ({given} given)"),
                _ => format!("{} expected {} arguments, got {given}", short(name), N - 1),
            };
            return Err(vm.type_error(msg));
        }
        Ok(std::array::from_fn(|i| &pos[i]))
    }

    /// Between MIN and MAX positional arguments (no keywords), CPython's
    /// arg-clinic messages "NAME expected at least 1 argument, got 0" /
    /// "NAME expected at most 2 arguments, got 3". The result has MAX
    /// slots; missing ones are `None`. For methods, count `self` in MIN/MAX.
    pub fn range<const MAX: usize>(
        &self,
        vm: &mut Vm,
        name: &str,
        min: usize,
        is_method: bool,
    ) -> PyResult<[Option<&'a Value>; MAX]> {
        let base = short(name);
        self.no_kw(vm, base)?;
        let pos = self.pos();
        let adj = usize::from(is_method);
        if pos.len() < min || pos.len() > MAX {
            let given = pos.len().saturating_sub(adj);
            let (lo, hi) = (min.saturating_sub(adj), MAX - adj);
            let msg = if lo == hi {
                format!("{base} expected {lo} argument{}, got {given}", plural(lo))
            } else if pos.len() < min {
                format!(
                    "{base} expected at least {lo} argument{}, got {given}",
                    plural(lo)
                )
            } else {
                format!(
                    "{base} expected at most {hi} argument{}, got {given}",
                    plural(hi)
                )
            };
            return Err(vm.type_error(msg));
        }
        Ok(std::array::from_fn(|i| pos.get(i)))
    }

    /// Binds positional and keyword arguments to `params` (the first
    /// `posonly` of which cannot be given by keyword, and the first
    /// `required` of which must be given). Messages as CPython's
    /// arg-clinic functions: "NAME() takes at most 2 arguments (3 given)",
    /// "'x' is an invalid keyword argument for NAME()",
    /// "NAME() missing required argument 'x' (pos 1)",
    /// "argument for NAME() given by name ('x') and position (1)".
    pub fn bind<const N: usize>(
        &self,
        vm: &mut Vm,
        name: &str,
        params: [&str; N],
        required: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let pos = self.pos();
        // CPython counts positional and keyword arguments together first.
        let total = pos.len() + self.kw().count();
        if pos.len() > N || (N > 0 && total > N) {
            let msg = if N == 0 {
                format!("{name}() takes no arguments ({} given)", pos.len())
            } else {
                let keyword = if pos.is_empty() { "keyword " } else { "" };
                format!(
                    "{name}() takes at most {N} {keyword}argument{} ({total} given)",
                    plural(N),
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut out: [Option<&'a Value>; N] = std::array::from_fn(|i| pos.get(i));
        for (k, v) in self.kw() {
            match params.iter().position(|p| *p == k) {
                Some(i) => {
                    if out[i].is_some() {
                        return Err(vm.type_error(format!(
                            "argument for {name}() given by name ('{k}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v);
                }
                None => {
                    return Err(
                        vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                    )
                }
            }
        }
        for (i, p) in params.iter().enumerate().take(required) {
            if out[i].is_none() {
                return Err(vm.type_error(format!(
                    "{name}() missing required argument '{p}' (pos {})",
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}

/// The parameters of a native function for [`Args::parse`]: `names` in
/// order, the first `posonly` positional-only, the first `maxpos` accepted
/// by position (the rest keyword-only), the first `minpos` required.
#[derive(Clone, Copy, Debug)]
pub struct Params<'p, const N: usize> {
    pub name: &'p str,
    pub names: [&'p str; N],
    pub posonly: usize,
    pub maxpos: usize,
    pub minpos: usize,
}

impl<'a> Args<'a> {
    /// Binds arguments like CPython's argument-clinic functions with
    /// positional-only and keyword-only parameters, in its order of checks
    /// and words: "NAME() takes at most 2 arguments (3 given)",
    /// "NAME() takes exactly 1 positional argument (0 given)",
    /// "NAME() missing required argument 'x' (pos 1)",
    /// "argument for NAME() given by name ('x') and position (1)",
    /// "'x' is an invalid keyword argument for NAME()".
    pub fn parse<const N: usize>(
        &self,
        vm: &mut Vm,
        p: &Params<'_, N>,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let name = p.name;
        let pos = self.pos();
        let (nargs, nkw) = (pos.len(), self.kwnames.len());
        if nargs + nkw > N {
            return Err(vm.type_error(format!(
                "{name}() takes at most {N} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(N),
                nargs + nkw
            )));
        }
        let minposonly = p.posonly.min(p.minpos);
        if nargs > p.maxpos || nargs < minposonly {
            let msg = if p.maxpos == 0 {
                format!("{name}() takes no positional arguments")
            } else if nargs > p.maxpos {
                format!(
                    "{name}() takes {} {} positional argument{} ({nargs} given)",
                    if p.minpos < p.maxpos {
                        "at most"
                    } else {
                        "exactly"
                    },
                    p.maxpos,
                    plural(p.maxpos)
                )
            } else {
                format!(
                    "{name}() takes {} {minposonly} positional argument{} ({nargs} given)",
                    if minposonly < p.maxpos {
                        "at least"
                    } else {
                        "exactly"
                    },
                    plural(minposonly)
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut out: [Option<&'a Value>; N] = std::array::from_fn(|i| pos.get(i));
        let mut left = nkw;
        let start = nargs.max(p.posonly);
        for (i, (slot, param)) in out.iter_mut().zip(p.names).enumerate().skip(start) {
            let found = self.kwarg(param);
            *slot = found;
            if found.is_some() {
                left = left.saturating_sub(1);
            } else if i < p.minpos {
                return Err(vm.type_error(format!(
                    "{name}() missing required argument '{param}' (pos {})",
                    i + 1
                )));
            }
        }
        if left > 0 {
            let by_position = p.names.iter().enumerate().take(nargs).skip(p.posonly);
            for (i, param) in by_position {
                if self.kwarg(param).is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {name}() given by name ('{param}') and position ({})",
                        i + 1
                    )));
                }
            }
            let keywords = p.names.get(p.posonly..).unwrap_or(&[]);
            if let Some((k, _)) = self.kw().find(|(k, _)| !keywords.contains(k)) {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                );
            }
        }
        Ok(out)
    }
}

fn short(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::{Args, Params};
    use crate::value::Value;
    use crate::vm::Vm;

    /// `f(data, /, sep, *, flag)`, one required.
    const P: Params<'static, 3> = Params {
        name: "f",
        names: ["data", "sep", "flag"],
        posonly: 1,
        maxpos: 2,
        minpos: 1,
    };

    /// The TypeError message of binding `pos` and `kw` to `P`, or the
    /// bound values' count.
    fn bind(vm: &mut Vm, pos: &[Value], kw: &[(&str, Value)]) -> Result<usize, String> {
        let mut values = pos.to_vec();
        let mut names = Vec::new();
        for (k, v) in kw {
            values.push(v.clone());
            names.push(vm.str_val(*k));
        }
        let args = Args::with_kw(&values, &names);
        match args.parse(vm, &P) {
            Ok(out) => Ok(out.iter().flatten().count()),
            Err(e) => Err(vm.exc_message(&e)),
        }
    }

    fn one() -> Value {
        Value::Int(1)
    }

    #[test]
    fn parse_checks_in_cpython_order() {
        let mut vm = Vm::new();
        assert_eq!(bind(&mut vm, &[one()], &[]), Ok(1));
        assert_eq!(
            bind(&mut vm, &[one()], &[("sep", one()), ("flag", one())]),
            Ok(3)
        );
        let msg = |s: &str| Err(s.to_owned());
        assert_eq!(
            bind(&mut vm, &[], &[]),
            msg("f() takes at least 1 positional argument (0 given)")
        );
        assert_eq!(
            bind(&mut vm, &[one(), one(), one()], &[]),
            msg("f() takes at most 2 positional arguments (3 given)")
        );
        assert_eq!(
            bind(
                &mut vm,
                &[],
                &[("a", one()), ("b", one()), ("c", one()), ("d", one())]
            ),
            msg("f() takes at most 3 keyword arguments (4 given)")
        );
        assert_eq!(
            bind(&mut vm, &[one()], &[("data", one())]),
            msg("'data' is an invalid keyword argument for f()")
        );
        assert_eq!(
            bind(&mut vm, &[one(), one()], &[("sep", one())]),
            msg("argument for f() given by name ('sep') and position (2)")
        );
    }
}
