//! `chain(*iterables)` and `chain.from_iterable(iterable)`: the items of
//! each iterable in turn.

use rpy_vm::{ClassDef, Native, NativeClass, Payload, PyRef, PyResult, Value, Vm};

use crate::support::{grow, plain_name, tuple};

pub struct Chain {
    /// The iterator over the iterables; `None` once exhausted.
    source: Option<Value>,
    /// The iterator over the current iterable.
    active: Option<Value>,
}

fn chain_next(vm: &mut Vm, this: Native<Chain>) -> PyResult<Option<Value>> {
    grow(|| loop {
        if let Some(active) = this.with(vm, |c| c.active.clone())? {
            if let Some(item) = vm.next(&active)? {
                return Ok(Some(item));
            }
            this.with_mut(vm, |c| c.active = None)?;
        }
        let Some(source) = this.with(vm, |c| c.source.clone())? else {
            return Ok(None);
        };
        let iterable = match vm.next(&source) {
            Ok(Some(x)) => x,
            Ok(None) => {
                this.with_mut(vm, |c| c.source = None)?;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        match vm.get_iter(&iterable) {
            Ok(it) => this.with_mut(vm, |c| c.active = Some(it))?,
            Err(e) => {
                this.with_mut(vm, |c| c.source = None)?;
                return Err(e);
            }
        }
    })
}

fn is_iterator(vm: &mut Vm, v: &Value) -> bool {
    let k = vm.intern("__next__");
    vm.lookup_special(v, &k).is_some()
}

fn chain_setstate(vm: &mut Vm, this: Native<Chain>, state: Value) -> PyResult<()> {
    let items = match state.payload() {
        Some(Payload::Tuple(t)) => t.clone(),
        _ => return Err(vm.type_error("state is not a tuple")),
    };
    let (source, active) = match items.as_slice() {
        [s] => (s.clone(), None),
        [s, a] => (s.clone(), Some(a.clone())),
        _ => {
            let n = items.len();
            let msg = if n == 0 {
                "function takes at least 1 argument (0 given)".to_owned()
            } else {
                format!("function takes at most 2 arguments ({n} given)")
            };
            return Err(vm.type_error(msg));
        }
    };
    let ok = is_iterator(vm, &source) && active.as_ref().is_none_or(|a| is_iterator(vm, a));
    if !ok {
        return Err(vm.type_error("Arguments must be iterators."));
    }
    this.with_mut(vm, |c| {
        c.source = Some(source);
        c.active = active;
    })
}

impl NativeClass for Chain {
    const NAME: &'static str = "chain";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, iterables: rpy_vm::VarArgs| {
            let t = tuple(vm, iterables.0);
            let source = vm.get_iter(&t)?;
            Ok(Chain {
                source: Some(source),
                active: None,
            })
        });
        plain_name(sig, "chain");
        c.classmethod(
            "from_iterable",
            |vm: &mut Vm, cls: PyRef, iterable: Value| -> PyResult<Value> {
                let source = vm.get_iter(&iterable)?;
                let data = Chain {
                    source: Some(source),
                    active: None,
                };
                Ok(Value::Obj(vm.new_native_instance(&cls, data)))
            },
        );
        c.classmethod(
            "__class_getitem__",
            |vm: &mut Vm, cls: PyRef, item: Value| -> Value {
                rpy_vm::new_generic_alias(vm, Value::Obj(cls), item, false)
            },
        );
        c.iter(|_vm, this| Ok(this.value()));
        c.next(chain_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Chain>| -> PyResult<Value> {
                let (source, active) = this.with(vm, |c| (c.source.clone(), c.active.clone()))?;
                let cls = Value::Obj(this.class(vm));
                let empty = tuple(vm, Vec::new());
                let mut items = vec![cls, empty];
                if let Some(s) = source {
                    let mut state = vec![s];
                    state.extend(active);
                    items.push(tuple(vm, state));
                }
                Ok(tuple(vm, items))
            },
        );
        c.method("__setstate__", chain_setstate);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.source {
            visit(s);
        }
        if let Some(a) = &self.active {
            visit(a);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.source.take());
        out.extend(self.active.take());
    }
}

/// `chain(*iterables)` made natively (`accumulate.__reduce__` uses it).
pub(crate) fn chain_of(vm: &mut Vm, iterables: Vec<Value>) -> PyResult<Value> {
    let t = tuple(vm, iterables);
    let source = vm.get_iter(&t)?;
    Ok(vm.new_native_object(Chain {
        source: Some(source),
        active: None,
    }))
}
