//! `operator.methodcaller(name, /, *args, **kwargs)`: `c(obj)` is
//! `obj.name(*args, **kwargs)`.

use rpy_vm::{Args, ClassDef, KwArgs, Native, NativeClass, PyRef, PyResult, Value, VarArgs, Vm};

use crate::arguments::exact;
use crate::partial::Partial;

#[derive(Clone)]
pub struct MethodCaller {
    name: PyRef,
    args: Vec<Value>,
    /// Keyword names (interned str values) and values, in call order.
    kwnames: Vec<Value>,
    kwvalues: Vec<Value>,
}

impl NativeClass for MethodCaller {
    const NAME: &'static str = "methodcaller";
    const MODULE: &'static str = "operator";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, args: VarArgs, kw: KwArgs| {
            let mut args = args.0.into_iter();
            let Some(name) = args.next() else {
                return Err(
                    vm.type_error("methodcaller needs at least one argument, the method name")
                );
            };
            let Some(s) = name
                .as_str()
                .filter(|_| vm.is_instance(&name, &vm.types.str))
            else {
                return Err(vm.type_error("method name must be a string"));
            };
            let s = s.to_owned();
            let name = vm.intern(&s);
            let (mut kwnames, mut kwvalues) = (Vec::new(), Vec::new());
            for (k, v) in kw.0 {
                kwnames.push(Value::Obj(vm.intern(&k)));
                kwvalues.push(v);
            }
            Ok(MethodCaller {
                name,
                args: args.collect(),
                kwnames,
                kwvalues,
            })
        });
        c.call(call);
        c.repr(repr);
        c.method("__reduce__", reduce);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.args.iter().for_each(&mut *visit);
        self.kwvalues.iter().for_each(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.args);
        out.append(&mut self.kwvalues);
        self.kwnames.clear();
    }
}

/// A copy of the caller's parts (no borrow kept while Python runs).
fn parts(vm: &mut Vm, this: &Native<MethodCaller>) -> PyResult<MethodCaller> {
    this.with(vm, |m| m.clone())
}

fn call(vm: &mut Vm, this: Native<MethodCaller>, args: Args<'_>) -> PyResult<Value> {
    let [obj] = exact::<1>(vm, &args, "", "methodcaller")?;
    let MethodCaller {
        name,
        args: mut values,
        kwnames,
        kwvalues,
    } = parts(vm, &this)?;
    let method = vm.get_attr(obj, &name)?;
    values.extend(kwvalues);
    vm.call_with(&method, Args::with_kw(&values, &kwnames))
}

/// `operator.methodcaller('f', 1, x=2)`.
fn repr(vm: &mut Vm, this: Native<MethodCaller>) -> PyResult<String> {
    let me = this.value();
    if !vm.repr_enter(&me) {
        return Ok("operator.methodcaller(...)".to_owned());
    }
    let r = repr_inner(vm, &this);
    vm.repr_leave(&me);
    r
}

fn repr_inner(vm: &mut Vm, this: &Native<MethodCaller>) -> PyResult<String> {
    let MethodCaller {
        name,
        args,
        kwnames,
        kwvalues,
    } = parts(vm, this)?;
    let mut out = vec![vm.repr(&Value::Obj(name))?];
    for a in &args {
        out.push(vm.repr(a)?);
    }
    for (k, v) in kwnames.iter().zip(&kwvalues) {
        let v = vm.repr(v)?;
        out.push(format!("{}={v}", k.as_str().unwrap_or("?")));
    }
    Ok(format!("operator.methodcaller({})", out.join(", ")))
}

/// `(type, (name, *args))`, or with keywords
/// `(partial(type, name, **kwargs), args)`.
fn reduce(vm: &mut Vm, this: Native<MethodCaller>) -> PyResult<Value> {
    let MethodCaller {
        name,
        args,
        kwnames,
        kwvalues,
    } = parts(vm, &this)?;
    let cls = Value::Obj(this.class(vm));
    if kwnames.is_empty() {
        let mut all = vec![Value::Obj(name)];
        all.extend(args);
        let all = vm.new_tuple(all);
        return Ok(vm.new_tuple(vec![cls, all]));
    }
    let keywords = vm.new_dict_ref();
    for (k, v) in kwnames.into_iter().zip(kwvalues) {
        vm.dict_set(&keywords, k, v)?;
    }
    let pargs = vm.new_tuple(vec![Value::Obj(name)]);
    let p = vm.new_native_object(Partial {
        func: cls,
        args: pargs,
        keywords,
    });
    let args = vm.new_tuple(args);
    Ok(vm.new_tuple(vec![p, args]))
}
