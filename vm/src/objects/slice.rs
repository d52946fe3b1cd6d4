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

impl Resolved {
    /// The indexes the slice selects.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |i| (start + (i as i64) * step) as usize)
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
    pub fn resolve_slice(&mut self, s: &Value, len: usize) -> PyResult<Resolved> {
        let Some(Payload::Slice { start, stop, step }) = s.payload() else {
            return Err(self.type_error("expected a slice"));
        };
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        let step = match self.slice_bound(&step)? {
            None => 1,
            Some(0) => return Err(self.value_error("slice step cannot be zero")),
            Some(s) => s.max(-i64::MAX),
        };
        let len = len as i64;
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let norm = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
                Some(i) => i.min(hi),
            }
        };
        let start = norm(self.slice_bound(&start)?, if step < 0 { hi } else { lo });
        let stop = norm(self.slice_bound(&stop)?, if step < 0 { lo } else { hi });
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
        Ok(Resolved {
            start,
            stop,
            step,
            len: count,
        })
    }

    /// Normalises a sequence index (negative from the end); None if out of
    /// range.
    pub fn seq_index(&mut self, idx: &Value, len: usize) -> PyResult<Option<usize>> {
        let i = match idx {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            _ => {
                let big = self.to_index(idx)?;
                crate::objects::int::clamp_i64(&big)
            }
        };
        let i = if i < 0 {
            i.saturating_add(len as i64)
        } else {
            i
        };
        if i < 0 || i >= len as i64 {
            Ok(None)
        } else {
            Ok(Some(i as usize))
        }
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
