//! `complex`: construction (numbers, strings, `__complex__`), arithmetic
//! with CPython's algorithms and errors (Smith's division, exact small
//! integer powers by repeated squaring), repr/format, hashing and
//! equality. `cmath` is in `stdlib/math`.

use rpy_compiler::bytecode::BinaryOperator as B;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::float::{as_float, float_repr};
use crate::objects::int::as_int;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The (real, imag) parts of a complex value.
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v.payload() {
        Some(Payload::Complex(r, i)) => Some((*r, *i)),
        _ => None,
    }
}

/// int, float or complex as a complex (`TO_COMPLEX`); `None` for others.
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

/// A complex math failure, as CPython's errno after an operation.
pub enum CErr {
    /// EDOM
    Domain,
    /// ERANGE
    Range,
}

pub(crate) fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's method, as CPython's `_Py_c_quot`.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), CErr> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(CErr::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one NaN.
        Ok((f64::NAN, f64::NAN))
    }
}

/// `x ** n` for a non-negative integer `n`, by squaring.
fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: (f64, f64), n: i64) -> Result<(f64, f64), CErr> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` by polar form, as CPython's `_Py_c_pow`.
fn c_pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), CErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(CErr::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // The C library's cos/sin of an infinity set EDOM.
        return Err(CErr::Domain);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` with CPython's choice of algorithm and its errors.
fn complex_pow(vm: &mut Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow(a, b)
    };
    match r {
        Err(CErr::Domain) => Err(vm.zero_division_error("0.0 to a negative or complex power")),
        Ok(p) if p.0.is_infinite() || p.1.is_infinite() => {
            Err(vm.overflow_error("complex exponentiation"))
        }
        Err(CErr::Range) => Err(vm.overflow_error("complex exponentiation")),
        Ok(p) => Ok(p),
    }
}

/// Complex arithmetic when either operand is complex.
pub fn complex_binop(vm: &mut Vm, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(None);
    }
    if !matches!(
        op,
        B::Add | B::Subtract | B::Multiply | B::TrueDivide | B::Power
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (to_parts(vm, a)?, to_parts(vm, b)?) else {
        return Ok(None);
    };
    let (r, i) = match op {
        B::Add => (x.0 + y.0, x.1 + y.1),
        B::Subtract => (x.0 - y.0, x.1 - y.1),
        B::Multiply => c_prod(x, y),
        B::TrueDivide => match c_quot(x, y) {
            Ok(q) => q,
            Err(_) => return Err(vm.zero_division_error("complex division by zero")),
        },
        _ => complex_pow(vm, x, y)?,
    };
    Ok(Some(new_complex(vm, r, i)))
}

fn fmt_part(x: f64) -> String {
    let s = float_repr(x);
    s.strip_suffix(".0").map(|t| t.to_owned()).unwrap_or(s)
}

/// `repr(complex)`: a zero real part (not -0.0) is left out; a NaN's sign
/// is never shown.
pub fn complex_repr(r: f64, i: f64) -> String {
    let part = |x: f64| {
        if x.is_nan() {
            "nan".to_owned()
        } else {
            fmt_part(x)
        }
    };
    if r == 0.0 && r.is_sign_positive() {
        return format!("{}j", part(i));
    }
    let sign = if i.is_sign_negative() && !i.is_nan() {
        "-"
    } else {
        "+"
    };
    format!("({}{sign}{}j)", part(r), part(i.abs()))
}

fn this_complex(vm: &mut Vm, v: &Value) -> PyResult<(f64, f64)> {
    as_complex(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'complex' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// Whether `v` has `__float__` or `__index__` (a "number" for `complex()`).
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if as_float(v).is_some() || as_int(v).is_some() || as_complex(v).is_some() {
        return true;
    }
    let cls = vm.class_of(v);
    let (f, i) = (vm.names.__float__.clone(), vm.names.__index__.clone());
    crate::objects::type_::lookup(&cls, &f).is_some()
        || crate::objects::type_::lookup(&cls, &i).is_some()
}

/// `v.__complex__()` if the type has one, checked to return a complex.
fn try_complex_method(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
    ) {
        return Ok(None);
    }
    let k = vm.intern("__complex__");
    let cls = vm.class_of(v);
    let Some(m) = crate::objects::type_::lookup(&cls, &k) else {
        return Ok(None);
    };
    let f = vm.descr_get(&m, v, &cls)?;
    let r = vm.call(&f, &[])?;
    if as_complex(&r).is_none() {
        return Err(vm.type_error(format!(
            "__complex__ returned non-complex (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(Some(r))
}

fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("complex.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    if rest.pos().len() + rest.kw().count() > 2 && rest.has_kw() {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 keyword arguments ({} given)",
            rest.pos().len() + rest.kw().count()
        )));
    }
    let [real, imag] = rest.bind(vm, "complex", ["real", "imag"], 0)?;
    let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.complex);
    let Some(r) = real else {
        let i = match imag {
            Some(i) => i.clone(),
            None => Value::Int(0),
        };
        return construct(vm, &cls, &Value::Int(0), Some(&i), exact);
    };
    construct(vm, &cls, r, imag, exact)
}

fn construct(
    vm: &mut Vm,
    cls: &PyRef,
    r: &Value,
    i: Option<&Value>,
    exact: bool,
) -> PyResult<Value> {
    if exact && i.is_none() {
        if let Value::Obj(o) = r {
            if o.class_is(&vm.types.complex) {
                return Ok(r.clone());
            }
        }
    }
    if let Some(s) = r.as_str() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (a, b) = crate::text::number_parse::parse_complex(s).map_err(|e| vm.text_error(e))?;
        return Ok(make(vm, cls, a, b));
    }
    if let Some(iv) = i {
        if iv.as_str().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let r = match try_complex_method(vm, r)? {
        Some(c) => c,
        None => r.clone(),
    };
    if !is_number(vm, &r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        )));
    }
    if let Some(iv) = i {
        if !is_number(vm, iv) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(iv)
            )));
        }
    }
    let (cr, r_complex) = match as_complex(&r) {
        Some(c) => (c, true),
        None => ((vm.to_float(&r)?, 0.0), false),
    };
    let (ci, i_complex) = match i {
        None => ((cr.1, 0.0), false),
        Some(iv) => match as_complex(iv) {
            Some(c) => (c, true),
            None => ((vm.to_float(iv)?, 0.0), false),
        },
    };
    let mut re = cr.0;
    let mut im = ci.0;
    if i_complex {
        re -= ci.1;
    }
    if r_complex && i.is_some() {
        im += cr.1;
    }
    Ok(make(vm, cls, re, im))
}

fn make(vm: &mut Vm, cls: &PyRef, r: f64, i: f64) -> Value {
    if std::rc::Rc::ptr_eq(cls, &vm.types.complex) {
        return new_complex(vm, r, i);
    }
    Value::Obj(vm.alloc_instance(cls, Payload::Complex(r, i)))
}

fn complex_repr_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__repr__")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(vm.str_val(complex_repr(r, i)))
}

fn complex_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, spec] = args.exact_method(vm, "complex.__format__")?;
    let (r, i) = this_complex(vm, this)?;
    let Some(spec) = spec.as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if spec.is_empty() {
        return vm.str_value(this);
    }
    let t = vm.type_name(this);
    let s =
        crate::text::format_spec::format_complex(r, i, spec, &t).map_err(|e| vm.text_error(e))?;
    Ok(vm.str_val(s))
}

fn complex_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(this_complex(vm, v)?.0))
}
fn complex_imag(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(this_complex(vm, v)?.1))
}

/// `abs(z)` (CPython's `_Py_c_abs`): infinite if either part is, even
/// with a NaN; OverflowError when the finite result overflows.
pub fn c_abs(z: (f64, f64)) -> Result<f64, CErr> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return Ok(z.0.abs());
        }
        if z.1.is_infinite() {
            return Ok(z.1.abs());
        }
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_finite() {
        Ok(r)
    } else {
        Err(CErr::Range)
    }
}

fn complex_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__abs__")?;
    let z = this_complex(vm, this)?;
    match c_abs(z) {
        Ok(r) => Ok(Value::Float(r)),
        Err(_) => Err(vm.overflow_error("absolute value too large")),
    }
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.conjugate")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(new_complex(vm, r, -i))
}

fn complex_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__complex__")?;
    let (r, i) = this_complex(vm, this)?;
    if let Value::Obj(o) = this {
        if o.class_is(&vm.types.complex) {
            return Ok(this.clone());
        }
    }
    Ok(new_complex(vm, r, i))
}

fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__getnewargs__")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(i)]))
}

/// `z == other` for int, float and complex `other` (ints compared exactly).
fn complex_equals(vm: &mut Vm, z: (f64, f64), other: &Value) -> PyResult<Option<bool>> {
    if let Some(c) = as_complex(other) {
        return Ok(Some(z == c));
    }
    if as_float(other).is_some() || as_int(other).is_some() {
        if z.1 != 0.0 {
            return Ok(Some(false));
        }
        let r = vm.compare(
            &Value::Float(z.0),
            other,
            rpy_compiler::bytecode::ComparisonOperator::Eq,
        )?;
        return vm.is_true(&r).map(Some);
    }
    Ok(None)
}

fn complex_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "complex.__eq__")?;
    let x = this_complex(vm, a)?;
    Ok(match complex_equals(vm, x, b)? {
        Some(e) => Value::Bool(e),
        None => vm.not_implemented(),
    })
}

fn complex_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "complex.__ne__")?;
    let x = this_complex(vm, a)?;
    Ok(match complex_equals(vm, x, b)? {
        Some(e) => Value::Bool(!e),
        None => vm.not_implemented(),
    })
}

fn complex_unordered(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn complex_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__hash__")?;
    let (r, i) = this_complex(vm, this)?;
    let id = this.id() >> 4;
    let hr = crate::hash::hash_f64(r, id);
    let hi = crate::hash::hash_f64(i, id);
    let mut h = hr.wrapping_add(1000003i64.wrapping_mul(hi));
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn complex_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__neg__")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(new_complex(vm, -r, -i))
}

fn complex_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__pos__")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(new_complex(vm, r, i))
}

fn complex_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "complex.__bool__")?;
    let (r, i) = this_complex(vm, this)?;
    Ok(Value::Bool(r != 0.0 || i != 0.0))
}

/// `pow(z, w, mod)`: only two arguments for complex.
fn complex_pow_m(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let [a, b, m] = args.range::<3>(vm, "__pow__", 2, true)?;
    let (Some(a), Some(b)) = (a, b) else {
        return Ok(vm.not_implemented());
    };
    let (a, b) = if reflected { (b, a) } else { (a, b) };
    if m.is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    Ok(complex_binop(vm, B::Power, a, b)?.unwrap_or_else(|| vm.not_implemented()))
}

fn complex_pow_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    complex_pow_m(vm, args, false)
}

fn complex_rpow_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    complex_pow_m(vm, args, true)
}

macro_rules! complex_ops {
    ($($name:ident $rname:ident $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let [a, b] = args.exact_method(vm, "__op__")?;
                Ok(complex_binop(vm, $op, a, b)?.unwrap_or_else(|| vm.not_implemented()))
            }
            fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let [a, b] = args.exact_method(vm, "__rop__")?;
                Ok(complex_binop(vm, $op, b, a)?.unwrap_or_else(|| vm.not_implemented()))
            }
        )*
    };
}

complex_ops! {
    complex_add complex_radd B::Add;
    complex_sub complex_rsub B::Subtract;
    complex_mul complex_rmul B::Multiply;
    complex_div complex_rdiv B::TrueDivide;
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    vm.add_static(&t, "__new__", complex_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", complex_repr_m),
            ("__format__", complex_format),
            ("__abs__", complex_abs),
            ("__eq__", complex_eq),
            ("__ne__", complex_ne),
            ("__lt__", complex_unordered),
            ("__le__", complex_unordered),
            ("__gt__", complex_unordered),
            ("__ge__", complex_unordered),
            ("__hash__", complex_hash),
            ("__neg__", complex_neg),
            ("__pos__", complex_pos),
            ("__bool__", complex_bool),
            ("__complex__", complex_complex),
            ("__getnewargs__", complex_getnewargs),
            ("conjugate", complex_conjugate),
            ("__add__", complex_add),
            ("__radd__", complex_radd),
            ("__sub__", complex_sub),
            ("__rsub__", complex_rsub),
            ("__mul__", complex_mul),
            ("__rmul__", complex_rmul),
            ("__truediv__", complex_div),
            ("__rtruediv__", complex_rdiv),
            ("__pow__", complex_pow_fn),
            ("__rpow__", complex_rpow_fn),
        ],
    );
    vm.add_getset(&t, "real", complex_real, None);
    vm.add_getset(&t, "imag", complex_imag, None);
}
