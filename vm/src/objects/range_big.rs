//! `range` objects whose bounds do not fit i64 (`range(10**20)`), and the
//! operations of any range with an int argument outside i64: the same
//! arithmetic as `range.rs` on big integers. Iterating one goes through
//! `__getitem__` (its items are computed, never stored).

use malachite::num::arithmetic::traits::{DivRem, Sign};
use malachite::Integer;
use std::cmp::Ordering;

use crate::object::Payload;
use crate::objects::int::to_integer;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// (start, stop, step) of any range object.
pub fn bounds(v: &Value) -> Option<[Integer; 3]> {
    match v.payload()? {
        Payload::Range { start, stop, step } => Some([
            Integer::from(*start),
            Integer::from(*stop),
            Integer::from(*step),
        ]),
        Payload::BigRange(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A range object: inline bounds when all fit i64.
pub fn make(vm: &mut Vm, start: Integer, stop: Integer, step: Integer) -> Value {
    let cls = vm.types.range.clone();
    let payload = match (
        i64::try_from(&start),
        i64::try_from(&stop),
        i64::try_from(&step),
    ) {
        (Ok(start), Ok(stop), Ok(step)) => Payload::Range { start, stop, step },
        _ => Payload::BigRange(Box::new([start, stop, step])),
    };
    Value::Obj(vm.alloc(cls, payload))
}

/// Number of items.
pub fn length(b: &[Integer; 3]) -> Integer {
    let [start, stop, step] = b;
    let (lo, hi, step) = match step.sign() {
        Ordering::Greater => (start, stop, step.clone()),
        _ => (stop, start, -step),
    };
    if lo >= hi {
        return Integer::from(0);
    }
    (hi - lo - Integer::from(1)) / step + Integer::from(1)
}

/// The position of `x` in the range, if it is an item.
pub fn position(b: &[Integer; 3], x: &Integer) -> Option<Integer> {
    let [start, stop, step] = b;
    let inside = if step.sign() == Ordering::Greater {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    if !inside {
        return None;
    }
    let (q, r) = (x - start).div_rem(step.clone());
    (r == 0).then_some(q)
}

fn len_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

pub fn len(vm: &mut Vm, b: &[Integer; 3]) -> PyResult<Value> {
    let n = length(b);
    match i64::try_from(&n) {
        Ok(n) => Ok(Value::Int(n)),
        Err(_) => Err(len_error(vm)),
    }
}

pub fn repr(b: &[Integer; 3]) -> String {
    let [a, s, c] = b;
    if *c == 1 {
        format!("range({a}, {s})")
    } else {
        format!("range({a}, {s}, {c})")
    }
}

fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<Integer>> {
    if v.is_none() {
        return Ok(None);
    }
    match vm.to_index(v) {
        Ok(i) => Ok(Some(i)),
        Err(e) if vm.err_matches(&e, &vm.exc.type_error.clone()) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
        Err(e) => Err(e),
    }
}

/// `r[i]` and `r[slice]` on big bounds.
pub fn getitem(vm: &mut Vm, b: &[Integer; 3], idx: &Value) -> PyResult<Value> {
    let n = length(b);
    let [a, _, c] = b;
    if let Some(Payload::Slice { start, stop, step }) = idx.payload() {
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        let step = slice_bound(vm, &step)?.unwrap_or(Integer::from(1));
        if step == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let neg = step < 0;
        let (lo, hi) = if neg {
            (Integer::from(-1), &n - Integer::from(1))
        } else {
            (Integer::from(0), n.clone())
        };
        let norm = |v: Option<Integer>, default: &Integer| -> Integer {
            match v {
                None => default.clone(),
                Some(i) if i < 0 => {
                    let j = i + &n;
                    if j < lo {
                        lo.clone()
                    } else {
                        j
                    }
                }
                Some(i) => {
                    if i > hi {
                        hi.clone()
                    } else {
                        i
                    }
                }
            }
        };
        let s0 = slice_bound(vm, &start)?;
        let s1 = slice_bound(vm, &stop)?;
        let i = norm(s0, if neg { &hi } else { &lo });
        let j = norm(s1, if neg { &lo } else { &hi });
        let new_start = a + &i * c;
        let new_stop = a + &j * c;
        let new_step = c * step;
        return Ok(make(vm, new_start, new_stop, new_step));
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    let mut i = vm.to_index(idx)?;
    if i < 0 {
        i += &n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_int(a + i * c))
}

/// `x in r`, `r.index(x)`, `r.count(x)` for an int `x`.
pub fn int_position(b: &[Integer; 3], x: &Value) -> Option<Option<Integer>> {
    to_integer(x).map(|x| position(b, &x))
}

/// `iter(r)` for a big range: items are computed by `__getitem__`.
pub fn iter(vm: &mut Vm, this: &Value) -> Value {
    let cls = vm.types.seq_iterator.clone();
    crate::objects::iter::new_iter(
        vm,
        cls,
        crate::objects::iter::IterState::GetItem {
            obj: this.clone(),
            index: 0,
        },
    )
}

/// `reversed(r)`: iterates the reversed range.
pub fn reversed(vm: &mut Vm, b: &[Integer; 3]) -> Value {
    let n = length(b);
    let [a, _, c] = b;
    let last = a + (&n - Integer::from(1)) * c;
    let stop = a - c;
    let r = make(vm, last, stop, -c);
    iter(vm, &r)
}

pub fn eq(x: &[Integer; 3], y: &[Integer; 3]) -> bool {
    let (n1, n2) = (length(x), length(y));
    n1 == n2 && (n1 == 0 || (x[0] == y[0] && (n1 == 1 || x[2] == y[2])))
}

pub fn hash(vm: &mut Vm, b: &[Integer; 3]) -> PyResult<Value> {
    let n = length(b);
    let t = if n == 0 {
        vec![Value::Int(0), Value::None, Value::None]
    } else if n == 1 {
        let a = vm.new_int(b[0].clone());
        vec![Value::Int(1), a, Value::None]
    } else {
        let nv = vm.new_int(n);
        let a = vm.new_int(b[0].clone());
        let c = vm.new_int(b[2].clone());
        vec![nv, a, c]
    };
    let t = vm.new_tuple(t);
    Ok(Value::Int(vm.hash(&t)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use malachite::num::arithmetic::traits::Pow;

    fn r(a: i64, b: i64, c: i64) -> [Integer; 3] {
        [Integer::from(a), Integer::from(b), Integer::from(c)]
    }

    #[test]
    fn lengths_and_positions() {
        assert_eq!(length(&r(0, 10, 3)), 4);
        assert_eq!(length(&r(10, 0, -3)), 4);
        assert_eq!(length(&r(5, 5, 1)), 0);
        assert_eq!(
            position(&r(0, 10, 3), &Integer::from(9)),
            Some(Integer::from(3))
        );
        assert_eq!(position(&r(0, 10, 3), &Integer::from(8)), None);
        assert_eq!(
            position(&r(10, 0, -3), &Integer::from(4)),
            Some(Integer::from(2))
        );
        let big = [
            Integer::from(0),
            Integer::from(10).pow(20),
            Integer::from(1),
        ];
        assert_eq!(length(&big), Integer::from(10).pow(20));
    }
}
