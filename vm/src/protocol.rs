//! The object protocols native code uses: `repr`/`str`, `hash`, `len`,
//! item access, `in`, and integer conversion (`__index__`/`__int__`).

use malachite::Integer;

use crate::native_slots::exact_slots;
use crate::object::Payload;
use crate::objects::int::{as_int, to_integer};
use crate::objects::type_::lookup;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::None => return Ok("None".into()),
            Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(crate::objects::float::float_repr(*f)),
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload {
                    if o.class_is(&self.types.str) {
                        return Ok(crate::objects::str::repr_str(s.as_str()));
                    }
                }
                if let Some(f) = exact_slots(o).and_then(|s| s.repr.as_ref()) {
                    self.recursion_enter(" while getting the repr of an object")?;
                    let r = f(self, v);
                    self.depth -= 1;
                    return r;
                }
            }
        }
        let k = self.names.__repr__.clone();
        self.recursion_enter(" while getting the repr of an object")?;
        let r = self.call_special_required(v, &k);
        self.depth -= 1;
        let r = r?;
        match r.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload {
                    if o.class_is(&self.types.str) {
                        return Ok(s.as_str().to_owned());
                    }
                }
                if let Some(slots) = exact_slots(o) {
                    match (&slots.str, &slots.repr) {
                        (Some(f), _) => return f(self, v),
                        (None, Some(_)) => return self.repr(v),
                        _ => {}
                    }
                }
            }
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(crate::objects::float::float_repr(*f)),
            _ => return self.repr(v),
        }
        let k = self.names.__str__.clone();
        let r = self.call_special_required(v, &k)?;
        match r.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// `str(v)` as a str value (reusing `v` when it is an exact str).
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            if o.class_is(&self.types.str) {
                return Ok(v.clone());
            }
        }
        let s = self.str(v)?;
        Ok(self.str_val(s))
    }

    fn call_special_required(&mut self, v: &Value, name: &crate::value::PyRef) -> PyResult<Value> {
        match self.call_special(v, name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!(
                "'{}' object has no attribute '{}'",
                self.type_name(v),
                name.as_str().unwrap_or("")
            ))),
        }
    }

    /// Recursion guard for container reprs: false if `v` is already being
    /// printed (then the caller prints `...`).
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return false;
        }
        self.repr_stack.push(id);
        true
    }

    pub fn repr_leave(&mut self, v: &Value) {
        let id = v.id();
        if let Some(p) = self.repr_stack.iter().rposition(|x| *x == id) {
            self.repr_stack.remove(p);
        }
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::None => return Ok(0x10_0000 >> 4),
            Value::Bool(b) => return Ok(i64::from(*b)),
            Value::Int(i) => return Ok(crate::hash::hash_i64(*i)),
            Value::Float(f) => return Ok(crate::hash::hash_f64(*f, v.id() >> 4)),
            Value::Obj(o) => {
                let exact = !self.obj_class(o).as_type().map(|t| t.heap).unwrap_or(false);
                if exact {
                    match &o.payload {
                        Payload::Str(s) => return Ok(s.hash()),
                        Payload::Int(i) => return Ok(crate::hash::hash_bigint(i)),
                        Payload::Tuple(items) => {
                            let items = items.clone();
                            let mut hs = Vec::with_capacity(items.len());
                            self.recursion_enter(" while calling a Python object")?;
                            for it in &items {
                                match self.hash(it) {
                                    Ok(h) => hs.push(h),
                                    Err(e) => {
                                        self.depth -= 1;
                                        return Err(e);
                                    }
                                }
                            }
                            self.depth -= 1;
                            return Ok(crate::hash::hash_tuple_items(hs.into_iter()));
                        }
                        Payload::Type(_) | Payload::Function(_) | Payload::Module(_) => {
                            return Ok(v.id() >> 4)
                        }
                        Payload::Native(n) => {
                            if let Some(f) = &n.slots.hash {
                                let h = f(self, v)?;
                                return Ok(if h == -1 { -2 } else { h });
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        let k = self.names.__hash__.clone();
        match self.lookup_special(v, &k) {
            Some(Value::None) | None => {
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Some(f) => {
                let r = self.call(&f, std::slice::from_ref(v))?;
                match as_int(&r) {
                    Some(crate::objects::int::IntVal::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                    Some(crate::objects::int::IntVal::Big(b)) => Ok(crate::hash::hash_bigint(b)),
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            let exact = !self.obj_class(o).as_type().map(|t| t.heap).unwrap_or(false);
            if exact {
                match &o.payload {
                    Payload::Str(s) => return Ok(s.char_len()),
                    Payload::List(l) => return Ok(l.borrow().len()),
                    Payload::Tuple(t) => return Ok(t.len()),
                    Payload::Dict(d) => return Ok(d.borrow().len()),
                    Payload::Set(s) | Payload::FrozenSet(s) => return Ok(s.borrow().len()),
                    Payload::Bytes(b) => return Ok(b.len()),
                    Payload::Native(n) => {
                        if let Some(f) = &n.slots.len {
                            return f(self, v);
                        }
                    }
                    _ => {}
                }
            }
        }
        let k = self.names.__len__.clone();
        match self.call_special(v, &k, &[])? {
            Some(r) => {
                if !self.is_index(&r) {
                    return Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(&r)
                    )));
                }
                let i = self.to_index(&r)?;
                if i < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                usize::try_from(&i).map_err(|_| {
                    self.overflow_error("cannot fit 'int' into an index-sized integer")
                })
            }
            None => Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    /// `v[key]`.
    pub fn get_item(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            let exact = !self.obj_class(o).as_type().map(|t| t.heap).unwrap_or(false);
            if exact {
                match &o.payload {
                    Payload::List(l) => {
                        if let Value::Int(i) = key {
                            let b = l.borrow();
                            let n = b.len() as i64;
                            let j = if *i < 0 { *i + n } else { *i };
                            if j >= 0 && j < n {
                                return Ok(b[j as usize].clone());
                            }
                            drop(b);
                            return Err(self.index_error("list index out of range"));
                        }
                        return crate::objects::list::list_getitem_impl(self, v, key);
                    }
                    Payload::Tuple(_) => {
                        return crate::objects::tuple::tuple_getitem_impl(self, v, key)
                    }
                    Payload::Dict(_) => {
                        if let Some(r) = self.dict_get(o, key)? {
                            return Ok(r);
                        }
                        // A native subclass (collections.defaultdict) may
                        // have __missing__: its __getitem__ below sees it.
                        if o.class_is(&self.types.dict) {
                            return Err(self.key_error(key.clone()));
                        }
                    }
                    Payload::Str(_) => return crate::objects::str::str_getitem_impl(self, v, key),
                    Payload::Native(n) => {
                        if let Some(f) = &n.slots.getitem {
                            return f(self, v, key);
                        }
                    }
                    _ => {}
                }
            }
            if let Payload::Type(_) = &o.payload {
                if std::rc::Rc::ptr_eq(o, &self.types.type_) {
                    // type[int]
                    let origin = v.clone();
                    return Ok(crate::objects::generic_alias::new_alias(
                        self,
                        origin,
                        key.clone(),
                        false,
                    ));
                }
                // cls[...]: __class_getitem__
                let k = self.names.__getitem__.clone();
                if self.lookup_special(v, &k).is_none() {
                    let cg = self.names.__class_getitem__.clone();
                    if let Some(f) = lookup(o, &cg) {
                        let f = self.descr_get(&f, &Value::None, o)?;
                        return self.call(&f, std::slice::from_ref(key));
                    }
                    let n = o.as_type().map(|t| t.name()).unwrap_or_default();
                    return Err(self.type_error(format!("type '{n}' is not subscriptable")));
                }
            }
        }
        let k = self.names.__getitem__.clone();
        match self.call_special(v, &k, std::slice::from_ref(key))? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(v)
            ))),
        }
    }

    /// `v[key] = value`.
    pub fn set_item(&mut self, v: &Value, key: Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = v {
            let exact = !self.obj_class(o).as_type().map(|t| t.heap).unwrap_or(false);
            if exact {
                match &o.payload {
                    Payload::List(_) => {
                        return crate::objects::list::list_setitem_impl(self, v, &key, value)
                    }
                    Payload::Dict(_) => return self.dict_set(o, key, value),
                    Payload::Native(n) => {
                        if let Some(f) = &n.slots.setitem {
                            return f(self, v, &key, value);
                        }
                    }
                    _ => {}
                }
            }
        }
        let k = self.names.__setitem__.clone();
        match self.call_special(v, &k, &[key, value])? {
            Some(_) => Ok(()),
            None => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(v)
            ))),
        }
    }

    /// `del v[key]`.
    pub fn del_item(&mut self, v: &Value, key: &Value) -> PyResult<()> {
        if let Some(f) = crate::native_slots::value_slots(v).and_then(|s| s.delitem.as_ref()) {
            return f(self, v, key);
        }
        let k = self.names.__delitem__.clone();
        match self.call_special(v, &k, std::slice::from_ref(key))? {
            Some(_) => Ok(()),
            None => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(v)
            ))),
        }
    }

    /// `x in container`.
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = container {
            match &o.payload {
                Payload::Str(s) if o.class_is(&self.types.str) => match x.as_str() {
                    Some(sub) => return Ok(s.as_str().contains(sub)),
                    None => {
                        return Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(x)
                        )))
                    }
                },
                Payload::Dict(_) if o.class_is(&self.types.dict) => {
                    return Ok(self.dict_get(o, x)?.is_some())
                }
                Payload::Set(t) | Payload::FrozenSet(t)
                    if !self.obj_class(o).as_type().map(|t| t.heap).unwrap_or(false) =>
                {
                    return self.set_contains(t, x)
                }
                Payload::Native(_) => {
                    if let Some(f) = exact_slots(o).and_then(|s| s.contains.as_ref()) {
                        return f(self, container, x);
                    }
                }
                _ => {}
            }
        }
        let k = self.names.__contains__.clone();
        if let Some(r) = self.call_special(container, &k, std::slice::from_ref(x))? {
            return self.is_true(&r);
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, &self.exc.type_error.clone()) => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
            Err(e) => return Err(e),
        };
        while let Some(item) = self.next(&it)? {
            if item.is(x) || self.eq(&item, x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether `v` supports `__index__`.
    pub fn is_index(&self, v: &Value) -> bool {
        match v {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(o) => {
                matches!(o.payload, Payload::Int(_))
                    || lookup(&self.obj_class(o), &self.names.__index__).is_some()
            }
            _ => false,
        }
    }

    /// `operator.index(v)` as a big integer.
    pub fn to_index(&mut self, v: &Value) -> PyResult<Integer> {
        if let Some(i) = to_integer(v) {
            return Ok(i);
        }
        let k = self.names.__index__.clone();
        match self.call_special(v, &k, &[])? {
            Some(r) => match to_integer(&r) {
                Some(i) => Ok(i),
                None => Err(self.type_error(format!(
                    "__index__ returned non-int (type {})",
                    self.type_name(&r)
                ))),
            },
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// `operator.index(v)` as an i64 (OverflowError if it does not fit).
    pub fn to_i64(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Int(i) = v {
            return Ok(*i);
        }
        let i = self.to_index(v)?;
        i64::try_from(&i)
            .map_err(|_| self.overflow_error("Python int too large to convert to C long"))
    }

    /// `operator.index(v)` as a usize index (OverflowError / ValueError).
    pub fn to_usize(&mut self, v: &Value) -> PyResult<usize> {
        let i = self.to_i64(v)?;
        usize::try_from(i).map_err(|_| self.value_error("value must be non-negative"))
    }

    /// `int(v)` for a non-string: ints, `__int__`, `__index__`, `__trunc__`.
    pub fn to_int(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) => return Ok(v.clone()),
            Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
            Value::Float(f) => return crate::objects::float::float_to_int(self, *f),
            _ => {}
        }
        if let Some(i) = to_integer(v) {
            return Ok(self.new_int(i));
        }
        match v.payload() {
            Some(Payload::Str(s)) => {
                let s = s.as_str().to_owned();
                return crate::objects::int::str_to_int(self, &s, 10, v);
            }
            Some(Payload::Bytes(b)) => {
                let s = String::from_utf8_lossy(b).into_owned();
                return crate::objects::int::str_to_int(self, &s, 10, v);
            }
            Some(Payload::ByteArray(b)) => {
                let s = String::from_utf8_lossy(&b.borrow()).into_owned();
                return crate::objects::int::str_to_int(self, &s, 10, v);
            }
            _ => {}
        }
        for name in [
            self.names.__int__.clone(),
            self.names.__index__.clone(),
            self.names.__trunc__.clone(),
        ] {
            if let Some(r) = self.call_special(v, &name, &[])? {
                return match to_integer(&r) {
                    Some(i) => Ok(self.new_int(i)),
                    None => Err(self.type_error(format!(
                        "{} returned non-int (type {})",
                        name.as_str().unwrap_or(""),
                        self.type_name(&r)
                    ))),
                };
            }
        }
        Err(self.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            self.type_name(v)
        )))
    }
}
