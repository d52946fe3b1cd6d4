//! `int` (and `bool` arithmetic): i64 fast paths that overflow into
//! malachite `Integer`s, Python's floor division/modulo, shifts, bit
//! operations, `**`, true division correctly rounded, conversions to and
//! from strings (with the 4300-digit limit), and the `int` methods.

use std::cmp::Ordering;

use malachite::num::arithmetic::traits::{DivMod, FloorLogBase2, Pow, Sign, UnsignedAbs};
use malachite::num::conversion::traits::{Digits, RoundingFrom};
use malachite::num::logic::traits::SignificantBits;
use malachite::rounding_modes::RoundingMode;
use malachite::{Integer, Natural, Rational};
use rpy_compiler::bytecode::BinaryOperator as B;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An int operand: inline or big.
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a Integer),
}

impl IntVal<'_> {
    pub fn to_integer(&self) -> Integer {
        match self {
            IntVal::Small(i) => Integer::from(*i),
            IntVal::Big(b) => (*b).clone(),
        }
    }
}

/// The int value of `v` if it is an int or bool (or int subclass).
#[inline]
pub fn as_int(v: &Value) -> Option<IntVal<'_>> {
    match v {
        Value::Int(i) => Some(IntVal::Small(*i)),
        Value::Bool(b) => Some(IntVal::Small(i64::from(*b))),
        Value::Obj(o) => match &o.payload {
            Payload::Int(i) => Some(IntVal::Big(i)),
            _ => None,
        },
        _ => None,
    }
}

/// The `Integer` of an int value.
pub fn to_integer(v: &Value) -> Option<Integer> {
    as_int(v).map(|i| i.to_integer())
}

/// Clamps a big integer to i64 (for indexes, where out-of-range values
/// behave like the extremes).
pub fn clamp_i64(i: &Integer) -> i64 {
    i64::try_from(i).unwrap_or(if i.sign() == Ordering::Less {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// Converts to f64, or None when too large ("int too large to convert to
/// float").
pub fn integer_to_f64(i: &Integer) -> Option<f64> {
    if i.significant_bits() > 1024 {
        return None;
    }
    let (f, _) = f64::rounding_from(i, RoundingMode::Nearest);
    if f.abs() == f64::MAX {
        // Values at or above 2**1024 - 2**970 round to infinity.
        let limit = (Integer::from(1) << 1024u64) - (Integer::from(1) << 970u64);
        if i.unsigned_abs() >= limit.unsigned_abs() {
            return None;
        }
    }
    Some(f)
}

/// int → float for arithmetic, raising OverflowError when too large.
pub fn int_to_f64(vm: &mut Vm, v: &IntVal) -> PyResult<f64> {
    match v {
        IntVal::Small(i) => Ok(*i as f64),
        IntVal::Big(b) => {
            integer_to_f64(b).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
    }
}

fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

fn mod_i64(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// Correctly rounded a / b as a float.
pub fn true_div(vm: &mut Vm, a: &IntVal, b: &IntVal) -> PyResult<Value> {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        if *y == 0 {
            return Err(vm.zero_division_error("division by zero"));
        }
        const EXACT: i64 = 1 << 53;
        if x.unsigned_abs() <= EXACT as u64 && y.unsigned_abs() <= EXACT as u64 {
            return Ok(Value::Float(*x as f64 / *y as f64));
        }
    }
    let (x, y) = (a.to_integer(), b.to_integer());
    if y == 0 {
        return Err(vm.zero_division_error("division by zero"));
    }
    if x == 0 {
        // The sign of a zero quotient is the divisor's.
        return Ok(Value::Float(if y < 0 { -0.0 } else { 0.0 }));
    }
    let r = Rational::from_integers(x, y);
    let too_big = {
        let abs = if r < 0u32 { -r.clone() } else { r.clone() };
        abs != 0u32 && abs.floor_log_base_2() >= 1024
    };
    if too_big {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    let (f, _) = f64::rounding_from(&r, RoundingMode::Nearest);
    if f.abs() == f64::MAX {
        let limit = Rational::try_from(f64::MAX).unwrap_or_default()
            + Rational::from(Integer::from(1) << 970u64);
        let abs = if r < 0u32 { -r } else { r };
        if abs >= limit {
            return Err(vm.overflow_error("integer division result too large for a float"));
        }
    }
    Ok(Value::Float(f))
}

/// Binary operation on two ints; `None` if the operator does not apply
/// to ints (matrix multiply).
pub fn int_binop(vm: &mut Vm, op: B, a: &IntVal, b: &IntVal) -> PyResult<Option<Value>> {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let fast = match op {
            B::Add => x.checked_add(y),
            B::Subtract => x.checked_sub(y),
            B::Multiply => x.checked_mul(y),
            B::FloorDivide => {
                if y == 0 {
                    return Err(vm.zero_division_error("integer division or modulo by zero"));
                }
                floordiv_i64(x, y)
            }
            B::Modulo => {
                if y == 0 {
                    return Err(vm.zero_division_error("integer modulo by zero"));
                }
                mod_i64(x, y)
            }
            B::And => Some(x & y),
            B::Or => Some(x | y),
            B::Xor => Some(x ^ y),
            B::LShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 63 && (x == 0 || (x.unsigned_abs().leading_zeros() as i64) > y + 1) {
                    Some(x << y)
                } else if x == 0 {
                    Some(0)
                } else {
                    None
                }
            }
            B::RShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            B::TrueDivide => return true_div(vm, a, b).map(Some),
            B::Power => {
                if y < 0 {
                    if x == 0 {
                        return Err(
                            vm.zero_division_error("0.0 cannot be raised to a negative power")
                        );
                    }
                    return Ok(Some(Value::Float((x as f64).powf(y as f64))));
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else if x == 0 || x == 1 {
                    Some(x)
                } else if x == -1 {
                    Some(if y % 2 == 0 { 1 } else { -1 })
                } else {
                    None
                }
            }
            B::MatMultiply => return Ok(None),
        };
        if let Some(r) = fast {
            return Ok(Some(Value::Int(r)));
        }
    }
    let (x, y) = (a.to_integer(), b.to_integer());
    let r = match op {
        B::Add => x + y,
        B::Subtract => x - y,
        B::Multiply => x * y,
        B::FloorDivide | B::Modulo => {
            if y == 0 {
                return Err(vm.zero_division_error(if op == B::Modulo {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            let (q, r) = x.div_mod(y);
            if op == B::FloorDivide {
                q
            } else {
                r
            }
        }
        B::And => x & y,
        B::Or => x | y,
        B::Xor => x ^ y,
        B::LShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if x == 0 {
                return Ok(Some(Value::Int(0)));
            }
            let Ok(s) = u64::try_from(&y) else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            {
                if s > (1u64 << 36) {
                    return Err(vm.memory_error());
                }
                vm.check_int_alloc(u128::from(x.significant_bits()) + u128::from(s))?;
                x << s
            }
        }
        B::RShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            match u64::try_from(&y) {
                Ok(s) => x >> s,
                Err(_) => Integer::from(if x < 0 { -1 } else { 0 }),
            }
        }
        B::TrueDivide => return true_div(vm, a, b).map(Some),
        B::Power => {
            if y < 0 {
                let fx = int_to_f64(vm, a)?;
                let fy = int_to_f64(vm, b)?;
                return crate::objects::float::float_pow(vm, fx, fy).map(Some);
            }
            // 0, 1 and -1 to any power, however large.
            if x == 0 || x == 1 {
                return Ok(Some(vm.new_int(x)));
            }
            if x == -1 {
                let odd = (&y % Integer::from(2)) != 0;
                return Ok(Some(Value::Int(if odd { -1 } else { 1 })));
            }
            let Ok(e) = u64::try_from(&y) else {
                return Err(vm.memory_error());
            };
            let bits = x.significant_bits();
            if bits > 1 && bits.saturating_mul(e) > (1u64 << 36) {
                return Err(vm.memory_error());
            }
            if bits > 1 {
                vm.check_int_alloc(u128::from(bits) * u128::from(e))?;
            }
            pow_within_deadline(vm, &x, e, u128::from(bits) * u128::from(e))?
        }
        B::MatMultiply => return Ok(None),
    };
    Ok(Some(vm.new_int(r)))
}

/// `x ** e`. Under a time limit a big result is built by squaring, step
/// by step, and given up (`ResourceLimitError`) as soon as the next step,
/// about twice as long as the last, would end past the deadline: one
/// multiplication cannot be interrupted.
fn pow_within_deadline(vm: &mut Vm, x: &Integer, e: u64, result_bits: u128) -> PyResult<Integer> {
    if vm.deadline().is_none() || result_bits < 1 << 22 {
        return Ok(x.pow(e));
    }
    let mut r = Integer::from(1);
    let mut last = std::time::Duration::ZERO;
    for i in (0..u64::BITS - e.leading_zeros()).rev() {
        vm.check_deadline()?;
        let start = std::time::Instant::now();
        if vm.deadline().is_some_and(|d| start + last * 2 > d) {
            return Err(vm.time_limit_error());
        }
        r = &r * &r;
        if (e >> i) & 1 == 1 {
            r *= x;
        }
        last = start.elapsed();
    }
    Ok(r)
}

/// Three-argument pow(base, exp, mod).
pub fn pow_mod(vm: &mut Vm, base: &IntVal, exp: &IntVal, m: &IntVal) -> PyResult<Value> {
    let (b, e, m) = (base.to_integer(), exp.to_integer(), m.to_integer());
    if m == 0 {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let neg_mod = m < 0;
    let mm = Integer::from(m.unsigned_abs());
    let mut base = b.div_mod(mm.clone()).1;
    let mut e = e;
    if e < 0 {
        // Modular inverse.
        match mod_inverse(&base, &mm) {
            Some(inv) => base = inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        e = -e;
    }
    let mut result = Integer::from(1).div_mod(mm.clone()).1;
    let mut en = Natural::try_from(&e).unwrap_or_default();
    while en > 0u32 {
        if (&en % Natural::from(2u32)) == 1u32 {
            result = (result * &base).div_mod(mm.clone()).1;
        }
        base = (&base * &base).div_mod(mm.clone()).1;
        en >>= 1u64;
        vm.check_deadline()?;
    }
    if neg_mod && result != 0 {
        result -= mm;
    }
    Ok(vm.new_int(result))
}

fn mod_inverse(a: &Integer, m: &Integer) -> Option<Integer> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (Integer::from(1), Integer::from(0));
    while r != 0 {
        let (q, rem) = old_r.clone().div_mod(r.clone());
        old_r = std::mem::replace(&mut r, rem);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != 1 && old_r != -1 {
        return None;
    }
    let inv = if old_r == -1 { -old_s } else { old_s };
    Some(inv.div_mod(m.clone()).1)
}

/// Decimal string of an int, enforcing `sys.get_int_max_str_digits()`.
pub fn int_to_decimal(vm: &mut Vm, v: &IntVal) -> PyResult<String> {
    match v {
        IntVal::Small(i) => Ok(i.to_string()),
        IntVal::Big(b) => {
            let limit = vm.int_max_str_digits;
            if limit > 0 {
                // Quick bound from the bit length: digits >= bits*log10(2).
                let bits = b.significant_bits();
                let lower =
                    (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as usize + 1;
                if lower > limit + 1 {
                    return Err(vm.value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
            }
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if limit > 0 && digits > limit {
                return Err(vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(s)
        }
    }
}

// ---- methods ----

fn this_int(vm: &mut Vm, v: &Value) -> PyResult<Integer> {
    to_integer(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'int' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("int.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    let pos = rest.pos();
    // Positional and keyword arguments are counted together, as CPython.
    let total = pos.len() + rest.kw().count();
    if total > 2 {
        let keyword = if pos.is_empty() { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "int() takes at most 2 {keyword}arguments ({total} given)"
        )));
    }
    let mut x = pos.first().cloned();
    let mut base = pos.get(1).cloned();
    for (k, v) in rest.kw() {
        match k {
            "base" if base.is_none() => base = Some(v.clone()),
            "base" => {
                return Err(
                    vm.type_error("argument for int() given by name ('base') and position (2)")
                )
            }
            _ => {
                return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")))
            }
        }
    }
    let value = match (&x, &base) {
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (None, None) => Value::Int(0),
        (Some(v), None) => vm.to_int(v)?,
        (Some(v), Some(b)) => {
            let b = vm.to_index(b)?;
            let b = clamp_i64(&b);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let s = match v.payload() {
                Some(Payload::Str(s)) => s.as_str().to_owned(),
                Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
                Some(Payload::ByteArray(b)) => String::from_utf8_lossy(&b.borrow()).into_owned(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            let v2 = v.clone();
            x = Some(v2.clone());
            str_to_int(vm, &s, b as u32, &v2)?
        }
    };
    let _ = x;
    if std::rc::Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(value);
    }
    let i = to_integer(&value).unwrap_or_default();
    Ok(Value::Obj(vm.alloc_instance(&cls, Payload::Int(i))))
}

/// `int(s, base)` for a string, with CPython's errors.
pub fn str_to_int(vm: &mut Vm, s: &str, base: u32, orig: &Value) -> PyResult<Value> {
    use crate::text::number_parse;
    let limit = vm.int_max_str_digits;
    let r = match orig.payload() {
        Some(Payload::Bytes(b)) => number_parse::parse_int_bytes(b, base, limit),
        Some(Payload::ByteArray(b)) => number_parse::parse_int_bytes(&b.borrow(), base, limit),
        _ => number_parse::parse_int(s, base, limit),
    };
    match r {
        Ok(n) => Ok(vm.new_int(n)),
        Err(e) => Err(vm.text_error(e)),
    }
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let s = match as_int(&this) {
        Some(i) => int_to_decimal(vm, &i)?,
        None => return Err(vm.type_error("descriptor '__repr__' requires a 'int' object")),
    };
    Ok(vm.str_val(s))
}

fn int_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match as_int(args.this()) {
        Some(IntVal::Small(i)) => Ok(Value::Int(crate::hash::hash_i64(i))),
        Some(IntVal::Big(b)) => Ok(Value::Int(crate::hash::hash_bigint(b))),
        None => Err(vm.type_error("descriptor '__hash__' requires a 'int' object")),
    }
}

fn int_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    Ok(Value::Bool(i != 0))
}

fn int_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    Ok(vm.new_int(i))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    let f =
        integer_to_f64(&i).ok_or_else(|| vm.overflow_error("int too large to convert to float"))?;
    Ok(Value::Float(f))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "int.bit_length")?;
    let i = this_int(vm, this)?;
    Ok(Value::Int(i.significant_bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "int.bit_count")?;
    let i = this_int(vm, this)?;
    use malachite::num::logic::traits::CountOnes;
    let n = Natural::try_from(&Integer::from(i.unsigned_abs()))
        .map(|n| n.count_ones())
        .unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    Ok(vm.new_int(i))
}

fn int_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let i = this_int(vm, v)?;
    Ok(vm.new_int(i))
}
fn int_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}
fn int_denominator(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    let n = vm.new_int(i);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, nd] = args.range::<2>(vm, "__round__", 1, true)?;
    let i = this_int(vm, this.unwrap_or(&Value::None))?;
    let nd = match nd {
        None | Some(Value::None) => return Ok(vm.new_int(i)),
        Some(v) => vm.to_index(v)?,
    };
    if nd >= 0 {
        return Ok(vm.new_int(i));
    }
    // Round to 10**(-nd), half to even.
    let Ok(p) = u64::try_from(&(-nd)) else {
        return Ok(Value::Int(0));
    };
    let m = Integer::from(10).pow(p);
    let (q, r) = i.clone().div_mod(m.clone());
    let twice = Integer::from(2) * &r;
    let q = match twice.cmp(&m) {
        Ordering::Greater => q + Integer::from(1),
        Ordering::Equal if (&q % Integer::from(2)) != 0 => q + Integer::from(1),
        _ => q,
    };
    Ok(vm.new_int(q * m))
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let i = this_int(vm, &this)?;
    let [length, byteorder, signed] =
        args.shift()
            .bind(vm, "to_bytes", ["length", "byteorder", "signed"], 0)?;
    let length = match length {
        Some(l) => {
            let l = vm.to_index(l)?;
            if l < 0 {
                return Err(vm.value_error("length argument must be non-negative"));
            }
            let Ok(l) = i64::try_from(&l) else {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            };
            l as usize
        }
        None => 1,
    };
    // CPython allocates the result first: MemoryError before OverflowError.
    // (The modulus below takes as many bytes again.)
    vm.check_alloc(length.saturating_mul(2))?;
    let little = match byteorder {
        Some(b) => match b.as_str() {
            Some("little") => true,
            Some("big") => false,
            Some(_) => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => {
                return Err(vm.type_error(format!(
                    "to_bytes() argument 'byteorder' must be str, not {}",
                    vm.type_name(b)
                )))
            }
        },
        None => false,
    };
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if !signed && i < 0 {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // Two's complement little-endian bytes.
    let modulus = Integer::from(1) << (8 * length as u64);
    let fits = if signed {
        let half = Integer::from(1) << (8 * length as u64).saturating_sub(1);
        if length == 0 {
            i == 0
        } else {
            i >= -half.clone() && i < half
        }
    } else {
        i < modulus
    };
    if !fits {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let v = if i < 0 { i + &modulus } else { i };
    let nat = Natural::try_from(&v).unwrap_or_default();
    let mut bytes: Vec<u8> = nat
        .to_digits_asc(&256u16)
        .into_iter()
        .map(|d: u16| d as u8)
        .collect();
    bytes.resize(length, 0);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// The bytes of `int.from_bytes`'s argument: a buffer, or what `bytes(x)`
/// makes of an iterable of ints or an object with `__bytes__` (CPython's
/// PyObject_Bytes, which refuses str and int).
fn from_bytes_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Ok(b) = vm.bytes_like(v) {
        return Ok(b);
    }
    if v.as_str().is_some() || matches!(v, Value::Int(_) | Value::Bool(_) | Value::None) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        )));
    }
    let ty = Value::Obj(vm.types.bytes.clone());
    let b = vm.call(&ty, std::slice::from_ref(v))?;
    vm.bytes_like(&b)
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.this().clone();
    let [bytes, byteorder, signed] =
        args.shift()
            .bind(vm, "from_bytes", ["bytes", "byteorder", "signed"], 1)?;
    let data = from_bytes_source(vm, bytes.unwrap_or(&Value::None))?;
    let little = match byteorder {
        Some(b) => match b.as_str() {
            Some("little") => true,
            Some("big") => false,
            _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        None => false,
    };
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let mut le = data.clone();
    if !little {
        le.reverse();
    }
    let digits: Vec<u16> = le.iter().map(|b| u16::from(*b)).collect();
    let nat = Natural::from_digits_asc(&256u16, digits.into_iter()).unwrap_or_default();
    let mut i = Integer::from(nat);
    if signed && le.last().map(|b| b & 0x80 != 0).unwrap_or(false) {
        i -= Integer::from(1) << (8 * le.len() as u64);
    }
    let v = vm.new_int(i);
    if cls
        .as_obj()
        .map(|c| std::rc::Rc::ptr_eq(c, &vm.types.int))
        .unwrap_or(false)
    {
        return Ok(v);
    }
    vm.call(&cls, &[v])
}

fn int_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, spec] = args.exact_method(vm, "int.__format__")?;
    let spec = vm.expect_str(spec, "format spec")?.as_str().to_owned();
    // An empty spec is str(self): 'True' for bool, a subclass's __str__.
    if spec.is_empty() {
        return vm.str_value(this);
    }
    let i = this_int(vm, this)?;
    let t = vm.type_name(this);
    let s = crate::format::format_int_named(vm, &i, &spec, &t)?;
    Ok(vm.str_val(s))
}

fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    let v = vm.new_int(i);
    Ok(vm.new_tuple(vec![v]))
}

fn int_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, args.this())?;
    let digits = i.significant_bits().div_ceil(30).max(1);
    Ok(Value::Int(24 + 4 * digits as i64))
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "bool")?;
    match rest.pos() {
        [] => Ok(Value::Bool(false)),
        [x] => Ok(Value::Bool(vm.is_true(x)?)),
        p => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", p.len()))),
    }
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.this() {
        Value::Bool(b) => Ok(vm.str_val(if *b { "True" } else { "False" })),
        v => {
            let v = v.clone();
            let s = match as_int(&v) {
                Some(i) => int_to_decimal(vm, &i)?,
                None => return Err(vm.type_error("descriptor '__repr__' requires a 'bool' object")),
            };
            Ok(vm.str_val(s))
        }
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.int.clone();
    vm.add_static(&t, "__new__", int_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", int_repr),
            ("__hash__", int_hash),
            ("__bool__", int_bool),
            ("__index__", int_index),
            ("__int__", int_index),
            ("__float__", int_float),
            ("__trunc__", int_index),
            ("__floor__", int_index),
            ("__ceil__", int_index),
            ("__round__", int_round),
            ("__format__", int_format),
            ("__getnewargs__", int_getnewargs),
            ("__sizeof__", int_sizeof),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("to_bytes", int_to_bytes),
        ],
    );
    vm.add_classmethod(&t, "from_bytes", int_from_bytes);
    vm.add_getset(&t, "real", int_real, None);
    vm.add_getset(&t, "imag", int_imag, None);
    vm.add_getset(&t, "numerator", int_real, None);
    vm.add_getset(&t, "denominator", int_denominator, None);
    crate::objects::ops_slots::add_binary_slots(vm, &t);
    let b = vm.types.bool_.clone();
    vm.add_static(&b, "__new__", bool_new);
    vm.add_methods(&b, &[("__repr__", bool_repr)]);
    crate::objects::ops_slots::add_binary_slots(vm, &b);
}
