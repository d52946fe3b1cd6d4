//! `dict`: the core operations (lookup, insert, delete with Python key
//! semantics and no table borrow held across Python code), and the core
//! methods of the `dict` type. (More methods: `dict_methods.rs`.)

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::table::{DictTable, Probe};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The table of a dict object (or a dict subclass instance).
#[inline]
pub fn table(d: &PyRef) -> Option<&RefCell<DictTable>> {
    match &d.payload {
        Payload::Dict(t) => Some(t),
        _ => None,
    }
}

/// Lookup by an interned/str key, never running Python code (keys of
/// other types that would need `__eq__` are skipped).
#[inline]
pub fn get_str(d: &PyRef, key: &PyRef) -> Option<Value> {
    let t = table(d)?;
    let Payload::Str(s) = &key.payload else {
        return None;
    };
    let t = t.borrow();
    let i = t.find_str(key, s.hash())?;
    t.value_at(i).cloned()
}

/// A snapshot of the (key, value) pairs.
pub fn entries(d: &PyRef) -> Vec<(Value, Value)> {
    match table(d) {
        Some(t) => t
            .borrow()
            .entries()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect(),
        None => Vec::new(),
    }
}

impl Vm {
    /// Finds the index of `key` in `cell`, calling `__eq__` where needed
    /// (with no borrow held), retrying if the table changed meanwhile.
    pub fn table_find<T: crate::objects::table::Lookup>(
        &mut self,
        cell: &RefCell<T>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        for _ in 0..64 {
            let probe = cell.borrow().probe(key, hash);
            match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::NeedEq(cands) => {
                    let mut changed = false;
                    for c in cands {
                        if self.eq(&c, key)? {
                            match cell.borrow().find_identical(&c, hash) {
                                Some(i) => return Ok(Some(i)),
                                None => {
                                    changed = true;
                                    break;
                                }
                            }
                        }
                    }
                    if !changed {
                        return Ok(None);
                    }
                }
            }
        }
        Err(self.runtime_error("dictionary changed size during lookup"))
    }

    /// `d[key]` without `__missing__`: `None` if absent.
    pub fn dict_get(&mut self, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(t) = table(d) else {
            return Err(self.type_error("expected a dict"));
        };
        let h = self.hash(key)?;
        match self.table_find(t, key, h)? {
            Some(i) => Ok(t.borrow().get_index(i).map(|(_, v)| v.clone())),
            None => Ok(None),
        }
    }

    /// Lookup with a precomputed hash.
    pub fn dict_get_hashed(&mut self, d: &PyRef, key: &Value, h: i64) -> PyResult<Option<Value>> {
        let Some(t) = table(d) else {
            return Err(self.type_error("expected a dict"));
        };
        match self.table_find(t, key, h)? {
            Some(i) => Ok(t.borrow().get_index(i).map(|(_, v)| v.clone())),
            None => Ok(None),
        }
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &PyRef, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        self.dict_set_hashed(d, key, h, value)
    }

    pub fn dict_set_hashed(&mut self, d: &PyRef, key: Value, h: i64, value: Value) -> PyResult<()> {
        let Some(t) = table(d) else {
            return Err(self.type_error("expected a dict"));
        };
        match self.table_find(t, &key, h)? {
            Some(i) => {
                // Replace the value; keep the original key object.
                let old = {
                    let mut tb = t.borrow_mut();
                    match tb.map.get_index_mut(i) {
                        Some((_, v)) => Some(std::mem::replace(v, value)),
                        None => {
                            drop(tb);
                            return Err(self.runtime_error("dictionary changed size during update"));
                        }
                    }
                };
                drop(old);
            }
            None => {
                let mut tb = t.borrow_mut();
                if tb.map.try_reserve(1).is_err() {
                    drop(tb);
                    return Err(self.memory_error());
                }
                tb.insert_new(key, h, value);
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value (`None` if absent).
    pub fn dict_del(&mut self, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(t) = table(d) else {
            return Err(self.type_error("expected a dict"));
        };
        let h = self.hash(key)?;
        match self.table_find(t, key, h)? {
            Some(i) => {
                let removed = t.borrow_mut().remove_index(i);
                Ok(removed.map(|(_, v)| v))
            }
            None => Ok(None),
        }
    }

    /// Sets `d[name] = value` for a str name.
    pub fn dict_set_str(&mut self, d: &PyRef, name: &str, value: Value) -> PyResult<()> {
        let k = self.intern(name);
        self.dict_set(d, Value::Obj(k), value)
    }

    /// Gets `d[name]` for a str name (no Python code runs).
    pub fn dict_get_str(&mut self, d: &PyRef, name: &str) -> Option<Value> {
        let k = self.intern(name);
        get_str(d, &k)
    }

    /// A new dict from (key, value) pairs.
    pub fn new_dict_from(&mut self, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        let d = self.new_dict_ref();
        for (k, v) in pairs {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Obj(d))
    }
}

fn this_dict(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("dict.__new__(X): X is not a type object")),
    };
    Ok(Value::Obj(vm.alloc_instance(
        &cls,
        Payload::Dict(RefCell::new(DictTable::new())),
    )))
}

/// Whether the class of dict `src` overrides `__iter__`: only then do
/// merges (`update`, `{**d}`, `f(**d)`) go through `keys()` and
/// `__getitem__` instead of copying the entries (CPython's test; a `keys`
/// or `__getitem__` override alone is not consulted).
pub fn iter_overridden(vm: &mut Vm, src: &Value) -> bool {
    let name = vm.names.__iter__.clone();
    let own = crate::objects::type_::lookup(&vm.class_of(src), &name);
    let base = crate::objects::type_::lookup(&vm.types.dict, &name);
    match (own, base) {
        (Some(a), Some(b)) => !a.is(&b),
        _ => false,
    }
}

/// `dict.update` semantics shared by `__init__` and `update`.
pub fn dict_update_from(vm: &mut Vm, d: &PyRef, src: &Value, fname: &str) -> PyResult<()> {
    if let Some(Payload::Dict(_)) = src.payload() {
        let src_o = src.as_obj().cloned();
        if let Some(so) = src_o {
            if !iter_overridden(vm, src) {
                for (k, v) in entries(&so) {
                    vm.dict_set(d, k, v)?;
                }
                return Ok(());
            }
        }
    }
    let keys_name = vm.names.keys.clone();
    if let Some(keys) = vm.get_attr_opt(src, &keys_name)? {
        let ks = vm.call(&keys, &[])?;
        let ks = vm.iterate(&ks)?;
        for k in ks {
            let v = vm.get_item(src, &k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(src).map_err(|e| {
        if vm.err_matches(&e, &vm.exc.type_error.clone()) {
            vm.type_error(format!("'{}' object is not iterable", vm.type_name(src)))
        } else {
            e
        }
    })?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match vm.iterate(&item) {
            Ok(p) => p,
            Err(e) if vm.err_matches(&e, &vm.exc.type_error.clone()) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it2 = pair.into_iter();
        if let (Some(k), Some(v)) = (it2.next(), it2.next()) {
            vm.dict_set(d, k, v)?;
        }
        i += 1;
    }
    let _ = fname;
    Ok(())
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(src) = pos.first() {
        dict_update_from(vm, &d, src, "dict")?;
    }
    for (k, v) in rest.kw() {
        let key = vm.intern(k);
        vm.dict_set(&d, Value::Obj(key), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "dict.__getitem__")?;
    let d = this_dict(vm, this)?;
    match vm.dict_get(&d, key)? {
        Some(v) => Ok(v),
        None => {
            // dict subclasses: __missing__
            if !d.class_is(&vm.types.dict) {
                let cls = vm.class_of(this);
                let m = vm.names.__missing__.clone();
                if let Some(f) = crate::objects::type_::lookup(&cls, &m) {
                    return vm.call(&f, &[this.clone(), key.clone()]);
                }
            }
            Err(vm.key_error(key.clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, value] = args.exact_method(vm, "dict.__setitem__")?;
    let d = this_dict(vm, this)?;
    vm.dict_set(&d, key.clone(), value.clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "dict.__delitem__")?;
    let d = this_dict(vm, this)?;
    match vm.dict_del(&d, key)? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(key.clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "dict.__contains__")?;
    let d = this_dict(vm, this)?;
    Ok(Value::Bool(vm.dict_get(&d, key)?.is_some()))
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    Ok(Value::Int(
        table(&d).map(|t| t.borrow().len()).unwrap_or(0) as i64
    ))
}

fn dict_get_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, default] = args.range::<3>(vm, "get", 2, true)?;
    let d = this_dict(vm, this.unwrap_or(&Value::None))?;
    let key = key.cloned().unwrap_or(Value::None);
    Ok(vm
        .dict_get(&d, &key)?
        .unwrap_or_else(|| default.cloned().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, args: Args, kind: u8, name: &str) -> PyResult<Value> {
    let [this] = args.exact_method(vm, name)?;
    let d = this_dict(vm, this)?;
    let cls = match kind {
        0 => vm.types.dict_keys.clone(),
        1 => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    Ok(Value::Obj(
        vm.alloc(cls, Payload::DictView { dict: d, kind }),
    ))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, 0, "dict.keys")
}
fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, 1, "dict.values")
}
fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, 2, "dict.items")
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    Ok(crate::objects::iter::dict_iter(vm, &d, 0))
}

fn dict_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = this_dict(vm, &this)?;
    if !vm.repr_enter(&this) {
        return Ok(vm.str_val("{...}"));
    }
    let r = (|| {
        let mut out = String::from("{");
        for (i, (k, v)) in entries(&d).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(k)?);
            out.push_str(": ");
            out.push_str(&vm.repr(v)?);
        }
        out.push('}');
        Ok(out)
    })();
    vm.repr_leave(&this);
    let r = r?;
    Ok(vm.str_val(r))
}

fn dict_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict.__eq__")?;
    let (Some(Payload::Dict(_)), Some(Payload::Dict(_))) = (a.payload(), b.payload()) else {
        return Ok(vm.not_implemented());
    };
    let (da, db) = (this_dict(vm, a)?, this_dict(vm, b)?);
    Ok(Value::Bool(dicts_equal(vm, &da, &db)?))
}

/// Whether two dicts have equal items.
pub fn dicts_equal(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let la = table(a).map(|t| t.borrow().len()).unwrap_or(0);
    let lb = table(b).map(|t| t.borrow().len()).unwrap_or(0);
    if la != lb {
        return Ok(false);
    }
    for (k, v) in entries(a) {
        match vm.dict_get(b, &k)? {
            Some(w) => {
                if !v.is(&w) && !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(src) = pos.first() {
        dict_update_from(vm, &d, src, "update")?;
    }
    for (k, v) in rest.kw() {
        let key = vm.intern(k);
        vm.dict_set(&d, Value::Obj(key), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, default] = args.range::<3>(vm, "pop", 2, true)?;
    let d = this_dict(vm, this.unwrap_or(&Value::None))?;
    let key = key.cloned().unwrap_or(Value::None);
    match vm.dict_del(&d, &key)? {
        Some(v) => Ok(v),
        None => match default {
            Some(x) => Ok(x.clone()),
            None => Err(vm.key_error(key)),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, default] = args.range::<3>(vm, "setdefault", 2, true)?;
    let d = this_dict(vm, this.unwrap_or(&Value::None))?;
    let key = key.cloned().unwrap_or(Value::None);
    if let Some(v) = vm.dict_get(&d, &key)? {
        return Ok(v);
    }
    let dv = default.cloned().unwrap_or(Value::None);
    vm.dict_set(&d, key, dv.clone())?;
    Ok(dv)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "dict.copy")?;
    let d = this_dict(vm, this)?;
    let t = table(&d).map(|t| t.borrow().clone()).unwrap_or_default();
    Ok(Value::Obj(vm.alloc(
        vm.types.dict.clone(),
        Payload::Dict(RefCell::new(t)),
    )))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "dict.clear")?;
    let d = this_dict(vm, this)?;
    let old = table(&d).map(|t| std::mem::take(&mut *t.borrow_mut()));
    drop(old);
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "dict.popitem")?;
    let d = this_dict(vm, this)?;
    let item = table(&d).and_then(|t| t.borrow_mut().pop_last());
    match item {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err({
            let c = vm.exc.key_error.clone();
            vm.new_error(&c, "popitem(): dictionary is empty")
        }),
    }
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, iterable, value] = args.range::<3>(vm, "fromkeys", 2, true)?;
    let cls = cls.cloned().unwrap_or(Value::None);
    let keys = vm.iterate(iterable.unwrap_or(&Value::None))?;
    let value = value.cloned().unwrap_or(Value::None);
    let d = vm.call(&cls, &[])?;
    for k in keys {
        vm.set_item(&d, k, value.clone())?;
    }
    Ok(d)
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict.__or__")?;
    let (Some(Payload::Dict(ta)), Some(Payload::Dict(_))) = (a.payload(), b.payload()) else {
        return Ok(vm.not_implemented());
    };
    let t = ta.borrow().clone();
    let n = Value::Obj(vm.alloc(vm.types.dict.clone(), Payload::Dict(RefCell::new(t))));
    let nd = this_dict(vm, &n)?;
    dict_update_from(vm, &nd, b, "update")?;
    Ok(n)
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict.__ior__")?;
    let d = this_dict(vm, a)?;
    dict_update_from(vm, &d, b, "update")?;
    Ok(a.clone())
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    vm.add_static(&t, "__new__", dict_new);
    vm.add_methods(
        &t,
        &[
            ("__init__", dict_init),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__len__", dict_len),
            ("__iter__", dict_iter),
            ("__repr__", dict_repr),
            ("__eq__", dict_eq),
            ("__or__", dict_or),
            ("__ior__", dict_ior),
            ("get", dict_get_m),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update),
            ("pop", dict_pop),
            ("setdefault", dict_setdefault),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("popitem", dict_popitem),
        ],
    );
    vm.add_classmethod(&t, "fromkeys", dict_fromkeys);
    vm.set_class_const(&t, "__hash__", Value::None);
    init_views(vm);
}

// ---- dict views ----

fn view_parts(vm: &mut Vm, v: &Value) -> PyResult<(PyRef, u8)> {
    match v.payload() {
        Some(Payload::DictView { dict, kind }) => Ok((dict.clone(), *kind)),
        _ => Err(vm.type_error("descriptor requires a dict view")),
    }
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = view_parts(vm, args.this())?;
    Ok(crate::objects::iter::dict_iter(vm, &d, k))
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_parts(vm, args.this())?;
    Ok(Value::Int(
        table(&d).map(|t| t.borrow().len()).unwrap_or(0) as i64
    ))
}

/// The items a view yields, as values.
fn view_items(vm: &mut Vm, d: &PyRef, kind: u8) -> Vec<Value> {
    entries(d)
        .into_iter()
        .map(|(k, v)| match kind {
            0 => k,
            1 => v,
            _ => vm.new_tuple(vec![k, v]),
        })
        .collect()
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method(vm, "dict_keys.__contains__")?;
    let (d, kind) = view_parts(vm, this)?;
    match kind {
        0 => Ok(Value::Bool(vm.dict_get(&d, x)?.is_some())),
        1 => {
            for v in view_items(vm, &d, 1) {
                if v.is(x) || vm.eq(&v, x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => {
            let Some(pair) = x.as_tuple() else {
                return Ok(Value::Bool(false));
            };
            if pair.len() != 2 {
                return Ok(Value::Bool(false));
            }
            let (k, v) = (pair[0].clone(), pair[1].clone());
            match vm.dict_get(&d, &k)? {
                Some(w) => Ok(Value::Bool(w.is(&v) || vm.eq(&w, &v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
    }
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (d, kind) = view_parts(vm, &this)?;
    let name = vm.type_name(&this);
    let items = view_items(vm, &d, kind);
    let inner = crate::objects::list::seq_repr(vm, &this, &items, "[", "]")?;
    Ok(vm.str_val(format!("{name}({inner})")))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, kind) = view_parts(vm, args.this())?;
    Ok(crate::objects::iter::dict_iter(vm, &d, 3 + kind))
}

fn view_setop(vm: &mut Vm, args: Args, op: u8, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict_keys.__and__")?;
    let (a, b) = if reflected { (b, a) } else { (a, b) };
    let ta = vm.set_table_from(a)?;
    let sa = vm.new_set(ta);
    crate::objects::set::set_algebra(vm, &sa, b, op)
}

macro_rules! view_op {
    ($name:ident, $op:expr, $rev:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            view_setop(vm, args, $op, $rev)
        }
    };
}
view_op!(view_or, 0, false);
view_op!(view_and, 1, false);
view_op!(view_sub, 2, false);
view_op!(view_xor, 3, false);
view_op!(view_ror, 0, true);
view_op!(view_rand, 1, true);
view_op!(view_rsub, 2, true);
view_op!(view_rxor, 3, true);

fn view_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict_keys.__eq__")?;
    let (d, kind) = view_parts(vm, a)?;
    if kind == 1 {
        return Ok(Value::Bool(a.is(b)));
    }
    let is_setlike = matches!(b.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_)))
        || matches!(b.payload(), Some(Payload::DictView { kind: 0 | 2, .. }));
    if !is_setlike {
        return Ok(vm.not_implemented());
    }
    let items = view_items(vm, &d, kind);
    let l = vm.new_list(items);
    let ta = vm.set_table_from(&l)?;
    let sa = vm.new_set(ta);
    let tb = vm.set_table_from(b)?;
    let sb = vm.new_set(tb);
    Ok(Value::Bool(vm.eq(&sa, &sb)?))
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "dict_keys.isdisjoint")?;
    let (d, kind) = view_parts(vm, a)?;
    for x in vm.iterate(b)? {
        let found = match kind {
            0 => vm.dict_get(&d, &x)?.is_some(),
            _ => {
                let mut f = false;
                for y in view_items(vm, &d, kind) {
                    if vm.eq(&y, &x)? {
                        f = true;
                        break;
                    }
                }
                f
            }
        };
        if found {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn view_mapping(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (d, _) = view_parts(vm, v)?;
    Ok(Value::Obj(vm.alloc(
        vm.types.mappingproxy.clone(),
        Payload::MappingProxy(d),
    )))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    Ok(crate::objects::iter::dict_iter(vm, &d, 3))
}

/// Registers the dict view types' methods.
pub fn init_views(vm: &mut Vm) {
    let t = vm.types.clone();
    vm.add_methods(&t.dict, &[("__reversed__", dict_reversed)]);
    for (i, ty) in [&t.dict_keys, &t.dict_values, &t.dict_items]
        .into_iter()
        .enumerate()
    {
        vm.add_methods(
            ty,
            &[
                ("__iter__", view_iter),
                ("__len__", view_len),
                ("__contains__", view_contains),
                ("__repr__", view_repr),
                ("__reversed__", view_reversed),
            ],
        );
        vm.add_getset(ty, "mapping", view_mapping, None);
        if i != 1 {
            vm.add_methods(
                ty,
                &[
                    ("__or__", view_or),
                    ("__and__", view_and),
                    ("__sub__", view_sub),
                    ("__xor__", view_xor),
                    ("__ror__", view_ror),
                    ("__rand__", view_rand),
                    ("__rsub__", view_rsub),
                    ("__rxor__", view_rxor),
                    ("__eq__", view_eq),
                    ("isdisjoint", view_isdisjoint),
                ],
            );
            vm.set_class_const(ty, "__hash__", Value::None);
        }
    }
}
