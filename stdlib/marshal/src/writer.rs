//! Writing values in marshal format (`dumps`, `dump`). From version 3 an
//! object referenced from elsewhere is written once with the reference
//! flag and later as a back-reference (`r` + index), as CPython does for
//! objects whose reference count is above one.

use std::collections::HashMap;
use std::rc::Rc;

use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::Natural;
use rpy_vm::{Payload, PyResult, Value, Vm};

const FLAG_REF: u8 = 0x80;
/// Nesting deeper than CPython's limit is refused, as it does.
const MAX_DEPTH: usize = 2000;

/// What identifies an object already written.
#[derive(PartialEq, Eq, Hash)]
enum Key {
    Ptr(usize),
    SmallInt(i64),
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<Key, u32>,
    depth: usize,
}

/// The marshal bytes of `v`.
pub(crate) fn write(vm: &mut Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        depth: 0,
    };
    w.value(vm, v, 0)?;
    Ok(w.out)
}

fn unmarshallable(vm: &mut Vm) -> rpy_vm::PyErr {
    vm.value_error("unmarshallable object")
}

impl Writer {
    fn u32(&mut self, n: usize) {
        self.out.extend_from_slice(&(n as u32).to_le_bytes());
    }

    fn len(&mut self, vm: &mut Vm, n: usize) -> PyResult<()> {
        if n > i32::MAX as usize {
            return Err(vm.value_error("unmarshallable object"));
        }
        self.u32(n);
        Ok(())
    }

    /// Writes the type code, with the reference flag or as a
    /// back-reference; true if the object was written as a reference.
    fn code(&mut self, code: u8, key: Option<Key>) -> bool {
        if self.version >= 3 {
            if let Some(k) = key {
                if let Some(&i) = self.refs.get(&k) {
                    self.out.push(b'r');
                    self.out.extend_from_slice(&i.to_le_bytes());
                    return true;
                }
                let i = self.refs.len() as u32;
                self.refs.insert(k, i);
                self.out.push(code | FLAG_REF);
                return false;
            }
        }
        self.out.push(code);
        false
    }

    /// `extra`: references to `v` that the writer itself holds.
    fn value(&mut self, vm: &mut Vm, v: &Value, extra: usize) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(vm.value_error("object too deeply nested to marshal"));
        }
        let r = self.value_inner(vm, v, extra);
        self.depth -= 1;
        r
    }

    fn value_inner(&mut self, vm: &mut Vm, v: &Value, extra: usize) -> PyResult<()> {
        let o = match v {
            Value::None => {
                self.out.push(b'N');
                return Ok(());
            }
            Value::Bool(b) => {
                self.out.push(if *b { b'T' } else { b'F' });
                return Ok(());
            }
            Value::Int(i) => {
                let key = (-5..=256).contains(i).then_some(Key::SmallInt(*i));
                if self.code(
                    if i32::try_from(*i).is_ok() {
                        b'i'
                    } else {
                        b'l'
                    },
                    key,
                ) {
                    return Ok(());
                }
                match i32::try_from(*i) {
                    Ok(x) => self.out.extend_from_slice(&x.to_le_bytes()),
                    Err(_) => self.long(&malachite::Integer::from(*i)),
                }
                return Ok(());
            }
            Value::Float(f) => {
                self.code(if self.version > 1 { b'g' } else { b'f' }, None);
                self.float(vm, *f)?;
                return Ok(());
            }
            Value::Obj(o) => o,
        };
        if Rc::ptr_eq(o, &vm.exc.stop_iteration) {
            self.out.push(b'S');
            return Ok(());
        }
        if Rc::ptr_eq(o, &vm.ellipsis) {
            self.out.push(b'.');
            return Ok(());
        }
        let class = vm.class_of(v);
        let t = vm.types.clone();
        let exact = |ty: &rpy_vm::PyRef| Rc::ptr_eq(&class, ty);
        let key = (Rc::strong_count(o) > 1 + extra).then_some(Key::Ptr(Rc::as_ptr(o) as usize));
        match &o.payload {
            Payload::Int(i) if exact(&t.int) => {
                if !self.code(b'l', key) {
                    self.long(i);
                }
            }
            Payload::Float(f) if exact(&t.float) => {
                if !self.code(if self.version > 1 { b'g' } else { b'f' }, key) {
                    self.float(vm, *f)?;
                }
            }
            Payload::Complex(re, im) if exact(&t.complex) => {
                if !self.code(if self.version > 1 { b'y' } else { b'x' }, key) {
                    self.float(vm, *re)?;
                    self.float(vm, *im)?;
                }
            }
            Payload::Str(s) if exact(&t.str) => {
                let s = s.as_str();
                if self.version >= 4 && s.is_ascii() {
                    let interned =
                        !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                    let short = s.len() < 256;
                    let code = match (short, interned) {
                        (true, true) => b'Z',
                        (true, false) => b'z',
                        (false, true) => b'A',
                        (false, false) => b'a',
                    };
                    if !self.code(code, key) {
                        if short {
                            self.out.push(s.len() as u8);
                        } else {
                            self.len(vm, s.len())?;
                        }
                        self.out.extend_from_slice(s.as_bytes());
                    }
                } else if !self.code(b'u', key) {
                    self.len(vm, s.len())?;
                    self.out.extend_from_slice(s.as_bytes());
                }
            }
            Payload::Bytes(b) if exact(&t.bytes) => {
                if !self.code(b's', key) {
                    self.len(vm, b.len())?;
                    self.out.extend_from_slice(b);
                }
            }
            Payload::ByteArray(b) if exact(&t.bytearray) => {
                let b = b.borrow().clone();
                if !self.code(b's', key) {
                    self.len(vm, b.len())?;
                    self.out.extend_from_slice(&b);
                }
            }
            Payload::Tuple(items) if exact(&t.tuple) => {
                let small = self.version >= 4 && items.len() < 256;
                if !self.code(if small { b')' } else { b'(' }, key) {
                    if small {
                        self.out.push(items.len() as u8);
                    } else {
                        self.len(vm, items.len())?;
                    }
                    for x in items {
                        self.value(vm, x, 0)?;
                    }
                }
            }
            Payload::List(items) if exact(&t.list) => {
                let items = items.borrow().clone();
                if !self.code(b'[', key) {
                    self.len(vm, items.len())?;
                    for x in &items {
                        self.value(vm, x, 1)?;
                    }
                }
            }
            Payload::Dict(_) if exact(&t.dict) => {
                let entries = rpy_vm::dict_entries(o);
                if !self.code(b'{', key) {
                    for (k, x) in &entries {
                        self.value(vm, k, 1)?;
                        self.value(vm, x, 1)?;
                    }
                    self.out.push(b'0');
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) if exact(&t.set) || exact(&t.frozenset) => {
                let code = if exact(&t.set) { b'<' } else { b'>' };
                let items = vm.iterate(v)?;
                if !self.code(code, key) {
                    self.len(vm, items.len())?;
                    // Sorted by their own marshal bytes (deterministic output).
                    let mut keyed = Vec::with_capacity(items.len());
                    for x in items {
                        let k = write(vm, &x, self.version)?;
                        keyed.push((k, x));
                    }
                    keyed.sort_by(|a, b| a.0.cmp(&b.0));
                    for (_, x) in &keyed {
                        self.value(vm, x, 1)?;
                    }
                }
            }
            Payload::Code(_) => {
                return Err(vm.not_implemented_error(
                    "marshal: rpy cannot marshal code objects (its bytecode is not CPython's)",
                ));
            }
            _ => return Err(unmarshallable(vm)),
        }
        Ok(())
    }

    fn float(&mut self, vm: &mut Vm, f: f64) -> PyResult<()> {
        if self.version > 1 {
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            let r = vm.repr(&Value::Float(f))?;
            self.out.push(r.len() as u8);
            self.out.extend_from_slice(r.as_bytes());
        }
        Ok(())
    }

    /// An int as 15-bit digits, least significant first; the count is
    /// negative for a negative number.
    fn long(&mut self, i: &malachite::Integer) {
        let neg = *i < 0;
        let mut n: Natural = i.unsigned_abs();
        let mut digits: Vec<u16> = Vec::new();
        let mask = Natural::from(0x7fffu32);
        while n != 0u32 {
            let d = u16::try_from(&(&n & &mask)).unwrap_or(0);
            digits.push(d);
            n >>= 15u32;
        }
        let count = digits.len() as i32;
        let count = if neg { -count } else { count };
        self.out.extend_from_slice(&count.to_le_bytes());
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }
}
