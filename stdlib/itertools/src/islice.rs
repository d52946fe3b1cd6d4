//! `islice(iterable, stop)` and `islice(iterable, start, stop[, step])`:
//! selected items of an iterator, with CPython's checks of the indices.

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::support::{grow, plain_name, reduce_value, ssize};

pub struct ISlice {
    /// `None` once exhausted.
    it: Option<Value>,
    /// The index of the next item to give.
    next: isize,
    /// `None`: no end.
    stop: Option<isize>,
    step: isize,
    /// How many items were read from the iterator.
    cnt: isize,
}

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const STEP_MSG: &str = "Step for islice() must be a positive integer or None.";

/// An index argument as CPython reads it: `None` is `default`; any
/// failed conversion (not an index, too large) reads as -1.
fn index_or(vm: &mut Vm, v: Option<&Value>, default: isize) -> isize {
    match v {
        None | Some(Value::None) => default,
        Some(v) => ssize(vm, v).unwrap_or(-1),
    }
}

fn islice_new(
    vm: &mut Vm,
    iterable: Value,
    a1: Value,
    a2: OptArg<Value>,
    a3: OptArg<Value>,
) -> PyResult<ISlice> {
    let (a2, a3) = (a2.into_option(), a3.into_option());
    let (mut start, stop) = (0, -1);
    let stop = match &a2 {
        None => {
            let s = index_or(vm, Some(&a1), stop);
            if s == -1 && !a1.is_none() {
                return Err(vm.value_error(STOP_MSG));
            }
            s
        }
        Some(a2) => {
            start = index_or(vm, Some(&a1), 0);
            let s = index_or(vm, Some(a2), stop);
            if s == -1 && !a2.is_none() {
                return Err(vm.value_error(STOP_MSG));
            }
            s
        }
    };
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDEX_MSG));
    }
    let step = index_or(vm, a3.as_ref(), 1);
    if step < 1 {
        return Err(vm.value_error(STEP_MSG));
    }
    let it = vm.get_iter(&iterable)?;
    Ok(ISlice {
        it: Some(it),
        next: start,
        stop: (stop != -1).then_some(stop),
        step,
        cnt: 0,
    })
}

fn islice_next(vm: &mut Vm, this: Native<ISlice>) -> PyResult<Option<Value>> {
    let Some((it, stop)) = this.with(vm, |s| s.it.clone().map(|it| (it, s.stop)))? else {
        return Ok(None);
    };
    let item = grow(|| -> PyResult<Option<Value>> {
        while this.with(vm, |s| s.cnt < s.next)? {
            if vm.next(&it)?.is_none() {
                return Ok(None);
            }
            this.with_mut(vm, |s| s.cnt += 1)?;
        }
        if stop.is_some_and(|stop| this.with(vm, |s| s.cnt >= stop).unwrap_or(true)) {
            return Ok(None);
        }
        vm.next(&it)
    })?;
    let Some(item) = item else {
        this.with_mut(vm, |s| s.it = None)?;
        return Ok(None);
    };
    this.with_mut(vm, |s| {
        s.cnt = s.cnt.saturating_add(1);
        let next = s.next.checked_add(s.step);
        s.next = match (next, s.stop) {
            (Some(n), Some(stop)) if n > stop => stop,
            (Some(n), _) => n,
            (None, Some(stop)) => stop,
            (None, None) => isize::MAX,
        };
    })?;
    Ok(Some(item))
}

fn islice_reduce(vm: &mut Vm, this: Native<ISlice>) -> PyResult<Value> {
    let (it, next, stop, step, cnt) =
        this.with(vm, |s| (s.it.clone(), s.next, s.stop, s.step, s.cnt))?;
    let Some(it) = it else {
        let empty = vm.new_list(Vec::new());
        let it = vm.get_iter(&empty)?;
        return Ok(reduce_value(
            vm,
            &this,
            vec![it, Value::Int(0)],
            Some(Value::Int(0)),
        ));
    };
    let stop = match stop {
        Some(s) => Value::Int(s as i64),
        None => Value::None,
    };
    let args = vec![it, Value::Int(next as i64), stop, Value::Int(step as i64)];
    Ok(reduce_value(vm, &this, args, Some(Value::Int(cnt as i64))))
}

impl NativeClass for ISlice {
    const NAME: &'static str = "islice";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator.",
    );

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(islice_new);
        plain_name(sig, "islice");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(islice_next);
        c.method("__reduce__", islice_reduce);
        c.method(
            "__setstate__",
            |vm: &mut Vm, this: Native<ISlice>, state: Value| -> PyResult<()> {
                let is_int = match &state {
                    Value::Int(_) | Value::Bool(_) => true,
                    Value::Obj(o) => matches!(o.payload, rpy_vm::Payload::Int(_)),
                    _ => false,
                };
                if !is_int {
                    return Err(vm.type_error("an integer is required"));
                }
                let cnt = ssize(vm, &state)?;
                this.with_mut(vm, |s| s.cnt = cnt)
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(it) = &self.it {
            visit(it);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.it.take());
    }
}

/// `islice(it, 1, None)` made natively (`accumulate.__reduce__` uses it).
pub(crate) fn skip_first(vm: &mut Vm, it: Value) -> Value {
    vm.new_native_object(ISlice {
        it: Some(it),
        next: 1,
        stop: None,
        step: 1,
        cnt: 0,
    })
}
