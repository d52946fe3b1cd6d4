//! `__reduce__` and `__setstate__` of the built-in sequence iterators
//! (list, tuple, bytes, str, reversed list), so that `copy` and `pickle`
//! can rebuild them: `(iter, (seq,), index)`, or `(iter, (empty,))` once
//! exhausted, as CPython 3.11 does. Iterators whose CPython form rpy
//! cannot reproduce (range, dict, set, enumerate, zip, map, filter, generic
//! `reversed`) keep the generic object reduction.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::iter::IterState;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The iterator's position as CPython counts it (items, or characters for a
/// str), with the sequence; `None` when exhausted.
fn position(this: &Value) -> Option<(Value, i64)> {
    let Some(Payload::Iter(st)) = this.payload() else {
        return None;
    };
    let st = st.borrow();
    match &*st {
        IterState::Seq { seq, index } => Some((seq.clone(), *index as i64)),
        IterState::Str { s, pos } => {
            let text = s.as_str()?;
            let chars = text.get(..*pos).map_or(0, |p| p.chars().count());
            Some((s.clone(), chars as i64))
        }
        IterState::Reverse { seq, next } => Some((seq.clone(), *next as i64 - 1)),
        _ => None,
    }
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "__reduce__")?;
    let builtins = vm.builtins.clone();
    let cls = vm.class_of(this);
    let reversed = std::rc::Rc::ptr_eq(&cls, &vm.types.list_reverseiterator);
    match position(this) {
        Some((seq, index)) => {
            let f = if reversed {
                Value::Obj(vm.types.reversed.clone())
            } else {
                vm.module_get(&builtins, "iter")
            };
            let a = vm.new_tuple(vec![seq]);
            Ok(vm.new_tuple(vec![f, a, Value::Int(index)]))
        }
        None => {
            let empty = if std::rc::Rc::ptr_eq(&cls, &vm.types.list_iterator) || reversed {
                vm.new_list(Vec::new())
            } else if std::rc::Rc::ptr_eq(&cls, &vm.types.str_iterator) {
                vm.str_val("")
            } else {
                vm.new_tuple(Vec::new())
            };
            let f = vm.module_get(&builtins, "iter");
            let a = vm.new_tuple(vec![empty]);
            Ok(vm.new_tuple(vec![f, a]))
        }
    }
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, state] = args.exact_method::<2>(vm, "__setstate__")?;
    if !vm.is_index(state) || matches!(state, Value::Float(_)) {
        return Err(vm.type_error("an integer is required"));
    }
    let n = vm.to_i64(state)?;
    let Some(Payload::Iter(st)) = this.payload() else {
        return Ok(Value::None);
    };
    let mut st = st.borrow_mut();
    match &mut *st {
        IterState::Seq { seq, index } => {
            let len = match seq.payload() {
                Some(Payload::List(l)) => l.borrow().len(),
                Some(Payload::Tuple(t)) => t.len(),
                Some(Payload::Bytes(b)) => b.len(),
                _ => *index,
            };
            *index = (n.max(0) as u64).min(len as u64) as usize;
        }
        IterState::Str { s, pos } => {
            let text = s.as_str().unwrap_or("");
            let k = n.max(0) as u64;
            *pos = text
                .char_indices()
                .map(|(b, _)| b)
                .nth(usize::try_from(k).unwrap_or(usize::MAX))
                .unwrap_or(text.len());
        }
        IterState::Reverse { seq, next } => {
            let len = match seq.payload() {
                Some(Payload::List(l)) => l.borrow().len() as i64,
                Some(Payload::Tuple(t)) => t.len() as i64,
                _ => 0,
            };
            // `next` counts the items left: index + 1, kept within the list.
            *next = (n.clamp(-1, len - 1) + 1).max(0) as usize;
        }
        _ => {}
    }
    Ok(Value::None)
}

/// Adds the methods to the sequence iterator types.
pub fn init(vm: &mut Vm) {
    let t = vm.types.clone();
    for c in [
        &t.list_iterator,
        &t.tuple_iterator,
        &t.bytes_iterator,
        &t.str_iterator,
        &t.list_reverseiterator,
    ] {
        vm.add_methods(c, &[("__reduce__", reduce), ("__setstate__", setstate)]);
    }
}
