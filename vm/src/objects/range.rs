//! `range`: lazy arithmetic progressions. Bounds that fit i64 (nearly
//! all) are handled here; `range_big.rs` does the rest.

use malachite::Integer;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::range_big as big;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Number of items of range(start, stop, step).
pub fn range_len(start: i64, stop: i64, step: i64) -> u64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && stop > start {
        (stop - start - 1) / step + 1
    } else if step < 0 && stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as u64
}

fn parts(vm: &mut Vm, v: &Value) -> PyResult<(i64, i64, i64)> {
    match v.payload() {
        Some(Payload::Range { start, stop, step }) => Ok((*start, *stop, *step)),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

/// The big bounds of a range with bounds outside i64.
fn big_of(v: &Value) -> Option<[Integer; 3]> {
    match v.payload() {
        Some(Payload::BigRange(b)) => Some((**b).clone()),
        _ => None,
    }
}

fn arg(vm: &mut Vm, v: &Value) -> PyResult<Integer> {
    if !vm.is_index(v) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    vm.to_index(v)
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "range")?;
    let p = rest.pos();
    let one = || Integer::from(1);
    let (start, stop, step) = match p.len() {
        1 => (Integer::from(0), arg(vm, &p[0])?, one()),
        2 => (arg(vm, &p[0])?, arg(vm, &p[1])?, one()),
        3 => (arg(vm, &p[0])?, arg(vm, &p[1])?, arg(vm, &p[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(big::make(vm, start, stop, step))
}

fn range_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(b) = big_of(args.this()) {
        return Ok(vm.str_val(big::repr(&b)));
    }
    let (a, b, c) = parts(vm, args.this())?;
    let s = if c == 1 {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    };
    Ok(vm.str_val(s))
}

fn range_len_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(b) = big_of(args.this()) {
        return big::len(vm, &b);
    }
    let (a, b, c) = parts(vm, args.this())?;
    let n = range_len(a, b, c);
    if n > i64::MAX as u64 {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(Value::Int(n as i64))
}

fn range_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "range.__getitem__")?;
    if let Some(b) = big_of(this) {
        return big::getitem(vm, &b, idx);
    }
    let (a, b, c) = parts(vm, this)?;
    let n = range_len(a, b, c) as usize;
    let slice_overflows = |s: &Value| match s.payload() {
        Some(Payload::Slice { start, stop, step }) => [start, stop, step]
            .iter()
            .any(|v| matches!(v.payload(), Some(Payload::Int(_)))),
        _ => false,
    };
    if slice_overflows(idx) || matches!(idx.payload(), Some(Payload::Int(_))) {
        let bounds = big::bounds(this)
            .unwrap_or_else(|| [Integer::from(a), Integer::from(b), Integer::from(c)]);
        return big::getitem(vm, &bounds, idx);
    }
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, n)?;
        let start = a + r.start.clamp(0, n as i64) * c;
        let step = c * r.step;
        let stop = start + (r.len as i64) * step;
        return Ok(Value::Obj(vm.alloc(
            vm.types.range.clone(),
            Payload::Range { start, stop, step },
        )));
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, n)? {
        Some(i) => Ok(Value::Int(a + (i as i64) * c)),
        None => Err(vm.index_error("range object index out of range")),
    }
}

fn range_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "range.__contains__")?;
    if big_of(this).is_some() || matches!(x.payload(), Some(Payload::Int(_))) {
        if let Some(p) = big::bounds(this).and_then(|b| big::int_position(&b, x)) {
            return Ok(Value::Bool(p.is_some()));
        }
    }
    let (a, b, c) = match big::bounds(this) {
        Some(_) if big_of(this).is_some() => (0, 0, 1),
        _ => parts(vm, this)?,
    };
    if let Value::Int(i) = x {
        let i = *i;
        let inside = if c > 0 {
            i >= a && i < b
        } else {
            i <= a && i > b
        };
        return Ok(Value::Bool(inside && (i - a) % c == 0));
    }
    let it = vm.get_iter(this)?;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn range_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if big_of(args.this()).is_some() {
        return Ok(big::iter(vm, args.this()));
    }
    let (a, b, c) = parts(vm, args.this())?;
    let cls = vm.types.range_iterator.clone();
    Ok(crate::objects::iter::new_iter(
        vm,
        cls,
        crate::objects::iter::IterState::Range {
            cur: a,
            step: c,
            remaining: range_len(a, b, c),
        },
    ))
}

fn range_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(b) = big_of(args.this()) {
        return Ok(big::reversed(vm, &b));
    }
    let (a, b, c) = parts(vm, args.this())?;
    let n = range_len(a, b, c);
    let last = a as i128 + (n as i128 - 1) * c as i128;
    if n > 0 && (i64::try_from(last).is_err() || i64::try_from(last - c as i128).is_err()) {
        let bounds = [Integer::from(a), Integer::from(b), Integer::from(c)];
        return Ok(big::reversed(vm, &bounds));
    }
    let last = a.wrapping_add((n as i64).wrapping_sub(1).wrapping_mul(c));
    let cls = vm.types.range_iterator.clone();
    Ok(crate::objects::iter::new_iter(
        vm,
        cls,
        crate::objects::iter::IterState::Range {
            cur: last,
            step: c.wrapping_neg(),
            remaining: n,
        },
    ))
}

fn range_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y] = args.exact_method(vm, "range.__eq__")?;
    let (Some(bx), Some(by)) = (big::bounds(x), big::bounds(y)) else {
        return Ok(vm.not_implemented());
    };
    if big_of(x).is_some() || big_of(y).is_some() {
        return Ok(Value::Bool(big::eq(&bx, &by)));
    }
    let (a1, b1, c1) = parts(vm, x)?;
    let (a2, b2, c2) = parts(vm, y)?;
    let (n1, n2) = (range_len(a1, b1, c1), range_len(a2, b2, c2));
    Ok(Value::Bool(
        n1 == n2 && (n1 == 0 || (a1 == a2 && (n1 == 1 || c1 == c2))),
    ))
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(b) = big_of(args.this()) {
        return big::hash(vm, &b);
    }
    let (a, b, c) = parts(vm, args.this())?;
    let n = range_len(a, b, c);
    let t = if n == 0 {
        vec![Value::Int(0), Value::None, Value::None]
    } else if n == 1 {
        vec![Value::Int(1), Value::Int(a), Value::None]
    } else {
        vec![Value::Int(n as i64), Value::Int(a), Value::Int(c)]
    };
    let t = vm.new_tuple(t);
    Ok(Value::Int(vm.hash(&t)?))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "range.index")?;
    if big_of(this).is_some() || matches!(x.payload(), Some(Payload::Int(_))) {
        if let Some(p) = big::bounds(this).and_then(|b| big::int_position(&b, x)) {
            if let Some(i) = p {
                return Ok(vm.new_int(i));
            }
            let r = vm.repr(x)?;
            return Err(vm.value_error(format!("{r} is not in range")));
        }
    }
    let (a, b, c) = match big_of(this) {
        Some(_) => (0, 0, 1),
        None => parts(vm, this)?,
    };
    if let Value::Int(i) = x {
        let i = *i;
        let inside = if c > 0 {
            i >= a && i < b
        } else {
            i <= a && i > b
        };
        if inside && (i - a) % c == 0 {
            return Ok(Value::Int((i - a) / c));
        }
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(format!("{r} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "range.count")?;
    if big_of(this).is_some() || matches!(x.payload(), Some(Payload::Int(_))) {
        if let Some(p) = big::bounds(this).and_then(|b| big::int_position(&b, x)) {
            return Ok(Value::Int(i64::from(p.is_some())));
        }
    }
    let (a, b, c) = match big_of(this) {
        Some(_) => (0, 0, 1),
        None => parts(vm, this)?,
    };
    if let Value::Int(i) = x {
        let i = *i;
        let inside = if c > 0 {
            i >= a && i < b
        } else {
            i <= a && i > b
        };
        return Ok(Value::Int(i64::from(inside && (i - a) % c == 0)));
    }
    Ok(Value::Int(0))
}

fn bound(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    match big::bounds(v) {
        Some(b) => Ok(vm.new_int(b[i].clone())),
        None => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}
fn get_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    bound(vm, v, 0)
}
fn get_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    bound(vm, v, 1)
}
fn get_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    bound(vm, v, 2)
}

fn range_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(b) = big_of(args.this()) {
        return Ok(Value::Bool(big::length(&b) > 0));
    }
    let (a, b, c) = parts(vm, args.this())?;
    Ok(Value::Bool(range_len(a, b, c) > 0))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.range.clone();
    vm.add_static(&t, "__new__", range_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", range_repr),
            ("__len__", range_len_m),
            ("__bool__", range_bool),
            ("__getitem__", range_getitem),
            ("__contains__", range_contains),
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__eq__", range_eq),
            ("__hash__", range_hash),
            ("index", range_index),
            ("count", range_count),
        ],
    );
    vm.add_getset(&t, "start", get_start, None);
    vm.add_getset(&t, "stop", get_stop, None);
    vm.add_getset(&t, "step", get_step, None);
}
