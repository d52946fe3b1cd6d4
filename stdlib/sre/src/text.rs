//! The subject of a match as the engine reads it: an ASCII `str` or a
//! `bytes` object is read in place (one unit per byte), a non-ASCII `str`
//! as its code points (converted once, shared by the match objects and the
//! scanner made from it), any other bytes-like object (bytearray,
//! memoryview, array) as a copy of its bytes taken when the call starts.

use std::rc::Rc;

use rpy_vm::{Payload, PyResult, Value, Vm};

/// A subject, kept by a match or scanner object.
#[derive(Clone)]
pub enum Text {
    /// An ASCII str (the value holds it).
    Ascii(Value),
    /// A non-ASCII str's code points.
    Wide(Rc<[u32]>),
    /// A bytes object.
    Bytes(Value),
    /// A copy of another bytes-like object's bytes.
    Buf(Rc<[u8]>),
}

/// The units of a subject, borrowed for one match.
pub enum Units<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

impl Text {
    /// The subject `v` for a pattern of the given kind, with CPython's
    /// TypeErrors for the wrong kind.
    pub fn of(vm: &mut Vm, v: &Value, bytes_pattern: bool) -> PyResult<Text> {
        let t = match v.payload() {
            Some(Payload::Str(s)) => {
                if bytes_pattern {
                    return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
                }
                if s.is_ascii() {
                    Text::Ascii(v.clone())
                } else {
                    let cps: Vec<u32> = rpy_vm::surrogates::code_points(s.as_str()).collect();
                    Text::Wide(Rc::from(cps))
                }
            }
            Some(Payload::Bytes(_)) => Text::Bytes(v.clone()),
            _ => match vm.buffer(v)? {
                Some(b) => Text::Buf(Rc::from(b.bytes)),
                None => {
                    let n = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("expected string or bytes-like object, got '{n}'"))
                    );
                }
            },
        };
        if !bytes_pattern && matches!(t, Text::Bytes(_) | Text::Buf(_)) {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        Ok(t)
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Text::Bytes(_) | Text::Buf(_))
    }

    pub fn units(&self) -> Units<'_> {
        match self {
            Text::Ascii(v) => match v.payload() {
                Some(Payload::Str(s)) => Units::Narrow(s.as_str().as_bytes()),
                _ => Units::Narrow(&[]),
            },
            Text::Bytes(v) => match v.payload() {
                Some(Payload::Bytes(b)) => Units::Narrow(b),
                _ => Units::Narrow(&[]),
            },
            Text::Wide(w) => Units::Wide(w),
            Text::Buf(b) => Units::Narrow(b),
        }
    }

    pub fn len(&self) -> usize {
        match self.units() {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    /// The subject's units `a..b` as a str or bytes object.
    pub fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        let b = b.min(self.len());
        let a = a.min(b);
        match self.units() {
            Units::Narrow(bytes) => {
                let piece = bytes.get(a..b).unwrap_or(&[]);
                if self.is_bytes() {
                    vm.new_bytes(piece.to_vec())
                } else {
                    vm.str_val(String::from_utf8_lossy(piece).into_owned())
                }
            }
            Units::Wide(w) => {
                let s: String = w
                    .get(a..b)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|&c| rpy_vm::surrogates::from_code_point(c))
                    .collect();
                vm.str_val(s)
            }
        }
    }

    /// The empty str or bytes (what `string[:0]` gives).
    pub fn empty(&self, vm: &mut Vm) -> Value {
        if self.is_bytes() {
            vm.new_bytes(Vec::new())
        } else {
            vm.str_val("")
        }
    }
}

/// `pos`/`endpos` clamped into `0..=len` as CPython clamps them.
pub fn bounds(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let clamp = |v: i64| -> usize {
        if v < 0 {
            0
        } else {
            usize::try_from(v).unwrap_or(usize::MAX).min(len)
        }
    };
    (clamp(pos), clamp(endpos))
}
