//! `set` and `frozenset`: core operations and methods.

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::table::SetTable;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The table of a set or frozenset value.
pub fn set_cell(v: &Value) -> Option<&RefCell<SetTable>> {
    match v.payload() {
        Some(Payload::Set(t)) | Some(Payload::FrozenSet(t)) => Some(t),
        _ => None,
    }
}

impl Vm {
    /// Adds `key` to a set table.
    pub fn set_add(&mut self, cell: &RefCell<SetTable>, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        if self.table_find(cell, &key, h)?.is_none() {
            cell.borrow_mut().insert_new(key, h, ());
        }
        Ok(())
    }

    pub fn set_contains(&mut self, cell: &RefCell<SetTable>, key: &Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `[] in {1}`: unhashable sets are looked up as frozensets.
                if let Some(t) = set_cell(key) {
                    let fz = t.borrow().clone();
                    let f = self.new_frozenset(fz);
                    return self.set_contains(cell, &f);
                }
                return Err(e);
            }
        };
        Ok(self.table_find(cell, key, h)?.is_some())
    }

    /// A set table from an iterable.
    pub fn set_table_from(&mut self, src: &Value) -> PyResult<SetTable> {
        if let Some(t) = set_cell(src) {
            return Ok(t.borrow().clone());
        }
        let items = self.iterate(src)?;
        let cell = RefCell::new(SetTable::with_capacity(items.len()));
        for it in items {
            self.set_add(&cell, it)?;
        }
        Ok(cell.into_inner())
    }
}

fn this_set<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<SetTable>> {
    set_cell(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn is_frozen(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::FrozenSet(_)))
}

/// A new set or frozenset like `like` (same kind, exact type).
fn same_kind(vm: &mut Vm, like: &Value, t: SetTable) -> Value {
    if is_frozen(like) {
        vm.new_frozenset(t)
    } else {
        vm.new_set(t)
    }
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("set.__new__(X): X is not a type object")),
    };
    let frozen = crate::objects::type_::is_subtype(&cls, &vm.types.frozenset);
    if frozen {
        let rest = args.shift();
        rest.no_kw(vm, "frozenset")?;
        let t = match rest.pos() {
            [] => SetTable::new(),
            [src] => vm.set_table_from(src)?,
            p => {
                return Err(vm.type_error(format!(
                    "frozenset expected at most 1 argument, got {}",
                    p.len()
                )))
            }
        };
        return Ok(Value::Obj(
            vm.alloc_instance(&cls, Payload::FrozenSet(RefCell::new(t))),
        ));
    }
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::Set(RefCell::new(SetTable::new())),
    )))
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    if is_frozen(&this) {
        return Ok(Value::None);
    }
    let rest = args.shift();
    rest.no_kw(vm, "set")?;
    let t = match rest.pos() {
        [] => SetTable::new(),
        [src] => vm.set_table_from(src)?,
        p => return Err(vm.type_error(format!("set expected at most 1 argument, got {}", p.len()))),
    };
    *this_set(vm, &this)?.borrow_mut() = t;
    Ok(Value::None)
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_set(vm, args.this())?.borrow().len() as i64))
}

fn set_contains_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "set.__contains__")?;
    let c = this_set(vm, this)?;
    Ok(Value::Bool(vm.set_contains(c, key)?))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let len = this_set(vm, &this)?.borrow().len();
    let cls = vm.types.set_iterator.clone();
    Ok(crate::objects::iter::new_iter(
        vm,
        cls,
        crate::objects::iter::IterState::Set {
            set: this,
            index: 0,
            len,
        },
    ))
}

fn set_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let items: Vec<Value> = this_set(vm, &this)?.borrow().keys().cloned().collect();
    let name = vm.type_name(&this);
    let exact_set = name == "set";
    if items.is_empty() {
        return Ok(vm.str_val(format!("{name}()")));
    }
    if !vm.repr_enter(&this) {
        return Ok(vm.str_val(format!("{name}(...)")));
    }
    let inner = crate::objects::list::seq_repr(vm, &Value::None, &items, "{", "}");
    vm.repr_leave(&this);
    let inner = inner?;
    let s = if exact_set {
        inner
    } else {
        format!("{name}({inner})")
    };
    Ok(vm.str_val(s))
}

fn set_add_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "set.add")?;
    let c = this_set(vm, this)?;
    vm.set_add(c, key.clone())?;
    Ok(Value::None)
}

fn set_discard_impl(vm: &mut Vm, this: &Value, key: &Value) -> PyResult<bool> {
    let c = this_set(vm, this)?;
    let h = vm.hash(key)?;
    match vm.table_find(c, key, h)? {
        Some(i) => {
            let r = c.borrow_mut().remove_index(i);
            drop(r);
            Ok(true)
        }
        None => Ok(false),
    }
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "set.discard")?;
    set_discard_impl(vm, this, key)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "set.remove")?;
    if !set_discard_impl(vm, this, key)? {
        return Err(vm.key_error(key.clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "set.pop")?;
    let c = this_set(vm, this)?;
    let r = c.borrow_mut().map.shift_remove_index(0);
    match r {
        Some((k, _)) => Ok(k.value),
        None => {
            let cls = vm.exc.key_error.clone();
            Err(vm.new_error(&cls, "pop from an empty set"))
        }
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "set.clear")?;
    let old = std::mem::take(&mut *this_set(vm, this)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "set.copy")?;
    let t = this_set(vm, this)?.borrow().clone();
    Ok(same_kind(vm, this, t))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    for src in args.shift().pos() {
        let items = match set_cell(src) {
            Some(t) => t.borrow().keys().cloned().collect(),
            None => vm.iterate(src)?,
        };
        let c = this_set(vm, &this)?;
        for it in items {
            vm.set_add(c, it)?;
        }
    }
    Ok(Value::None)
}

/// Set algebra: 0 union, 1 intersection, 2 difference, 3 symmetric diff.
pub fn set_algebra(vm: &mut Vm, a: &Value, b: &Value, op: u8) -> PyResult<Value> {
    let ta = this_set(vm, a)?.borrow().clone();
    let tb = vm.set_table_from(b)?;
    let cb = RefCell::new(tb);
    let out = RefCell::new(SetTable::new());
    match op {
        0 => {
            *out.borrow_mut() = ta;
            let items: Vec<Value> = cb.borrow().keys().cloned().collect();
            for k in items {
                vm.set_add(&out, k)?;
            }
        }
        1 => {
            for k in ta.keys() {
                if vm.set_contains(&cb, k)? {
                    vm.set_add(&out, k.clone())?;
                }
            }
        }
        2 => {
            for k in ta.keys() {
                if !vm.set_contains(&cb, k)? {
                    vm.set_add(&out, k.clone())?;
                }
            }
        }
        _ => {
            let ca = RefCell::new(ta.clone());
            for k in ta.keys() {
                if !vm.set_contains(&cb, k)? {
                    vm.set_add(&out, k.clone())?;
                }
            }
            let items: Vec<Value> = cb.borrow().keys().cloned().collect();
            for k in items {
                if !vm.set_contains(&ca, &k)? {
                    vm.set_add(&out, k)?;
                }
            }
        }
    }
    Ok(same_kind(vm, a, out.into_inner()))
}

macro_rules! algebra_method {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let this = args.this().clone();
            let mut acc = {
                let t = this_set(vm, &this)?.borrow().clone();
                same_kind(vm, &this, t)
            };
            for other in args.shift().pos() {
                acc = set_algebra(vm, &acc, other, $op)?;
            }
            Ok(acc)
        }
    };
}
algebra_method!(set_union, 0);
algebra_method!(set_intersection, 1);
algebra_method!(set_difference, 2);
algebra_method!(set_symmetric_difference, 3);

macro_rules! inplace_method {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let this = args.this().clone();
            for other in args.shift().pos() {
                let r = set_algebra(vm, &this, other, $op)?;
                let t = this_set(vm, &r)?.borrow().clone();
                *this_set(vm, &this)?.borrow_mut() = t;
            }
            Ok(Value::None)
        }
    };
}
inplace_method!(set_intersection_update, 1);
inplace_method!(set_difference_update, 2);
inplace_method!(set_symmetric_difference_update, 3);

fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let ta: Vec<Value> = this_set(vm, a)?.borrow().keys().cloned().collect();
    let cb = this_set(vm, b)?;
    if ta.len() > cb.borrow().len() {
        return Ok(false);
    }
    for k in ta {
        if !vm.set_contains(cb, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "set.issubset")?;
    let o = if set_cell(other).is_some() {
        other.clone()
    } else {
        let t = vm.set_table_from(other)?;
        vm.new_set(t)
    };
    Ok(Value::Bool(subset(vm, this, &o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "set.issuperset")?;
    let o = if set_cell(other).is_some() {
        other.clone()
    } else {
        let t = vm.set_table_from(other)?;
        vm.new_set(t)
    };
    Ok(Value::Bool(subset(vm, &o, this)?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "set.isdisjoint")?;
    let items = vm.iterate(other)?;
    let c = this_set(vm, this)?;
    for k in items {
        if vm.set_contains(c, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_richcmp(vm: &mut Vm, args: Args, op: u8) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "set.__eq__")?;
    if set_cell(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let la = this_set(vm, a)?.borrow().len();
    let lb = this_set(vm, b)?.borrow().len();
    let r = match op {
        0 => la == lb && subset(vm, a, b)?,
        1 => !(la == lb && subset(vm, a, b)?),
        2 => subset(vm, a, b)?,
        3 => la < lb && subset(vm, a, b)?,
        4 => subset(vm, b, a)?,
        _ => la > lb && subset(vm, b, a)?,
    };
    Ok(Value::Bool(r))
}

macro_rules! cmp_method {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            set_richcmp(vm, args, $op)
        }
    };
}
cmp_method!(set_eq, 0);
cmp_method!(set_ne, 1);
cmp_method!(set_le, 2);
cmp_method!(set_lt, 3);
cmp_method!(set_ge, 4);
cmp_method!(set_gt, 5);

macro_rules! op_method {
    ($name:ident, $op:expr, $rev:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [a, b] = args.exact_method(vm, "set.__or__")?;
            if set_cell(b).is_none() {
                return Ok(vm.not_implemented());
            }
            if $rev {
                set_algebra(vm, b, a, $op)
            } else {
                set_algebra(vm, a, b, $op)
            }
        }
    };
}
op_method!(set_or, 0, false);
op_method!(set_and, 1, false);
op_method!(set_sub, 2, false);
op_method!(set_xor, 3, false);
op_method!(set_ror, 0, true);
op_method!(set_rand, 1, true);
op_method!(set_rsub, 2, true);
op_method!(set_rxor, 3, true);

macro_rules! iop_method {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [a, b] = args.exact_method(vm, "set.__ior__")?;
            if set_cell(b).is_none() {
                return Ok(vm.not_implemented());
            }
            let r = set_algebra(vm, a, b, $op)?;
            let t = this_set(vm, &r)?.borrow().clone();
            *this_set(vm, a)?.borrow_mut() = t;
            Ok(a.clone())
        }
    };
}
iop_method!(set_ior, 0);
iop_method!(set_iand, 1);
iop_method!(set_isub, 2);
iop_method!(set_ixor, 3);

fn frozenset_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items: Vec<Value> = this_set(vm, args.this())?
        .borrow()
        .keys()
        .cloned()
        .collect();
    // Order-independent combination of item hashes (as CPython's shuffle).
    let mut h: u64 = 0;
    for it in &items {
        let x = vm.hash(it)? as u64;
        h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
    }
    h ^= ((items.len() as u64) + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    let mut r = h as i64;
    if r == -1 {
        r = 590923713;
    }
    Ok(Value::Int(r))
}

pub fn init(vm: &mut Vm) {
    let s = vm.types.set.clone();
    let f = vm.types.frozenset.clone();
    for t in [&s, &f] {
        vm.add_static(t, "__new__", set_new);
        vm.add_methods(
            t,
            &[
                ("__init__", set_init),
                ("__len__", set_len),
                ("__contains__", set_contains_m),
                ("__iter__", set_iter),
                ("__repr__", set_repr),
                ("__eq__", set_eq),
                ("__ne__", set_ne),
                ("__le__", set_le),
                ("__lt__", set_lt),
                ("__ge__", set_ge),
                ("__gt__", set_gt),
                ("__or__", set_or),
                ("__and__", set_and),
                ("__sub__", set_sub),
                ("__xor__", set_xor),
                ("__ror__", set_ror),
                ("__rand__", set_rand),
                ("__rsub__", set_rsub),
                ("__rxor__", set_rxor),
                ("copy", set_copy),
                ("union", set_union),
                ("intersection", set_intersection),
                ("difference", set_difference),
                ("symmetric_difference", set_symmetric_difference),
                ("issubset", set_issubset),
                ("issuperset", set_issuperset),
                ("isdisjoint", set_isdisjoint),
            ],
        );
    }
    vm.add_methods(
        &s,
        &[
            ("add", set_add_m),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
        ],
    );
    vm.set_class_attr(&s, "__hash__", Value::None);
    vm.add_methods(&f, &[("__hash__", frozenset_hash)]);
}
