//! Built-in iterators (list/tuple/str/bytes/range/dict/set iterators, the
//! `__getitem__` sequence protocol, `iter(callable, sentinel)`, enumerate,
//! zip, map, filter, reversed) and the iteration protocol (`Vm::get_iter`,
//! `Vm::next`, `Vm::iterate`).

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The state of a built-in iterator.
pub enum IterState {
    /// Index-based iteration over a list, tuple, bytes or bytearray.
    Seq {
        seq: Value,
        index: usize,
    },
    /// Over a str, by byte offset.
    Str {
        s: Value,
        pos: usize,
    },
    /// Backwards over a list or tuple (`reversed`).
    Reverse {
        seq: Value,
        next: usize,
    },
    Range {
        cur: i64,
        step: i64,
        remaining: u64,
    },
    /// Dict keys (0), values (1) or items (2).
    Dict {
        dict: PyRef,
        index: usize,
        len: usize,
        /// Items still expected: a dict whose keys were replaced by as
        /// many others still yields more than it had.
        left: usize,
        kind: u8,
    },
    Set {
        set: Value,
        index: usize,
        len: usize,
    },
    /// The old `__getitem__` protocol.
    GetItem {
        obj: Value,
        index: i64,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Exhausted,
}

/// A new index iterator over `seq`.
pub fn seq_iter(vm: &mut Vm, cls: PyRef, seq: Value) -> Value {
    Value::Obj(vm.alloc(
        cls,
        Payload::Iter(RefCell::new(IterState::Seq { seq, index: 0 })),
    ))
}

/// A reverse iterator over a list/tuple of length `n`.
pub fn reverse_iter(vm: &mut Vm, seq: Value, n: usize) -> Value {
    let cls = vm.types.list_reverseiterator.clone();
    Value::Obj(vm.alloc(
        cls,
        Payload::Iter(RefCell::new(IterState::Reverse { seq, next: n })),
    ))
}

/// An iterator over a dict's keys/values/items (`kind` 0, 1, 2), or
/// over them in reverse (3, 4, 5: `reversed(d)`, `reversed(d.items())`).
pub fn dict_iter(vm: &mut Vm, d: &PyRef, kind: u8) -> Value {
    let (len, end) = crate::objects::dict::table(d)
        .map(|t| {
            let t = t.borrow();
            (t.len(), t.next_index())
        })
        .unwrap_or((0, 0));
    let cls = match kind {
        0 => vm.types.dict_keyiterator.clone(),
        1 => vm.types.dict_valueiterator.clone(),
        2 => vm.types.dict_itemiterator.clone(),
        3 => vm.types.dict_reversekeyiterator.clone(),
        4 => vm.types.dict_reversevalueiterator.clone(),
        _ => vm.types.dict_reverseitemiterator.clone(),
    };
    Value::Obj(vm.alloc(
        cls,
        Payload::Iter(RefCell::new(IterState::Dict {
            dict: d.clone(),
            index: if kind >= 3 { end } else { 0 },
            len,
            left: len,
            kind,
        })),
    ))
}

pub fn new_iter(vm: &mut Vm, cls: PyRef, st: IterState) -> Value {
    Value::Obj(vm.alloc(cls, Payload::Iter(RefCell::new(st))))
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            // Fast paths for exact built-in containers.
            let exact = o
                .class_ref()
                .as_ref()
                .and_then(|c| c.as_type().map(|t| !t.heap))
                .unwrap_or(false);
            if exact {
                match &o.payload {
                    Payload::List(_) => {
                        return Ok(seq_iter(self, self.types.list_iterator.clone(), v.clone()))
                    }
                    Payload::Tuple(_) => {
                        return Ok(seq_iter(self, self.types.tuple_iterator.clone(), v.clone()))
                    }
                    Payload::Str(_) => {
                        let cls = self.types.str_iterator.clone();
                        return Ok(new_iter(
                            self,
                            cls,
                            IterState::Str {
                                s: v.clone(),
                                pos: 0,
                            },
                        ));
                    }
                    Payload::Dict(_) => return Ok(dict_iter(self, o, 0)),
                    Payload::Range { start, stop, step } => {
                        let n = crate::objects::range::range_len(*start, *stop, *step);
                        let cls = self.types.range_iterator.clone();
                        return Ok(new_iter(
                            self,
                            cls,
                            IterState::Range {
                                cur: *start,
                                step: *step,
                                remaining: n,
                            },
                        ));
                    }
                    Payload::Iter(_) | Payload::Generator(_) => return Ok(v.clone()),
                    Payload::Native(n) => {
                        if let Some(f) = &n.slots.iter {
                            return f(self, v);
                        }
                    }
                    _ => {}
                }
            }
        }
        let cls = self.class_of(v);
        let k = self.names.__iter__.clone();
        match crate::objects::type_::lookup(&cls, &k) {
            Some(f) if !f.is_none() => {
                let it = self.call(&f, std::slice::from_ref(v))?;
                let itc = self.class_of(&it);
                let nk = self.names.__next__.clone();
                if crate::objects::type_::lookup(&itc, &nk).is_none() {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            Some(_) => {
                Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
            }
            None => {
                let gk = self.names.__getitem__.clone();
                if crate::objects::type_::lookup(&cls, &gk).is_some() {
                    let c = self.types.seq_iterator.clone();
                    return Ok(new_iter(
                        self,
                        c,
                        IterState::GetItem {
                            obj: v.clone(),
                            index: 0,
                        },
                    ));
                }
                Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
            }
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Native loops (`sum(range(10**18))`) check the limits here.
        self.tick(None, 1)?;
        if let Value::Obj(o) = it {
            match &o.payload {
                Payload::Iter(st) => return self.iter_step(st),
                Payload::Generator(_) if o.class_is(&self.types.generator) => {
                    return crate::objects::generator::gen_next(self, o);
                }
                Payload::Native(_) => {
                    if let Some(f) =
                        crate::native_slots::exact_slots(o).and_then(|s| s.next.as_ref())
                    {
                        return f(self, it);
                    }
                }
                _ => {}
            }
        }
        let cls = self.class_of(it);
        let k = self.names.__next__.clone();
        let Some(f) = crate::objects::type_::lookup(&cls, &k) else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        match self.call(&f, std::slice::from_ref(it)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.exc.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collects an iterable into a vector.
    /// CPython sizes a collected iterable from its length hint first, so
    /// a range too long for a Py_ssize_t is an OverflowError at once
    /// instead of an endless loop.
    pub fn length_hint_check(&mut self, v: &Value) -> PyResult<()> {
        if let Some(Payload::BigRange(_)) = v.payload() {
            self.len(v)?;
        }
        Ok(())
    }

    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            let exact = o
                .class_ref()
                .as_ref()
                .and_then(|c| c.as_type().map(|t| !t.heap))
                .unwrap_or(false);
            if exact {
                match &o.payload {
                    Payload::List(l) => return Ok(l.borrow().clone()),
                    Payload::Tuple(t) => return Ok(t.clone()),
                    _ => {}
                }
            }
        }
        let it = self.get_iter(v)?;
        self.length_hint_check(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            if out.len() == out.capacity() {
                // The buffer is invisible to the memory limit's measurement:
                // check its size against the cap before it doubles.
                let grow = out.len().max(4);
                self.mem_precheck((out.len() + grow) * std::mem::size_of::<Value>())?;
                if out.try_reserve(grow).is_err() {
                    return Err(self.memory_error());
                }
            }
            crate::heap_stats::push_charged(&mut out, x);
        }
        Ok(out)
    }

    pub(crate) fn iter_step(&mut self, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Iterators over iterators (map of map of ...) step each other on
        // the Rust stack: a chain of thousands must not overflow it, on
        // any thread, so those steps run on a stack grown as needed.
        let composed = matches!(
            &*st.borrow(),
            IterState::Enumerate { .. }
                | IterState::Zip { .. }
                | IterState::Map { .. }
                | IterState::Filter { .. }
        );
        if composed {
            return stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.iter_step_inner(st));
        }
        self.iter_step_inner(st)
    }

    fn iter_step_inner(&mut self, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Steps that need Python code take what they need out of the state
        // first (no borrow held across calls).
        enum Call {
            GetItem(Value, i64),
            Callable(Value, Value),
            Enumerate(Value, Value),
            Zip(Vec<Value>, bool),
            Map(Value, Vec<Value>),
            Filter(Value, Value),
        }
        let call = {
            let mut s = st.borrow_mut();
            match &mut *s {
                IterState::Exhausted => return Ok(None),
                IterState::Seq { seq, index } => {
                    let r = match seq.payload() {
                        Some(Payload::List(l)) => l.borrow().get(*index).cloned(),
                        Some(Payload::Tuple(t)) => t.get(*index).cloned(),
                        Some(Payload::Bytes(b)) => b.get(*index).map(|x| Value::Int(i64::from(*x))),
                        Some(Payload::ByteArray(b)) => {
                            b.borrow().get(*index).map(|x| Value::Int(i64::from(*x)))
                        }
                        _ => None,
                    };
                    match r {
                        Some(v) => {
                            *index += 1;
                            return Ok(Some(v));
                        }
                        None => {
                            *s = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Str { s: sv, pos } => {
                    let ch = sv
                        .as_str()
                        .and_then(|t| t.get(*pos..))
                        .and_then(|t| t.chars().next());
                    match ch {
                        Some(c) => {
                            *pos += c.len_utf8();
                            drop(s);
                            let mut buf = [0u8; 4];
                            let cs: &str = c.encode_utf8(&mut buf);
                            return Ok(Some(Value::Obj(self.intern_char(cs))));
                        }
                        None => {
                            *s = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Reverse { seq, next } => {
                    if *next == 0 {
                        *s = IterState::Exhausted;
                        return Ok(None);
                    }
                    let i = *next - 1;
                    let r = match seq.payload() {
                        Some(Payload::List(l)) => l.borrow().get(i).cloned(),
                        Some(Payload::Tuple(t)) => t.get(i).cloned(),
                        _ => None,
                    };
                    match r {
                        Some(v) => {
                            *next = i;
                            return Ok(Some(v));
                        }
                        None => {
                            *s = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Range {
                    cur,
                    step,
                    remaining,
                } => {
                    if *remaining == 0 {
                        return Ok(None);
                    }
                    let v = *cur;
                    *remaining -= 1;
                    *cur = cur.wrapping_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                IterState::Dict {
                    dict,
                    index,
                    len,
                    left,
                    kind,
                } => {
                    let Some(t) = crate::objects::dict::table(dict) else {
                        return Ok(None);
                    };
                    let t = t.borrow();
                    if t.len() != *len {
                        *len = usize::MAX;
                        drop(t);
                        drop(s);
                        return Err(self.runtime_error("dictionary changed size during iteration"));
                    }
                    let found = if *kind >= 3 {
                        t.prev_before(*index)
                    } else {
                        t.next_from(*index)
                    };
                    let Some((at, k, v)) = found else {
                        drop(t);
                        *s = IterState::Exhausted;
                        return Ok(None);
                    };
                    if *left == 0 {
                        drop(t);
                        *s = IterState::Exhausted;
                        drop(s);
                        return Err(self.runtime_error("dictionary keys changed during iteration"));
                    }
                    *left -= 1;
                    let (k, v, kind) = (k.clone(), v.clone(), *kind);
                    *index = if kind >= 3 { at } else { at + 1 };
                    drop(t);
                    drop(s);
                    return Ok(Some(match kind % 3 {
                        0 => k,
                        1 => v,
                        _ => self.new_tuple(vec![k, v]),
                    }));
                }
                IterState::Set { set, index, len } => {
                    let t = match set.payload() {
                        Some(Payload::Set(t)) | Some(Payload::FrozenSet(t)) => t,
                        _ => return Ok(None),
                    };
                    let t = t.borrow();
                    if t.len() != *len {
                        *len = usize::MAX;
                        drop(t);
                        drop(s);
                        return Err(self.runtime_error("Set changed size during iteration"));
                    }
                    let k = t.next_from(*index).map(|(i, k)| (i, k.clone()));
                    drop(t);
                    match k {
                        Some((i, k)) => {
                            *index = i + 1;
                            return Ok(Some(k));
                        }
                        None => {
                            *s = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::GetItem { obj, index } => {
                    let c = Call::GetItem(obj.clone(), *index);
                    *index += 1;
                    c
                }
                IterState::Callable { func, sentinel } => {
                    Call::Callable(func.clone(), sentinel.clone())
                }
                IterState::Enumerate { it, count } => Call::Enumerate(it.clone(), count.clone()),
                IterState::Zip { iters, strict } => Call::Zip(iters.clone(), *strict),
                IterState::Map { func, iters } => Call::Map(func.clone(), iters.clone()),
                IterState::Filter { func, it } => Call::Filter(func.clone(), it.clone()),
            }
        };
        let exhaust = |st: &RefCell<IterState>| *st.borrow_mut() = IterState::Exhausted;
        match call {
            Call::GetItem(obj, i) => match self.get_item(&obj, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if self.err_matches(&e, &self.exc.index_error.clone())
                        || self.err_matches(&e, &self.exc.stop_iteration.clone()) =>
                {
                    exhaust(st);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Call::Callable(func, sentinel) => {
                let v = match self.call(&func, &[]) {
                    Ok(v) => v,
                    Err(e) if self.err_matches(&e, &self.exc.stop_iteration.clone()) => {
                        exhaust(st);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                if v.is(&sentinel) || self.eq(&v, &sentinel)? {
                    exhaust(st);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Call::Enumerate(it, count) => match self.next(&it)? {
                Some(v) => {
                    let next = self.binary_op(
                        &count,
                        &Value::Int(1),
                        rpy_compiler::bytecode::BinaryOperator::Add,
                    )?;
                    if let IterState::Enumerate { count: c, .. } = &mut *st.borrow_mut() {
                        *c = next;
                    }
                    Ok(Some(self.new_tuple(vec![count, v])))
                }
                None => {
                    exhaust(st);
                    Ok(None)
                }
            },
            Call::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            exhaust(st);
                            if strict {
                                if i > 0 {
                                    let msg = if i == 1 {
                                        "zip() argument 2 is shorter than argument 1".to_owned()
                                    } else {
                                        format!(
                                            "zip() argument {} is shorter than arguments 1-{i}",
                                            i + 1
                                        )
                                    };
                                    return Err(self.value_error(msg));
                                }
                                for (j, other) in iters.iter().enumerate().skip(1) {
                                    if self.next(other)?.is_some() {
                                        let msg = if j == 1 {
                                            "zip() argument 2 is longer than argument 1".to_owned()
                                        } else {
                                            format!(
                                                "zip() argument {} is longer than arguments 1-{j}",
                                                j + 1
                                            )
                                        };
                                        return Err(self.value_error(msg));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(out)))
            }
            Call::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for it in &iters {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => {
                            exhaust(st);
                            return Ok(None);
                        }
                    }
                }
                self.call(&func, &args).map(Some)
            }
            Call::Filter(func, it) => loop {
                let Some(v) = self.next(&it)? else {
                    exhaust(st);
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    self.is_true(&v)?
                } else {
                    let r = self.call(&func, std::slice::from_ref(&v))?;
                    self.is_true(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
        }
    }

    /// A one-character str, interned for ASCII.
    pub fn intern_char(&mut self, c: &str) -> PyRef {
        if c.len() == 1 {
            self.intern(c)
        } else {
            self.new_str(c)
        }
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    match this.payload() {
        Some(Payload::Iter(st)) => match vm.iter_step(st)? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(None)),
        },
        _ => Err(vm.type_error("descriptor '__next__' requires an iterator")),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(Payload::Iter(st)) = this.payload() else {
        return Ok(Value::Int(0));
    };
    let n = match &*st.borrow() {
        IterState::Seq { seq, index } => match seq.payload() {
            Some(Payload::List(l)) => l.borrow().len().saturating_sub(*index),
            Some(Payload::Tuple(t)) => t.len().saturating_sub(*index),
            Some(Payload::Bytes(b)) => b.len().saturating_sub(*index),
            _ => 0,
        },
        IterState::Range { remaining, .. } => *remaining as usize,
        IterState::Reverse { next, .. } => *next,
        IterState::Dict { left, .. } => *left,
        IterState::Set { len, index, .. } => len.saturating_sub(*index),
        _ => 0,
    };
    let _ = vm;
    Ok(Value::Int(n as i64))
}

fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [it, start] = args
        .shift()
        .bind(vm, "enumerate", ["iterable", "start"], 1)?;
    let it = vm.get_iter(it.unwrap_or(&Value::None))?;
    let count = match start {
        Some(s) => {
            if !vm.is_index(s) {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )));
            }
            vm.to_int(s)?
        }
        None => Value::Int(0),
    };
    let cls = vm.types.enumerate.clone();
    Ok(new_iter(vm, cls, IterState::Enumerate { it, count }))
}

fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    let mut strict = false;
    for (k, v) in rest.kw() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{k}'")));
        }
    }
    let mut iters = Vec::new();
    for (i, a) in rest.pos().iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => iters.push(it),
            Err(e) if vm.err_matches(&e, &vm.exc.type_error.clone()) => {
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)))
            }
            Err(e) => return Err(e),
        }
    }
    let cls = vm.types.zip.clone();
    Ok(new_iter(vm, cls, IterState::Zip { iters, strict }))
}

fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "map")?;
    let p = rest.pos();
    if p.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = p[0].clone();
    let mut iters = Vec::new();
    for a in &p[1..] {
        iters.push(vm.get_iter(a)?);
    }
    let cls = vm.types.map.clone();
    Ok(new_iter(vm, cls, IterState::Map { func, iters }))
}

fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "filter")?;
    let p = rest.pos();
    if p.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", p.len())));
    }
    let func = p[0].clone();
    let it = vm.get_iter(&p[1])?;
    let cls = vm.types.filter.clone();
    Ok(new_iter(vm, cls, IterState::Filter { func, it }))
}

fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "reversed")?;
    let p = rest.pos();
    if p.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", p.len())));
    }
    let seq = p[0].clone();
    let cls = vm.class_of(&seq);
    let k = vm.names.__reversed__.clone();
    if let Some(f) = crate::objects::type_::lookup(&cls, &k) {
        if f.is_none() {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
        }
        return vm.call(&f, &[seq]);
    }
    if let Some(t) = seq.as_tuple() {
        let n = t.len();
        return Ok(reverse_iter(vm, seq, n));
    }
    let lk = vm.names.__len__.clone();
    let gk = vm.names.__getitem__.clone();
    if crate::objects::type_::lookup(&cls, &lk).is_none()
        || crate::objects::type_::lookup(&cls, &gk).is_none()
    {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)?;
    let mut items = Vec::with_capacity(n);
    for i in (0..n).rev() {
        items.push(vm.get_item(&seq, &Value::Int(i as i64))?);
    }
    let l = vm.new_list(items);
    let cls = vm.types.reversed.clone();
    Ok(new_iter(vm, cls, IterState::Seq { seq: l, index: 0 }))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.clone();
    for c in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.seq_iterator,
        &t.callable_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ] {
        vm.add_methods(
            c,
            &[
                ("__iter__", iter_self),
                ("__next__", iter_next),
                ("__length_hint__", iter_length_hint),
            ],
        );
    }
    vm.add_static(&t.enumerate, "__new__", enumerate_new);
    vm.add_static(&t.zip, "__new__", zip_new);
    vm.add_static(&t.map, "__new__", map_new);
    vm.add_static(&t.filter, "__new__", filter_new);
    vm.add_static(&t.reversed, "__new__", reversed_new);
    crate::objects::iter_reduce::init(vm);
}
