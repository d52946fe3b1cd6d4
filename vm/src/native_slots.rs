//! Dispatch through typed native types' slots (`native_type.rs`): the
//! protocols (`protocol.rs`, iteration, comparison, binary operators,
//! calls, buffers) call a native instance's slot directly when its class
//! is the native type itself. Instances of Python subclasses go through
//! the dunder methods instead, which the definition also provides, so a
//! subclass's override wins as in CPython.

use std::rc::Rc;

use rpy_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use crate::native_type::Slots;
use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::{ExportedBuffer, PyResult, Vm};

/// The slots of `o` if it is a native instance of a non-heap class.
#[inline]
pub(crate) fn exact_slots(o: &PyObject) -> Option<&Slots> {
    match &o.payload {
        Payload::Native(n) => {
            let heap = o
                .class_ref()
                .as_ref()
                .and_then(|c| c.as_type().map(|t| t.heap))
                .unwrap_or(false);
            (!heap).then_some(&*n.slots)
        }
        _ => None,
    }
}

/// The slots of `v` if it is an exact native instance.
#[inline]
pub(crate) fn value_slots(v: &Value) -> Option<&Slots> {
    match v {
        Value::Obj(o) => exact_slots(o),
        _ => None,
    }
}

fn is_heap_instance(vm: &Vm, v: &Value) -> bool {
    vm.class_of(v).as_type().is_some_and(|t| t.heap)
}

/// `a op b` through a native operand's slot; `None` to go on with the
/// dunder protocol (no slot, both returned `NotImplemented`, or the other
/// operand is an instance of a Python class, whose methods come first).
pub(crate) fn binary(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: BinaryOperator,
) -> PyResult<Option<Value>> {
    let find = |v: &Value| {
        value_slots(v).and_then(|s| {
            s.binary
                .iter()
                .find(|(o, _)| *o == op)
                .map(|(_, f)| f.clone())
        })
    };
    let fa = find(a);
    let fb = find(b);
    if fa.is_none() && fb.is_none() {
        return Ok(None);
    }
    if (fa.is_none() && is_heap_instance(vm, a)) || (fb.is_none() && is_heap_instance(vm, b)) {
        return Ok(None);
    }
    let fb = match (&fa, fb) {
        (Some(x), Some(y)) if Rc::ptr_eq(x, &y) => None,
        (_, y) => y,
    };
    let repeat = op == BinaryOperator::Multiply
        && [a, b]
            .iter()
            .any(|v| value_slots(v).is_some_and(|s| s.repeat));
    for f in [fa, fb].into_iter().flatten() {
        let r = f(vm, a, b)?;
        if !vm.is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if repeat && !is_heap_instance(vm, a) && !is_heap_instance(vm, b) {
        // A sequence times a non-index, neither operand a Python class's.
        let seq = |v: &Value| {
            value_slots(v).is_some_and(|s| s.repeat)
                || matches!(
                    v.payload(),
                    Some(
                        Payload::Str(_)
                            | Payload::List(_)
                            | Payload::Tuple(_)
                            | Payload::Bytes(_)
                            | Payload::ByteArray(_)
                    )
                )
        };
        let other = if seq(a) { b } else { a };
        let t = vm.type_name(other);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    }
    Ok(None)
}

/// `a op b` for comparisons through a native operand's slot (the other
/// operand's reflected comparison second); `None` to go on.
pub(crate) fn compare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: ComparisonOperator,
) -> PyResult<Option<Value>> {
    let fa = value_slots(a).and_then(|s| s.compare.clone());
    let fb = value_slots(b).and_then(|s| s.compare.clone());
    if fa.is_none() && fb.is_none() {
        return Ok(None);
    }
    if (fa.is_none() && is_heap_instance(vm, a)) || (fb.is_none() && is_heap_instance(vm, b)) {
        return Ok(None);
    }
    if let Some(f) = fa {
        let r = f(vm, a, b, op)?;
        if !vm.is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fb {
        let r = f(vm, b, a, crate::eval::ops::reflect(op))?;
        if !vm.is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// The buffer a native instance (of any class) exports.
pub(crate) fn buffer(v: &Value) -> Option<ExportedBuffer> {
    let Value::Obj(o) = v else { return None };
    let Payload::Native(n) = &o.payload else {
        return None;
    };
    let f = n.slots.buffer.as_ref()?;
    f(o)
}
