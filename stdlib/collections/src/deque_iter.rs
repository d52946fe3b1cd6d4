//! The deque's iterators, `_collections._deque_iterator` (from the left)
//! and `_deque_reverse_iterator` (from the right): each remembers the
//! deque's `state` when it started and raises CPython's "deque mutated
//! during iteration" once the deque's length or order changed.

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::args::ssize;
use crate::deque::Deque;

/// What both directions share.
#[derive(Clone)]
struct Walk {
    deque: Native<Deque>,
    /// Items handed out so far.
    done: usize,
    /// Items left (CPython's `counter`).
    left: usize,
    state: u64,
}

impl Walk {
    fn start(vm: &mut Vm, deque: Native<Deque>) -> PyResult<Walk> {
        let (left, state) = deque.with(vm, |d| (d.items.len(), d.state))?;
        Ok(Walk {
            deque,
            done: 0,
            left,
            state,
        })
    }

    /// The next item, counted from the left or the right.
    fn step(&mut self, vm: &mut Vm, from_right: bool) -> PyResult<Option<Value>> {
        let (state, len) = self.deque.with(vm, |d| (d.state, d.items.len()))?;
        if state != self.state {
            self.left = 0;
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if self.left == 0 {
            return Ok(None);
        }
        let i = if from_right {
            len.checked_sub(self.done + 1)
        } else {
            Some(self.done)
        };
        let item = match i {
            Some(i) => self.deque.with(vm, |d| d.items.get(i).cloned())?,
            None => None,
        };
        self.done += 1;
        self.left -= 1;
        Ok(item)
    }

    fn reduce(&self, vm: &mut Vm, cls: Value) -> PyResult<Value> {
        let len = self.deque.with(vm, |d| d.items.len())?;
        let consumed = len.saturating_sub(self.left) as i64;
        let args = vm.new_tuple(vec![self.deque.value(), Value::Int(consumed)]);
        Ok(vm.new_tuple(vec![cls, args]))
    }

    /// `iterator(deque, index=0)`: a new iterator advanced `index` items.
    fn construct(vm: &mut Vm, d: &Value, index: OptArg<Value>, rev: bool) -> PyResult<Walk> {
        let Some(deque) = Native::<Deque>::of(d) else {
            let t = vm.type_name(d);
            return Err(vm.type_error(format!("argument 1 must be collections.deque, not {t}")));
        };
        let index = match index.0 {
            Some(v) => ssize(vm, &v)?,
            None => 0,
        };
        let mut w = Walk::start(vm, deque)?;
        for _ in 0..index.max(0) {
            if w.step(vm, rev)?.is_none() {
                break;
            }
        }
        Ok(w)
    }
}

/// `iter(deque)`.
pub struct DequeIter(Walk);

impl DequeIter {
    /// A new iterator over `d`, as a Python value.
    pub fn start(vm: &mut Vm, d: Native<Deque>) -> PyResult<Value> {
        let w = Walk::start(vm, d)?;
        Ok(vm.new_native_object(DequeIter(w)))
    }
}

/// `reversed(deque)`.
pub struct DequeRevIter(Walk);

impl DequeRevIter {
    pub fn start(vm: &mut Vm, d: Native<Deque>) -> PyResult<Value> {
        let w = Walk::start(vm, d)?;
        Ok(vm.new_native_object(DequeRevIter(w)))
    }
}

macro_rules! deque_iterator {
    ($ty:ident, $name:literal, $rev:literal) => {
        impl NativeClass for $ty {
            const NAME: &'static str = $name;
            const MODULE: &'static str = "_collections";

            fn define(c: &mut ClassDef<Self>) {
                c.constructor(|vm: &mut Vm, d: Value, index: OptArg<Value>| {
                    Walk::construct(vm, &d, index, $rev).map($ty)
                });
                c.iter(|_vm, it| Ok(it.value()));
                c.next(|vm, it| {
                    let mut w = it.with(vm, |s| s.0.clone())?;
                    let r = w.step(vm, $rev);
                    it.with_mut(vm, |s| s.0 = w)?;
                    r
                });
                c.method("__length_hint__", |s: &$ty| s.0.left);
                c.method("__reduce__", |vm: &mut Vm, it: Native<$ty>| {
                    let cls = Value::Obj(it.class(vm));
                    let w = it.with(vm, |s| s.0.clone())?;
                    w.reduce(vm, cls)
                });
            }

            fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
                visit(&self.0.deque.value());
            }
        }
    };
}

deque_iterator!(DequeIter, "_deque_iterator", false);
deque_iterator!(DequeRevIter, "_deque_reverse_iterator", true);
