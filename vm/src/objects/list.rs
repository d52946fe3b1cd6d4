//! `list`: core methods (indexing and slicing, append/extend/insert/pop,
//! sort, comparisons, repr). More methods may go in `list_methods.rs`.

use std::cell::RefCell;
use std::cmp::Ordering;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The items cell of a list value.
pub fn list_cell(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Some(l),
        _ => None,
    }
}

fn this_list<'a>(vm: &mut Vm, v: &'a Value, name: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    list_cell(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))
    })
}

fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("list.__new__(X): X is not a type object")),
    };
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::List(RefCell::new(Vec::new())),
    )))
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let rest = args.shift();
    if rest.has_kw() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let p = rest.pos();
    if p.len() > 1 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", p.len())));
    }
    let items = match p.first() {
        Some(src) => vm.iterate(src)?,
        None => Vec::new(),
    };
    let l = this_list(vm, &this, "__init__")?;
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn list_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this(), "__len__")?;
    Ok(Value::Int(l.borrow().len() as i64))
}

/// `list[index]` / `list[slice]`.
pub fn list_getitem_impl(vm: &mut Vm, this: &Value, idx: &Value) -> PyResult<Value> {
    let l = this_list(vm, this, "__getitem__")?;
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, l)?;
        let items: Vec<Value> = {
            let b = l.borrow();
            r.indices().filter_map(|i| b.get(i).cloned()).collect()
        };
        return Ok(vm.new_list(items));
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, l)? {
        Some(i) => l
            .borrow()
            .get(i)
            .cloned()
            .ok_or_else(|| vm.index_error("list index out of range")),
        None => Err(vm.index_error("list index out of range")),
    }
}

fn list_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "list.__getitem__")?;
    list_getitem_impl(vm, this, idx)
}

/// `list[index] = value` / `list[slice] = iterable`.
pub fn list_setitem_impl(vm: &mut Vm, this: &Value, idx: &Value, value: Value) -> PyResult<()> {
    let l = this_list(vm, this, "__setitem__")?;
    if let Some(Payload::Slice { .. }) = idx.payload() {
        // CPython's order: the bounds (`__index__`), then the items, then
        // the length as it is after both ran.
        let bounds = vm.unpack_slice(idx)?;
        let items = if value.is(this) {
            l.borrow().clone()
        } else {
            vm.iterate(&value)?
        };
        let len = l.borrow().len();
        let r = bounds.adjust(len);
        let mut b = l.borrow_mut();
        if r.step == 1 {
            let start = r.start.clamp(0, len as i64) as usize;
            let stop = (r.stop.max(r.start)).clamp(0, len as i64) as usize;
            b.splice(start..stop, items);
            return Ok(());
        }
        if items.len() != r.len {
            drop(b);
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                r.len
            )));
        }
        for (i, v) in r.indices().zip(items) {
            if let Some(slot) = b.get_mut(i) {
                *slot = v;
            }
        }
        return Ok(());
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, l)? {
        Some(i) => {
            let old = l
                .borrow_mut()
                .get_mut(i)
                .map(|slot| std::mem::replace(slot, value));
            drop(old);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx, value] = args.exact_method(vm, "list.__setitem__")?;
    list_setitem_impl(vm, this, idx, value.clone())?;
    Ok(Value::None)
}

pub fn list_delitem_impl(vm: &mut Vm, this: &Value, idx: &Value) -> PyResult<()> {
    let l = this_list(vm, this, "__delitem__")?;
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, l)?;
        let len = l.borrow().len();
        let mut kill = vec![false; len];
        for i in r.indices() {
            if let Some(k) = kill.get_mut(i) {
                *k = true;
            }
        }
        let old: Vec<Value> = std::mem::take(&mut *l.borrow_mut());
        let mut removed = Vec::new();
        let mut kept = Vec::with_capacity(old.len());
        for (i, v) in old.into_iter().enumerate() {
            if kill.get(i).copied().unwrap_or(false) {
                removed.push(v);
            } else {
                kept.push(v);
            }
        }
        *l.borrow_mut() = kept;
        drop(removed);
        return Ok(());
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, l)? {
        Some(i) => {
            let v = l.borrow_mut().remove(i);
            drop(v);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

fn list_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "list.__delitem__")?;
    list_delitem_impl(vm, this, idx)?;
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, item] = args.exact_method(vm, "list.append")?;
    let l = this_list(vm, this, "append")?;
    crate::heap_stats::push_charged(&mut l.borrow_mut(), item.clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, src] = args.exact_method(vm, "list.extend")?;
    let items = if src.is(this) {
        this_list(vm, this, "extend")?.borrow().clone()
    } else {
        vm.iterate(src)?
    };
    let l = this_list(vm, this, "extend")?;
    crate::heap_stats::extend_charged(&mut l.borrow_mut(), items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx, item] = args.range::<3>(vm, "insert", 3, true)?;
    let (this, idx, item) = (
        this.cloned().unwrap_or(Value::None),
        idx.cloned().unwrap_or(Value::None),
        item.cloned().unwrap_or(Value::None),
    );
    let i = vm.to_index(&idx)?;
    let i = crate::objects::int::clamp_i64(&i);
    let l = this_list(vm, &this, "insert")?;
    let mut b = l.borrow_mut();
    let len = b.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.insert(pos as usize, item);
    crate::heap_stats::charge(std::mem::size_of::<Value>());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.range::<2>(vm, "pop", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    this_list(vm, &this, "pop")?;
    // The index first: its `__index__` may change the list.
    let i = match idx {
        Some(v) => Some(crate::objects::int::clamp_i64(&vm.to_index(v)?)),
        None => None,
    };
    let l = this_list(vm, &this, "pop")?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match i {
        None => len - 1,
        Some(i) => {
            let i = if i < 0 { i + len as i64 } else { i };
            if i < 0 || i >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            i as usize
        }
    };
    let v = l.borrow_mut().remove(i);
    Ok(v)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "list.remove")?;
    let mut i = 0;
    loop {
        let item = match this_list(vm, this, "remove")?.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if item.is(x) || vm.eq(&item, x)? {
            let l = this_list(vm, this, "remove")?;
            if i < l.borrow().len() {
                let v = l.borrow_mut().remove(i);
                drop(v);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x, start, stop] = args.range::<4>(vm, "index", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let x = x.cloned().unwrap_or(Value::None);
    let len = this_list(vm, &this, "index")?.borrow().len() as i64;
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => {
                let i = vm.to_index(v)?;
                let i = crate::objects::int::clamp_i64(&i);
                Ok(if i < 0 { (i + len).max(0) } else { i })
            }
        }
    };
    let start = norm(vm, start, 0)?;
    let stop = norm(vm, stop, len)?;
    let mut i = start;
    while i < stop {
        let item = match this_list(vm, &this, "index")?.borrow().get(i as usize) {
            Some(v) => v.clone(),
            None => break,
        };
        if item.is(&x) || vm.eq(&item, &x)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "list.count")?;
    let items = this_list(vm, this, "count")?.borrow().clone();
    let mut n = 0;
    for it in items {
        if it.is(x) || vm.eq(&it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "list.reverse")?;
    this_list(vm, this, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "list.copy")?;
    let items = this_list(vm, this, "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "list.clear")?;
    let old = std::mem::take(&mut *this_list(vm, this, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// Stable merge sort using a fallible "less than"; stops calling `lt`
/// after the first error.
pub fn merge_sort(vm: &mut Vm, items: &mut Vec<(Value, Value)>, reverse: bool) -> PyResult<()> {
    let mut err = None;
    let mut lt = |vm: &mut Vm, a: &Value, b: &Value| -> bool {
        if err.is_some() {
            return false;
        }
        match vm.lt(a, b) {
            Ok(x) => x,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    if reverse {
        items.reverse();
    }
    let n = items.len();
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    let mut width = 1;
    // Insertion sort runs of 16 first.
    const RUN: usize = 16;
    let mut s = 0;
    while s < n {
        let e = (s + RUN).min(n);
        for i in s + 1..e {
            let mut j = i;
            while j > s && lt(vm, &items[j].0, &items[j - 1].0) {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        s = e;
    }
    width = width.max(RUN);
    while width < n {
        let mut lo = 0;
        buf.clear();
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                if lt(vm, &items[j].0, &items[i].0) {
                    buf.push(items[j].clone());
                    j += 1;
                } else {
                    buf.push(items[i].clone());
                    i += 1;
                }
            }
            buf.extend(items[i..mid].iter().cloned());
            buf.extend(items[j..hi].iter().cloned());
            lo = hi;
        }
        std::mem::swap(items, &mut buf);
        width *= 2;
        // A pass over a long list is long: the time limit holds inside it.
        vm.check_deadline()?;
    }
    if reverse {
        items.reverse();
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Sorts `items` in place with an optional key function.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut pairs = Vec::with_capacity(items.len());
    for it in items {
        let k = if key.is_none() {
            it.clone()
        } else {
            vm.call(key, std::slice::from_ref(&it))?
        };
        pairs.push((k, it));
    }
    merge_sort(vm, &mut pairs, reverse)?;
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let rest = args.shift();
    if !rest.pos().is_empty() {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = rest.bind(vm, "sort", ["key", "reverse"], 0)?;
    let key = key.cloned().unwrap_or(Value::None);
    let reverse = match reverse {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let l = this_list(vm, &this, "sort")?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let res = sort_values(vm, items.clone(), &key, reverse);
    let l = this_list(vm, &this, "sort")?;
    // The list looks empty while it is sorted. Any growth allocates, and a
    // later shrink keeps the capacity, so a mutation that emptied the list
    // again is still seen (CPython checks its `allocated` field the same way).
    let modified = {
        let now = l.borrow();
        !now.is_empty() || now.capacity() != 0
    };
    match res {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            if !modified {
                *l.borrow_mut() = items;
            }
            Err(e)
        }
    }
}

fn list_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    this_list(vm, &this, "__iter__")?;
    Ok(crate::objects::iter::seq_iter(
        vm,
        vm.types.list_iterator.clone(),
        this,
    ))
}

fn list_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let n = this_list(vm, &this, "__reversed__")?.borrow().len();
    Ok(crate::objects::iter::reverse_iter(vm, this, n))
}

/// repr of a list or tuple's items, with recursion guard.
pub fn seq_repr(
    vm: &mut Vm,
    this: &Value,
    items: &[Value],
    open: &str,
    close: &str,
) -> PyResult<String> {
    if !vm.repr_enter(this) {
        return Ok(format!("{open}...{close}"));
    }
    let r = (|| {
        let mut out = String::from(open);
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(it)?);
        }
        if items.len() == 1 && open == "(" {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    })();
    vm.repr_leave(this);
    r
}

fn list_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let items = this_list(vm, &this, "__repr__")?.borrow().clone();
    let s = seq_repr(vm, &this, &items, "[", "]")?;
    Ok(vm.str_val(s))
}

/// Lexicographic comparison of two item sequences (for list/tuple).
pub fn seq_compare(
    vm: &mut Vm,
    a: &[Value],
    b: &[Value],
    op: rpy_compiler::bytecode::ComparisonOperator,
) -> PyResult<bool> {
    use rpy_compiler::bytecode::ComparisonOperator as C;
    let n = a.len().min(b.len());
    for i in 0..n {
        let (x, y) = (&a[i], &b[i]);
        if x.is(y) || vm.eq(x, y)? {
            continue;
        }
        return match op {
            C::Eq => Ok(false),
            C::Ne => Ok(true),
            _ => {
                let r = vm.compare(x, y, op)?;
                vm.is_true(&r)
            }
        };
    }
    let ord = a.len().cmp(&b.len());
    Ok(match op {
        C::Lt => ord == Ordering::Less,
        C::Le => ord != Ordering::Greater,
        C::Eq => ord == Ordering::Equal,
        C::Ne => ord != Ordering::Equal,
        C::Gt => ord == Ordering::Greater,
        C::Ge => ord != Ordering::Less,
    })
}

fn list_richcmp(
    vm: &mut Vm,
    args: Args,
    op: rpy_compiler::bytecode::ComparisonOperator,
) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "list.__eq__")?;
    let (Some(la), Some(lb)) = (list_cell(a), list_cell(b)) else {
        return Ok(vm.not_implemented());
    };
    let (x, y) = (la.borrow().clone(), lb.borrow().clone());
    Ok(Value::Bool(seq_compare(vm, &x, &y, op)?))
}

macro_rules! cmp_fn {
    ($name:ident, $op:ident) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            list_richcmp(vm, args, rpy_compiler::bytecode::ComparisonOperator::$op)
        }
    };
}
cmp_fn!(list_eq, Eq);
cmp_fn!(list_ne, Ne);
cmp_fn!(list_lt, Lt);
cmp_fn!(list_le, Le);
cmp_fn!(list_gt, Gt);
cmp_fn!(list_ge, Ge);

fn list_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "list.__contains__")?;
    let mut i = 0;
    loop {
        let item = match this_list(vm, this, "__contains__")?.borrow().get(i) {
            Some(v) => v.clone(),
            None => return Ok(Value::Bool(false)),
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Value::Bool(true));
        }
        i += 1;
    }
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "list.__iadd__")?;
    let items = if other.is(this) {
        this_list(vm, this, "__iadd__")?.borrow().clone()
    } else {
        vm.iterate(other)?
    };
    crate::heap_stats::extend_charged(&mut this_list(vm, this, "__iadd__")?.borrow_mut(), items);
    Ok(this.clone())
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, n] = args.exact_method(vm, "list.__imul__")?;
    if !vm.is_index(n) {
        return Ok(vm.not_implemented());
    }
    let n = vm.to_index(n)?;
    let n = crate::objects::int::clamp_i64(&n).max(0) as usize;
    let items = this_list(vm, this, "__imul__")?.borrow().clone();
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(|| vm.memory_error())?;
    let mut out = Vec::new();
    vm.reserve(&mut out, total)?;
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    *this_list(vm, this, "__imul__")?.borrow_mut() = out;
    Ok(this.clone())
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.list.clone();
    vm.add_static(&t, "__new__", list_new);
    vm.add_methods(
        &t,
        &[
            ("__init__", list_init),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__repr__", list_repr),
            ("__contains__", list_contains),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
            ("__iadd__", list_iadd),
            ("__imul__", list_imul),
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
            ("sort", list_sort),
        ],
    );
    vm.set_class_const(&t, "__hash__", Value::None);
    crate::objects::ops_slots::add_binary_slots(vm, &t);
}
