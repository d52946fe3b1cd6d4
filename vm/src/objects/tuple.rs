//! `tuple`: construction, indexing/slicing, hashing, comparisons, repr,
//! `count`/`index`.

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this_tuple<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a [Value]> {
    v.as_tuple().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("tuple.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    if rest.has_kw() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let p = rest.pos();
    if p.len() > 1 {
        return Err(vm.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            p.len()
        )));
    }
    let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.tuple);
    if exact {
        if let Some(src) = p.first() {
            // Only an exact tuple is returned as is (not a struct sequence).
            if src.as_tuple().is_some() && std::rc::Rc::ptr_eq(&vm.class_of(src), &vm.types.tuple) {
                return Ok(src.clone());
            }
        }
    }
    let items = match p.first() {
        Some(src) => vm.iterate(src)?,
        None => Vec::new(),
    };
    if exact {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::Obj(vm.alloc_instance(&cls, Payload::Tuple(items))))
}

/// `tuple[index]` / `tuple[slice]`.
pub fn tuple_getitem_impl(vm: &mut Vm, this: &Value, idx: &Value) -> PyResult<Value> {
    let t = this_tuple(vm, this)?;
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, t.len())?;
        if r.step == 1
            && r.len == t.len()
            && std::rc::Rc::ptr_eq(&vm.class_of(this), &vm.types.tuple)
        {
            return Ok(this.clone());
        }
        let items: Vec<Value> = r.indices().filter_map(|i| t.get(i).cloned()).collect();
        return Ok(vm.new_tuple(items));
    }
    if !vm.is_index(idx) {
        return Err(vm.type_error(format!(
            "tuple indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    }
    match vm.seq_index(idx, t.len())? {
        Some(i) => t
            .get(i)
            .cloned()
            .ok_or_else(|| vm.index_error("tuple index out of range")),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn tuple_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, idx] = args.exact_method(vm, "tuple.__getitem__")?;
    tuple_getitem_impl(vm, this, idx)
}

fn tuple_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_tuple(vm, args.this())?.len() as i64))
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = this_tuple(vm, args.this())?.to_vec();
    let mut hs = Vec::with_capacity(items.len());
    for it in &items {
        hs.push(vm.hash(it)?);
    }
    Ok(Value::Int(crate::hash::hash_tuple_items(hs.into_iter())))
}

fn tuple_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let items = this_tuple(vm, &this)?.to_vec();
    let s = crate::objects::list::seq_repr(vm, &this, &items, "(", ")")?;
    Ok(vm.str_val(s))
}

fn tuple_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    this_tuple(vm, &this)?;
    Ok(crate::objects::iter::seq_iter(
        vm,
        vm.types.tuple_iterator.clone(),
        this,
    ))
}

fn tuple_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "tuple.__contains__")?;
    for it in this_tuple(vm, this)?.to_vec() {
        if it.is(x) || vm.eq(&it, x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "tuple.count")?;
    let mut n = 0;
    for it in this_tuple(vm, this)?.to_vec() {
        if it.is(x) || vm.eq(&it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x, start, stop] = args.range::<4>(vm, "index", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let x = x.cloned().unwrap_or(Value::None);
    let items = this_tuple(vm, &this)?.to_vec();
    let len = items.len() as i64;
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => {
                let i = vm.to_index(v)?;
                let i = crate::objects::int::clamp_i64(&i);
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let (s, e) = (norm(vm, start, 0)?, norm(vm, stop, len)?);
    for i in s..e {
        let it = &items[i as usize];
        if it.is(&x) || vm.eq(it, &x)? {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_richcmp(
    vm: &mut Vm,
    args: Args,
    op: rpy_compiler::bytecode::ComparisonOperator,
) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "tuple.__eq__")?;
    let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) else {
        return Ok(vm.not_implemented());
    };
    let (x, y) = (x.to_vec(), y.to_vec());
    Ok(Value::Bool(crate::objects::list::seq_compare(
        vm, &x, &y, op,
    )?))
}

macro_rules! cmp_fn {
    ($name:ident, $op:ident) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            tuple_richcmp(vm, args, rpy_compiler::bytecode::ComparisonOperator::$op)
        }
    };
}
cmp_fn!(tuple_eq, Eq);
cmp_fn!(tuple_ne, Ne);
cmp_fn!(tuple_lt, Lt);
cmp_fn!(tuple_le, Le);
cmp_fn!(tuple_gt, Gt);
cmp_fn!(tuple_ge, Ge);

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = this_tuple(vm, args.this())?.to_vec();
    let t = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![t]))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    vm.add_static(&t, "__new__", tuple_new);
    vm.add_methods(
        &t,
        &[
            ("__getitem__", tuple_getitem),
            ("__len__", tuple_len),
            ("__hash__", tuple_hash),
            ("__repr__", tuple_repr),
            ("__iter__", tuple_iter),
            ("__contains__", tuple_contains),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
            ("__getnewargs__", tuple_getnewargs),
            ("count", tuple_count),
            ("index", tuple_index),
        ],
    );
    crate::objects::ops_slots::add_binary_slots(vm, &t);
}
