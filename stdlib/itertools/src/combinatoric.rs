//! The combinatoric iterators: `product(*iterables, repeat=1)`,
//! `permutations(iterable, r=None)`, `combinations(iterable, r)` and
//! `combinations_with_replacement(iterable, r)`. Each reads its input
//! into a pool first; the sizes its arguments decide (the pools, the
//! index vectors, the result tuples) are checked before they are
//! allocated, so absurd ones are a `MemoryError`, never an abort.

use std::marker::PhantomData;

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, Payload, PyResult, Value, VarArgs, Vm};

use crate::support::{check_items, items_of, reduce_value, ssize, tuple};

const WORD: usize = std::mem::size_of::<usize>();
const VALUE: usize = std::mem::size_of::<Value>();

/// The items of `picks` taken from `pool` (indices known to be in range;
/// a missing one is skipped rather than panicking).
fn pick(pool: &[Value], picks: &[usize]) -> Vec<Value> {
    picks.iter().filter_map(|&i| pool.get(i).cloned()).collect()
}

/// A state tuple's items, or "invalid arguments" when it is not a tuple
/// of `n` items.
fn state_items(vm: &mut Vm, state: &Value, n: usize) -> PyResult<Vec<Value>> {
    match state.payload() {
        Some(Payload::Tuple(t)) if t.len() == n => Ok(t.clone()),
        _ => Err(vm.value_error("invalid arguments")),
    }
}

/// A vector of `usize` as a tuple of ints.
fn index_tuple(vm: &mut Vm, v: &[usize]) -> Value {
    let items = v.iter().map(|&i| Value::Int(i as i64)).collect();
    tuple(vm, items)
}

/// Each state item clamped into `lo..=hi(i)`.
fn clamped(
    vm: &mut Vm,
    items: &[Value],
    lo: isize,
    hi: impl Fn(usize) -> isize,
) -> PyResult<Vec<usize>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let x = ssize(vm, v)?;
        let x = x.min(hi(i)).max(lo);
        out.push(usize::try_from(x).unwrap_or(0));
    }
    Ok(out)
}

/// `product(*iterables, repeat=1)`: the cartesian product.
pub struct Product {
    /// The distinct pools, one per argument (position `i` uses pool
    /// `i % pools.len()`).
    pools: Vec<Vec<Value>>,
    /// The pools as tuples (for `__reduce__`).
    pool_tuples: Vec<Value>,
    /// How many positions: arguments × repeat.
    npools: usize,
    indices: Vec<usize>,
    result: Option<Vec<Value>>,
    stopped: bool,
}

impl Product {
    fn pool(&self, i: usize) -> &[Value] {
        match self.pools.len() {
            0 => &[],
            n => self.pools.get(i % n).map(Vec::as_slice).unwrap_or(&[]),
        }
    }

    fn step(&mut self) -> Option<Vec<Value>> {
        if self.stopped {
            return None;
        }
        let Some(mut result) = self.result.take() else {
            let mut first = Vec::with_capacity(self.npools);
            for i in 0..self.npools {
                match self.pool(i).first() {
                    Some(v) => first.push(v.clone()),
                    None => {
                        self.stopped = true;
                        return None;
                    }
                }
            }
            self.result = Some(first.clone());
            return Some(first);
        };
        // Positions run over the pools in order, so walking the
        // positions down walks the pools down cyclically (no division).
        let n = self.pools.len();
        let (mut i, mut j) = (self.npools, 0);
        loop {
            if i == 0 || n == 0 {
                self.stopped = true;
                return None;
            }
            i -= 1;
            j = if j == 0 { n - 1 } else { j - 1 };
            let (Some(pool), Some(ix), Some(slot)) = (
                self.pools.get(j),
                self.indices.get_mut(i),
                result.get_mut(i),
            ) else {
                self.stopped = true;
                return None;
            };
            *ix += 1;
            if *ix >= pool.len() {
                *ix = 0;
            }
            if let Some(item) = pool.get(*ix) {
                *slot = item.clone();
            }
            if *ix != 0 {
                break;
            }
        }
        self.result = Some(result.clone());
        Some(result)
    }
}

fn product_new(vm: &mut Vm, iterables: VarArgs, repeat: OptArg<Value>) -> PyResult<Product> {
    let repeat = match repeat.into_option() {
        Some(v) => ssize(vm, &v)?,
        None => 1,
    };
    let Ok(repeat) = usize::try_from(repeat) else {
        return Err(vm.value_error("repeat argument cannot be negative"));
    };
    let nargs = if repeat == 0 { 0 } else { iterables.0.len() };
    if repeat != 0 && nargs > (isize::MAX as usize) / WORD / repeat {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let npools = nargs * repeat;
    check_items(vm, npools, WORD + 2 * VALUE)?;
    let mut pools = Vec::with_capacity(nargs);
    let mut pool_tuples = Vec::with_capacity(nargs);
    for x in iterables.0.iter().take(nargs) {
        let items = items_of(vm, x)?;
        pool_tuples.push(tuple(vm, items.clone()));
        pools.push(items);
    }
    Ok(Product {
        pools,
        pool_tuples,
        npools,
        indices: vec![0; npools],
        result: None,
        stopped: false,
    })
}

fn product_reduce(vm: &mut Vm, this: Native<Product>) -> PyResult<Value> {
    let (stopped, started, tuples, npools, indices) = this.with(vm, |p| {
        (
            p.stopped,
            p.result.is_some(),
            p.pool_tuples.clone(),
            p.npools,
            p.indices.clone(),
        )
    })?;
    let cls = Value::Obj(this.class(vm));
    if stopped {
        let empty = tuple(vm, Vec::new());
        let args = tuple(vm, vec![empty]);
        return Ok(tuple(vm, vec![cls, args]));
    }
    check_items(vm, npools, VALUE)?;
    let pools: Vec<Value> = (0..npools)
        .filter_map(|i| tuples.get(i % tuples.len().max(1)).cloned())
        .collect();
    let pools = tuple(vm, pools);
    let mut items = vec![cls, pools];
    if started {
        items.push(index_tuple(vm, &indices));
    }
    Ok(tuple(vm, items))
}

fn product_setstate(vm: &mut Vm, this: Native<Product>, state: Value) -> PyResult<()> {
    let npools = this.with(vm, |p| p.npools)?;
    let items = state_items(vm, &state, npools)?;
    let lens: Vec<usize> = this.with(vm, |p| (0..npools).map(|i| p.pool(i).len()).collect())?;
    if lens.contains(&0) {
        return this.with_mut(vm, |p| p.stopped = true);
    }
    let indices = clamped(vm, &items, 0, |i| {
        lens.get(i).map_or(0, |&n| n as isize - 1)
    })?;
    this.with_mut(vm, |p| {
        let result = (0..npools)
            .filter_map(|i| p.pool(i).get(indices.get(i).copied().unwrap_or(0)).cloned())
            .collect();
        p.indices = indices;
        p.result = Some(result);
    })
}

impl NativeClass for Product {
    const NAME: &'static str = "product";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.",
    );

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(product_new).params(&["*", "repeat"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            let r = this.with_mut(vm, Product::step)?;
            Ok(r.map(|items| tuple(vm, items)))
        });
        c.method("__reduce__", product_reduce);
        // CPython's sizes: the object (48 bytes) and the indices.
        c.method("__sizeof__", |p: &Product| 48 + p.npools * WORD);
        c.method("__setstate__", product_setstate);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(&mut *visit);
        self.pool_tuples.iter().for_each(&mut *visit);
        self.result.iter().flatten().for_each(&mut *visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.pools.drain(..).flatten());
        out.append(&mut self.pool_tuples);
        out.extend(self.result.take().into_iter().flatten());
        self.stopped = true;
    }
}

/// The `r` of permutations: `None` or an int ("Expected int as r").
fn permutations_r(vm: &mut Vm, r: Option<Value>, n: usize) -> PyResult<usize> {
    let r = match r {
        None | Some(Value::None) => return Ok(n),
        Some(v) => v,
    };
    let is_int = match &r {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::Int(_)),
        _ => false,
    };
    if !is_int {
        return Err(vm.type_error("Expected int as r"));
    }
    let r = ssize(vm, &r)?;
    usize::try_from(r).map_err(|_| vm.value_error("r must be non-negative"))
}

/// `permutations(iterable, r=None)`: r-length orderings of the items.
pub struct Permutations {
    pool: Vec<Value>,
    pool_tuple: Value,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    result: Option<Vec<Value>>,
    stopped: bool,
}

impl Permutations {
    fn step(&mut self) -> Option<Vec<Value>> {
        if self.stopped {
            return None;
        }
        let (n, r) = (self.pool.len(), self.r);
        if self.result.is_none() {
            if r > n {
                self.stopped = true;
                return None;
            }
            let first = pick(&self.pool, self.indices.get(..r).unwrap_or(&[]));
            self.result = Some(first.clone());
            return Some(first);
        }
        if n == 0 {
            self.stopped = true;
            return None;
        }
        let mut i = r;
        while i > 0 {
            i -= 1;
            let Some(c) = self.cycles.get_mut(i) else {
                break;
            };
            *c -= 1;
            if *c == 0 {
                if let Some(tail) = self.indices.get_mut(i..) {
                    tail.rotate_left(1);
                }
                *c = n - i;
            } else {
                let j = *c;
                self.indices.swap(i, n - j);
                let now = pick(&self.pool, self.indices.get(..r).unwrap_or(&[]));
                self.result = Some(now.clone());
                return Some(now);
            }
        }
        self.stopped = true;
        None
    }
}

fn permutations_new(vm: &mut Vm, iterable: Value, r: OptArg<Value>) -> PyResult<Permutations> {
    let pool = items_of(vm, &iterable)?;
    let n = pool.len();
    let r = permutations_r(vm, r.into_option(), n)?;
    check_items(vm, r, WORD + VALUE)?;
    let (indices, cycles) = if r <= n {
        ((0..n).collect(), (0..r).map(|i| n - i).collect())
    } else {
        (Vec::new(), Vec::new())
    };
    let pool_tuple = tuple(vm, pool.clone());
    Ok(Permutations {
        pool,
        pool_tuple,
        r,
        indices,
        cycles,
        result: None,
        stopped: false,
    })
}

fn permutations_reduce(vm: &mut Vm, this: Native<Permutations>) -> PyResult<Value> {
    let (pool, r, started, stopped, indices, cycles) = this.with(vm, |p| {
        (
            p.pool_tuple.clone(),
            p.r,
            p.result.is_some(),
            p.stopped,
            p.indices.clone(),
            p.cycles.clone(),
        )
    })?;
    let r = Value::Int(r as i64);
    if !started {
        return Ok(reduce_value(vm, &this, vec![pool, r], None));
    }
    if stopped {
        let empty = tuple(vm, Vec::new());
        return Ok(reduce_value(vm, &this, vec![empty, r], None));
    }
    let i = index_tuple(vm, &indices);
    let c = index_tuple(vm, &cycles);
    let state = tuple(vm, vec![i, c]);
    Ok(reduce_value(vm, &this, vec![pool, r], Some(state)))
}

fn permutations_setstate(vm: &mut Vm, this: Native<Permutations>, state: Value) -> PyResult<()> {
    let parts = match state.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => t.clone(),
        Some(Payload::Tuple(t)) => {
            let n = t.len();
            return Err(vm.type_error(format!("function takes exactly 2 arguments ({n} given)")));
        }
        _ => return Err(vm.type_error("state is not a tuple")),
    };
    let (n, r) = this.with(vm, |p| (p.pool.len(), p.r))?;
    let mut lists = Vec::new();
    for (part, len) in parts.iter().zip([n, r]) {
        match part.payload() {
            Some(Payload::Tuple(t)) if t.len() == len => lists.push(t.clone()),
            Some(Payload::Tuple(_)) => return Err(vm.value_error("invalid arguments")),
            _ => {
                let t = vm.type_name(part);
                return Err(vm.type_error(format!("argument must be tuple, not {t}")));
            }
        }
    }
    let (Some(ix), Some(cy)) = (lists.first(), lists.get(1)) else {
        return Err(vm.value_error("invalid arguments"));
    };
    let n_max = n as isize - 1;
    let indices = clamped(vm, ix, 0, |_| n_max)?;
    let cycles = clamped(vm, cy, 1, |i| n as isize - i as isize)?;
    this.with_mut(vm, |p| {
        let now = pick(&p.pool, indices.get(..r).unwrap_or(&[]));
        p.indices = indices;
        p.cycles = cycles;
        p.result = Some(now);
    })
}

impl NativeClass for Permutations {
    const NAME: &'static str = "permutations";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(permutations_new).params(&["iterable", "r"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            let r = this.with_mut(vm, Permutations::step)?;
            Ok(r.map(|items| tuple(vm, items)))
        });
        c.method("__reduce__", permutations_reduce);
        c.method("__sizeof__", |p: &Permutations| {
            64 + (p.pool.len() + p.r) * WORD
        });
        c.method("__setstate__", permutations_setstate);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(&mut *visit);
        visit(&self.pool_tuple);
        self.result.iter().flatten().for_each(&mut *visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.pool);
        out.push(std::mem::replace(&mut self.pool_tuple, Value::None));
        out.extend(self.result.take().into_iter().flatten());
        self.stopped = true;
    }
}

/// The state of `combinations` and `combinations_with_replacement`.
pub struct Choose {
    pool: Vec<Value>,
    pool_tuple: Value,
    r: usize,
    indices: Vec<usize>,
    result: Option<Vec<Value>>,
    stopped: bool,
    /// Items may repeat (`combinations_with_replacement`).
    replace: bool,
}

impl Choose {
    fn new(vm: &mut Vm, iterable: Value, r: Value, replace: bool) -> PyResult<Choose> {
        let r = ssize(vm, &r)?;
        let pool = items_of(vm, &iterable)?;
        let Ok(r) = usize::try_from(r) else {
            return Err(vm.value_error("r must be non-negative"));
        };
        check_items(vm, r, WORD + VALUE)?;
        let n = pool.len();
        let stopped = if replace { n == 0 && r > 0 } else { r > n };
        let indices = match (stopped, replace) {
            (true, _) => Vec::new(),
            (false, true) => vec![0; r],
            (false, false) => (0..r).collect(),
        };
        let pool_tuple = tuple(vm, pool.clone());
        Ok(Choose {
            pool,
            pool_tuple,
            r,
            indices,
            result: None,
            stopped,
            replace,
        })
    }

    fn step(&mut self) -> Option<Vec<Value>> {
        if self.stopped {
            return None;
        }
        let (n, r) = (self.pool.len(), self.r);
        if self.result.is_none() {
            let first = pick(&self.pool, &self.indices);
            self.result = Some(first.clone());
            return Some(first);
        }
        // The rightmost index not at its maximum.
        let at_max = |i: usize, x: usize| {
            if self.replace {
                x + 1 == n
            } else {
                x == i + n - r
            }
        };
        let mut i = r;
        loop {
            if i == 0 {
                self.stopped = true;
                return None;
            }
            i -= 1;
            match self.indices.get(i) {
                Some(&x) if at_max(i, x) => continue,
                Some(_) => break,
                None => {
                    self.stopped = true;
                    return None;
                }
            }
        }
        let next = self.indices.get(i).map_or(0, |x| x + 1);
        for (k, slot) in self.indices.iter_mut().enumerate().skip(i) {
            *slot = if self.replace { next } else { next + (k - i) };
        }
        let now = pick(&self.pool, &self.indices);
        self.result = Some(now.clone());
        Some(now)
    }

    fn reduce<T: NativeClass>(&self, vm: &mut Vm, this: &Native<T>) -> Value {
        let r = Value::Int(self.r as i64);
        if self.result.is_none() {
            return reduce_value(vm, this, vec![self.pool_tuple.clone(), r], None);
        }
        if self.stopped {
            let empty = tuple(vm, Vec::new());
            return reduce_value(vm, this, vec![empty, r], None);
        }
        let state = index_tuple(vm, &self.indices);
        reduce_value(vm, this, vec![self.pool_tuple.clone(), r], Some(state))
    }

    fn setstate(&mut self, indices: Vec<usize>) {
        self.result = Some(pick(&self.pool, &indices));
        self.indices = indices;
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(&mut *visit);
        visit(&self.pool_tuple);
        self.result.iter().flatten().for_each(&mut *visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.pool);
        out.push(std::mem::replace(&mut self.pool_tuple, Value::None));
        out.extend(self.result.take().into_iter().flatten());
        self.stopped = true;
    }
}

/// `__reduce__` of a `Choose` wrapper: its state is borrowed only while
/// the tuples are made (no Python code runs).
fn choose_reduce<T: NativeClass>(
    vm: &mut Vm,
    this: Native<T>,
    get: fn(&T) -> &Choose,
) -> PyResult<Value> {
    let (pool_tuple, r, started, stopped, indices) = this.with(vm, |t| {
        let c = get(t);
        (
            c.pool_tuple.clone(),
            c.r,
            c.result.is_some(),
            c.stopped,
            c.indices.clone(),
        )
    })?;
    let tmp = Choose {
        pool: Vec::new(),
        pool_tuple,
        r,
        indices,
        result: started.then(Vec::new),
        stopped,
        replace: false,
    };
    Ok(tmp.reduce(vm, &this))
}

/// `__setstate__` of a `Choose` wrapper: each index clamped into range.
fn choose_setstate<T: NativeClass>(
    vm: &mut Vm,
    this: Native<T>,
    state: Value,
    get: fn(&mut T) -> &mut Choose,
) -> PyResult<()> {
    let (n, r, replace) = this.with_mut(vm, |t| {
        let c = get(t);
        (c.pool.len() as isize, c.r, c.replace)
    })?;
    let items = state_items(vm, &state, r)?;
    let indices = clamped(vm, &items, 0, |i| {
        if replace {
            n - 1
        } else {
            i as isize + n - r as isize
        }
    })?;
    this.with_mut(vm, |t| get(t).setstate(indices))
}

/// `combinations(iterable, r)` and `combinations_with_replacement`: one
/// type, told apart by its [`Selection`].
pub struct Choosing<S>(Choose, PhantomData<S>);

/// Which selections a [`Choosing`] makes.
pub trait Selection: 'static {
    const NAME: &'static str;
    const DOC: &'static str;
    /// Whether an item may be chosen again.
    const REPLACE: bool;
}

/// `combinations(iterable, r)`: r-length subsequences, in order.
pub type Combinations = Choosing<Distinct>;

pub struct Distinct;

impl Selection for Distinct {
    const NAME: &'static str = "combinations";
    const DOC: &'static str = "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)";
    const REPLACE: bool = false;
}

/// `combinations_with_replacement(iterable, r)`: r-length sorted
/// selections, items repeating.
pub type CombinationsWithReplacement = Choosing<Repeating>;

pub struct Repeating;

impl Selection for Repeating {
    const NAME: &'static str = "combinations_with_replacement";
    const DOC: &'static str = "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')";
    const REPLACE: bool = true;
}

impl<S: Selection> NativeClass for Choosing<S> {
    const NAME: &'static str = S::NAME;
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(S::DOC);

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, iterable: Value, r: Value| {
            Choose::new(vm, iterable, r, S::REPLACE).map(|ch| Choosing(ch, PhantomData))
        })
        .params(&["iterable", "r"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            let r = this.with_mut(vm, |c| c.0.step())?;
            Ok(r.map(|items| tuple(vm, items)))
        });
        c.method("__sizeof__", |c: &Self| 56 + c.0.r * WORD);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Self>| -> PyResult<Value> {
                choose_reduce(vm, this, |c| &c.0)
            },
        );
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<Self>, state: Value| {
                choose_setstate(vm, this, state, |c| &mut c.0)
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
