//! `operator.attrgetter(*names)`: `g(obj)` is `obj.name` for one name
//! (dotted names walk attributes: `"a.b"` is `obj.a.b`), the tuple of them
//! for several. Also the repr shared with `itemgetter`.

use rpy_vm::{Args, ClassDef, KwArgs, Native, NativeClass, PyRef, PyResult, Value, VarArgs, Vm};

use crate::arguments::exact;

pub struct AttrGetter {
    /// The names as given, an exact tuple (repr and `__reduce__`).
    names: Value,
    /// Each name split at its dots, interned.
    paths: Vec<Vec<PyRef>>,
}

impl NativeClass for AttrGetter {
    const NAME: &'static str = "attrgetter";
    const MODULE: &'static str = "operator";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, names: VarArgs, kw: KwArgs| {
            if !kw.0.is_empty() {
                return Err(vm.type_error("attrgetter() takes no keyword arguments"));
            }
            if names.0.is_empty() {
                return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
            }
            let mut paths = Vec::with_capacity(names.0.len());
            for n in &names.0 {
                let Some(s) = n.as_str().filter(|_| vm.is_instance(n, &vm.types.str)) else {
                    return Err(vm.type_error("attribute name must be a string"));
                };
                let s = s.to_owned();
                paths.push(s.split('.').map(|part| vm.intern(part)).collect());
            }
            let names = vm.new_tuple(names.0);
            Ok(AttrGetter { names, paths })
        });
        c.call(call);
        c.repr(|vm: &mut Vm, this: Native<AttrGetter>| {
            let names = this.with(vm, |g| g.names.clone())?;
            getter_repr(vm, &this.value(), "operator.attrgetter", &names)
        });
        c.method("__reduce__", |vm: &mut Vm, this: Native<AttrGetter>| {
            let names = this.with(vm, |g| g.names.clone())?;
            let cls = Value::Obj(this.class(vm));
            Ok::<_, rpy_vm::PyErr>(vm.new_tuple(vec![cls, names]))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.names);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.names, Value::None));
    }
}

fn call(vm: &mut Vm, this: Native<AttrGetter>, args: Args<'_>) -> PyResult<Value> {
    crate::arguments::no_keywords(vm, &args, "", "attrgetter")?;
    let [obj] = exact::<1>(vm, &args, "", "attrgetter")?;
    let paths = this.with(vm, |g| g.paths.clone())?;
    let mut out = Vec::with_capacity(paths.len());
    for path in &paths {
        let mut v = obj.clone();
        for name in path {
            v = vm.get_attr(&v, name)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(vm.new_tuple(out))
}

/// `operator.itemgetter(1, 'a')`: the class and the reprs of the
/// arguments; "operator.itemgetter(...)" inside itself.
pub fn getter_repr(vm: &mut Vm, me: &Value, name: &str, items: &Value) -> PyResult<String> {
    if !vm.repr_enter(me) {
        return Ok(format!("{name}(...)"));
    }
    let mut parts = Vec::new();
    let mut err = None;
    for i in items.as_tuple().unwrap_or(&[]).to_vec() {
        match vm.repr(&i) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_leave(me);
    match err {
        Some(e) => Err(e),
        None => Ok(format!("{name}({})", parts.join(", "))),
    }
}
