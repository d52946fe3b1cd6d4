//! Iterators that combine the items of their inputs: `accumulate`,
//! `pairwise`, `starmap` and `zip_longest`.

use rpy_vm::{
    BinaryOperator, ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm,
};

use crate::support::{
    grow, items_of, next_of, one_arg, pair_iterator, plain_name, reduce_value, tuple, Pair,
    PairIter,
};

/// `accumulate(iterable, func=None, *, initial=None)`: running totals.
pub struct Accumulate {
    it: Value,
    /// The binary function; `None`: `+`.
    func: Option<Value>,
    total: Option<Value>,
    /// The first item still to give (`initial=`).
    initial: Option<Value>,
}

fn accumulate_new(
    vm: &mut Vm,
    iterable: Value,
    func: OptArg<Value>,
    initial: OptArg<Value>,
) -> PyResult<Accumulate> {
    let it = vm.get_iter(&iterable)?;
    Ok(Accumulate {
        it,
        func: func.into_option().filter(|f| !f.is_none()),
        total: None,
        initial: initial.into_option().filter(|v| !v.is_none()),
    })
}

fn accumulate_next(vm: &mut Vm, this: Native<Accumulate>) -> PyResult<Option<Value>> {
    if let Some(init) = this.with_mut(vm, |a| a.initial.take())? {
        let v = init.clone();
        this.with_mut(vm, |a| a.total = Some(v))?;
        return Ok(Some(init));
    }
    let (it, func) = this.with(vm, |a| (a.it.clone(), a.func.clone()))?;
    let Some(val) = next_of(vm, &it)? else {
        return Ok(None);
    };
    let total = match this.with(vm, |a| a.total.clone())? {
        None => val,
        Some(t) => match &func {
            Some(f) => vm.call(f, &[t, val])?,
            None => vm.binary_op(&t, &val, BinaryOperator::Add)?,
        },
    };
    let out = total.clone();
    this.with_mut(vm, |a| a.total = Some(total))?;
    Ok(Some(out))
}

/// CPython 3.11's `accumulate.__reduce__`: a pending `initial` (or a
/// total of `None`, which cannot be given back as a state) goes in front
/// of the rest of the input with a chain.
fn accumulate_reduce(vm: &mut Vm, this: Native<Accumulate>) -> PyResult<Value> {
    let (it, func, total, initial) = this.with(vm, |a| {
        (
            a.it.clone(),
            a.func.clone(),
            a.total.clone(),
            a.initial.clone(),
        )
    })?;
    let func = func.unwrap_or(Value::None);
    let front = |vm: &mut Vm, first: Value, it: Value| -> PyResult<Value> {
        let one = tuple(vm, vec![first]);
        crate::chain::chain_of(vm, vec![one, it])
    };
    if let Some(init) = initial {
        let it = front(vm, init, it)?;
        return Ok(reduce_value(vm, &this, vec![it, func], Some(Value::None)));
    }
    match total {
        Some(Value::None) => {
            let it = front(vm, Value::None, it)?;
            let it = crate::islice::skip_first(vm, it);
            Ok(reduce_value(vm, &this, vec![it, func], Some(Value::None)))
        }
        t => {
            let state = t.unwrap_or(Value::None);
            Ok(reduce_value(vm, &this, vec![it, func], Some(state)))
        }
    }
}

impl NativeClass for Accumulate {
    const NAME: &'static str = "accumulate";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return series of accumulated sums (or other binary function results).");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(accumulate_new)
            .params(&["iterable", "func", "*", "initial"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(accumulate_next);
        c.method("__reduce__", accumulate_reduce);
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<Accumulate>, state: Value| {
                this.with_mut(vm, |a| a.total = Some(state))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        for v in [&self.func, &self.total, &self.initial]
            .into_iter()
            .flatten()
        {
            visit(v);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.it, Value::None));
        out.extend(self.func.take());
        out.extend(self.total.take());
        out.extend(self.initial.take());
    }
}

/// `pairwise(iterable)`: overlapping pairs of consecutive items.
pub struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

fn pairwise_next(vm: &mut Vm, this: Native<Pairwise>) -> PyResult<Option<Value>> {
    let Some(it) = this.with(vm, |p| p.it.clone())? else {
        return Ok(None);
    };
    let old = match this.with(vm, |p| p.old.clone())? {
        Some(o) => o,
        None => match next_of(vm, &it)? {
            Some(o) => {
                let v = o.clone();
                this.with_mut(vm, |p| p.old = Some(v))?;
                o
            }
            None => {
                this.with_mut(vm, |p| p.it = None)?;
                return Ok(None);
            }
        },
    };
    let Some(new) = next_of(vm, &it)? else {
        this.with_mut(vm, |p| {
            p.it = None;
            p.old = None;
        })?;
        return Ok(None);
    };
    let keep = new.clone();
    this.with_mut(vm, |p| p.old = Some(keep))?;
    Ok(Some(tuple(vm, vec![old, new])))
}

impl NativeClass for Pairwise {
    const NAME: &'static str = "pairwise";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ...",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, args: VarArgs| {
            let iterable = one_arg(vm, "pairwise", args)?;
            let it = vm.get_iter(&iterable)?;
            Ok(Pairwise {
                it: Some(it),
                old: None,
            })
        });
        plain_name(sig, "pairwise");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(pairwise_next);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [&self.it, &self.old].into_iter().flatten() {
            visit(v);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.it.take());
        out.extend(self.old.take());
    }
}

/// `starmap(function, iterable)`: `function(*args)` for each args.
pub struct StarMap(Pair);

fn starmap_next(vm: &mut Vm, this: Native<StarMap>) -> PyResult<Option<Value>> {
    let Pair(func, it) = this.with(vm, |s| s.0.clone())?;
    let Some(args) = next_of(vm, &it)? else {
        return Ok(None);
    };
    let args = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => items_of(vm, &args)?,
    };
    grow(|| vm.call(&func, &args)).map(Some)
}

impl PairIter for StarMap {
    fn pair(&self) -> &Pair {
        &self.0
    }
}

impl NativeClass for StarMap {
    const NAME: &'static str = "starmap";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, function: Value, iterable: Value| {
            let it = vm.get_iter(&iterable)?;
            Ok(StarMap(Pair(function, it)))
        });
        plain_name(sig, "starmap");
        pair_iterator(c, starmap_next);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        self.0.clear(out);
    }
}

/// `zip_longest(*iterables, fillvalue=None)`: tuples of the items of
/// each iterable, the shorter ones padded with `fillvalue`.
pub struct ZipLongest {
    /// `None` for the exhausted ones.
    iters: Vec<Option<Value>>,
    /// How many are not exhausted.
    active: usize,
    fill: Value,
}

fn zip_longest_new(vm: &mut Vm, iterables: VarArgs, kw: KwArgs) -> PyResult<ZipLongest> {
    let fill = match kw.0.as_slice() {
        [] => Value::None,
        [(k, v)] if k == "fillvalue" => v.clone(),
        _ => return Err(vm.type_error("zip_longest() got an unexpected keyword argument")),
    };
    let mut iters = Vec::new();
    vm.reserve(&mut iters, iterables.0.len())?;
    for x in &iterables.0 {
        iters.push(Some(vm.get_iter(x)?));
    }
    Ok(ZipLongest {
        active: iters.len(),
        iters,
        fill,
    })
}

fn zip_longest_next(vm: &mut Vm, this: Native<ZipLongest>) -> PyResult<Option<Value>> {
    let (iters, fill, active) = this.with(vm, |z| (z.iters.clone(), z.fill.clone(), z.active))?;
    if iters.is_empty() || active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        let Some(it) = it else {
            out.push(fill.clone());
            continue;
        };
        match next_of(vm, it) {
            Ok(Some(x)) => out.push(x),
            Ok(None) => {
                let left = this.with_mut(vm, |z| {
                    z.active = z.active.saturating_sub(1);
                    if let Some(slot) = z.iters.get_mut(i) {
                        *slot = None;
                    }
                    z.active
                })?;
                if left == 0 {
                    return Ok(None);
                }
                out.push(fill.clone());
            }
            Err(e) => {
                this.with_mut(vm, |z| z.active = 0)?;
                return Err(e);
            }
        }
    }
    Ok(Some(tuple(vm, out)))
}

impl NativeClass for ZipLongest {
    const NAME: &'static str = "zip_longest";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.\n",
    );

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(zip_longest_new);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(zip_longest_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<ZipLongest>| -> PyResult<Value> {
                let (iters, fill) = this.with(vm, |z| (z.iters.clone(), z.fill.clone()))?;
                let mut args = Vec::with_capacity(iters.len());
                for it in iters {
                    args.push(match it {
                        Some(it) => it,
                        None => tuple(vm, Vec::new()),
                    });
                }
                Ok(reduce_value(vm, &this, args, Some(fill)))
            },
        );
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<ZipLongest>, state: Value| {
                this.with_mut(vm, |z| z.fill = state)
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.iters.iter().flatten().for_each(&mut *visit);
        visit(&self.fill);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.iters.drain(..).flatten());
        out.push(std::mem::replace(&mut self.fill, Value::None));
    }
}
