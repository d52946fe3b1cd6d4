//! `collections.deque`: a double-ended queue on a ring buffer, with an
//! optional maximum length, CPython's methods, operators and messages.
//!
//! `state` counts structural changes (everything but `d[i] = x`): the
//! iterators (`deque_iter.rs`) and every loop that calls `__eq__` or `<`
//! compare it before and after, since Python code may change the deque
//! meanwhile, and raise CPython's "deque mutated during iteration". No
//! borrow of the deque is held while Python code runs.

use std::collections::VecDeque;

use rpy_vm::new_generic_alias as new_alias;
use rpy_vm::{
    BinaryOperator, ClassDef, ComparisonOperator, KwArgs, Native, NativeClass, OptArg, Payload,
    PyErr, PyRef, PyResult, Value, VarArgs, Vm,
};

use crate::args::{same_or_eq, ssize};
use crate::deque_iter::{DequeIter, DequeRevIter};

/// The instance data.
#[derive(Default)]
pub struct Deque {
    pub(crate) items: VecDeque<Value>,
    pub(crate) maxlen: Option<usize>,
    /// Bumped by every change of length or order.
    pub(crate) state: u64,
}

impl Deque {
    fn bump(&mut self) {
        self.state = self.state.wrapping_add(1);
    }

    /// Appends on the right, dropping from the left beyond `maxlen`.
    fn push_back(&mut self, x: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_front();
        }
        self.items.push_back(x);
        self.bump();
    }

    /// Appends on the left, dropping from the right beyond `maxlen`.
    fn push_front(&mut self, x: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_back();
        }
        self.items.push_front(x);
        self.bump();
    }

    /// Rotates `n` steps to the right (left if negative).
    fn rotate(&mut self, n: isize) {
        let len = self.items.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as isize) as usize;
        if k != 0 {
            self.items.rotate_right(k);
            self.bump();
        }
    }
}

impl NativeClass for Deque {
    const NAME: &'static str = "deque";
    const MODULE: &'static str = "collections";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("A list-like sequence optimized for data accesses near its endpoints.");

    fn heap_size(&self) -> usize {
        self.items.capacity() * std::mem::size_of::<Value>()
    }

    fn define(c: &mut ClassDef<Self>) {
        // __new__ makes an empty deque whatever the arguments (a
        // subclass's __init__ may take others); __init__ fills it.
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(Deque::default()));
        c.method("__init__", init)
            .params(&["iterable", "maxlen"])
            .name = "deque".into();
        c.method("append", |d: &mut Deque, x: Value| d.push_back(x));
        c.method("appendleft", |d: &mut Deque, x: Value| d.push_front(x));
        c.method("pop", |vm: &mut Vm, d: Native<Deque>| pop(vm, &d, false));
        c.method("popleft", |vm: &mut Vm, d: Native<Deque>| pop(vm, &d, true));
        c.method("extend", |vm: &mut Vm, d: Native<Deque>, src: Value| {
            extend(vm, &d, &src, false)
        });
        c.method("extendleft", |vm: &mut Vm, d: Native<Deque>, src: Value| {
            extend(vm, &d, &src, true)
        });
        c.method("rotate", rotate).name = "deque.rotate".into();
        c.method("clear", |d: &mut Deque| {
            d.items.clear();
            d.bump();
        });
        c.method("copy", copy);
        c.method("__copy__", copy);
        c.method("count", count);
        c.method("index", index).tuple_style();
        c.method("insert", insert).tuple_style();
        c.method("remove", remove);
        c.method("reverse", |d: &mut Deque| {
            d.items.make_contiguous().reverse();
            d.bump();
        });
        c.method("__reduce__", reduce);
        c.method("__reversed__", |vm: &mut Vm, d: Native<Deque>| {
            DequeRevIter::start(vm, d)
        });
        c.method("__sizeof__", |d: &Deque| {
            std::mem::size_of::<Deque>() + d.items.capacity() * std::mem::size_of::<Value>()
        });
        c.classmethod(
            "__class_getitem__",
            |vm: &mut Vm, cls: PyRef, item: Value| new_alias(vm, Value::Obj(cls), item, false),
        );
        c.getter("maxlen", |d: &Deque| d.maxlen);
        c.len(|d: &Deque| d.items.len());
        c.iter(DequeIter::start);
        c.getitem(getitem);
        c.setitem(setitem);
        c.delitem(delitem);
        c.contains(|vm, d, x| contains(vm, &d, x));
        c.repr(repr);
        c.compare(compare);
        c.binary_left(BinaryOperator::Add, concat);
        c.repeat(|vm, d, n| {
            let new = copy(vm, d)?;
            if let Some(n2) = Native::<Deque>::of(&new) {
                repeat_in_place(vm, &n2, n)?;
            }
            Ok(new)
        });
        c.inplace(BinaryOperator::Add, |vm, d, other| {
            extend(vm, &d, other, false)?;
            Ok(d.value())
        });
        c.inplace_repeat(|vm, d, n| {
            repeat_in_place(vm, &d, n)?;
            Ok(d.value())
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.items.drain(..));
        self.bump();
    }
}

/// `deque(iterable=(), maxlen=None)`: empties the deque, then fills it.
fn init(
    vm: &mut Vm,
    d: Native<Deque>,
    iterable: OptArg<Value>,
    maxlen: OptArg<Value>,
) -> PyResult<()> {
    let maxlen = match maxlen.0 {
        None | Some(Value::None) => None,
        Some(v) => {
            if !vm.is_instance(&v, &vm.types.int.clone()) {
                return Err(vm.type_error("an integer is required"));
            }
            let m = ssize(vm, &v)?;
            if m < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    d.with_mut(vm, |d| {
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.bump();
        }
    })?;
    if let Some(src) = iterable.0 {
        extend(vm, &d, &src, false)?;
    }
    Ok(())
}

fn pop(vm: &mut Vm, d: &Native<Deque>, left: bool) -> PyResult<Value> {
    let item = d.with_mut(vm, |d| {
        let x = if left {
            d.items.pop_front()
        } else {
            d.items.pop_back()
        };
        if x.is_some() {
            d.bump();
        }
        x
    })?;
    item.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

/// Adds the items of `src` one at a time (an endless iterator into a
/// bounded deque runs on, as in CPython); the deque itself is copied
/// first.
pub(crate) fn extend(vm: &mut Vm, d: &Native<Deque>, src: &Value, left: bool) -> PyResult<()> {
    if src.is(&d.value()) {
        let items: Vec<Value> = d.with(vm, |d| d.items.iter().cloned().collect())?;
        return d.with_mut(vm, |d| {
            for x in items {
                if left {
                    d.push_front(x);
                } else {
                    d.push_back(x);
                }
            }
        });
    }
    let it = vm.get_iter(src)?;
    while let Some(x) = vm.next(&it)? {
        // Growth is checked (and charged) before the buffer doubles.
        let full = d.with(vm, |d| {
            (d.items.len() == d.items.capacity() && d.maxlen.is_none()).then(|| d.items.capacity())
        })?;
        if let Some(cap) = full {
            let bytes = cap.max(4).saturating_mul(2 * std::mem::size_of::<Value>());
            vm.check_alloc(bytes)?;
            vm.charge_growth(bytes / 2);
            vm.check_native_work(1)?;
        }
        d.with_mut(vm, |d| {
            if left {
                d.push_front(x);
            } else {
                d.push_back(x);
            }
        })?;
    }
    Ok(())
}

fn rotate(vm: &mut Vm, d: Native<Deque>, n: OptArg<Value>) -> PyResult<()> {
    let n = match n.0 {
        Some(v) => ssize(vm, &v)?,
        None => 1,
    };
    d.with_mut(vm, |d| d.rotate(n))
}

/// `copy()`: a deque of the same class and maxlen; a subclass is called
/// as `cls(d, maxlen)` as CPython does.
fn copy(vm: &mut Vm, d: Native<Deque>) -> PyResult<Value> {
    let cls = d.class(vm);
    if std::rc::Rc::ptr_eq(&cls, &vm.native_type::<Deque>()) {
        let new = d.with(vm, |d| Deque {
            items: d.items.clone(),
            maxlen: d.maxlen,
            state: 0,
        })?;
        return Ok(vm.new_native_object(new));
    }
    let maxlen = d.with(vm, |d| d.maxlen)?;
    let cls = Value::Obj(cls);
    match maxlen {
        Some(m) => vm.call(&cls, &[d.value(), Value::Int(m as i64)]),
        None => vm.call(&cls, &[d.value()]),
    }
}

fn mutated(vm: &mut Vm) -> PyErr {
    vm.runtime_error("deque mutated during iteration")
}

/// Item `i` if the deque is still in the state `state`; `Err` if it
/// changed, `Ok(None)` past the end.
fn item_if_unchanged(
    vm: &mut Vm,
    d: &Native<Deque>,
    i: usize,
    state: u64,
) -> PyResult<Option<Option<Value>>> {
    d.with(vm, |d| (d.state == state).then(|| d.items.get(i).cloned()))
}

/// The first index in `start..stop` whose item equals `x` (the deque
/// re-checked after each comparison; `on_change` makes the error).
fn find(
    vm: &mut Vm,
    d: &Native<Deque>,
    x: &Value,
    start: usize,
    stop: usize,
    on_change: fn(&mut Vm) -> PyErr,
) -> PyResult<Option<usize>> {
    let state = d.with(vm, |d| d.state)?;
    for i in start..stop {
        let Some(item) = item_if_unchanged(vm, d, i, state)? else {
            return Err(on_change(vm));
        };
        let Some(item) = item else { break };
        let hit = same_or_eq(vm, &item, x)?;
        if d.with(vm, |d| d.state)? != state {
            return Err(on_change(vm));
        }
        if hit {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn count(vm: &mut Vm, d: Native<Deque>, x: Value) -> PyResult<usize> {
    let n = d.with(vm, |d| d.items.len())?;
    let mut total = 0;
    let mut from = 0;
    while let Some(i) = find(vm, &d, &x, from, n, mutated)? {
        total += 1;
        from = i + 1;
    }
    Ok(total)
}

fn contains(vm: &mut Vm, d: &Native<Deque>, x: &Value) -> PyResult<bool> {
    let n = d.with(vm, |d| d.items.len())?;
    Ok(find(vm, d, x, 0, n, mutated)?.is_some())
}

/// A slice bound of `index()`: clamped to the deque like a slice's.
fn bound(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    if !vm.is_index(v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = vm.to_index(v)?;
    let i = isize::try_from(&i).unwrap_or(if i < 0 { isize::MIN } else { isize::MAX });
    let len = len as isize;
    let j = if i < 0 { i.saturating_add(len) } else { i };
    Ok(j.clamp(0, len) as usize)
}

fn index(
    vm: &mut Vm,
    d: Native<Deque>,
    x: Value,
    start: OptArg<Value>,
    stop: OptArg<Value>,
) -> PyResult<usize> {
    let n = d.with(vm, |d| d.items.len())?;
    let start = match &start.0 {
        Some(v) => bound(vm, v, n)?,
        None => 0,
    };
    let stop = match &stop.0 {
        Some(v) => bound(vm, v, n)?,
        None => n,
    };
    match find(vm, &d, &x, start, stop.max(start), mutated)? {
        Some(i) => Ok(i),
        None => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, d: Native<Deque>, i: Value, x: Value) -> PyResult<()> {
    let i = ssize(vm, &i)?;
    let full = d.with(vm, |d| d.maxlen.is_some_and(|m| d.items.len() >= m))?;
    if full {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    d.with_mut(vm, |d| {
        let n = d.items.len() as isize;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.items.insert(at as usize, x);
        d.bump();
    })
}

fn remove(vm: &mut Vm, d: Native<Deque>, x: Value) -> PyResult<()> {
    let n = d.with(vm, |d| d.items.len())?;
    let on_change = |vm: &mut Vm| vm.index_error("deque mutated during iteration");
    match find(vm, &d, &x, 0, n, on_change)? {
        Some(i) => d.with_mut(vm, |d| {
            d.items.remove(i);
            d.bump();
        }),
        None => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

/// The position `key` names in a deque of `len` items: "sequence index
/// must be integer", "deque index out of range".
fn position(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    if !vm.is_index(key) {
        let t = vm.type_name(key);
        return Err(vm.type_error(format!("sequence index must be integer, not '{t}'")));
    }
    let i = vm.to_index(key)?;
    let Ok(i) = isize::try_from(&i) else {
        let t = vm.type_name(key);
        return Err(vm.index_error(format!("cannot fit '{t}' into an index-sized integer")));
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j >= len as isize {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, d: Native<Deque>, key: &Value) -> PyResult<Value> {
    let n = d.with(vm, |d| d.items.len())?;
    let i = position(vm, key, n)?;
    d.with(vm, |d| d.items.get(i).cloned())?
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, d: Native<Deque>, key: &Value, x: Value) -> PyResult<()> {
    let n = d.with(vm, |d| d.items.len())?;
    let i = position(vm, key, n)?;
    let old = d.with_mut(vm, |d| {
        d.items.get_mut(i).map(|slot| std::mem::replace(slot, x))
    })?;
    match old {
        Some(_) => Ok(()),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn delitem(vm: &mut Vm, d: Native<Deque>, key: &Value) -> PyResult<()> {
    let n = d.with(vm, |d| d.items.len())?;
    let i = position(vm, key, n)?;
    let gone = d.with_mut(vm, |d| {
        let x = d.items.remove(i);
        d.bump();
        x
    })?;
    match gone {
        Some(_) => Ok(()),
        None => Err(vm.index_error("deque index out of range")),
    }
}

/// `deque([...])`, `deque([...], maxlen=N)`, named for the instance's
/// class; a deque inside itself shows as `[...]`.
fn repr(vm: &mut Vm, d: Native<Deque>) -> PyResult<String> {
    let this = d.value();
    if !vm.repr_enter(&this) {
        return Ok("[...]".to_owned());
    }
    let r = repr_inner(vm, &d);
    vm.repr_leave(&this);
    r
}

fn repr_inner(vm: &mut Vm, d: &Native<Deque>) -> PyResult<String> {
    let cls = d.class(vm);
    let name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    let (items, maxlen) = d.with(vm, |d| (d.items.iter().cloned().collect(), d.maxlen))?;
    let list = vm.new_list(items);
    let inner = vm.repr(&list)?;
    Ok(match maxlen {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    })
}

/// Deques compare item by item (the first unequal pair decides), then by
/// length, as sequences do; any other operand is `NotImplemented`.
fn compare(
    vm: &mut Vm,
    d: Native<Deque>,
    other: &Value,
    op: ComparisonOperator,
) -> PyResult<Value> {
    let Some(e) = Native::<Deque>::of(other) else {
        return Ok(vm.not_implemented());
    };
    let (n1, s1) = d.with(vm, |d| (d.items.len(), d.state))?;
    let (n2, s2) = e.with(vm, |d| (d.items.len(), d.state))?;
    let eq_op = matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne);
    if eq_op && n1 != n2 {
        return Ok(Value::Bool(op == ComparisonOperator::Ne));
    }
    for i in 0..n1.min(n2) {
        // Each step reads both deques as their iterators would.
        let Some(x) = item_if_unchanged(vm, &d, i, s1)? else {
            return Err(mutated(vm));
        };
        let Some(y) = item_if_unchanged(vm, &e, i, s2)? else {
            return Err(mutated(vm));
        };
        let (Some(x), Some(y)) = (x, y) else { break };
        if !same_or_eq(vm, &x, &y)? {
            return vm.compare(&x, &y, op);
        }
    }
    // The iterators' last steps notice a change too.
    if d.with(vm, |d| d.state)? != s1 || e.with(vm, |d| d.state)? != s2 {
        return Err(mutated(vm));
    }
    vm.compare(&Value::Int(n1 as i64), &Value::Int(n2 as i64), op)
}

/// `d + other`: a copy of `d` (same class and maxlen) extended by another
/// deque.
fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = Native::<Deque>::of(a) else {
        return Ok(vm.not_implemented());
    };
    if Native::<Deque>::of(b).is_none() {
        let t = vm.type_name(b);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let new = copy(vm, d)?;
    match Native::<Deque>::of(&new) {
        Some(n) => extend(vm, &n, b, false)?,
        None => {
            vm.call_method(&new, "extend", std::slice::from_ref(b))?;
        }
    }
    Ok(new)
}

/// `d *= n`: the items `n` times over, of which a bounded deque keeps the
/// last `maxlen`.
fn repeat_in_place(vm: &mut Vm, d: &Native<Deque>, n: isize) -> PyResult<()> {
    let (items, maxlen): (Vec<Value>, Option<usize>) =
        d.with(vm, |d| (d.items.iter().cloned().collect(), d.maxlen))?;
    if n <= 0 {
        return d.with_mut(vm, |d| {
            if !d.items.is_empty() {
                d.items.clear();
                d.bump();
            }
        });
    }
    if n == 1 || items.is_empty() {
        return Ok(());
    }
    let size = items.len() as u128;
    let total = size * n as u128;
    // CPython refuses a product past Py_ssize_t before looking at maxlen.
    if total > isize::MAX as u128 {
        return Err(vm.memory_error());
    }
    let keep = match maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    let Ok(keep) = usize::try_from(keep) else {
        return Err(vm.memory_error());
    };
    if keep > isize::MAX as usize / std::mem::size_of::<Value>() {
        return Err(vm.memory_error());
    }
    let mut out: Vec<Value> = Vec::new();
    vm.reserve(&mut out, keep)?;
    let first = total - keep as u128;
    for k in 0..keep as u128 {
        let i = ((first + k) % size) as usize;
        out.extend(items.get(i).cloned());
    }
    d.with_mut(vm, |d| {
        d.items = out.into();
        d.bump();
    })
}

/// `__reduce__`: `(cls, ()` or `((), maxlen)`, the instance `__dict__` or
/// None, an iterator over the items`)`.
fn reduce(vm: &mut Vm, d: Native<Deque>) -> PyResult<Value> {
    let cls = Value::Obj(d.class(vm));
    let maxlen = d.with(vm, |d| d.maxlen)?;
    let args = match maxlen {
        Some(m) => {
            let empty = vm.new_tuple(Vec::new());
            vm.new_tuple(vec![empty, Value::Int(m as i64)])
        }
        None => vm.new_tuple(Vec::new()),
    };
    let state = match d.obj().dict() {
        Some(dict) if matches!(&dict.payload, Payload::Dict(t) if !t.borrow().is_empty()) => {
            Value::Obj(dict.clone())
        }
        _ => Value::None,
    };
    let it = DequeIter::start(vm, d)?;
    Ok(vm.new_tuple(vec![cls, args, state, it]))
}
