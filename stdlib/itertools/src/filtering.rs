//! The filtering iterators: `compress(data, selectors)`,
//! `dropwhile(predicate, iterable)`, `takewhile(predicate, iterable)` and
//! `filterfalse(predicate, iterable)`.

use std::marker::PhantomData;

use rpy_vm::{ClassDef, Native, NativeClass, PyResult, Value, Vm};

use crate::support::{grow, next_of, pair_iterator, plain_name, Pair, PairIter};

/// `compress(data, selectors)`: the items of data whose selector is true.
pub struct Compress(Pair);

fn compress_next(vm: &mut Vm, this: Native<Compress>) -> PyResult<Option<Value>> {
    let Pair(data, selectors) = this.with(vm, |c| c.0.clone())?;
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

impl PairIter for Compress {
    fn pair(&self) -> &Pair {
        &self.0
    }
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
            Ok(Compress(Pair(data, selectors)))
        })
        .params(&["data", "selectors"]);
        pair_iterator(c, compress_next);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.0.clear(out);
    }
}

/// The predicate-driven iterators (`dropwhile`, `takewhile`,
/// `filterfalse`): one type, told apart by its [`Rule`].
pub struct Predicated<R> {
    pair: Pair,
    /// dropwhile: the predicate has failed once (everything passes now);
    /// takewhile: it has failed (nothing passes any more).
    flag: bool,
    rule: PhantomData<R>,
}

/// What one predicate-driven iterator does with its predicate.
pub trait Rule: 'static {
    const NAME: &'static str;
    const DOC: &'static str;
    /// Whether the flag is pickled (`__reduce__` state, `__setstate__`).
    const STATEFUL: bool;
    fn next(vm: &mut Vm, this: Native<Predicated<Self>>) -> PyResult<Option<Value>>
    where
        Self: Sized;
}

impl<R: Rule> PairIter for Predicated<R> {
    fn pair(&self) -> &Pair {
        &self.pair
    }

    fn state(&self) -> Option<Value> {
        R::STATEFUL.then_some(Value::Bool(self.flag))
    }
}

impl<R: Rule> NativeClass for Predicated<R> {
    const NAME: &'static str = R::NAME;
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(R::DOC);

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, predicate: Value, iterable: Value| {
            let it = vm.get_iter(&iterable)?;
            Ok(Predicated {
                pair: Pair(predicate, it),
                flag: false,
                rule: PhantomData,
            })
        });
        plain_name(sig, R::NAME);
        pair_iterator(c, R::next);
        if R::STATEFUL {
            c.method(
                "__setstate__",
                |vm: &mut Vm, this: Native<Self>, state: Value| -> PyResult<()> {
                    let flag = vm.is_true(&state)?;
                    this.with_mut(vm, |d| d.flag = flag)
                },
            );
        }
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pair.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.pair.clear(out);
    }
}

/// `dropwhile(predicate, iterable)`: the items from the first one the
/// predicate rejects on.
pub type DropWhile = Predicated<Dropping>;

pub struct Dropping;

impl Rule for Dropping {
    const NAME: &'static str = "dropwhile";
    const DOC: &'static str = "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.";
    const STATEFUL: bool = true;

    fn next(vm: &mut Vm, this: Native<DropWhile>) -> PyResult<Option<Value>> {
        let Pair(func, it) = this.with(vm, |d| d.pair.clone())?;
        grow(|| loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(None);
            };
            if this.with(vm, |d| d.flag)? {
                return Ok(Some(item));
            }
            let ok = vm.call(&func, std::slice::from_ref(&item))?;
            if !vm.is_true(&ok)? {
                this.with_mut(vm, |d| d.flag = true)?;
                return Ok(Some(item));
            }
        })
    }
}

/// `takewhile(predicate, iterable)`: the items up to the first one the
/// predicate rejects.
pub type TakeWhile = Predicated<Taking>;

pub struct Taking;

impl Rule for Taking {
    const NAME: &'static str = "takewhile";
    const DOC: &'static str = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.";
    const STATEFUL: bool = true;

    fn next(vm: &mut Vm, this: Native<TakeWhile>) -> PyResult<Option<Value>> {
        let (Pair(func, it), stopped) = this.with(vm, |d| (d.pair.clone(), d.flag))?;
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
        this.with_mut(vm, |d| d.flag = true)?;
        Ok(None)
    }
}

/// `filterfalse(predicate, iterable)`: the items the predicate rejects
/// (`None`: the false items).
pub type FilterFalse = Predicated<Rejecting>;

pub struct Rejecting;

impl Rule for Rejecting {
    const NAME: &'static str = "filterfalse";
    const DOC: &'static str = "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.";
    const STATEFUL: bool = false;

    fn next(vm: &mut Vm, this: Native<FilterFalse>) -> PyResult<Option<Value>> {
        let Pair(func, it) = this.with(vm, |d| d.pair.clone())?;
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
}
