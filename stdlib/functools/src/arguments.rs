//! Argument checks with the messages CPython's C functions give, for the
//! functions of this crate that take their arguments raw (`Args`):
//! `METH_O` ("_operator.neg() takes exactly one argument (0 given)"),
//! clinic positional-only ("add expected 2 arguments, got 1"), and a
//! call's arguments rebuilt from a typed constructor's `*args, **kwargs`.

use rpy_vm::{Args, PyResult, Value, Vm};

/// A `METH_O` function's one argument; `qual` is its qualified name
/// ("_operator.neg").
pub fn one<'a>(vm: &mut Vm, args: &Args<'a>, qual: &str) -> PyResult<&'a Value> {
    let [v] = args.exact::<1>(vm, qual)?;
    Ok(v)
}

/// Exactly `N` positional arguments of a clinic function named `name`
/// in module `module` ("add expected 2 arguments, got 1";
/// "_operator.add() takes no keyword arguments").
pub fn exact<'a, const N: usize>(
    vm: &mut Vm,
    args: &Args<'a>,
    module: &str,
    name: &str,
) -> PyResult<[&'a Value; N]> {
    no_keywords(vm, args, module, name)?;
    let pos = args.pos();
    if pos.len() != N {
        let s = if N == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name} expected {N} argument{s}, got {}",
            pos.len()
        )));
    }
    Ok(std::array::from_fn(|i| &pos[i]))
}

/// "MODULE.NAME() takes no keyword arguments" (no module: "NAME()").
pub fn no_keywords(vm: &mut Vm, args: &Args<'_>, module: &str, name: &str) -> PyResult<()> {
    if args.has_kw() {
        let dot = if module.is_empty() { "" } else { "." };
        return Err(vm.type_error(format!("{module}{dot}{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// A call's arguments as one positional-then-keyword vector and the
/// keyword names, for [`Args::with_kw`] (typed constructors receive
/// `*args, **kwargs` split; the binders want them whole).
pub struct OwnedArgs {
    pub values: Vec<Value>,
    pub kwnames: Vec<Value>,
}

impl OwnedArgs {
    pub fn new(vm: &mut Vm, pos: Vec<Value>, kw: Vec<(String, Value)>) -> OwnedArgs {
        let mut values = pos;
        let mut kwnames = Vec::with_capacity(kw.len());
        for (k, v) in kw {
            kwnames.push(Value::Obj(vm.intern(&k)));
            values.push(v);
        }
        OwnedArgs { values, kwnames }
    }

    pub fn args(&self) -> Args<'_> {
        Args::with_kw(&self.values, &self.kwnames)
    }
}

/// `type(v).__name__` as CPython's `tp_name` shows a class in a repr:
/// "functools.partial" for the native type, the bare name for a Python
/// subclass.
pub fn tp_name(vm: &mut Vm, v: &Value) -> String {
    vm.type_name(v)
}
