//! `slice` objects and index normalisation for sequences.

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A slice resolved against a sequence length: start, stop, step, count.
#[derive(Clone, Copy, Debug)]
pub struct Resolved {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

/// A slice's bounds as integers, not yet fitted to a length.
#[derive(Clone, Copy, Debug)]
pub struct Unpacked {
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
}

impl Unpacked {
    /// Fits the bounds to a sequence of length `len`
    /// (CPython's `PySlice_AdjustIndices`).
    pub fn adjust(self, len: usize) -> Resolved {
        let step = self.step;
        let len = len as i64;
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let norm = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
                Some(i) => i.min(hi),
            }
        };
        let start = norm(self.start, if step < 0 { hi } else { lo });
        let stop = norm(self.stop, if step < 0 { lo } else { hi });
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Resolved {
            start,
            stop,
            step,
            len: count,
        }
    }
}

impl Resolved {
    /// The indexes the slice selects.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |i| (start + (i as i64) * step) as usize)
    }
}

/// The length of the sequence being indexed, read only after the index
/// is converted: `__index__` runs Python code that may resize a mutable
/// sequence, so mutable containers pass their cell, not a length read
/// beforehand.
pub trait SeqLen {
    fn seq_len(&self) -> usize;
}

impl SeqLen for usize {
    fn seq_len(&self) -> usize {
        *self
    }
}

impl<T> SeqLen for &std::cell::RefCell<Vec<T>> {
    fn seq_len(&self) -> usize {
        self.borrow().len()
    }
}

/// Fits an index to a sequence of length `len` (negative from the end);
/// None if out of range.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 {
        i.saturating_add(len as i64)
    } else {
        i
    };
    if i < 0 || i >= len as i64 {
        None
    } else {
        Some(i as usize)
    }
}

impl Vm {
    /// An index for slicing: None, or an int via `__index__`, clamped.
    fn slice_bound(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(i64::from(*b))),
            _ => {
                let i = self.to_index(v).map_err(|e| {
                    if self.err_matches(&e, &self.exc.type_error.clone()) {
                        self.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )
                    } else {
                        e
                    }
                })?;
                Ok(Some(crate::objects::int::clamp_i64(&i)))
            }
        }
    }

    /// Resolves slice object `s` for a sequence of length `len`.
    pub fn resolve_slice(&mut self, s: &Value, len: impl SeqLen) -> PyResult<Resolved> {
        Ok(self.unpack_slice(s)?.adjust(len.seq_len()))
    }

    /// Converts a slice's bounds to integers (CPython's `PySlice_Unpack`):
    /// the step, then start and stop, each through `__index__`.
    pub fn unpack_slice(&mut self, s: &Value) -> PyResult<Unpacked> {
        let Some(Payload::Slice { start, stop, step }) = s.payload() else {
            return Err(self.type_error("expected a slice"));
        };
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        let step = match self.slice_bound(&step)? {
            None => 1,
            Some(0) => return Err(self.value_error("slice step cannot be zero")),
            Some(s) => s.max(-i64::MAX),
        };
        Ok(Unpacked {
            start: self.slice_bound(&start)?,
            stop: self.slice_bound(&stop)?,
            step,
        })
    }

    /// Normalises a sequence index (negative from the end); None if out of
    /// range.
    pub fn seq_index(&mut self, idx: &Value, len: impl SeqLen) -> PyResult<Option<usize>> {
        let i = self.index_value(idx)?;
        Ok(normalize_index(i, len.seq_len()))
    }

    /// A sequence index as an i64 (through `__index__`, clamped), not yet
    /// fitted to a length.
    pub fn index_value(&mut self, idx: &Value) -> PyResult<i64> {
        Ok(match idx {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            _ => {
                let big = self.to_index(idx)?;
                crate::objects::int::clamp_i64(&big)
            }
        })
    }

    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> Value {
        Value::Obj(self.alloc(
            self.types.slice.clone(),
            Payload::Slice { start, stop, step },
        ))
    }
}

fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "slice")?;
    let p = rest.pos();
    match p.len() {
        1 => Ok(vm.new_slice(Value::None, p[0].clone(), Value::None)),
        2 => Ok(vm.new_slice(p[0].clone(), p[1].clone(), Value::None)),
        3 => Ok(vm.new_slice(p[0].clone(), p[1].clone(), p[2].clone())),
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

fn parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value, Value)> {
    match v.payload() {
        Some(Payload::Slice { start, stop, step }) => {
            Ok((start.clone(), stop.clone(), step.clone()))
        }
        _ => Err(vm.type_error("descriptor requires a 'slice' object")),
    }
}

fn slice_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b, c) = parts(vm, args.this())?;
    let s = format!(
        "slice({}, {}, {})",
        vm.repr(&a)?,
        vm.repr(&b)?,
        vm.repr(&c)?
    );
    Ok(vm.str_val(s))
}

fn get_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.0)
}
fn get_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.1)
}
fn get_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.2)
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, len] = args.exact_method(vm, "slice.indices")?;
    let n = vm.to_index(len)?;
    let n = crate::objects::int::clamp_i64(&n);
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let r = vm.resolve_slice(this, n as usize)?;
    Ok(vm.new_tuple(vec![
        Value::Int(r.start),
        Value::Int(r.stop),
        Value::Int(r.step),
    ]))
}

fn slice_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "slice.__eq__")?;
    if !matches!(b.payload(), Some(Payload::Slice { .. })) {
        return Ok(vm.not_implemented());
    }
    let (a1, a2, a3) = parts(vm, a)?;
    let (b1, b2, b3) = parts(vm, b)?;
    let ta = vm.new_tuple(vec![a1, a2, a3]);
    let tb = vm.new_tuple(vec![b1, b2, b3]);
    Ok(Value::Bool(vm.eq(&ta, &tb)?))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.slice.clone();
    vm.add_static(&t, "__new__", slice_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", slice_repr),
            ("indices", slice_indices),
            ("__eq__", slice_eq),
        ],
    );
    vm.add_getset(&t, "start", get_start, None);
    vm.add_getset(&t, "stop", get_stop, None);
    vm.add_getset(&t, "step", get_step, None);
    vm.set_class_const(&t, "__hash__", Value::None);
}
