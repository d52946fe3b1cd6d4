//! `functools.partial`: a callable holding a function, leading
//! positional arguments and keyword arguments. Subclassable, with a
//! `__dict__`; a partial of a partial (whose `__dict__` is empty and whose
//! class calls as partial does) is flattened into one; `__reduce__` and
//! `__setstate__` make copy and pickle work; the repr names the class as
//! CPython's `tp_name` does.

use rpy_vm::new_generic_alias as new_alias;
use rpy_vm::{Args, ClassDef, KwArgs, Native, NativeClass, PyRef, PyResult, Value, VarArgs, Vm};

use crate::arguments::tp_name;

pub struct Partial {
    pub func: Value,
    /// The leading positional arguments: always an exact tuple.
    pub args: Value,
    /// The keyword arguments: always an exact dict, read at each call
    /// (`p.keywords` is that dict, so changing it changes the calls).
    pub keywords: PyRef,
}

impl NativeClass for Partial {
    const NAME: &'static str = "partial";
    const MODULE: &'static str = "functools";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some(
        "partial(func, *args, **keywords) - new function with partial application\n    \
         of the given arguments and keywords.\n",
    );

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, args: VarArgs, kw: KwArgs| new_partial(vm, args.0, kw.0));
        c.getter("func", |p: &Partial| p.func.clone());
        c.getter("args", |p: &Partial| p.args.clone());
        c.getter("keywords", |p: &Partial| Value::Obj(p.keywords.clone()));
        c.call(call);
        c.repr(repr);
        c.method("__reduce__", reduce);
        c.method("__setstate__", setstate);
        c.classmethod(
            "__class_getitem__",
            |vm: &mut Vm, cls: PyRef, item: Value| new_alias(vm, Value::Obj(cls), item, false),
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.args);
        visit(&Value::Obj(self.keywords.clone()));
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.func, Value::None));
        out.push(std::mem::replace(&mut self.args, Value::None));
    }
}

/// `partial(func, *args, **keywords)`.
fn new_partial(vm: &mut Vm, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Partial> {
    let mut pos = pos.into_iter();
    let Some(mut func) = pos.next() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !vm.is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut all_args = Vec::new();
    let keywords = vm.new_dict_ref();
    if let Some(inner) = flattenable(vm, &func)? {
        let (f, a, k) = inner.with(vm, |p| (p.func.clone(), p.args.clone(), p.keywords.clone()))?;
        func = f;
        all_args.extend(a.as_tuple().unwrap_or(&[]).iter().cloned());
        for (key, value) in rpy_vm::dict_entries(&k) {
            vm.dict_set(&keywords, key, value)?;
        }
    }
    all_args.extend(pos);
    for (key, value) in kw {
        let key = vm.str_val(key);
        vm.dict_set(&keywords, key, value)?;
    }
    let args = vm.new_tuple(all_args);
    Ok(Partial {
        func,
        args,
        keywords,
    })
}

/// `func` as a partial to flatten: an instance of partial or of a
/// subclass that calls as partial does (no `__call__` of its own), with
/// nothing in its `__dict__`.
fn flattenable(vm: &mut Vm, func: &Value) -> PyResult<Option<Native<Partial>>> {
    let Some(inner) = Native::<Partial>::of(func) else {
        return Ok(None);
    };
    let base = vm.native_type::<Partial>();
    let cls = inner.class(vm);
    if !std::rc::Rc::ptr_eq(&cls, &base) {
        let name = vm.intern("__call__");
        let own = vm.lookup_cached(&cls, &name);
        let native = vm.lookup_cached(&base, &name);
        let same = match (own, native) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        if !same {
            return Ok(None);
        }
    }
    if let Some(d) = inner.obj().dict() {
        let d = Value::Obj(d.clone());
        if vm.len(&d)? != 0 {
            return Ok(None);
        }
    }
    Ok(Some(inner))
}

/// `p(*args, **kwargs)`: `func(*p.args, *args, **{**p.keywords, **kwargs})`.
fn call(vm: &mut Vm, this: Native<Partial>, args: Args<'_>) -> PyResult<Value> {
    let (func, pargs, keywords) =
        this.with(vm, |p| (p.func.clone(), p.args.clone(), p.keywords.clone()))?;
    let pargs = pargs.as_tuple().unwrap_or(&[]);
    let stored = rpy_vm::dict_entries(&keywords);
    if pargs.is_empty() && stored.is_empty() {
        return vm.call_with(&func, args);
    }
    let pos = args.pos();
    let mut values = Vec::with_capacity(pargs.len() + args.values.len() + stored.len());
    values.extend_from_slice(pargs);
    values.extend_from_slice(pos);
    if stored.is_empty() {
        values.extend_from_slice(args.values.get(pos.len()..).unwrap_or(&[]));
        return vm.call_with(&func, Args::with_kw(&values, args.kwnames));
    }
    // The stored keywords, overridden by the call's.
    let mut names: Vec<Value> = Vec::with_capacity(stored.len() + args.kwnames.len());
    let mut kwvalues: Vec<Value> = Vec::with_capacity(names.capacity());
    for (k, v) in stored {
        if k.as_str().is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        names.push(k);
        kwvalues.push(v);
    }
    for (k, v) in args.kw() {
        match names.iter().position(|n| n.as_str() == Some(k)) {
            Some(i) => kwvalues[i] = v.clone(),
            None => {
                names.push(Value::Obj(vm.intern(k)));
                kwvalues.push(v.clone());
            }
        }
    }
    values.extend(kwvalues);
    vm.call_with(&func, Args::with_kw(&values, &names))
}

/// `functools.partial(<function f at 0x...>, 1, a=2)`; "..." inside
/// itself.
fn repr(vm: &mut Vm, this: Native<Partial>) -> PyResult<String> {
    let me = this.value();
    let name = tp_name(vm, &me);
    if !vm.repr_enter(&me) {
        return Ok("...".to_owned());
    }
    let r = repr_parts(vm, &this);
    vm.repr_leave(&me);
    Ok(format!("{name}({})", r?))
}

fn repr_parts(vm: &mut Vm, this: &Native<Partial>) -> PyResult<String> {
    let (func, args, keywords) =
        this.with(vm, |p| (p.func.clone(), p.args.clone(), p.keywords.clone()))?;
    let mut out = vm.repr(&func)?;
    for a in args.as_tuple().unwrap_or(&[]).to_vec() {
        out.push_str(", ");
        out.push_str(&vm.repr(&a)?);
    }
    for (k, v) in rpy_vm::dict_entries(&keywords) {
        out.push_str(", ");
        out.push_str(&vm.str(&k)?);
        out.push('=');
        out.push_str(&vm.repr(&v)?);
    }
    Ok(out)
}

/// `(type(p), (p.func,), (p.func, p.args, p.keywords, p.__dict__ or None))`.
fn reduce(vm: &mut Vm, this: Native<Partial>) -> PyResult<Value> {
    let (func, args, keywords) =
        this.with(vm, |p| (p.func.clone(), p.args.clone(), p.keywords.clone()))?;
    let cls = Value::Obj(this.class(vm));
    let inst_dict = match this.obj().dict() {
        Some(d) => {
            let d = Value::Obj(d.clone());
            if vm.len(&d)? == 0 {
                Value::None
            } else {
                d
            }
        }
        None => Value::None,
    };
    let first = vm.new_tuple(vec![func.clone()]);
    let state = vm.new_tuple(vec![func, args, Value::Obj(keywords), inst_dict]);
    Ok(vm.new_tuple(vec![cls, first, state]))
}

/// `p.__setstate__((func, args, keywords, dict))`.
fn setstate(vm: &mut Vm, this: Native<Partial>, state: Value) -> PyResult<Value> {
    let invalid = |vm: &mut Vm| vm.type_error("invalid partial state");
    let tuple_class = vm.types.tuple.clone();
    let dict_class = vm.types.dict.clone();
    let items = match state.as_tuple() {
        Some(items) if vm.is_instance(&state, &tuple_class) => items.to_vec(),
        _ => return Err(invalid(vm)),
    };
    let [func, fargs, kw, inst_dict] = <[Value; 4]>::try_from(items).map_err(|_| invalid(vm))?;
    if !vm.is_callable(&func)
        || fargs.as_tuple().is_none()
        || !(kw.is_none() || vm.is_instance(&kw, &dict_class))
    {
        return Err(invalid(vm));
    }
    // Exact copies of subclass instances, as CPython makes.
    let fargs = vm.new_tuple(fargs.as_tuple().unwrap_or(&[]).to_vec());
    let keywords = match kw.as_obj() {
        Some(d) if !kw.is_none() && d.class_is(&dict_class) => d.clone(),
        Some(d) if !kw.is_none() => {
            let copy = vm.new_dict_ref();
            for (k, v) in rpy_vm::dict_entries(d) {
                vm.dict_set(&copy, k, v)?;
            }
            copy
        }
        _ => vm.new_dict_ref(),
    };
    let new_dict = if inst_dict.is_none() {
        vm.new_dict()
    } else {
        inst_dict
    };
    rpy_vm::set_instance_dict(vm, &this.value(), new_dict)?;
    let old = this.with_mut(vm, |p| {
        let f = std::mem::replace(&mut p.func, func);
        let a = std::mem::replace(&mut p.args, fargs);
        let k = std::mem::replace(&mut p.keywords, keywords);
        (f, a, k)
    })?;
    drop(old);
    Ok(Value::None)
}
