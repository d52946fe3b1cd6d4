//! `float`: repr (shortest round-trip digits, CPython's layout rules),
//! arithmetic with Python semantics (floor division and modulo signs,
//! ZeroDivisionError, OverflowError), exact comparison with ints, parsing,
//! and the float methods.

use std::cmp::Ordering;

use malachite::num::arithmetic::traits::Sign;
use malachite::num::conversion::traits::RoundingFrom;
use malachite::rounding_modes::RoundingMode;
use malachite::{Integer, Rational};
use rpy_compiler::bytecode::BinaryOperator as B;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::int::{as_int, IntVal};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `repr(x)` as CPython: shortest digits that round-trip; scientific
/// notation when the exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // `{:e}` gives the shortest round-trip digits: d.ddddde[-]N
    let e = format!("{x:e}");
    let (mant, exp) = match e.split_once('e') {
        Some(p) => p,
        None => return e,
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// The float value of a float or float-subclass instance.
#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// Exact `i == f`.
pub fn int_eq_float(i: i64, f: f64) -> bool {
    if f.fract() != 0.0 || !f.is_finite() {
        return false;
    }
    if f.abs() < 9.0e15 {
        return i as f64 == f;
    }
    Integer::try_from(f).map(|fi| fi == i).unwrap_or(false)
}

/// Exact `i == f` for a big int.
pub fn bigint_eq_float(i: &Integer, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    Integer::try_from(f).map(|fi| &fi == i).unwrap_or(false)
}

/// Exact ordering of an int and a float (None if the float is NaN).
pub fn cmp_int_float(i: &IntVal, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntVal::Small(s) = i {
        if s.unsigned_abs() < (1u64 << 53) {
            return (*s as f64).partial_cmp(&f);
        }
    }
    let ii = i.to_integer();
    let r = Rational::try_from(f).ok()?;
    Some(Rational::from(ii).cmp(&r))
}

fn fmod_py(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's float floor division and modulo (`divmod`).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let m = x % y;
    let mut div = (x - m) / y;
    let mut m = m;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x ** y` for floats, with Python's errors.
/// The special cases are CPython's, sorted out before the platform `pow`.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let odd = |w: f64| w.is_finite() && w % 2.0 != 0.0 && w == w.trunc();
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        let r = if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x.is_infinite() {
        let r = if y > 0.0 {
            if odd(y) {
                x
            } else {
                x.abs()
            }
        } else if odd(y) {
            0.0f64.copysign(x)
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(if odd(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            // Negative numbers raised to fractional powers become complex.
            let a = crate::objects::complex::new_complex(vm, x, 0.0);
            return crate::objects::complex::complex_binop(vm, B::Power, &a, &Value::Float(y))
                .map(|r| r.unwrap_or(Value::None));
        }
        base = -x;
        negate = odd(y);
    }
    if base == 1.0 {
        return Ok(Value::Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(if negate { -r } else { r }))
}

/// Binary operation on two floats.
pub fn float_binop(vm: &mut Vm, op: B, x: f64, y: f64) -> PyResult<Option<Value>> {
    let r = match op {
        B::Add => x + y,
        B::Subtract => x - y,
        B::Multiply => x * y,
        B::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            x / y
        }
        B::FloorDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        B::Modulo => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            fmod_py(x, y)
        }
        B::Power => return float_pow(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(Value::Float(r)))
}

fn this_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    as_float(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("float.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    rest.no_kw(vm, "float")?;
    let f = match rest.pos() {
        [] => 0.0,
        [x] => vm.to_float(x)?,
        p => {
            return Err(vm.type_error(format!(
                "float expected at most 1 argument, got {}",
                p.len()
            )))
        }
    };
    if std::rc::Rc::ptr_eq(&cls, &vm.types.float) {
        return Ok(Value::Float(f));
    }
    Ok(Value::Obj(vm.alloc_instance(&cls, Payload::Float(f))))
}

fn float_repr_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    Ok(vm.str_val(float_repr(f)))
}

fn float_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let f = this_float(vm, &this)?;
    Ok(Value::Int(crate::hash::hash_f64(f, this.id() >> 4)))
}

fn float_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_float(vm, args.this())? != 0.0))
}

/// float → int (truncating), with CPython's errors.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    let (i, _) = Integer::rounding_from(t, RoundingMode::Down);
    Ok(vm.new_int(i))
}

fn float_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    float_to_int(vm, f)
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    float_to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    float_to_int(vm, f.ceil())
}

fn float_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, args.this())?))
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, nd] = args.range::<2>(vm, "__round__", 1, true)?;
    let f = this_float(vm, this.unwrap_or(&Value::None))?;
    match nd {
        None | Some(Value::None) => {
            let r = f.round();
            // Half to even.
            let r = if (f - f.trunc()).abs() == 0.5 {
                2.0 * (f / 2.0).round()
            } else {
                r
            };
            float_to_int(vm, r)
        }
        Some(n) => {
            let n = vm.to_index(n)?;
            let n = crate::objects::int::clamp_i64(&n);
            crate::text::float_repr::round(f, n)
                .map(Value::Float)
                .map_err(|e| vm.text_error(e))
        }
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let r = Rational::try_from(f).unwrap_or_default();
    let (n, d) = r.into_numerator_and_denominator();
    let mut n = Integer::from(n);
    if f < 0.0 {
        n = -n;
    }
    let n = vm.new_int(n);
    let d = vm.new_int(Integer::from(d));
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, args.this())?))
}
fn float_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, v)?))
}
fn float_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

fn float_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, spec] = args.exact_method(vm, "float.__format__")?;
    let spec = vm.expect_str(spec, "format spec")?.as_str().to_owned();
    if spec.is_empty() {
        return vm.str_value(this);
    }
    let f = this_float(vm, this)?;
    let t = vm.type_name(this);
    let s = crate::format::format_float_named(vm, f, &spec, &t)?;
    Ok(vm.str_val(s))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    Ok(vm.str_val(float_hex_str(f)))
}

/// `float.hex()`.
pub fn float_hex_str(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let mut hex = format!("{frac:013x}");
    while hex.len() > 1 && hex.ends_with('0') {
        hex.pop();
    }
    format!(
        "{sign}0x{lead}.{hex}p{}{}",
        if exp < 0 { "-" } else { "+" },
        exp.abs()
    )
}

fn float_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this_float(vm, args.this())?;
    Ok(vm.new_tuple(vec![Value::Float(f)]))
}

impl Vm {
    /// `float(x)`: floats, ints, strings, `__float__`, `__index__`.
    pub fn to_float(&mut self, x: &Value) -> PyResult<f64> {
        if let Some(f) = as_float(x) {
            if matches!(x, Value::Float(_)) {
                return Ok(f);
            }
        }
        if let Some(i) = as_int(x) {
            if matches!(x, Value::Int(_) | Value::Bool(_)) {
                return crate::objects::int::int_to_f64(self, &i);
            }
        }
        match x.payload() {
            Some(Payload::Str(s)) => {
                let r = crate::text::number_parse::parse_float(s.as_str());
                return r.map_err(|e| self.text_error(e));
            }
            Some(Payload::Bytes(b)) => {
                let r = crate::text::number_parse::parse_float_bytes(b, false);
                return r.map_err(|e| self.text_error(e));
            }
            Some(Payload::ByteArray(b)) => {
                let r = crate::text::number_parse::parse_float_bytes(&b.borrow(), true);
                return r.map_err(|e| self.text_error(e));
            }
            _ => {}
        }
        let cls = self.class_of(x);
        let k = self.names.__float__.clone();
        if let Some(m) = crate::objects::type_::lookup(&cls, &k) {
            let r = self.call(&m, std::slice::from_ref(x))?;
            return match as_float(&r) {
                Some(f) => Ok(f),
                None => Err(self.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    self.type_name(x),
                    self.type_name(&r)
                ))),
            };
        }
        let k = self.names.__index__.clone();
        if crate::objects::type_::lookup(&cls, &k).is_some() {
            let i = self.to_index(x)?;
            return crate::objects::int::integer_to_f64(&i)
                .ok_or_else(|| self.overflow_error("int too large to convert to float"));
        }
        Err(self.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            self.type_name(x)
        )))
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    vm.add_static(&t, "__new__", float_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", float_repr_m),
            ("__hash__", float_hash),
            ("__bool__", float_bool),
            ("__int__", float_int),
            ("__trunc__", float_int),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__float__", float_float),
            ("__round__", float_round),
            ("__format__", float_format),
            ("__getnewargs__", float_getnewargs),
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("conjugate", float_conjugate),
            ("hex", float_hex),
        ],
    );
    vm.add_getset(&t, "real", float_real, None);
    vm.add_getset(&t, "imag", float_imag, None);
    crate::objects::ops_slots::add_binary_slots(vm, &t);
    let _ = Sign::sign(&Integer::from(0));
}
