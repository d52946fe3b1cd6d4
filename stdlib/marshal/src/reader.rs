//! Reading marshal data (`loads`, `load`), every format version.

use malachite::Integer;
use rpy_vm::{PyResult, Value, Vm};

const FLAG_REF: u8 = 0x80;
const MAX_DEPTH: usize = 2000;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Value>,
    depth: usize,
}

/// Decodes one value; also returns how many bytes it used.
pub(crate) fn read(vm: &mut Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
    };
    let v = r.value(vm)?;
    Ok((v, r.pos))
}

fn eof(vm: &mut Vm) -> rpy_vm::PyErr {
    let c = vm.exc.eof_error.clone();
    vm.new_error(&c, "marshal data too short")
}

fn bad(vm: &mut Vm, what: &str) -> rpy_vm::PyErr {
    vm.value_error(format!("bad marshal data ({what})"))
}

impl Reader<'_> {
    fn bytes(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.data.len());
        let Some(end) = end else {
            return Err(eof(vm));
        };
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.bytes(vm, 1)?[0])
    }

    fn i32(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.bytes(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm) -> PyResult<usize> {
        let n = self.i32(vm)?;
        usize::try_from(n).map_err(|_| bad(vm, "size out of range"))
    }

    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.bytes(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A float written as text (versions 0 and 1).
    fn text_float(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.u8(vm)? as usize;
        let b = self.bytes(vm, n)?.to_vec();
        let s = String::from_utf8_lossy(&b).into_owned();
        let sv = vm.str_val(s);
        let f = vm.call(&Value::Obj(vm.types.float.clone()), &[sv])?;
        match f {
            Value::Float(x) => Ok(x),
            _ => Err(bad(vm, "float")),
        }
    }

    fn str_of(&mut self, vm: &mut Vm, n: usize, ascii: bool) -> PyResult<Value> {
        let b = self.bytes(vm, n)?.to_vec();
        if ascii {
            return Ok(vm.str_val(String::from_utf8_lossy(&b).into_owned()));
        }
        match String::from_utf8(b) {
            Ok(s) => Ok(vm.str_val(s)),
            Err(e) => {
                let bv = vm.new_bytes(e.into_bytes());
                let enc = vm.str_val("utf-8");
                let errors = vm.str_val("surrogatepass");
                vm.call_method(&bv, "decode", &[enc, errors])
            }
        }
    }

    fn value(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let r = self.value_inner(vm);
        self.depth -= 1;
        r
    }

    fn value_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let Some(&code) = self.data.get(self.pos) else {
            let c = vm.exc.eof_error.clone();
            return Err(vm.new_error(&c, "EOF read where object expected"));
        };
        self.pos += 1;
        let flag = code & FLAG_REF != 0;
        let code = code & !FLAG_REF;
        // Containers take their reference slot before their items.
        let slot = if flag && matches!(code, b'(' | b')' | b'[' | b'{' | b'<' | b'>') {
            self.refs.push(Value::None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match code {
            b'0' => return Err(bad(vm, "NULL object")),
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'S' => Value::Obj(vm.exc.stop_iteration.clone()),
            b'.' => Value::Obj(vm.ellipsis.clone()),
            b'i' => Value::Int(i64::from(self.i32(vm)?)),
            b'I' => {
                let b = self.bytes(vm, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Value::Int(i64::from_le_bytes(a))
            }
            b'l' => {
                let n = self.i32(vm)?;
                let count = n.unsigned_abs() as usize;
                let mut acc = Integer::from(0);
                let raw = self.bytes(vm, count.saturating_mul(2))?;
                let mut digits = Vec::with_capacity(count);
                for c in raw.chunks_exact(2) {
                    digits.push(u16::from_le_bytes([c[0], c[1]]));
                }
                if digits.last() == Some(&0) {
                    return Err(bad(vm, "unnormalized long data"));
                }
                for d in digits.iter().rev() {
                    if *d > 0x7fff {
                        return Err(bad(vm, "digit out of range in long"));
                    }
                    acc <<= 15u32;
                    acc += Integer::from(*d);
                }
                if n < 0 {
                    acc = -acc;
                }
                vm.new_int(acc)
            }
            b'g' => Value::Float(self.f64(vm)?),
            b'f' => Value::Float(self.text_float(vm)?),
            b'y' => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                rpy_vm::new_complex(vm, re, im)
            }
            b'x' => {
                let re = self.text_float(vm)?;
                let im = self.text_float(vm)?;
                rpy_vm::new_complex(vm, re, im)
            }
            b's' => {
                let n = self.size(vm)?;
                let b = self.bytes(vm, n)?.to_vec();
                vm.new_bytes(b)
            }
            b'u' | b't' => {
                let n = self.size(vm)?;
                self.str_of(vm, n, false)?
            }
            b'a' | b'A' => {
                let n = self.size(vm)?;
                self.str_of(vm, n, true)?
            }
            b'z' | b'Z' => {
                let n = self.u8(vm)? as usize;
                self.str_of(vm, n, true)?
            }
            b'(' | b')' | b'[' | b'<' | b'>' => {
                let n = if code == b')' {
                    self.u8(vm)? as usize
                } else {
                    self.size(vm)?
                };
                let mut items = Vec::with_capacity(n.min(self.data.len()));
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                match code {
                    b'(' | b')' => vm.new_tuple(items),
                    b'[' => vm.new_list(items),
                    _ => {
                        let l = vm.new_list(items);
                        let t = if code == b'<' {
                            vm.types.set.clone()
                        } else {
                            vm.types.frozenset.clone()
                        };
                        vm.call(&Value::Obj(t), &[l])?
                    }
                }
            }
            b'{' => {
                let d = vm.new_dict();
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.value(vm)?;
                    let x = self.value(vm)?;
                    vm.set_item(&d, k, x)?;
                }
                d
            }
            b'r' => {
                let i = self.size(vm)?;
                match self.refs.get(i) {
                    Some(v) => v.clone(),
                    None => return Err(bad(vm, "invalid reference")),
                }
            }
            b'c' => {
                return Err(vm.not_implemented_error(
                    "marshal: rpy cannot load code objects (its bytecode is not CPython's)",
                ))
            }
            _ => return Err(bad(vm, "unknown type code")),
        };
        match slot {
            Some(i) => self.refs[i] = v.clone(),
            None if flag => self.refs.push(v.clone()),
            None => {}
        }
        Ok(v)
    }
}
