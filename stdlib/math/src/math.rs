//! The `math` module: CPython 3.11's functions and constants, with its
//! error rules ("math domain error" when a finite argument gives NaN,
//! "math range error" on overflow), exact integer functions on big ints
//! (factorial, gcd, lcm, comb, perm, isqrt), exact `fsum`, and logarithms
//! of ints too large for a float.

use malachite::num::arithmetic::traits::{
    BinomialCoefficient, Factorial, FloorSqrt, Gcd, Lcm, UnsignedAbs,
};
use malachite::num::logic::traits::SignificantBits;
use malachite::{Integer, Natural};
use rpy_vm::BinaryOperator as B;

use rpy_vm::{as_int, float_to_int, integer_to_f64, IntVal};
use rpy_vm::{FromPython, Index, ModuleDef, OptArg, Real, VarArgs};
use rpy_vm::{PyErr, PyRef, PyResult, Value, Vm};

fn domain(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_err(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// A float argument as CPython's `PyFloat_AsDouble` takes it (see
/// [`Real`]), for values read out of sequences.
pub fn arg_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    Real::from_python(vm, v).map(|r| r.0)
}

/// Applies `f` with CPython's `math_1` error rules: NaN from a non-NaN
/// argument is a domain error; infinity from a finite one is a range
/// error when the function can overflow, else a domain error.
fn math_1(vm: &mut Vm, x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_err(vm)
        } else {
            domain(vm)
        });
    }
    Ok(r)
}

/// A function of one float.
type RealFn = fn(f64) -> f64;

/// The functions of one float with `math_1`'s error rules: name, the
/// function, whether it can overflow (a range error, not a domain error).
const UNARY: &[(&str, RealFn, bool)] = &[
    ("acos", f64::acos, false),
    ("acosh", libm::acosh, false),
    ("asin", f64::asin, false),
    ("asinh", libm::asinh, false),
    ("atan", f64::atan, false),
    ("atanh", libm::atanh, false),
    ("cbrt", f64::cbrt, false),
    ("cos", f64::cos, false),
    ("cosh", f64::cosh, true),
    ("erf", libm::erf, false),
    ("erfc", libm::erfc, false),
    ("exp", f64::exp, true),
    ("exp2", f64::exp2, true),
    ("expm1", f64::exp_m1, true),
    ("fabs", f64::abs, false),
    ("log1p", f64::ln_1p, false),
    ("sin", f64::sin, false),
    ("sinh", f64::sinh, true),
    ("sqrt", f64::sqrt, false),
    ("tan", f64::tan, false),
    ("tanh", f64::tanh, false),
];

fn m_fmod(vm: &mut Vm, Real(x): Real, Real(y): Real) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(r)
}

fn m_remainder(vm: &mut Vm, Real(x): Real, Real(y): Real) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = libm::remainder(x, y);
    if r.is_nan() {
        return Err(domain(vm));
    }
    Ok(r)
}

fn m_pow(vm: &mut Vm, Real(x): Real, Real(y): Real) -> PyResult<f64> {
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range_err(vm) });
        }
    }
    Ok(r)
}

fn m_ulp(Real(x): Real) -> f64 {
    let x = x.abs();
    if !x.is_finite() {
        return x;
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        // x is the largest float: use the gap below it.
        return x - libm::nextafter(x, 0.0);
    }
    up - x
}

/// `isclose` of math (floats) and cmath (complex numbers), as CPython
/// decides it: equal values are close; an infinite one is close to
/// nothing else; otherwise the distance must be within `rel_tol` times
/// either magnitude or within `abs_tol` (defaults 1e-9 and 0.0).
pub(crate) fn isclose<T: PartialEq>(
    vm: &mut Vm,
    (a, b): (T, T),
    (rel, abs): (OptArg<Real>, OptArg<Real>),
    infinite: fn(&T) -> bool,
    magnitude: fn(&T) -> f64,
    distance: fn(&T, &T) -> f64,
) -> PyResult<bool> {
    let rel = rel.0.map_or(1e-9, |r| r.0);
    let abs = abs.0.map_or(0.0, |r| r.0);
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if infinite(&a) || infinite(&b) {
        return Ok(false);
    }
    let diff = distance(&a, &b);
    Ok(diff <= rel * magnitude(&b) || diff <= rel * magnitude(&a) || diff <= abs)
}

/// `isclose`'s signature: two positional-or-keyword values, then the
/// keyword-only tolerances.
pub(crate) const ISCLOSE_PARAMS: &[&str] = &["a", "b", "*", "rel_tol", "abs_tol"];

fn m_modf(Real(x): Real) -> (f64, f64) {
    if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    }
}

fn m_frexp(Real(x): Real) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    }
}

fn m_ldexp(vm: &mut Vm, Real(x): Real, i: Value) -> PyResult<f64> {
    let Some(i) = as_int(&i) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    // Exponents beyond the float range saturate: the result is 0 or
    // infinite (an overflow) either way.
    let e: i32 = match i {
        IntVal::Small(n) => n.clamp(-100_000, 100_000) as i32,
        IntVal::Big(b) => {
            if *b < 0 {
                -100_000
            } else {
                100_000
            }
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let r = libm::scalbn(x, e);
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(r)
}

/// A big int as `m * 2**e` with `m` in [0.5, 1), correctly rounded.
fn integer_frexp(n: &Natural) -> (f64, u64) {
    let bits = n.significant_bits();
    if bits <= 55 {
        let v = u64::try_from(n).unwrap_or(0) as f64;
        let (m, e) = libm::frexp(v);
        return (m, e.max(0) as u64);
    }
    let shift = bits - 55;
    let top: Natural = n >> shift;
    let sticky = (&top << shift) != *n;
    let t = u64::try_from(&top).unwrap_or(0) | u64::from(sticky);
    // t has 55 bits; the low bit is sticky, so one rounding is exact.
    ((t as f64) * 2f64.powi(-55), bits)
}

/// The logarithm helper of `log`, `log2`, `log10`: ints too large for a
/// float go through `frexp` so `log(10**400)` works.
fn loghelper(vm: &mut Vm, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(x) {
        let n = i.to_integer();
        if n <= 0 {
            return Err(domain(vm));
        }
        if let Some(v) = integer_to_f64(&n) {
            return Ok(f(v));
        }
        let (m, e) = integer_frexp(&n.unsigned_abs());
        return Ok(f(m) + (e as f64) * f(2.0));
    }
    let v = arg_f64(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v.is_infinite() {
        if v > 0.0 {
            return Ok(v);
        }
        return Err(domain(vm));
    }
    if v <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(v))
}

/// `log(x[, base])`: CPython parses it by hand, with its own count
/// message.
fn m_log(vm: &mut Vm, VarArgs(pos): VarArgs) -> PyResult<f64> {
    let (x, base) = match pos.as_slice() {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = loghelper(vm, x, f64::ln)?;
    match base {
        None => Ok(num),
        Some(b) => {
            let den = loghelper(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            Ok(num / den)
        }
    }
}

/// The Lanczos approximation behind `gamma` and `lgamma` (g = 6.0246...,
/// 13 terms: Boost's "lanczos13m53" set, the one CPython uses, so results
/// agree with it to the bit). `lanczos_sum(x)` is a rational function of
/// x; its coefficients are in ascending powers, written with their
/// published digits (the compiler rounds each to the nearest f64).
#[allow(clippy::excessive_precision)]
mod lanczos {
    pub const G: f64 = 6.024_680_040_776_729_583_740_234_375;
    pub const G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
    const NUM: [f64; 13] = [
        23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
        42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
        35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
        17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
        6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
        1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
        248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
        31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
        2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
        186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
        8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
        210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
        2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
    ];
    /// x (x+1) ... (x+11), expanded.
    const DEN: [f64; 13] = [
        0.0,
        39_916_800.0,
        120_543_840.0,
        150_917_976.0,
        105_258_076.0,
        45_995_730.0,
        13_339_535.0,
        2_637_558.0,
        357_423.0,
        32_670.0,
        1_925.0,
        66.0,
        1.0,
    ];

    pub fn sum(x: f64) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        if x < 5.0 {
            for i in (0..13).rev() {
                num = num * x + NUM[i];
                den = den * x + DEN[i];
            }
        } else {
            // In powers of 1/x, so large x cannot overflow.
            for i in 0..13 {
                num = num / x + NUM[i];
                den = den / x + DEN[i];
            }
        }
        num / den
    }

    /// sin(pi * x), exact at integers and half-integers.
    pub fn sinpi(x: f64) -> f64 {
        let y = x.abs() % 2.0;
        let pi = std::f64::consts::PI;
        let r = match (2.0 * y).round() as i32 {
            0 => (pi * y).sin(),
            1 => (pi * (y - 0.5)).cos(),
            2 => (pi * (1.0 - y)).sin(),
            3 => -(pi * (y - 1.5)).cos(),
            _ => (pi * (y - 2.0)).sin(),
        };
        1f64.copysign(x) * r
    }
}

/// Γ(x): `Err(true)` for a domain error, `Err(false)` for overflow.
pub fn gamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(true)
        };
    }
    if x == 0.0 {
        return Err(true);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(true);
        }
        if x <= 23.0 {
            // Exact: (x-1)! is representable up to 22!.
            let mut f = 1.0f64;
            for k in 2..(x as u32) {
                f *= f64::from(k);
            }
            return Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(false) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / lanczos::sinpi(x))
        } else {
            Err(false)
        };
    }
    let y = absx + lanczos::G_MINUS_HALF;
    // z: the rounding error of y, for a first-order correction.
    let z = if absx > lanczos::G_MINUS_HALF {
        let q = y - absx;
        q - lanczos::G_MINUS_HALF
    } else {
        let q = y - lanczos::G_MINUS_HALF;
        q - absx
    };
    let z = z * lanczos::G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / lanczos::sinpi(absx) / absx * y.exp() / lanczos::sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos::sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

/// log|Γ(x)|, errors as [`gamma`].
pub fn lgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(true) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos::sum(absx).ln() - lanczos::G;
    r += (absx - 0.5) * ((absx + lanczos::G - 0.5).ln() - 1.0);
    if x < 0.0 {
        const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
        r = LOG_PI - lanczos::sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn gamma_result(vm: &mut Vm, r: Result<f64, bool>) -> PyResult<f64> {
    match r {
        Ok(v) => Ok(v),
        Err(true) => Err(domain(vm)),
        Err(false) => Err(range_err(vm)),
    }
}

/// floor/ceil: ints as they are, floats directly, else the type's
/// `__floor__`/`__ceil__`, else through float.
fn round_to_int(vm: &mut Vm, x: &Value, special: PyRef, f: fn(f64) -> f64) -> PyResult<Value> {
    match x {
        Value::Float(v) => return float_to_int(vm, f(*v)),
        Value::Int(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ => {}
    }
    if let Some(r) = vm.call_special(x, &special, &[])? {
        return Ok(r);
    }
    let v = arg_f64(vm, x)?;
    float_to_int(vm, f(v))
}

fn m_floor(vm: &mut Vm, x: Value) -> PyResult<Value> {
    let k = vm.names.__floor__.clone();
    round_to_int(vm, &x, k, f64::floor)
}

fn m_ceil(vm: &mut Vm, x: Value) -> PyResult<Value> {
    let k = vm.names.__ceil__.clone();
    round_to_int(vm, &x, k, f64::ceil)
}

fn m_trunc(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if let Value::Float(v) = x {
        return float_to_int(vm, v);
    }
    let k = vm.names.__trunc__.clone();
    match vm.call_special(&x, &k, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(&x)
        ))),
    }
}

/// Sums floats exactly (Shewchuk's partials) and rounds the sum once,
/// as CPython's `fsum`. Errors: `Err(true)` for an intermediate overflow,
/// `Err(false)` for `inf + -inf`.
pub fn exact_sum(items: impl IntoIterator<Item = f64>) -> Result<f64, bool> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in items {
        let mut x = item;
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an inf/nan summand or an overflow of finite ones.
                if item.is_finite() {
                    return Err(true);
                }
                if item.is_infinite() {
                    inf_sum += item;
                }
                special += item;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(false);
        }
        return Ok(special);
    }
    // Add the partials from the largest down until the sum is inexact,
    // then fix a half-way case so the result rounds half to even on the
    // exact sum, not on the truncated one.
    let Some(&last) = partials.last() else {
        return Ok(0.0);
    };
    let mut hi = last;
    let mut lo = 0.0;
    let mut n = partials.len() - 1;
    while n > 0 {
        n -= 1;
        let x = hi;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    Ok(hi)
}

fn m_fsum(vm: &mut Vm, seq: Value) -> PyResult<f64> {
    let it = vm.get_iter(&seq)?;
    let mut xs = Vec::new();
    while let Some(v) = vm.next(&it)? {
        xs.push(arg_f64(vm, &v)?);
    }
    match exact_sum(xs) {
        Ok(s) => Ok(s),
        Err(true) => Err(vm.overflow_error("intermediate overflow in fsum")),
        Err(false) => Err(vm.value_error("-inf + inf in fsum")),
    }
}

/// The Euclidean norm of non-negative values whose largest is `max`,
/// accurate to about half an ulp: values are scaled by a power of two,
/// their squares summed in double-double, and the square root corrected
/// once with Newton's step.
pub fn vector_norm(xs: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let (_, e) = libm::frexp(max);
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in xs {
        let x = libm::scalbn(x, -e);
        let p = x * x;
        let perr = x.mul_add(x, -p);
        // two-sum of (hi, lo) + (p, perr)
        let s = hi + p;
        let bp = s - hi;
        let err = (hi - (s - bp)) + (p - bp);
        hi = s;
        lo += err + perr;
    }
    let s = hi + lo;
    let slo = lo - (s - hi);
    let h = s.sqrt();
    // residual s - h*h, computed exactly enough with a fused multiply-add
    let hh = h * h;
    let hl = h.mul_add(h, -hh);
    let r = ((s - hh) - hl) + slo;
    let h = h + r / (2.0 * h);
    libm::scalbn(h, e)
}

fn norm_of(vm: &mut Vm, vals: &[Value]) -> PyResult<f64> {
    let mut xs = Vec::with_capacity(vals.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for v in vals {
        let x = arg_f64(vm, v)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        xs.push(x);
    }
    Ok(vector_norm(&xs, max, nan))
}

fn m_hypot(vm: &mut Vm, VarArgs(coords): VarArgs) -> PyResult<f64> {
    norm_of(vm, &coords)
}

fn as_point(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_tuple() {
        Some(t) => Ok(t.to_vec()),
        None => vm.iterate(v),
    }
}

fn m_dist(vm: &mut Vm, p: Value, q: Value) -> PyResult<f64> {
    let p = as_point(vm, &p)?;
    let q = as_point(vm, &q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut xs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for (a, b) in p.iter().zip(q.iter()) {
        let a = arg_f64(vm, a)?;
        let b = arg_f64(vm, b)?;
        let x = (a - b).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        xs.push(x);
    }
    Ok(vector_norm(&xs, max, nan))
}

fn factorial_of(vm: &mut Vm, n: &Integer) -> PyResult<Value> {
    if *n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Ok(n) = i64::try_from(n) else {
        return Err(vm.overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    // log2(n!) is about n (log2 n - log2 e).
    let x = n as f64;
    vm.check_int_alloc((x * (x.max(2.0).log2() - std::f64::consts::LOG2_E)).max(64.0) as u128)?;
    Ok(vm.new_int(Integer::from(Natural::factorial(n as u64))))
}

/// At most `k` factors of `n` bits each: the size of a falling product
/// or binomial coefficient, for the allocation gate.
fn product_bits(n: &Natural, k: u64) -> u128 {
    u128::from(n.significant_bits()).saturating_mul(u128::from(k))
}

/// Folds the ints of `gcd`/`lcm` from `start`.
fn fold_ints(
    vm: &mut Vm,
    ints: &[Value],
    start: u32,
    f: fn(Natural, Natural) -> Natural,
) -> PyResult<Index> {
    let mut acc = Natural::from(start);
    for v in ints {
        let Index(n) = Index::from_python(vm, v)?;
        acc = f(acc, n.unsigned_abs());
    }
    Ok(Index(Integer::from(acc)))
}

fn m_isqrt(vm: &mut Vm, Index(n): Index) -> PyResult<Index> {
    if n < 0 {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Index(Integer::from(n.unsigned_abs().floor_sqrt())))
}

/// n * (n-1) * ... * (n-k+1) by splitting the range in halves, so the
/// multiplications stay balanced.
fn falling_product(hi: &Natural, k: u64) -> Natural {
    if k == 0 {
        return Natural::from(1u32);
    }
    if k == 1 {
        return hi.clone();
    }
    let half = k / 2;
    let left = falling_product(hi, half);
    let right = falling_product(&(hi - Natural::from(half)), k - half);
    left * right
}

fn non_negative(vm: &mut Vm, Index(n): Index, what: &str) -> PyResult<Natural> {
    if n < 0 {
        return Err(vm.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(n.unsigned_abs())
}

fn m_comb(vm: &mut Vm, n: Index, k: Index) -> PyResult<Value> {
    let n = non_negative(vm, n, "n")?;
    let k = non_negative(vm, k, "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    if u64::try_from(&k).map_or(true, |k| k > i64::MAX as u64) {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    }
    vm.check_int_alloc(product_bits(&n, u64::try_from(&k).unwrap_or(u64::MAX)))?;
    Ok(vm.new_int(Integer::from(Natural::binomial_coefficient(n, k))))
}

fn m_perm(vm: &mut Vm, n: Index, k: OptArg<Option<Index>>) -> PyResult<Value> {
    let Some(k) = k.0.flatten() else {
        return factorial_of(vm, &n.0);
    };
    let n = non_negative(vm, n, "n")?;
    let k = non_negative(vm, k, "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = match u64::try_from(&k) {
        Ok(k) if k <= i64::MAX as u64 => k,
        _ => {
            return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
        }
    };
    vm.check_int_alloc(product_bits(&n, k))?;
    Ok(vm.new_int(Integer::from(falling_product(&n, k))))
}

fn m_prod(vm: &mut Vm, seq: Value, start: OptArg<Value>) -> PyResult<Value> {
    let mut acc = start.unwrap_or(Value::Int(1));
    let it = vm.get_iter(&seq)?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, B::Multiply)?;
    }
    Ok(acc)
}

/// Creates the `math` module.
pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("math");
    for &(name, f, can_overflow) in UNARY {
        m.function(name, move |vm: &mut Vm, Real(x): Real| {
            math_1(vm, x, f, can_overflow)
        });
    }
    m.function("atan2", |Real(y): Real, Real(x): Real| y.atan2(x));
    m.function("copysign", |Real(x): Real, Real(y): Real| x.copysign(y));
    m.function("fmod", m_fmod);
    m.function("remainder", m_remainder);
    m.function("pow", m_pow);
    m.function("nextafter", |Real(x): Real, Real(y): Real| {
        libm::nextafter(x, y)
    });
    m.function("ulp", m_ulp);
    m.function("degrees", |Real(x): Real| {
        x / (std::f64::consts::PI / 180.0)
    });
    m.function("radians", |Real(x): Real| {
        x * (std::f64::consts::PI / 180.0)
    });
    m.function("isfinite", |Real(x): Real| x.is_finite());
    m.function("isinf", |Real(x): Real| x.is_infinite());
    m.function("isnan", |Real(x): Real| x.is_nan());
    m.function(
        "isclose",
        |vm: &mut Vm, a: Real, b: Real, rel: OptArg<Real>, abs: OptArg<Real>| {
            let (inf, mag) = (|x: &f64| x.is_infinite(), |x: &f64| x.abs());
            isclose(vm, (a.0, b.0), (rel, abs), inf, mag, |a, b| (b - a).abs())
        },
    )
    .params(ISCLOSE_PARAMS);
    m.function("modf", m_modf);
    m.function("frexp", m_frexp);
    m.function("ldexp", m_ldexp);
    // CPython's `log` parses its arguments by hand: unqualified name.
    m.function("log", m_log).unqualified();
    m.function("log2", |vm: &mut Vm, x: Value| loghelper(vm, &x, f64::log2));
    m.function("log10", |vm: &mut Vm, x: Value| {
        loghelper(vm, &x, f64::log10)
    });
    m.function("gamma", |vm: &mut Vm, Real(x): Real| {
        gamma_result(vm, gamma(x))
    });
    m.function("lgamma", |vm: &mut Vm, Real(x): Real| {
        gamma_result(vm, lgamma(x))
    });
    m.function("floor", m_floor);
    m.function("ceil", m_ceil);
    m.function("trunc", m_trunc);
    m.function("fsum", m_fsum);
    m.function("hypot", m_hypot);
    m.function("dist", m_dist);
    m.function("factorial", |vm: &mut Vm, Index(n): Index| {
        factorial_of(vm, &n)
    });
    m.function("gcd", |vm: &mut Vm, VarArgs(ints): VarArgs| {
        fold_ints(vm, &ints, 0, |a, b| a.gcd(b))
    });
    m.function("lcm", |vm: &mut Vm, VarArgs(ints): VarArgs| {
        fold_ints(vm, &ints, 1, |a, b| a.lcm(b))
    });
    m.function("isqrt", m_isqrt);
    m.function("comb", m_comb);
    m.function("perm", m_perm);
    m.function("prod", m_prod)
        .params(&["iterable", "/", "*", "start"]);
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        m.value(name, v);
    }
    m.build(vm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        assert_eq!(exact_sum(vec![0.1; 10]), Ok(1.0));
        assert_eq!(exact_sum(vec![1e100, 1.0, -1e100, 1e-100]), Ok(1.0));
        assert_eq!(exact_sum(vec![1.0, 1e-16, 1e-16]), Ok(1.0000000000000002));
        // Half-way case resolved by the partials below the rounding point.
        assert_eq!(
            exact_sum(vec![1.0, 2f64.powi(-53), 2f64.powi(-80)]),
            Ok(1.0000000000000002)
        );
        assert_eq!(exact_sum(vec![]), Ok(0.0));
    }

    #[test]
    fn fsum_specials() {
        assert_eq!(exact_sum(vec![1e308, 1e308]), Err(true));
        assert_eq!(
            exact_sum(vec![f64::INFINITY, f64::NEG_INFINITY]),
            Err(false)
        );
        assert_eq!(exact_sum(vec![f64::INFINITY, 1.0]), Ok(f64::INFINITY));
        assert!(exact_sum(vec![f64::NAN, 1.0]).is_ok_and(f64::is_nan));
    }

    #[test]
    fn norm() {
        assert_eq!(vector_norm(&[3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&[1.0, 2.0, 2.0], 2.0, false), 3.0);
        assert_eq!(vector_norm(&[3e300, 4e300], 4e300, false), 5e300);
        assert_eq!(vector_norm(&[3e-310, 4e-310], 4e-310, false), 5e-310);
    }

    #[test]
    fn big_frexp() {
        let n = Natural::from(1u32) << 2000u64;
        assert_eq!(integer_frexp(&n), (0.5, 2001));
    }
}
