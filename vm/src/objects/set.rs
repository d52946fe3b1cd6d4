//! `set` and `frozenset`: core operations and methods. The operations
//! follow CPython's algorithms step by step (which table is iterated, when
//! a copy is made, presizing), so results come out in CPython's order.

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
        self.set_add_hashed(cell, key, h)
    }

    fn set_add_hashed(&mut self, cell: &RefCell<SetTable>, key: Value, h: i64) -> PyResult<()> {
        if self.table_find(cell, &key, h)?.is_none() {
            let growth = cell.borrow().growth_on_insert();
            if let Some(bytes) = growth {
                self.check_alloc(bytes)?;
            }
            cell.borrow_mut().insert_new(key, h);
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

    /// Removes `key` if present (hash known); true if it was there.
    fn set_discard_hashed(
        &mut self,
        cell: &RefCell<SetTable>,
        key: &Value,
        h: i64,
    ) -> PyResult<bool> {
        match self.table_find(cell, key, h)? {
            Some(i) => {
                let old = cell.borrow_mut().remove_index(i);
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// CPython's set_update_internal: add everything of `other`.
    pub fn set_update_from(&mut self, cell: &RefCell<SetTable>, other: &Value) -> PyResult<()> {
        if let Some(ot) = set_cell(other) {
            if std::ptr::eq(ot, cell) {
                return Ok(());
            }
            let src = ot.borrow().clone();
            let done = cell.borrow_mut().merge_fast(&src);
            if !done {
                for (h, k) in src.entries() {
                    self.set_add_hashed(cell, k.clone(), h)?;
                }
            }
            return Ok(());
        }
        if let Some(Payload::Dict(d)) = other.payload() {
            if other
                .as_obj()
                .map(|o| o.class_is(&self.types.dict))
                .unwrap_or(false)
            {
                let pairs: Vec<(i64, Value)> = d
                    .borrow()
                    .entries()
                    .map(|(k, _)| (k.hash, k.value.clone()))
                    .collect();
                cell.borrow_mut().presize(pairs.len());
                for (h, k) in pairs {
                    self.set_add_hashed(cell, k, h)?;
                }
                return Ok(());
            }
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.next(&it)? {
            self.set_add(cell, k)?;
        }
        Ok(())
    }

    /// A set table from an iterable (`set(iterable)`).
    pub fn set_table_from(&mut self, src: &Value) -> PyResult<SetTable> {
        let cell = RefCell::new(SetTable::new());
        self.set_update_from(&cell, src)?;
        Ok(cell.into_inner())
    }

    /// CPython's set_difference_update_internal: discard everything of
    /// `other`.
    fn set_discard_all(&mut self, cell: &RefCell<SetTable>, other: &Value) -> PyResult<()> {
        if let Some(ot) = set_cell(other) {
            if std::ptr::eq(ot, cell) {
                cell.borrow_mut().clear();
                return Ok(());
            }
            let src: Vec<(i64, Value)> =
                ot.borrow().entries().map(|(h, k)| (h, k.clone())).collect();
            for (h, k) in src {
                self.set_discard_hashed(cell, &k, h)?;
            }
            return Ok(());
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.next(&it)? {
            let h = self.hash(&k)?;
            self.set_discard_hashed(cell, &k, h)?;
        }
        Ok(())
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

/// `set_copy`: a new table with `so`'s keys laid out as CPython copies.
fn copy_table(vm: &mut Vm, so: &Value) -> PyResult<SetTable> {
    let src = this_set(vm, so)?.borrow().clone();
    let mut t = SetTable::new();
    t.merge_fast(&src);
    Ok(t)
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
        let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.frozenset);
        let t = match rest.pos() {
            [] => SetTable::new(),
            [src] => {
                if exact
                    && src
                        .as_obj()
                        .map(|o| o.class_is(&vm.types.frozenset))
                        .unwrap_or(false)
                {
                    return Ok(src.clone());
                }
                vm.set_table_from(src)?
            }
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
    let h = match vm.hash(key) {
        Ok(h) => h,
        Err(e) => {
            if let Some(t) = set_cell(key) {
                let fz = t.borrow().clone();
                let f = vm.new_frozenset(fz);
                return set_discard_impl(vm, this, &f);
            }
            return Err(e);
        }
    };
    vm.set_discard_hashed(c, key, h)
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
    let r = c.borrow_mut().pop();
    match r {
        Some(k) => Ok(k),
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
    if is_frozen(this)
        && this
            .as_obj()
            .map(|o| o.class_is(&vm.types.frozenset))
            .unwrap_or(false)
    {
        return Ok(this.clone());
    }
    let t = copy_table(vm, this)?;
    Ok(same_kind(vm, this, t))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    for src in args.shift().pos() {
        let c = this_set(vm, &this)?;
        vm.set_update_from(c, src)?;
    }
    Ok(Value::None)
}

/// `a | b` / union: copy of `a`, then `b` added.
fn op_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let t = copy_table(vm, a)?;
    let cell = RefCell::new(t);
    vm.set_update_from(&cell, b)?;
    Ok(same_kind(vm, a, cell.into_inner()))
}

/// `a & b` / intersection: iterate the smaller set, keep keys in the other.
fn op_intersection(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if a.is(b) {
        let t = copy_table(vm, a)?;
        return Ok(same_kind(vm, a, t));
    }
    let out = RefCell::new(SetTable::new());
    let sa = this_set(vm, a)?;
    if let Some(sb) = set_cell(b) {
        let (big, small) = if sb.borrow().len() > sa.borrow().len() {
            (sb, sa)
        } else {
            (sa, sb)
        };
        let entries: Vec<(i64, Value)> = small
            .borrow()
            .entries()
            .map(|(h, k)| (h, k.clone()))
            .collect();
        for (h, k) in entries {
            if vm.table_find(big, &k, h)?.is_some() {
                vm.set_add_hashed(&out, k, h)?;
            }
        }
    } else {
        let it = vm.get_iter(b)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            let sa = this_set(vm, a)?;
            if vm.table_find(sa, &k, h)?.is_some() {
                vm.set_add_hashed(&out, k, h)?;
            }
        }
    }
    Ok(same_kind(vm, a, out.into_inner()))
}

/// `a - b` / difference.
fn op_difference(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let other_size = match (set_cell(b), b.payload()) {
        (Some(t), _) => Some(t.borrow().len()),
        (None, Some(Payload::Dict(d)))
            if b.as_obj()
                .map(|o| o.class_is(&vm.types.dict))
                .unwrap_or(false) =>
        {
            Some(d.borrow().len())
        }
        _ => None,
    };
    let sa_len = this_set(vm, a)?.borrow().len();
    match other_size {
        Some(n) if (sa_len >> 2) <= n => {
            let out = RefCell::new(SetTable::new());
            let entries: Vec<(i64, Value)> = this_set(vm, a)?
                .borrow()
                .entries()
                .map(|(h, k)| (h, k.clone()))
                .collect();
            for (h, k) in entries {
                let present = match set_cell(b) {
                    Some(sb) => vm.table_find(sb, &k, h)?.is_some(),
                    None => match b.as_obj() {
                        Some(d) => vm.dict_get_hashed(d, &k, h)?.is_some(),
                        None => false,
                    },
                };
                if !present {
                    vm.set_add_hashed(&out, k, h)?;
                }
            }
            Ok(same_kind(vm, a, out.into_inner()))
        }
        _ => {
            let cell = RefCell::new(copy_table(vm, a)?);
            vm.set_discard_all(&cell, b)?;
            Ok(same_kind(vm, a, cell.into_inner()))
        }
    }
}

/// CPython's set_symmetric_difference_update(so, other).
fn symdiff_update(vm: &mut Vm, cell: &RefCell<SetTable>, other: &Value) -> PyResult<()> {
    if let Some(ot) = set_cell(other) {
        if std::ptr::eq(ot, cell) {
            cell.borrow_mut().clear();
            return Ok(());
        }
    }
    let entries: Vec<(i64, Value)> = match set_cell(other) {
        Some(ot) => ot.borrow().entries().map(|(h, k)| (h, k.clone())).collect(),
        None => {
            if let Some(Payload::Dict(d)) = other.payload() {
                d.borrow()
                    .entries()
                    .map(|(k, _)| (k.hash, k.value.clone()))
                    .collect()
            } else {
                let t = vm.set_table_from(other)?;
                t.entries().map(|(h, k)| (h, k.clone())).collect()
            }
        }
    };
    for (h, k) in entries {
        if !vm.set_discard_hashed(cell, &k, h)? {
            vm.set_add_hashed(cell, k, h)?;
        }
    }
    Ok(())
}

/// `a ^ b`: a new set from `b`, updated with `a`.
fn op_symdiff(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let cell = RefCell::new(vm.set_table_from(b)?);
    symdiff_update(vm, &cell, a)?;
    Ok(same_kind(vm, a, cell.into_inner()))
}

/// Set algebra: 0 union, 1 intersection, 2 difference, 3 symmetric diff.
pub fn set_algebra(vm: &mut Vm, a: &Value, b: &Value, op: u8) -> PyResult<Value> {
    match op {
        0 => op_union(vm, a, b),
        1 => op_intersection(vm, a, b),
        2 => op_difference(vm, a, b),
        _ => op_symdiff(vm, a, b),
    }
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cell = RefCell::new(copy_table(vm, &this)?);
    for other in args.shift().pos() {
        vm.set_update_from(&cell, other)?;
    }
    Ok(same_kind(vm, &this, cell.into_inner()))
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let others = args.shift().pos();
    if others.is_empty() {
        let t = copy_table(vm, &this)?;
        return Ok(same_kind(vm, &this, t));
    }
    let mut acc = this.clone();
    for other in others {
        acc = op_intersection(vm, &acc, other)?;
    }
    Ok(acc)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let others = args.shift().pos();
    let Some(first) = others.first() else {
        let t = copy_table(vm, &this)?;
        return Ok(same_kind(vm, &this, t));
    };
    let r = op_difference(vm, &this, first)?;
    for other in &others[1..] {
        let c = this_set(vm, &r)?;
        vm.set_discard_all(c, other)?;
    }
    Ok(r)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "set.symmetric_difference")?;
    op_symdiff(vm, this, other)
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let r = set_intersection(vm, args)?;
    let t = this_set(vm, &r)?.borrow().clone();
    *this_set(vm, &this)?.borrow_mut() = t;
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    for other in args.shift().pos() {
        let c = this_set(vm, &this)?;
        vm.set_discard_all(c, other)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "set.symmetric_difference_update")?;
    let c = this_set(vm, this)?;
    symdiff_update(vm, c, other)?;
    Ok(Value::None)
}

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

fn set_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "set.__ior__")?;
    if set_cell(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let c = this_set(vm, a)?;
    vm.set_update_from(c, b)?;
    Ok(a.clone())
}

fn set_iand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "set.__iand__")?;
    if set_cell(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let r = op_intersection(vm, a, b)?;
    let t = this_set(vm, &r)?.borrow().clone();
    *this_set(vm, a)?.borrow_mut() = t;
    Ok(a.clone())
}

fn set_isub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "set.__isub__")?;
    if set_cell(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let c = this_set(vm, a)?;
    vm.set_discard_all(c, b)?;
    Ok(a.clone())
}

fn set_ixor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "set.__ixor__")?;
    if set_cell(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let c = this_set(vm, a)?;
    symdiff_update(vm, c, b)?;
    Ok(a.clone())
}

fn frozenset_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let table = this_set(vm, args.this())?.borrow();
    // The table keeps each item's hash, so nested frozensets are not
    // rehashed (hashing `frozenset({frozenset({...})})` stays linear).
    // Order-independent combination of item hashes (as CPython's shuffle).
    let mut h: u64 = 0;
    for (x, _) in table.entries() {
        let x = x as u64;
        h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
    }
    h ^= ((table.len() as u64) + 1).wrapping_mul(1927868237);
    drop(table);
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
    vm.set_class_const(&s, "__hash__", Value::None);
    vm.add_methods(&f, &[("__hash__", frozenset_hash)]);
}
