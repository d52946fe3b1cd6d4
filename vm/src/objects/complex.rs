//! `complex`: arithmetic, repr and construction.

use rpy_compiler::bytecode::BinaryOperator as B;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::float::{as_float, float_repr};
use crate::objects::int::as_int;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The (real, imag) parts of a complex value.
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v.payload() {
        Some(Payload::Complex(r, i)) => Some((*r, *i)),
        _ => None,
    }
}

fn to_parts(vm: &mut Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if let Some(f) = as_float(v) {
        return Ok(Some((f, 0.0)));
    }
    if let Some(i) = as_int(v) {
        return Ok(Some((crate::objects::int::int_to_f64(vm, &i)?, 0.0)));
    }
    Ok(None)
}

pub fn new_complex(vm: &mut Vm, r: f64, i: f64) -> Value {
    Value::Obj(vm.alloc(vm.types.complex.clone(), Payload::Complex(r, i)))
}

/// Complex arithmetic when either operand is complex.
pub fn complex_binop(vm: &mut Vm, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(None);
    }
    let (Some((ar, ai)), Some((br, bi))) = (to_parts(vm, a)?, to_parts(vm, b)?) else {
        return Ok(None);
    };
    let (r, i) = match op {
        B::Add => (ar + br, ai + bi),
        B::Subtract => (ar - br, ai - bi),
        B::Multiply => (ar * br - ai * bi, ar * bi + ai * br),
        B::TrueDivide => {
            let d = br * br + bi * bi;
            if d == 0.0 {
                return Err(vm.zero_division_error("complex division by zero"));
            }
            ((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        }
        B::Power => {
            if br == 0.0 && bi == 0.0 {
                (1.0, 0.0)
            } else if ar == 0.0 && ai == 0.0 {
                if bi != 0.0 || br < 0.0 {
                    return Err(vm.zero_division_error("0.0 to a negative or complex power"));
                }
                (0.0, 0.0)
            } else {
                let modulus = ar.hypot(ai);
                let arg = ai.atan2(ar);
                let ln = modulus.ln();
                let nr = (br * ln - bi * arg).exp();
                let na = bi * ln + br * arg;
                (nr * na.cos(), nr * na.sin())
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r, i)))
}

fn fmt_part(x: f64) -> String {
    let s = float_repr(x);
    s.strip_suffix(".0").map(|t| t.to_owned()).unwrap_or(s)
}

/// `repr(complex)`.
pub fn complex_repr(r: f64, i: f64) -> String {
    if r == 0.0 && r.is_sign_positive() {
        return format!("{}j", fmt_part(i));
    }
    let sign =
        if i < 0.0 || (i == 0.0 && i.is_sign_negative()) || i.is_nan() && i.is_sign_negative() {
            "-"
        } else {
            "+"
        };
    format!("({}{sign}{}j)", fmt_part(r), fmt_part(i.abs()))
}

fn this_complex(vm: &mut Vm, v: &Value) -> PyResult<(f64, f64)> {
    as_complex(v).ok_or_else(|| vm.type_error("descriptor requires a 'complex' object"))
}

fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [real, imag] = args.shift().bind(vm, "complex", ["real", "imag"], 0)?;
    let (mut r, mut i) = (0.0, 0.0);
    if let Some(x) = real {
        if let Some(s) = x.as_str() {
            let s = s.trim().to_owned();
            return parse_complex(&s)
                .map(|(a, b)| new_complex(vm, a, b))
                .ok_or_else(|| vm.value_error("complex() arg is a malformed string"));
        }
        match to_parts(vm, x)? {
            Some((a, b)) => {
                r = a;
                i = b;
            }
            None => {
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    vm.type_name(x)
                )))
            }
        }
    }
    if let Some(y) = imag {
        match to_parts(vm, y)? {
            Some((a, b)) => {
                r -= b;
                i += a;
            }
            None => {
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{}'",
                    vm.type_name(y)
                )))
            }
        }
    }
    Ok(new_complex(vm, r, i))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(s);
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let parse_imag = |t: &str| -> Option<f64> {
            match t {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => crate::objects::float::parse_float(t),
            }
        };
        return match split {
            Some(i) => Some((
                crate::objects::float::parse_float(&body[..i])?,
                parse_imag(&body[i..])?,
            )),
            None => Some((0.0, parse_imag(body)?)),
        };
    }
    crate::objects::float::parse_float(s).map(|f| (f, 0.0))
}

fn complex_repr_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, i) = this_complex(vm, args.this())?;
    Ok(vm.str_val(complex_repr(r, i)))
}

fn complex_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(this_complex(vm, v)?.0))
}
fn complex_imag(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(this_complex(vm, v)?.1))
}

fn complex_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, i) = this_complex(vm, args.this())?;
    Ok(Value::Float(r.hypot(i)))
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, i) = this_complex(vm, args.this())?;
    Ok(new_complex(vm, r, -i))
}

fn complex_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "complex.__eq__")?;
    let x = this_complex(vm, a)?;
    match to_parts(vm, b)? {
        Some(y) => Ok(Value::Bool(x == y)),
        None => Ok(vm.not_implemented()),
    }
}

fn complex_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (r, i) = this_complex(vm, &this)?;
    let hr = crate::hash::hash_f64(r, this.id());
    let hi = crate::hash::hash_f64(i, this.id());
    let mut h = hr.wrapping_add(1000003i64.wrapping_mul(hi));
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn complex_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, i) = this_complex(vm, args.this())?;
    Ok(new_complex(vm, -r, -i))
}

fn complex_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, i) = this_complex(vm, args.this())?;
    Ok(Value::Bool(r != 0.0 || i != 0.0))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    vm.add_static(&t, "__new__", complex_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", complex_repr_m),
            ("__abs__", complex_abs),
            ("__eq__", complex_eq),
            ("__hash__", complex_hash),
            ("__neg__", complex_neg),
            ("__bool__", complex_bool),
            ("conjugate", complex_conjugate),
        ],
    );
    vm.add_getset(&t, "real", complex_real, None);
    vm.add_getset(&t, "imag", complex_imag, None);
    for op in [B::Add, B::Subtract, B::Multiply, B::TrueDivide, B::Power] {
        let (n, rn, _) = vm.op_names(op);
        let n = n.as_str().unwrap_or("").to_owned();
        let rn = rn.as_str().unwrap_or("").to_owned();
        vm.add_method_closure(
            &t,
            &n,
            std::rc::Rc::new(move |vm: &mut Vm, args: Args| {
                let [a, b] = args.exact_method(vm, "__op__")?;
                Ok(complex_binop(vm, op, a, b)?.unwrap_or_else(|| vm.not_implemented()))
            }),
        );
        vm.add_method_closure(
            &t,
            &rn,
            std::rc::Rc::new(move |vm: &mut Vm, args: Args| {
                let [a, b] = args.exact_method(vm, "__rop__")?;
                Ok(complex_binop(vm, op, b, a)?.unwrap_or_else(|| vm.not_implemented()))
            }),
        );
    }
}
