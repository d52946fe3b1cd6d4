//! `_contextvars.ContextVar` and `Token`: a variable whose value lives in
//! the current context (`context.rs`), and the receipt `set` returns so
//! that `reset` can put the previous value back, once.

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, PyRef, PyResult, Value, Vm};

use crate::context::{self, Context};

pub struct ContextVar {
    name: Value,
    default: Option<Value>,
}

/// `Token.MISSING`: the old value of a token whose variable was unset.
pub struct Missing;

impl NativeClass for Missing {
    const NAME: &'static str = "MISSING";
    // Shown as `Token.MISSING`, as CPython names the type.
    const MODULE: &'static str = "Token";
    fn define(c: &mut ClassDef<Self>) {
        c.repr(|_vm, _this| Ok("<Token.MISSING>".to_owned()));
    }
}

const TOKEN_CLASS: &str = "rpy.contextvars.token";

/// The interpreter's `Token` class and its `Token.MISSING`. The native
/// type is shared by the thread's interpreters and cannot carry an
/// object of one of them, so `_contextvars.Token` is a class of each
/// interpreter deriving from it, which holds `MISSING`.
#[derive(Clone)]
struct TokenClass {
    class: PyRef,
    missing: Value,
}

fn token_class(vm: &mut Vm) -> PyResult<TokenClass> {
    if let Some(t) = vm
        .extensions
        .get(TOKEN_CLASS)
        .and_then(|t| t.downcast_ref::<TokenClass>())
    {
        return Ok(t.clone());
    }
    let base = vm.native_type::<Token>();
    let ns = vm.new_dict_ref();
    let module = vm.str_val("_contextvars");
    vm.dict_set_str(&ns, "__module__", module)?;
    let missing = vm.new_native_object(Missing);
    vm.dict_set_str(&ns, "MISSING", missing.clone())?;
    // CPython's Token cannot be subclassed; this class refuses to be.
    let refuse = vm.new_native_closure(
        "__init_subclass__",
        std::rc::Rc::new(|vm: &mut Vm, _args: rpy_vm::Args<'_>| -> PyResult<Value> {
            Err(vm.type_error("type '_contextvars.Token' is not an acceptable base type"))
        }),
    );
    vm.dict_set_str(&ns, "__init_subclass__", refuse)?;
    let meta = vm.types.type_.clone();
    let class = vm.make_class(&meta, "Token", vec![base], &ns, &[])?;
    if let Some(t) = class.as_type() {
        *t.tp_name.borrow_mut() = Some("_contextvars.Token".to_owned());
    }
    let t = TokenClass { class, missing };
    vm.extensions.insert(TOKEN_CLASS, Box::new(t.clone()));
    Ok(t)
}

fn missing(vm: &mut Vm) -> PyResult<Value> {
    Ok(token_class(vm)?.missing)
}

/// A token's old value: the value, or `Token.MISSING`.
struct OldValue(Option<Value>);

impl rpy_vm::ToPython for OldValue {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        match self.0 {
            Some(v) => Ok(v),
            None => missing(vm),
        }
    }
}

pub struct Token {
    ctx: Value,
    var: Value,
    old: Option<Value>,
    used: bool,
}

fn var_repr(vm: &mut Vm, this: &Native<ContextVar>) -> PyResult<String> {
    let (name, default) = this.with(vm, |v| (v.name.clone(), v.default.clone()))?;
    let mut s = format!("<ContextVar name={}", vm.repr(&name)?);
    if let Some(d) = default {
        s.push_str(&format!(" default={}", vm.repr(&d)?));
    }
    s.push_str(&format!(" at {:#x}>", this.value().id()));
    Ok(s)
}

fn get(vm: &mut Vm, this: Native<ContextVar>, default: OptArg<Value>) -> PyResult<Value> {
    let ctx = context::current(vm);
    let vars = match Native::<Context>::of(&ctx) {
        Some(c) => c.with(vm, |c| c.vars.clone())?,
        None => Default::default(),
    };
    if let Some(v) = context::lookup(&vars, &this.value()) {
        return Ok(v);
    }
    if let Some(d) = default.0 {
        return Ok(d);
    }
    if let Some(d) = this.with(vm, |v| v.default.clone())? {
        return Ok(d);
    }
    let c = vm.exc.lookup_error.clone();
    Err(rpy_vm::PyErr(vm.new_exception(&c, vec![this.value()])))
}

fn set(vm: &mut Vm, this: Native<ContextVar>, value: Value) -> PyResult<Value> {
    let ctx = context::current(vm);
    let Some(c) = Native::<Context>::of(&ctx) else {
        return Err(vm.system_error("the current context is not a Context"));
    };
    let var = this.value();
    let old = c.with_mut(vm, |c| {
        let old = context::lookup(&c.vars, &var);
        c.vars = context::with(&c.vars, &var, Some(value));
        old
    })?;
    let class = token_class(vm)?.class;
    let token = Token {
        ctx,
        var,
        old,
        used: false,
    };
    Ok(Value::Obj(vm.new_native_instance(&class, token)))
}

fn reset(vm: &mut Vm, this: Native<ContextVar>, token: Value) -> PyResult<()> {
    let Some(t) = Native::<Token>::of(&token) else {
        let r = vm.repr(&token)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {r}")));
    };
    let (ctx, var, old, used) = t.with(vm, |t| {
        (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used)
    })?;
    if used {
        let r = vm.repr(&token)?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if var.id() != this.value().id() {
        let r = vm.repr(&token)?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let current = context::current(vm);
    if ctx.id() != current.id() {
        let r = vm.repr(&token)?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    t.with_mut(vm, |t| t.used = true)?;
    if let Some(c) = Native::<Context>::of(&current) {
        c.with_mut(vm, |c| c.vars = context::with(&c.vars, &var, old))?;
    }
    Ok(())
}

/// `ContextVar(name, *, default)`'s arguments, with the messages of
/// CPython's `PyArg_ParseTupleAndKeywords`.
fn constructor_args(
    vm: &mut Vm,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<(Value, Option<Value>)> {
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let Some(name) = pos.into_iter().next() else {
        return Err(vm.type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    };
    let mut default = None;
    for (k, v) in kw {
        if k != "default" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for ContextVar()"
            )));
        }
        default = Some(v);
    }
    Ok((name, default))
}

impl NativeClass for ContextVar {
    const NAME: &'static str = "ContextVar";
    const MODULE: &'static str = "_contextvars";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, a: rpy_vm::VarArgs, k: rpy_vm::KwArgs| {
            let (name, default) = constructor_args(vm, a.0, k.0)?;
            if name.as_str().is_none() {
                return Err(vm.type_error("context variable name must be a str"));
            }
            Ok(ContextVar { name, default })
        });
        c.getter("name", |v: &ContextVar| v.name.clone());
        c.method("get", get);
        c.method("set", set);
        c.method("reset", reset);
        c.classmethod(
            "__class_getitem__",
            |vm: &mut Vm, cls: rpy_vm::PyRef, item: Value| {
                let alias = Value::Obj(vm.types.generic_alias.clone());
                vm.call(&alias, &[Value::Obj(cls), item])
            },
        );
        c.repr(|vm, this| var_repr(vm, &this));
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.default.take());
    }
}

impl NativeClass for Token {
    const NAME: &'static str = "Token";
    const MODULE: &'static str = "_contextvars";
    // The interpreter's `Token` class derives from it.
    const BASETYPE: bool = true;

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(
            |vm: &mut Vm, _a: rpy_vm::VarArgs, _k: rpy_vm::KwArgs| -> PyResult<Token> {
                Err(vm.runtime_error("Tokens can only be created by ContextVars"))
            },
        );
        c.getter("var", |t: &Token| t.var.clone());
        c.getter("old_value", |t: &Token| OldValue(t.old.clone()));
        c.classmethod(
            "__class_getitem__",
            |vm: &mut Vm, cls: rpy_vm::PyRef, item: Value| {
                let alias = Value::Obj(vm.types.generic_alias.clone());
                vm.call(&alias, &[Value::Obj(cls), item])
            },
        );
        c.repr(|vm, this| {
            let (var, used) = this.with(vm, |t| (t.var.clone(), t.used))?;
            let r = vm.repr(&var)?;
            let used = if used { " used" } else { "" };
            Ok(format!("<Token{used} var={r} at {:#x}>", this.value().id()))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.ctx);
        visit(&self.var);
        if let Some(o) = &self.old {
            visit(o);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.old.take());
    }
}

/// `_contextvars.Token`: the interpreter's class (see [`token_class`]).
pub fn token_type(vm: &mut Vm) -> PyResult<PyRef> {
    Ok(token_class(vm)?.class)
}
