//! The filtering iterators: `compress(data, selectors)`,
//! `dropwhile(predicate, iterable)`, `takewhile(predicate, iterable)` and
//! `filterfalse(predicate, iterable)`.

use rpy_vm::{ClassDef, Native, NativeClass, PyResult, Value, Vm};

use crate::support::{grow, next_of, plain_name, reduce_value};

/// `compress(data, selectors)`: the items of data whose selector is true.
pub struct Compress {
    data: Value,
    selectors: Value,
}

fn compress_next(vm: &mut Vm, this: Native<Compress>) -> PyResult<Option<Value>> {
    let (data, selectors) = this.with(vm, |c| (c.data.clone(), c.selectors.clone()))?;
    grow(|| loop {
        let Some(d) = vm.next(&data)? else {
            return Ok(None);
        };
        let Some(s) = vm.next(&selectors)? else {
            return Ok(None);
        };
        if vm.is_true(&s)? {
            return Ok(Some(d));
        }
    })
}

impl NativeClass for Compress {
    const NAME: &'static str = "compress";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return data elements corresponding to true selector elements.");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, data: Value, selectors: Value| {
            let data = vm.get_iter(&data)?;
            let selectors = vm.get_iter(&selectors)?;
            Ok(Compress { data, selectors })
        })
        .params(&["data", "selectors"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(compress_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Compress>| -> PyResult<Value> {
                let args = this.with(vm, |c| vec![c.data.clone(), c.selectors.clone()])?;
                Ok(reduce_value(vm, &this, args, None))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data);
        visit(&self.selectors);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.data, Value::None));
        out.push(std::mem::replace(&mut self.selectors, Value::None));
    }
}

/// The state of the predicate-driven iterators.
pub struct Predicated {
    func: Value,
    it: Value,
    /// dropwhile: the predicate has failed once (everything passes now);
    /// takewhile: it has failed (nothing passes any more).
    flag: bool,
}

impl Predicated {
    fn new(vm: &mut Vm, func: Value, iterable: Value) -> PyResult<Predicated> {
        let it = vm.get_iter(&iterable)?;
        Ok(Predicated {
            func,
            it,
            flag: false,
        })
    }

    fn parts(&self) -> (Value, Value, bool) {
        (self.func.clone(), self.it.clone(), self.flag)
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.func, Value::None));
        out.push(std::mem::replace(&mut self.it, Value::None));
    }
}

/// `dropwhile(predicate, iterable)`: the items from the first one the
/// predicate rejects on.
pub struct DropWhile(Predicated);

fn dropwhile_next(vm: &mut Vm, this: Native<DropWhile>) -> PyResult<Option<Value>> {
    let (func, it, _) = this.with(vm, |d| d.0.parts())?;
    grow(|| loop {
        let Some(item) = vm.next(&it)? else {
            return Ok(None);
        };
        if this.with(vm, |d| d.0.flag)? {
            return Ok(Some(item));
        }
        let ok = vm.call(&func, std::slice::from_ref(&item))?;
        if !vm.is_true(&ok)? {
            this.with_mut(vm, |d| d.0.flag = true)?;
            return Ok(Some(item));
        }
    })
}

/// `__setstate__(flag)` of dropwhile and takewhile.
fn set_flag(vm: &mut Vm, state: &Value) -> PyResult<bool> {
    vm.is_true(state)
}

impl NativeClass for DropWhile {
    const NAME: &'static str = "dropwhile";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, predicate: Value, iterable: Value| {
            Predicated::new(vm, predicate, iterable).map(DropWhile)
        });
        plain_name(sig, "dropwhile");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(dropwhile_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<DropWhile>| -> PyResult<Value> {
                let (f, it, flag) = this.with(vm, |d| d.0.parts())?;
                Ok(reduce_value(
                    vm,
                    &this,
                    vec![f, it],
                    Some(Value::Bool(flag)),
                ))
            },
        );
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<DropWhile>, state: Value| -> PyResult<()> {
                let flag = set_flag(vm, &state)?;
                this.with_mut(vm, |d| d.0.flag = flag)
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.0.clear(out);
    }
}

/// `takewhile(predicate, iterable)`: the items up to the first one the
/// predicate rejects.
pub struct TakeWhile(Predicated);

fn takewhile_next(vm: &mut Vm, this: Native<TakeWhile>) -> PyResult<Option<Value>> {
    let (func, it, stopped) = this.with(vm, |d| d.0.parts())?;
    if stopped {
        return Ok(None);
    }
    let Some(item) = next_of(vm, &it)? else {
        return Ok(None);
    };
    let ok = vm.call(&func, std::slice::from_ref(&item))?;
    if vm.is_true(&ok)? {
        return Ok(Some(item));
    }
    this.with_mut(vm, |d| d.0.flag = true)?;
    Ok(None)
}

impl NativeClass for TakeWhile {
    const NAME: &'static str = "takewhile";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return successive entries from an iterable as long as the predicate evaluates to true for each entry.");

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, predicate: Value, iterable: Value| {
            Predicated::new(vm, predicate, iterable).map(TakeWhile)
        });
        plain_name(sig, "takewhile");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(takewhile_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<TakeWhile>| -> PyResult<Value> {
                let (f, it, flag) = this.with(vm, |d| d.0.parts())?;
                Ok(reduce_value(
                    vm,
                    &this,
                    vec![f, it],
                    Some(Value::Bool(flag)),
                ))
            },
        );
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<TakeWhile>, state: Value| -> PyResult<()> {
                let flag = set_flag(vm, &state)?;
                this.with_mut(vm, |d| d.0.flag = flag)
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.0.clear(out);
    }
}

/// `filterfalse(predicate, iterable)`: the items the predicate rejects
/// (`None`: the false items).
pub struct FilterFalse(Predicated);

fn filterfalse_next(vm: &mut Vm, this: Native<FilterFalse>) -> PyResult<Option<Value>> {
    let (func, it, _) = this.with(vm, |d| d.0.parts())?;
    grow(|| loop {
        let Some(item) = vm.next(&it)? else {
            return Ok(None);
        };
        let ok = if func.is_none() {
            vm.is_true(&item)?
        } else {
            let r = vm.call(&func, std::slice::from_ref(&item))?;
            vm.is_true(&r)?
        };
        if !ok {
            return Ok(Some(item));
        }
    })
}

impl NativeClass for FilterFalse {
    const NAME: &'static str = "filterfalse";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, function: Value, iterable: Value| {
            Predicated::new(vm, function, iterable).map(FilterFalse)
        });
        plain_name(sig, "filterfalse");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(filterfalse_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<FilterFalse>| -> PyResult<Value> {
                let (f, it, _) = this.with(vm, |d| d.0.parts())?;
                Ok(reduce_value(vm, &this, vec![f, it], None))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.0.clear(out);
    }
}
