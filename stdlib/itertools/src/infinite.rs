//! The infinite iterators: `count(start, step)`, `cycle(iterable)` and
//! `repeat(object, times)`.

use rpy_vm::{
    BinaryOperator, ClassDef, Native, NativeClass, OptArg, Payload, PyResult, Value, VarArgs, Vm,
};

use crate::support::{check_items, class_name, next_of, one_arg, plain_name, ssize, tuple};

/// `count(start=0, step=1)`: start, start+step, start+2*step, ...
pub struct Count {
    cnt: Value,
    step: Value,
    /// CPython's "fast mode": an int start that fits a `Py_ssize_t` and
    /// the step int 1. It shows in `__reduce__` (no step then).
    fast: bool,
}

/// Whether `v` is an int whose value is 1 (`True` included, as CPython's
/// `PyLong_Check` is).
fn is_int_one(v: &Value) -> bool {
    matches!(v, Value::Int(1) | Value::Bool(true))
}

/// CPython's `PyNumber_Check`: an int, float or complex, or a type with
/// `__index__`, `__int__` or `__float__`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(o) => {
            if matches!(
                o.payload,
                Payload::Int(_) | Payload::Float(_) | Payload::Complex(..)
            ) {
                return true;
            }
            ["__index__", "__int__", "__float__"].iter().any(|n| {
                let k = vm.intern(n);
                vm.lookup_special(v, &k).is_some()
            })
        }
        _ => false,
    }
}

fn count_new(vm: &mut Vm, start: OptArg<Value>, step: OptArg<Value>) -> PyResult<Count> {
    let start = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    let fast = matches!(start, Value::Int(_) | Value::Bool(_)) && is_int_one(&step);
    let cnt = match start {
        Value::Bool(b) if fast => Value::Int(i64::from(b)),
        other => other,
    };
    Ok(Count { cnt, step, fast })
}

fn count_next(vm: &mut Vm, this: Native<Count>) -> PyResult<Option<Value>> {
    let (cnt, step, fast) = this.with(vm, |c| (c.cnt.clone(), c.step.clone(), c.fast))?;
    if fast {
        if let Value::Int(i) = cnt {
            if let Some(n) = i.checked_add(1) {
                this.with_mut(vm, |c| c.cnt = Value::Int(n))?;
                return Ok(Some(cnt));
            }
        }
    }
    let next = vm.binary_op(&cnt, &step, BinaryOperator::Add)?;
    this.with_mut(vm, |c| {
        c.cnt = next;
        c.fast = false;
    })?;
    Ok(Some(cnt))
}

fn count_repr(vm: &mut Vm, this: Native<Count>) -> PyResult<String> {
    let (cnt, step) = this.with(vm, |c| (c.cnt.clone(), c.step.clone()))?;
    let name = class_name(vm, &this.value());
    let c = vm.repr(&cnt)?;
    if is_int_one(&step) {
        return Ok(format!("{name}({c})"));
    }
    let s = vm.repr(&step)?;
    Ok(format!("{name}({c}, {s})"))
}

impl NativeClass for Count {
    const NAME: &'static str = "count";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return a count object whose .__next__() method returns consecutive values.");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(count_new).params(&["start", "step"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(count_next);
        c.repr(count_repr);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Count>| -> PyResult<Value> {
                let (cnt, step, fast) =
                    this.with(vm, |c| (c.cnt.clone(), c.step.clone(), c.fast))?;
                let args = if fast { vec![cnt] } else { vec![cnt, step] };
                let args = tuple(vm, args);
                let cls = Value::Obj(this.class(vm));
                Ok(tuple(vm, vec![cls, args]))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cnt);
        visit(&self.step);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.cnt, Value::None));
        out.push(std::mem::replace(&mut self.step, Value::None));
    }
}

/// `cycle(iterable)`: the items, then the saved items over and over.
pub struct Cycle {
    /// The source while the first pass lasts.
    it: Option<Value>,
    /// The items seen, a Python list: `__reduce__` hands it out and
    /// `__setstate__` takes one, shared as in CPython.
    saved: Value,
    index: usize,
    /// Set once the saved items are being replayed (`__setstate__` can
    /// set it too): no more items are saved.
    firstpass: bool,
}

/// The items of a list value (empty for anything else).
fn list_items(v: &Value) -> Option<&std::cell::RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Some(l),
        _ => None,
    }
}

fn cycle_next(vm: &mut Vm, this: Native<Cycle>) -> PyResult<Option<Value>> {
    let (it, saved, firstpass) = this.with(vm, |c| (c.it.clone(), c.saved.clone(), c.firstpass))?;
    let Some(list) = list_items(&saved) else {
        return Ok(None);
    };
    if let Some(it) = it {
        if let Some(item) = next_of(vm, &it)? {
            if !firstpass {
                let (len, cap) = list
                    .try_borrow()
                    .map(|l| (l.len(), l.capacity()))
                    .unwrap_or((0, 1));
                if len == cap {
                    check_items(vm, len + len.max(4), std::mem::size_of::<Value>())?;
                }
                if let Ok(mut l) = list.try_borrow_mut() {
                    l.push(item.clone());
                }
            }
            return Ok(Some(item));
        }
        this.with_mut(vm, |c| c.it = None)?;
    }
    let index = this.with(vm, |c| c.index)?;
    let (item, len) = match list.try_borrow() {
        Ok(l) => (l.get(index).cloned(), l.len()),
        Err(_) => (None, 0),
    };
    let Some(item) = item else {
        return Ok(None);
    };
    this.with_mut(vm, |c| {
        c.index = if index + 1 >= len { 0 } else { index + 1 };
        c.firstpass = true;
    })?;
    Ok(Some(item))
}

impl NativeClass for Cycle {
    const NAME: &'static str = "cycle";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.");

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, args: VarArgs| {
            let iterable = one_arg(vm, "cycle", args)?;
            let it = vm.get_iter(&iterable)?;
            Ok(Cycle {
                it: Some(it),
                saved: vm.new_list(Vec::new()),
                index: 0,
                firstpass: false,
            })
        });
        plain_name(sig, "cycle");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(cycle_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Cycle>| -> PyResult<Value> {
                let (it, saved, firstpass, index) = this.with(vm, |c| {
                    (c.it.clone(), c.saved.clone(), c.firstpass, c.index)
                })?;
                let cls = Value::Obj(this.class(vm));
                let (it, firstpass) = match it {
                    Some(it) => (it, firstpass),
                    None => {
                        // The first pass is over: an iterator over the saved
                        // items from the current one on continues it.
                        let rest = list_items(&saved)
                            .and_then(|l| {
                                l.try_borrow()
                                    .ok()
                                    .map(|l| l.get(index..).unwrap_or_default().to_vec())
                            })
                            .unwrap_or_default();
                        let l = vm.new_list(rest);
                        (vm.get_iter(&l)?, true)
                    }
                };
                let args = tuple(vm, vec![it]);
                let state = tuple(vm, vec![saved, Value::Bool(firstpass)]);
                Ok(tuple(vm, vec![cls, args, state]))
            },
        );
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<Cycle>, state: Value| -> PyResult<()> {
                let Some(Payload::Tuple(t)) = state.payload() else {
                    return Err(vm.type_error("state is not a tuple"));
                };
                let [saved, firstpass] = t.as_slice() else {
                    let n = t.len();
                    return Err(
                        vm.type_error(format!("function takes exactly 2 arguments ({n} given)"))
                    );
                };
                let (saved, firstpass) = (saved.clone(), firstpass.clone());
                if list_items(&saved).is_none() {
                    let t = vm.type_name(&saved);
                    return Err(vm.type_error(format!("argument 1 must be list, not {t}")));
                }
                let firstpass = ssize(vm, &firstpass)? != 0;
                this.with_mut(vm, |c| {
                    c.saved = saved;
                    c.firstpass = firstpass;
                    c.index = 0;
                })
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(it) = &self.it {
            visit(it);
        }
        visit(&self.saved);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.it.take());
        out.push(std::mem::replace(&mut self.saved, Value::None));
    }
}

/// `repeat(object, times)`: the object, forever or `times` times.
pub struct Repeat {
    element: Value,
    /// Items left; `None`: forever.
    cnt: Option<usize>,
}

fn repeat_new(vm: &mut Vm, object: Value, times: OptArg<Value>) -> PyResult<Repeat> {
    let cnt = match times.into_option() {
        None => None,
        Some(t) => Some(usize::try_from(ssize(vm, &t)?).unwrap_or(0)),
    };
    Ok(Repeat {
        element: object,
        cnt,
    })
}

impl NativeClass for Repeat {
    const NAME: &'static str = "repeat";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.",
    );

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(repeat_new).params(&["object", "times"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            this.with_mut(vm, |r| match &mut r.cnt {
                None => Some(r.element.clone()),
                Some(0) => None,
                Some(n) => {
                    *n -= 1;
                    Some(r.element.clone())
                }
            })
        });
        c.repr(|vm, this| {
            let (e, cnt) = this.with(vm, |r| (r.element.clone(), r.cnt))?;
            let name = class_name(vm, &this.value());
            let e = vm.repr(&e)?;
            Ok(match cnt {
                None => format!("{name}({e})"),
                Some(n) => format!("{name}({e}, {n})"),
            })
        });
        c.method(
            "__length_hint__",
            |vm: &mut Vm, this: Native<Repeat>| -> PyResult<usize> {
                match this.with(vm, |r| r.cnt)? {
                    Some(n) => Ok(n),
                    None => Err(vm.type_error("len() of unsized object")),
                }
            },
        );
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Repeat>| -> PyResult<Value> {
                let (e, cnt) = this.with(vm, |r| (r.element.clone(), r.cnt))?;
                let mut args = vec![e];
                if let Some(n) = cnt {
                    args.push(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
                }
                let args = tuple(vm, args);
                let cls = Value::Obj(this.class(vm));
                Ok(tuple(vm, vec![cls, args]))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.element);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.element, Value::None));
    }
}
