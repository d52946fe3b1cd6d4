//! Operator dispatch: binary, in-place, unary and comparison operators with
//! fast paths for ints, floats and strs, the built-in operations of the
//! core types, and the `__op__`/`__rop__` protocol (subclass priority,
//! NotImplemented) with CPython's TypeError messages.

use std::cmp::Ordering;
use std::rc::Rc;

use rpy_compiler::bytecode::{BinaryOperator as B, ComparisonOperator as C, UnaryOperator as U};

use crate::object::Payload;
use crate::objects::float::{as_float, cmp_int_float, float_binop};
use crate::objects::int::{as_int, int_binop, int_to_f64, IntVal};
use crate::objects::type_::{is_subtype, lookup};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The symbol of a binary operator (for error messages).
pub fn op_symbol(op: B) -> &'static str {
    match op {
        B::Add => "+",
        B::Subtract => "-",
        B::Multiply => "*",
        B::MatMultiply => "@",
        B::TrueDivide => "/",
        B::FloorDivide => "//",
        B::Modulo => "%",
        B::Power => "** or pow()",
        B::LShift => "<<",
        B::RShift => ">>",
        B::And => "&",
        B::Or => "|",
        B::Xor => "^",
    }
}

pub fn cmp_symbol(op: C) -> &'static str {
    match op {
        C::Lt => "<",
        C::Le => "<=",
        C::Eq => "==",
        C::Ne => "!=",
        C::Gt => ">",
        C::Ge => ">=",
    }
}

/// The reflected comparison (`a < b` is `b > a`).
pub fn reflect(op: C) -> C {
    match op {
        C::Lt => C::Gt,
        C::Le => C::Ge,
        C::Eq => C::Eq,
        C::Ne => C::Ne,
        C::Gt => C::Lt,
        C::Ge => C::Le,
    }
}

fn ord_result(ord: Option<Ordering>, op: C) -> bool {
    match ord {
        None => op == C::Ne,
        Some(o) => match op {
            C::Lt => o == Ordering::Less,
            C::Le => o != Ordering::Greater,
            C::Eq => o == Ordering::Equal,
            C::Ne => o != Ordering::Equal,
            C::Gt => o == Ordering::Greater,
            C::Ge => o != Ordering::Less,
        },
    }
}

impl Vm {
    /// Dunder names of a binary operator: (`__op__`, `__rop__`, `__iop__`).
    pub fn op_names(&self, op: B) -> (PyRef, PyRef, PyRef) {
        let n = &self.names;
        let (a, b, c) = match op {
            B::Add => (&n.__add__, &n.__radd__, &n.__iadd__),
            B::Subtract => (&n.__sub__, &n.__rsub__, &n.__isub__),
            B::Multiply => (&n.__mul__, &n.__rmul__, &n.__imul__),
            B::MatMultiply => (&n.__matmul__, &n.__rmatmul__, &n.__imatmul__),
            B::TrueDivide => (&n.__truediv__, &n.__rtruediv__, &n.__itruediv__),
            B::FloorDivide => (&n.__floordiv__, &n.__rfloordiv__, &n.__ifloordiv__),
            B::Modulo => (&n.__mod__, &n.__rmod__, &n.__imod__),
            B::Power => (&n.__pow__, &n.__rpow__, &n.__ipow__),
            B::LShift => (&n.__lshift__, &n.__rlshift__, &n.__ilshift__),
            B::RShift => (&n.__rshift__, &n.__rrshift__, &n.__irshift__),
            B::And => (&n.__and__, &n.__rand__, &n.__iand__),
            B::Or => (&n.__or__, &n.__ror__, &n.__ior__),
            B::Xor => (&n.__xor__, &n.__rxor__, &n.__ixor__),
        };
        (a.clone(), b.clone(), c.clone())
    }

    pub fn cmp_name(&self, op: C) -> PyRef {
        let n = &self.names;
        match op {
            C::Lt => n.__lt__.clone(),
            C::Le => n.__le__.clone(),
            C::Eq => n.__eq__.clone(),
            C::Ne => n.__ne__.clone(),
            C::Gt => n.__gt__.clone(),
            C::Ge => n.__ge__.clone(),
        }
    }

    /// `a op b`.
    #[inline]
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: B) -> PyResult<Value> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                if let Some(r) = int_binop(self, op, &IntVal::Small(*x), &IntVal::Small(*y))? {
                    return Ok(r);
                }
            }
            (Value::Float(x), Value::Float(y)) => {
                if let Some(r) = float_binop(self, op, *x, *y)? {
                    return Ok(r);
                }
            }
            (Value::Int(x), Value::Float(y)) => {
                if let Some(r) = float_binop(self, op, *x as f64, *y)? {
                    return Ok(r);
                }
            }
            (Value::Float(x), Value::Int(y)) => {
                if let Some(r) = float_binop(self, op, *x, *y as f64)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binary_op_slow(a, b, op)
    }

    fn binary_op_slow(&mut self, a: &Value, b: &Value, op: B) -> PyResult<Value> {
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let heap = |t: &PyRef| t.as_type().map(|d| d.heap).unwrap_or(false);
        if !heap(&ta) && !heap(&tb) {
            if let Some(r) = self.builtin_binary(op, a, b)? {
                return Ok(r);
            }
        }
        if let Some(r) = crate::native_slots::binary(self, a, b, op)? {
            return Ok(r);
        }
        let (name, rname, _) = self.op_names(op);
        let r = self.binary_dunder(a, b, &ta, &tb, &name, &rname)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        // Sequence concatenation/repetition errors, as CPython's sq_concat
        // and sq_repeat report them.
        let seq = |v: &Value| {
            matches!(
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
        if op == B::Add && seq(a) {
            let (an, bn) = (
                crate::objects::type_::type_name_of(&ta),
                crate::objects::type_::type_name_of(&tb),
            );
            if let Some(Payload::Bytes(_) | Payload::ByteArray(_)) = a.payload() {
                // bytes + any other buffer (memoryview, array).
                if let (Some(x), Some(y)) = (self.buffer(a)?, self.buffer(b)?) {
                    let mut joined = x.bytes;
                    self.reserve(&mut joined, y.bytes.len())?;
                    joined.extend_from_slice(&y.bytes);
                    return Ok(match a.payload() {
                        Some(Payload::ByteArray(_)) => self.new_bytearray(joined),
                        _ => self.new_bytes(joined),
                    });
                }
                return Err(self.type_error(format!("can't concat {bn} to {an}")));
            }
            return Err(
                self.type_error(format!("can only concatenate {an} (not \"{bn}\") to {an}"))
            );
        }
        if op == B::Multiply && (seq(a) || seq(b)) {
            let other = if seq(a) { &tb } else { &ta };
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                crate::objects::type_::type_name_of(other)
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op_symbol(op),
            crate::objects::type_::type_name_of(&ta),
            crate::objects::type_::type_name_of(&tb)
        )))
    }

    /// The `__op__`/`__rop__` protocol; NotImplemented if neither applies.
    fn binary_dunder(
        &mut self,
        a: &Value,
        b: &Value,
        ta: &PyRef,
        tb: &PyRef,
        name: &PyRef,
        rname: &PyRef,
    ) -> PyResult<Value> {
        let fa = self.lookup_cached(ta, name);
        let same_type = Rc::ptr_eq(ta, tb);
        let fb = if same_type {
            None
        } else {
            self.lookup_cached(tb, rname)
        };
        let mut tried_b = false;
        if let Some(fb) = &fb {
            if is_subtype(tb, ta) && !fb.is(&lookup(ta, rname).unwrap_or(Value::None)) {
                tried_b = true;
                let r = self.call(fb, &[b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(fa) = fa {
            if !fa.is_none() {
                let r = self.call(&fa, &[a.clone(), b.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let (Some(fb), false) = (fb, tried_b) {
            if !fb.is_none() {
                let r = self.call(&fb, &[b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        Ok(self.not_implemented())
    }

    /// `a op= b`: `__iop__` first, then the binary operation.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: B) -> PyResult<Value> {
        if let Value::Obj(o) = a {
            let (_, _, iname) = self.op_names(op);
            let ta = self.obj_class(o);
            // Fast path: list += iterable
            if let (Payload::List(l), B::Add) = (&o.payload, op) {
                if Rc::ptr_eq(&ta, &self.types.list) {
                    let items = if b.is(a) {
                        l.borrow().clone()
                    } else {
                        self.iterate(b)?
                    };
                    l.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
            }
            if let Some(f) = lookup(&ta, &iname) {
                if !f.is_none() {
                    let r = self.call(&f, &[a.clone(), b.clone()])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
        match self.binary_op(a, b, op) {
            Err(e) if self.err_matches(&e, &self.exc.type_error.clone()) => {
                // Re-word "unsupported operand" for the augmented form.
                let ta = self.type_name(a);
                let tb = self.type_name(b);
                let msg = self.exc_message(&e);
                if msg.starts_with("unsupported operand type(s) for ") {
                    let sym = match op {
                        B::Power => "**=".to_owned(),
                        _ => format!("{}=", op_symbol(op)),
                    };
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
                    )));
                }
                Err(e)
            }
            r => r,
        }
    }

    /// The operations of the built-in types on each other; `None` when
    /// the operand types do not support `op`.
    pub fn builtin_binary(&mut self, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                B::And => return Ok(Some(Value::Bool(*x & *y))),
                B::Or => return Ok(Some(Value::Bool(*x | *y))),
                B::Xor => return Ok(Some(Value::Bool(*x ^ *y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return int_binop(self, op, &x, &y);
        }
        let fa = as_float(a)
            .map(Ok)
            .or_else(|| as_int(a).map(|i| int_to_f64(self, &i)));
        let fb = as_float(b)
            .map(Ok)
            .or_else(|| as_int(b).map(|i| int_to_f64(self, &i)));
        if let (Some(x), Some(y)) = (&fa, &fb) {
            if as_float(a).is_some() || as_float(b).is_some() {
                let (x, y) = (x.clone()?, y.clone()?);
                return float_binop(self, op, x, y);
            }
        }
        if let Some(r) = crate::objects::complex::complex_binop(self, op, a, b)? {
            return Ok(Some(r));
        }
        let (Some(pa), pb) = (a.payload(), b.payload()) else {
            // int * sequence
            if op == B::Multiply {
                if let Some(pb) = b.payload() {
                    if matches!(
                        pb,
                        Payload::List(_)
                            | Payload::Tuple(_)
                            | Payload::Str(_)
                            | Payload::Bytes(_)
                            | Payload::ByteArray(_)
                    ) && self.is_index(a)
                    {
                        return self.repeat(b, a).map(Some);
                    }
                }
            }
            return Ok(None);
        };
        match (op, pa, pb) {
            (B::Add, Payload::Str(x), Some(Payload::Str(y))) => {
                let mut s = String::new();
                if s.try_reserve(x.as_str().len() + y.as_str().len()).is_err() {
                    return Err(self.memory_error());
                }
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(Some(self.str_val(s)))
            }
            (B::Add, Payload::List(x), Some(Payload::List(y))) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(Some(self.new_list(v)))
            }
            (B::Add, Payload::Tuple(x), Some(Payload::Tuple(y))) => {
                let mut v = x.clone();
                v.extend(y.iter().cloned());
                Ok(Some(self.new_tuple(v)))
            }
            (
                B::Add,
                Payload::Bytes(_) | Payload::ByteArray(_),
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            ) => {
                let mut v = self.bytes_like(a)?;
                v.extend(self.bytes_like(b)?);
                if matches!(pa, Payload::ByteArray(_)) {
                    Ok(Some(self.new_bytearray(v)))
                } else {
                    Ok(Some(self.new_bytes(v)))
                }
            }
            (
                B::Multiply,
                Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_),
                _,
            ) if self.is_index(b) => self.repeat(a, b).map(Some),
            (
                B::Multiply,
                _,
                Some(
                    Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Str(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_),
                ),
            ) if self.is_index(a) => self.repeat(b, a).map(Some),
            (B::Modulo, Payload::Str(s), _) => {
                let s = s.as_str().to_owned();
                let r = crate::format::percent_format(self, &s, b)?;
                Ok(Some(self.str_val(r)))
            }
            (B::Modulo, Payload::Bytes(_) | Payload::ByteArray(_), _) => {
                let data = self.bytes_like(a)?;
                let r = crate::format::percent_format_bytes(self, &data, b)?;
                if matches!(pa, Payload::ByteArray(_)) {
                    Ok(Some(self.new_bytearray(r)))
                } else {
                    Ok(Some(self.new_bytes(r)))
                }
            }
            (
                B::Or | B::And | B::Subtract | B::Xor,
                Payload::Set(_) | Payload::FrozenSet(_),
                Some(Payload::Set(_) | Payload::FrozenSet(_)),
            ) => {
                let k = match op {
                    B::Or => 0,
                    B::And => 1,
                    B::Subtract => 2,
                    _ => 3,
                };
                crate::objects::set::set_algebra(self, a, b, k).map(Some)
            }
            // Exact dicts only: a native subclass (collections.defaultdict)
            // has its own `|`.
            (B::Or, Payload::Dict(x), Some(Payload::Dict(_)))
                if Rc::ptr_eq(&self.class_of(a), &self.types.dict)
                    && Rc::ptr_eq(&self.class_of(b), &self.types.dict) =>
            {
                let t = x.borrow().clone();
                let n = Value::Obj(self.alloc(
                    self.types.dict.clone(),
                    Payload::Dict(std::cell::RefCell::new(t)),
                ));
                if let Value::Obj(no) = &n {
                    crate::objects::dict::dict_update_from(self, no, b, "update")?;
                }
                Ok(Some(n))
            }
            (B::Or, _, _)
                if crate::objects::union::is_union_operand(self, a)
                    || crate::objects::union::is_union_operand(self, b) =>
            {
                crate::objects::union::type_or(self, a, b)
            }
            _ => Ok(None),
        }
    }

    /// Sequence repetition `seq * n`.
    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = self.to_index(n)?;
        let Ok(n) = i64::try_from(&n) else {
            return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        let n = n.max(0) as usize;
        // Past Py_ssize_t, CPython's str and bytes say OverflowError, the
        // others MemoryError; the size is checked before building.
        let over = |len: usize| len.checked_mul(n).is_none_or(|t| t > isize::MAX as usize);
        match seq.payload() {
            Some(Payload::Str(s)) => {
                if over(s.char_len()) {
                    return Err(self.overflow_error("repeated string is too long"));
                }
                let out = self.repeat_string(s.as_str(), n)?;
                Ok(self.str_val(out))
            }
            Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
                let b = self.bytes_like(seq)?;
                let bytearray = matches!(seq.payload(), Some(Payload::ByteArray(_)));
                if over(b.len()) {
                    return Err(if bytearray {
                        self.memory_error()
                    } else {
                        self.overflow_error("repeated bytes are too long")
                    });
                }
                let out = self.repeat_vec(&b, n)?;
                if bytearray {
                    Ok(self.new_bytearray(out))
                } else {
                    Ok(self.new_bytes(out))
                }
            }
            Some(Payload::List(l)) => {
                let items = l.borrow().clone();
                if over(items.len()) {
                    return Err(self.memory_error());
                }
                let out = self.repeat_vec(&items, n)?;
                Ok(self.new_list(out))
            }
            Some(Payload::Tuple(t)) => {
                if n == 1 && Rc::ptr_eq(&self.class_of(seq), &self.types.tuple) {
                    return Ok(seq.clone());
                }
                let items = t.clone();
                if over(items.len()) {
                    return Err(self.memory_error());
                }
                let out = self.repeat_vec(&items, n)?;
                Ok(self.new_tuple(out))
            }
            _ => Err(self.type_error("can't multiply sequence")),
        }
    }

    /// `a op b` for comparisons, returning the result object.
    pub fn compare(&mut self, a: &Value, b: &Value, op: C) -> PyResult<Value> {
        if let Some(r) = self.fast_compare(a, b, op)? {
            return Ok(Value::Bool(r));
        }
        self.recursion_enter(" in comparison")?;
        let r = self.compare_slow(a, b, op);
        self.depth -= 1;
        r
    }

    #[inline]
    fn fast_compare(&mut self, a: &Value, b: &Value, op: C) -> PyResult<Option<bool>> {
        Ok(match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(ord_result(Some(x.cmp(y)), op)),
            (Value::Float(x), Value::Float(y)) => Some(ord_result(x.partial_cmp(y), op)),
            (Value::Int(x), Value::Float(y)) => {
                Some(ord_result(cmp_int_float(&IntVal::Small(*x), *y), op))
            }
            (Value::Float(x), Value::Int(y)) => Some(ord_result(
                cmp_int_float(&IntVal::Small(*y), *x).map(|o| o.reverse()),
                op,
            )),
            (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t))
                    if x.class_is(&self.types.str) && y.class_is(&self.types.str) =>
                {
                    if op == C::Eq || op == C::Ne {
                        let eq = Rc::ptr_eq(x, y) || s.as_str() == t.as_str();
                        Some(eq == (op == C::Eq))
                    } else {
                        Some(ord_result(
                            Some(crate::text::surrogates::compare(s.as_str(), t.as_str())),
                            op,
                        ))
                    }
                }
                _ => None,
            },
            (Value::None, Value::None) if op == C::Eq || op == C::Ne => Some(op == C::Eq),
            _ => None,
        })
    }

    fn compare_slow(&mut self, a: &Value, b: &Value, op: C) -> PyResult<Value> {
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let heap = |t: &PyRef| t.as_type().map(|d| d.heap).unwrap_or(false);
        if !heap(&ta) && !heap(&tb) {
            if let Some(r) = self.builtin_compare(op, a, b)? {
                return Ok(Value::Bool(r));
            }
        }
        if let Some(r) = crate::native_slots::compare(self, a, b, op)? {
            return Ok(r);
        }
        let name = self.cmp_name(op);
        let rname = self.cmp_name(reflect(op));
        let same = Rc::ptr_eq(&ta, &tb);
        let mut tried_b = false;
        if !same && is_subtype(&tb, &ta) {
            if let Some(fb) = self.lookup_cached(&tb, &rname) {
                tried_b = true;
                let r = self.call(&fb, &[b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(fa) = self.lookup_cached(&ta, &name) {
            let r = self.call(&fa, &[a.clone(), b.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !tried_b {
            if let Some(fb) = self.lookup_cached(&tb, &rname) {
                let r = self.call(&fb, &[b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            C::Eq => Ok(Value::Bool(a.is(b))),
            C::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                crate::objects::type_::type_name_of(&ta),
                crate::objects::type_::type_name_of(&tb)
            ))),
        }
    }

    /// Comparisons among the built-in number types and strs.
    pub fn builtin_compare(&mut self, op: C, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            let ord = match (&x, &y) {
                (IntVal::Small(p), IntVal::Small(q)) => p.cmp(q),
                _ => x.to_integer().cmp(&y.to_integer()),
            };
            return Ok(Some(ord_result(Some(ord), op)));
        }
        if let (Some(x), Some(y)) = (as_int(a), as_float(b)) {
            return Ok(Some(ord_result(cmp_int_float(&x, y), op)));
        }
        if let (Some(x), Some(y)) = (as_float(a), as_int(b)) {
            return Ok(Some(ord_result(
                cmp_int_float(&y, x).map(|o| o.reverse()),
                op,
            )));
        }
        if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
            return Ok(Some(ord_result(x.partial_cmp(&y), op)));
        }
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(s)), Some(Payload::Str(t))) => Ok(Some(ord_result(
                Some(crate::text::surrogates::compare(s.as_str(), t.as_str())),
                op,
            ))),
            (
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            ) => {
                let (x, y) = (self.bytes_like(a)?, self.bytes_like(b)?);
                Ok(Some(ord_result(Some(x.cmp(&y)), op)))
            }
            _ => Ok(None),
        }
    }

    /// `a == b` as a bool.
    #[inline]
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = self.fast_compare(a, b, C::Eq)? {
            return Ok(r);
        }
        let r = self.compare(a, b, C::Eq)?;
        self.is_true(&r)
    }

    /// `a < b` as a bool.
    #[inline]
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = self.fast_compare(a, b, C::Lt)? {
            return Ok(r);
        }
        let r = self.compare(a, b, C::Lt)?;
        self.is_true(&r)
    }

    /// Truth value.
    #[inline]
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                let cls = self.obj_class(o);
                if !cls.as_type().map(|t| t.heap).unwrap_or(false) {
                    match &o.payload {
                        Payload::Str(s) => return Ok(s.char_len() > 0),
                        Payload::List(l) => return Ok(!l.borrow().is_empty()),
                        Payload::Tuple(t) => return Ok(!t.is_empty()),
                        Payload::Dict(d) => return Ok(!d.borrow().is_empty()),
                        Payload::Set(s) | Payload::FrozenSet(s) => {
                            return Ok(!s.borrow().is_empty())
                        }
                        Payload::Int(i) => return Ok(*i != 0),
                        Payload::Bytes(b) => return Ok(!b.is_empty()),
                        Payload::Function(_)
                        | Payload::Type(_)
                        | Payload::Module(_)
                        | Payload::BuiltinFunction(_) => return Ok(true),
                        _ => {}
                    }
                }
                let k = self.names.__bool__.clone();
                if let Some(f) = self.lookup_cached(&cls, &k) {
                    let r = self.call(&f, std::slice::from_ref(v))?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&r)
                        ))),
                    };
                }
                let k = self.names.__len__.clone();
                if self.lookup_cached(&cls, &k).is_some() {
                    return Ok(self.len(v)? > 0);
                }
                Ok(true)
            }
        }
    }

    /// Unary operators.
    pub fn unary_op(&mut self, v: &Value, op: U) -> PyResult<Value> {
        match (op, v) {
            (U::Not, _) => return Ok(Value::Bool(!self.is_true(v)?)),
            (U::Negative, Value::Int(i)) => {
                if let Some(r) = i.checked_neg() {
                    return Ok(Value::Int(r));
                }
            }
            (U::Negative, Value::Float(f)) => return Ok(Value::Float(-f)),
            (U::Negative, Value::Bool(b)) => return Ok(Value::Int(-i64::from(*b))),
            (U::Positive, Value::Int(_) | Value::Float(_)) => return Ok(v.clone()),
            (U::Positive, Value::Bool(b)) => return Ok(Value::Int(i64::from(*b))),
            (U::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (U::Invert, Value::Bool(b)) => return Ok(Value::Int(!i64::from(*b))),
            _ => {}
        }
        let cls = self.class_of(v);
        if !cls.as_type().map(|t| t.heap).unwrap_or(false) {
            if let Some(i) = crate::objects::int::to_integer(v) {
                let r = match op {
                    U::Negative => -i,
                    U::Positive => i,
                    U::Invert => !i,
                    U::Not => unreachable_not(),
                };
                return Ok(self.new_int(r));
            }
            if let Some(f) = as_float(v) {
                match op {
                    U::Negative => return Ok(Value::Float(-f)),
                    U::Positive => return Ok(Value::Float(f)),
                    _ => {}
                }
            }
        }
        let (name, sym) = match op {
            U::Negative => (self.names.__neg__.clone(), "-"),
            U::Positive => (self.names.__pos__.clone(), "+"),
            U::Invert => (self.names.__invert__.clone(), "~"),
            U::Not => (self.names.__bool__.clone(), "not"),
        };
        match self.call_special(v, &name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// The message (str of args) of an exception, for rewording.
    pub fn exc_message(&mut self, e: &crate::vm::PyErr) -> String {
        match &e.0.payload {
            Payload::Exception(d) => {
                let a = d.args.borrow().clone();
                a.as_tuple()
                    .and_then(|t| t.first())
                    .and_then(|m| m.as_str().map(|s| s.to_owned()))
                    .unwrap_or_default()
            }
            _ => String::new(),
        }
    }
}

fn unreachable_not() -> malachite::Integer {
    malachite::Integer::from(0)
}
