//! `_contextvars.Context`: a mapping from context variables to values,
//! and the thread's current context. A context's mapping is immutable
//! once shared: setting a variable replaces the current context's map by
//! a changed copy, so `copy_context()` is a cheap snapshot (CPython uses
//! a HAMT for the same reason). `Context.run` makes a context current for
//! one call; rpy has one thread, so one current context per interpreter.

use std::rc::Rc;

use rpy_vm::{
    Args, ClassDef, ComparisonOperator, KwArgs, Native, NativeClass, PyResult, Value, VarArgs, Vm,
};

use crate::context_var::ContextVar;

/// A context's variables and their values (variables are compared by
/// identity).
pub type Vars = Rc<Vec<(Value, Value)>>;

pub struct Context {
    pub vars: Vars,
    /// Current through `run` (a context cannot be entered twice).
    entered: bool,
    /// The context that was current before `run` entered this one.
    prev: Option<Value>,
}

impl Context {
    pub fn new(vars: Vars) -> Context {
        Context {
            vars,
            entered: false,
            prev: None,
        }
    }
}

/// The value `var` has in `vars`.
pub fn lookup(vars: &Vars, var: &Value) -> Option<Value> {
    vars.iter()
        .find(|(k, _)| k.id() == var.id())
        .map(|(_, v)| v.clone())
}

/// `vars` with `var` set to `value` (or removed, for `None`).
pub fn with(vars: &Vars, var: &Value, value: Option<Value>) -> Vars {
    let mut out: Vec<(Value, Value)> = vars
        .iter()
        .filter(|(k, _)| k.id() != var.id())
        .cloned()
        .collect();
    if let Some(v) = value {
        out.push((var.clone(), v));
    }
    Rc::new(out)
}

const CURRENT: &str = "rpy.contextvars.current";

/// The interpreter's current context object.
struct Current(Value);

/// The current context, made (empty) on first use.
pub fn current(vm: &mut Vm) -> Value {
    if let Some(c) = vm
        .extensions
        .get(CURRENT)
        .and_then(|c| c.downcast_ref::<Current>())
    {
        return c.0.clone();
    }
    let ctx = vm.new_native_object(Context::new(Rc::new(Vec::new())));
    set_current(vm, ctx.clone());
    ctx
}

fn set_current(vm: &mut Vm, ctx: Value) {
    vm.extensions.insert(CURRENT, Box::new(Current(ctx)));
}

/// A ContextVar key ("a ContextVar key was expected, got 1" otherwise).
fn var_key(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if Native::<ContextVar>::of(key).is_some() {
        return Ok(());
    }
    let r = vm.repr(key)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {r}")))
}

fn vars_of(vm: &mut Vm, this: &Native<Context>) -> PyResult<Vars> {
    this.with(vm, |c| c.vars.clone())
}

/// `ctx.run(callable, *args, **kwargs)`: calls with `ctx` current.
fn run(vm: &mut Vm, this: Native<Context>, args: VarArgs, kwargs: KwArgs) -> PyResult<Value> {
    let Some((f, rest)) = args.0.split_first() else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    if this.with(vm, |c| c.entered)? {
        let r = vm.repr(&this.value())?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = current(vm);
    this.with_mut(vm, |c| {
        c.entered = true;
        c.prev = Some(prev.clone());
    })?;
    set_current(vm, this.value());
    let mut values = rest.to_vec();
    let mut names = Vec::with_capacity(kwargs.0.len());
    for (k, v) in kwargs.0 {
        names.push(vm.str_val(k));
        values.push(v);
    }
    let result = vm.call_with(f, Args::with_kw(&values, &names));
    this.with_mut(vm, |c| {
        c.entered = false;
        c.prev = None;
    })?;
    set_current(vm, prev);
    result
}

impl NativeClass for Context {
    const NAME: &'static str = "Context";
    const MODULE: &'static str = "_contextvars";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, a: VarArgs, k: KwArgs| {
            if !a.0.is_empty() || !k.0.is_empty() {
                return Err(vm.type_error("Context() does not accept any arguments"));
            }
            Ok(Context::new(Rc::new(Vec::new())))
        });
        c.method("run", run);
        c.method(
            "copy",
            |vm: &mut Vm, this: Native<Context>| -> PyResult<Value> {
                let vars = vars_of(vm, &this)?;
                Ok(vm.new_native_object(Context::new(vars)))
            },
        );
        c.method(
            "get",
            |vm: &mut Vm,
             this: Native<Context>,
             key: Value,
             default: rpy_vm::OptArg<Value>|
             -> PyResult<Value> {
                var_key(vm, &key)?;
                let vars = vars_of(vm, &this)?;
                Ok(lookup(&vars, &key).unwrap_or(default.unwrap_or(Value::None)))
            },
        );
        c.method(
            "keys",
            |vm: &mut Vm, this: Native<Context>| -> PyResult<Value> {
                let vars = vars_of(vm, &this)?;
                Ok(vm.new_list(vars.iter().map(|(k, _)| k.clone()).collect()))
            },
        );
        c.method(
            "values",
            |vm: &mut Vm, this: Native<Context>| -> PyResult<Value> {
                let vars = vars_of(vm, &this)?;
                Ok(vm.new_list(vars.iter().map(|(_, v)| v.clone()).collect()))
            },
        );
        c.method(
            "items",
            |vm: &mut Vm, this: Native<Context>| -> PyResult<Value> {
                let vars = vars_of(vm, &this)?;
                let items = vars
                    .iter()
                    .map(|(k, v)| vm.new_tuple(vec![k.clone(), v.clone()]))
                    .collect();
                Ok(vm.new_list(items))
            },
        );
        c.getitem(|vm, this, key| {
            var_key(vm, key)?;
            let vars = vars_of(vm, &this)?;
            match lookup(&vars, key) {
                Some(v) => Ok(v),
                None => Err(vm.key_error(key.clone())),
            }
        });
        c.contains(|vm, this, key| {
            var_key(vm, key)?;
            let vars = vars_of(vm, &this)?;
            Ok(lookup(&vars, key).is_some())
        });
        c.len(|c: &Context| c.vars.len());
        c.iter(|vm, this| {
            let vars = vars_of(vm, &this)?;
            let keys = vm.new_list(vars.iter().map(|(k, _)| k.clone()).collect());
            vm.get_iter(&keys)
        });
        c.compare(|vm, this, other, op| {
            let Some(other) = Native::<Context>::of(other) else {
                return Ok(vm.not_implemented());
            };
            let same = match op {
                ComparisonOperator::Eq | ComparisonOperator::Ne => {
                    let a = vars_of(vm, &this)?;
                    let b = vars_of(vm, &other)?;
                    let mut equal = a.len() == b.len();
                    for (k, v) in a.iter() {
                        if !equal {
                            break;
                        }
                        equal = match lookup(&b, k) {
                            Some(w) => vm.eq(v, &w)?,
                            None => false,
                        };
                    }
                    equal
                }
                _ => return Ok(vm.not_implemented()),
            };
            Ok(Value::Bool(same == (op == ComparisonOperator::Eq)))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for (k, v) in self.vars.iter() {
            visit(k);
            visit(v);
        }
        if let Some(p) = &self.prev {
            visit(p);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        let vars = std::mem::take(&mut self.vars);
        for (k, v) in vars.iter() {
            out.push(k.clone());
            out.push(v.clone());
        }
        out.extend(self.prev.take());
    }
}
