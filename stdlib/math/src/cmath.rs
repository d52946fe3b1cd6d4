//! `cmath`: CPython 3.11's complex math functions with its branch cuts,
//! its algorithms for finite arguments (rescaling near overflow and
//! underflow) and its results for infinities and NaNs, which come from
//! 7x7 tables indexed by the kind of each part (the tables hold the values
//! CPython returns). Errors: ValueError "math domain error", OverflowError
//! "math range error".

use crate::math::{arg_f64, isclose, ISCLOSE_PARAMS};
use rpy_vm::{as_complex, c_abs, c_quot, new_complex, CErr};
use rpy_vm::{FromPython, ModuleDef, OptArg, Real};
use rpy_vm::{PyErr, PyRef, PyResult, Value, Vm};
use std::f64::consts::{FRAC_PI_2 as P12, FRAC_PI_4 as P14, LN_10, LN_2, PI as P};

type C = (f64, f64);
/// A result and the errno CPython's function leaves.
type R = (C, Option<CErr>);

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const P34: f64 = 0.75 * P;
/// Entries never read (both parts finite, or handled before the table).
const U: C = (N, N);

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn large_double_sqrt() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// The kind of a part: the table index.
fn kind(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

fn special(z: C, table: &[[C; 7]; 7]) -> Option<C> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    Some(table[kind(z.0)][kind(z.1)])
}

/// asinh as the C library CPython calls computes it (glibc's fdlibm
/// formulas over the system `log`/`log1p`), for the same last bits.
fn asinh(x: f64) -> f64 {
    let hi = ((x.to_bits() >> 32) as u32) & 0x7fff_ffff;
    if hi >= 0x7ff0_0000 {
        return x + x;
    }
    if hi < 0x3e30_0000 {
        return x;
    }
    let ax = x.abs();
    let w = if hi > 0x41b0_0000 {
        ax.ln() + LN_2
    } else if hi > 0x4000_0000 {
        (2.0 * ax + 1.0 / ((ax * ax + 1.0).sqrt() + ax)).ln()
    } else {
        let t = ax * ax;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

// Rows: real part -inf, <0, -0, +0, >0, +inf, nan; columns: the same for
// the imaginary part.
const ACOS: [[C; 7]; 7] = [
    [
        (P34, INF),
        (P, INF),
        (P, INF),
        (P, -INF),
        (P, -INF),
        (P34, -INF),
        (N, INF),
    ],
    [(P12, INF), U, U, U, U, (P12, -INF), (N, N)],
    [(P12, INF), U, U, U, U, (P12, -INF), (P12, N)],
    [(P12, INF), U, U, U, U, (P12, -INF), (P12, N)],
    [(P12, INF), U, U, U, U, (P12, -INF), (N, N)],
    [
        (P14, INF),
        (0.0, INF),
        (0.0, INF),
        (0.0, -INF),
        (0.0, -INF),
        (P14, -INF),
        (N, INF),
    ],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];
const ACOSH: [[C; 7]; 7] = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P14),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
const ASINH: [[C; 7]; 7] = [
    [
        (-INF, -P14),
        (-INF, -0.0),
        (-INF, -0.0),
        (-INF, 0.0),
        (-INF, 0.0),
        (-INF, P14),
        (-INF, N),
    ],
    [(-INF, -P12), U, U, U, U, (-INF, P12), (N, N)],
    [(-INF, -P12), U, U, U, U, (-INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P14),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P14),
        (INF, N),
    ],
    [
        (INF, N),
        (N, N),
        (N, -0.0),
        (N, 0.0),
        (N, N),
        (INF, N),
        (N, N),
    ],
];
const ATANH: [[C; 7]; 7] = [
    [
        (-0.0, -P12),
        (-0.0, -P12),
        (-0.0, -P12),
        (-0.0, P12),
        (-0.0, P12),
        (-0.0, P12),
        (-0.0, N),
    ],
    [(-0.0, -P12), U, U, U, U, (-0.0, P12), (N, N)],
    [(-0.0, -P12), U, U, U, U, (-0.0, P12), (-0.0, N)],
    [(0.0, -P12), U, U, U, U, (0.0, P12), (0.0, N)],
    [(0.0, -P12), U, U, U, U, (0.0, P12), (N, N)],
    [
        (0.0, -P12),
        (0.0, -P12),
        (0.0, -P12),
        (0.0, P12),
        (0.0, P12),
        (0.0, P12),
        (0.0, N),
    ],
    [
        (0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P12),
        (N, N),
    ],
];
const COSH: [[C; 7]; 7] = [
    [(INF, N), U, (INF, 0.0), (INF, -0.0), U, (INF, N), (INF, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, 0.0), U, U, U, U, (N, 0.0), (N, 0.0)],
    [(N, 0.0), U, U, U, U, (N, 0.0), (N, 0.0)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.0), (INF, 0.0), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const EXP: [[C; 7]; 7] = [
    [
        (0.0, 0.0),
        U,
        (0.0, -0.0),
        (0.0, 0.0),
        U,
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.0), (INF, 0.0), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
/// log's special values are acosh's (acosh z = log(z + sqrt(z*z - 1))
/// behaves as log at the infinities and NaNs).
const LOG: [[C; 7]; 7] = ACOSH;
const SINH: [[C; 7]; 7] = [
    [
        (INF, N),
        U,
        (-INF, -0.0),
        (-INF, 0.0),
        U,
        (INF, N),
        (INF, N),
    ],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(0.0, N), U, U, U, U, (0.0, N), (0.0, N)],
    [(0.0, N), U, U, U, U, (0.0, N), (0.0, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.0), (INF, 0.0), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const SQRT: [[C; 7]; 7] = [
    [
        (INF, -INF),
        (0.0, -INF),
        (0.0, -INF),
        (0.0, INF),
        (0.0, INF),
        (INF, INF),
        (N, INF),
    ],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [
        (INF, -INF),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, INF),
        (INF, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
];
const TANH: [[C; 7]; 7] = [
    [
        (-1.0, 0.0),
        U,
        (-1.0, -0.0),
        (-1.0, 0.0),
        U,
        (-1.0, 0.0),
        (-1.0, 0.0),
    ],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [
        (1.0, 0.0),
        U,
        (1.0, -0.0),
        (1.0, 0.0),
        U,
        (1.0, 0.0),
        (1.0, 0.0),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const RECT: [[C; 7]; 7] = [
    [
        (INF, N),
        U,
        (-INF, 0.0),
        (-INF, -0.0),
        U,
        (INF, N),
        (INF, N),
    ],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(0.0, 0.0), U, U, U, U, (0.0, 0.0), (0.0, 0.0)],
    [(0.0, 0.0), U, U, U, U, (0.0, 0.0), (0.0, 0.0)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.0), (INF, 0.0), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

fn ok(z: C) -> R {
    (z, None)
}

fn c_sqrt(z: C) -> R {
    if let Some(r) = special(z, &SQRT) {
        return ok(r);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ok((0.0, z.1));
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot of subnormals would lose precision: rescale.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        ok((s, d.copysign(z.1)))
    } else {
        ok((d, s.copysign(z.1)))
    }
}

fn c_acos(z: C) -> R {
    if let Some(r) = special(z, &ACOS) {
        return ok(r);
    }
    if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let re = z.1.abs().atan2(z.0);
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let im = if z.0 < 0.0 {
            -l.copysign(z.1)
        } else {
            l.copysign(-z.1)
        };
        return ok((re, im));
    }
    let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
    let s2 = c_sqrt((1.0 + z.0, z.1)).0;
    ok((2.0 * s1.0.atan2(s2.0), asinh(s2.0 * s1.1 - s2.1 * s1.0)))
}

fn c_acosh(z: C) -> R {
    if let Some(r) = special(z, &ACOSH) {
        return ok(r);
    }
    if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let re = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        return ok((re, z.1.atan2(z.0)));
    }
    let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
    let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
    ok((asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0)))
}

fn c_asinh(z: C) -> R {
    if let Some(r) = special(z, &ASINH) {
        return ok(r);
    }
    if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        return ok((re, z.1.atan2(z.0.abs())));
    }
    let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
    let s2 = c_sqrt((1.0 - z.1, z.0)).0;
    ok((
        asinh(s1.0 * s2.1 - s2.0 * s1.1),
        z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

fn c_atanh(z: C) -> R {
    if let Some(r) = special(z, &ATANH) {
        return ok(r);
    }
    if z.0 < 0.0 {
        // atanh(z) = -atanh(-z)
        let (r, e) = c_atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > large_double_sqrt() || ay > large_double_sqrt() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ok((z.0 / 4.0 / h / h, -(P / 2.0).copysign(-z.1)));
    }
    if z.0 == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return ((INF, z.1), Some(CErr::Domain));
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return ok((re, (2f64.atan2(-ay) / 2.0).copysign(z.1)));
    }
    let re = (4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ok((re, im))
}

/// The (±inf + finite nonzero y) case of exp, cosh and sinh: infinities
/// or zeros signed like cos(y) and sin(y).
fn signed_by_angle(y: f64, mag: f64, neg_re: bool, neg_im: bool) -> C {
    let re = mag.copysign(y.cos());
    let im = mag.copysign(y.sin());
    (if neg_re { -re } else { re }, if neg_im { -im } else { im })
}

fn range_check(r: C) -> R {
    if r.0.is_infinite() || r.1.is_infinite() {
        (r, Some(CErr::Range))
    } else {
        ok(r)
    }
}

fn c_exp(z: C) -> R {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                signed_by_angle(z.1, INF, false, false)
            } else {
                signed_by_angle(z.1, 0.0, false, false)
            }
        } else {
            EXP[kind(z.0)][kind(z.1)]
        };
        let dom = z.1.is_infinite() && (z.0.is_finite() || (z.0.is_infinite() && z.0 > 0.0));
        return (r, dom.then_some(CErr::Domain));
    }
    let r = if z.0 > log_large_double() {
        let l = (z.0 - 1.0).exp();
        (
            l * z.1.cos() * std::f64::consts::E,
            l * z.1.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    range_check(r)
}

fn c_cosh(z: C) -> R {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            signed_by_angle(z.1, INF, false, z.0 < 0.0)
        } else {
            COSH[kind(z.0)][kind(z.1)]
        };
        let dom = z.1.is_infinite() && !z.0.is_nan();
        return (r, dom.then_some(CErr::Domain));
    }
    let r = if z.0.abs() > log_large_double() {
        let xm1 = z.0 - 1f64.copysign(z.0);
        (
            z.1.cos() * xm1.cosh() * std::f64::consts::E,
            z.1.sin() * xm1.sinh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    range_check(r)
}

fn c_sinh(z: C) -> R {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            signed_by_angle(z.1, INF, z.0 < 0.0, false)
        } else {
            SINH[kind(z.0)][kind(z.1)]
        };
        let dom = z.1.is_infinite() && !z.0.is_nan();
        return (r, dom.then_some(CErr::Domain));
    }
    let r = if z.0.abs() > log_large_double() {
        let xm1 = z.0 - 1f64.copysign(z.0);
        (
            z.1.cos() * xm1.sinh() * std::f64::consts::E,
            z.1.sin() * xm1.cosh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    range_check(r)
}

fn c_tanh(z: C) -> R {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            TANH[kind(z.0)][kind(z.1)]
        };
        let dom = z.1.is_infinite() && z.0.is_finite();
        return (r, dom.then_some(CErr::Domain));
    }
    if z.0.abs() > log_large_double() {
        let im = 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp();
        return ok((1f64.copysign(z.0), im));
    }
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn c_log(z: C) -> R {
    if let Some(r) = special(z, &LOG) {
        return ok(r);
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return ((-INF, z.1.atan2(z.0)), Some(CErr::Domain));
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ok((re, z.1.atan2(z.0)))
}

/// `i*f(-i*z)`-style wrappers: asin, atan, sin and tan from asinh, atanh,
/// sinh and tanh.
fn rotated(f: fn(C) -> R, z: C) -> R {
    let (s, e) = f((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_asin(z: C) -> R {
    rotated(c_asinh, z)
}
fn c_atan(z: C) -> R {
    rotated(c_atanh, z)
}
fn c_sin(z: C) -> R {
    rotated(c_sinh, z)
}
fn c_tan(z: C) -> R {
    rotated(c_tanh, z)
}
fn c_cos(z: C) -> R {
    c_cosh((-z.1, z.0))
}
fn c_log10(z: C) -> R {
    let (r, e) = c_log(z);
    ((r.0 / LN_10, r.1 / LN_10), e)
}

/// atan2 with C99's results for infinities and zeros (`c_atan2`).
fn phase_of(z: C) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return N;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            return if z.0.is_sign_positive() {
                (0.25 * P).copysign(z.1)
            } else {
                (0.75 * P).copysign(z.1)
            };
        }
        return (0.5 * P).copysign(z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if z.0.is_sign_positive() {
            0f64.copysign(z.1)
        } else {
            P.copysign(z.1)
        };
    }
    z.1.atan2(z.0)
}

fn math_error(vm: &mut Vm, e: CErr) -> PyErr {
    match e {
        CErr::Domain => vm.value_error("math domain error"),
        CErr::Range => vm.overflow_error("math range error"),
    }
}

/// An argument as `PyComplex_AsCComplex` takes it: complex, `__complex__`,
/// or a real number (its "must be real number" stays bare, as CPython's).
struct Complex(C);

impl FromPython for Complex {
    const NAMES_ARGUMENT: bool = false;
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        arg_complex(vm, v).map(Complex)
    }
}

fn arg_complex(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = as_complex(v) {
        return Ok(c);
    }
    if !matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
    ) {
        let k = vm.intern("__complex__");
        let cls = vm.class_of(v);
        if let Some(m) = vm.lookup_special(v, &k) {
            let f = vm.descr_get(&m, v, &cls)?;
            let r = vm.call(&f, &[])?;
            return as_complex(&r).ok_or_else(|| {
                vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))
            });
        }
    }
    Ok((arg_f64(vm, v)?, 0.0))
}

fn finish(vm: &mut Vm, r: R) -> PyResult<Value> {
    match r {
        (_, Some(e)) => Err(math_error(vm, e)),
        ((a, b), None) => Ok(new_complex(vm, a, b)),
    }
}

/// A function of one complex number (its result and errno).
type ComplexFn = fn(C) -> R;

/// The functions of one complex number.
const UNARY: &[(&str, ComplexFn)] = &[
    ("acos", c_acos),
    ("acosh", c_acosh),
    ("asin", c_asin),
    ("asinh", c_asinh),
    ("atan", c_atan),
    ("atanh", c_atanh),
    ("cos", c_cos),
    ("cosh", c_cosh),
    ("exp", c_exp),
    ("log10", c_log10),
    ("sin", c_sin),
    ("sinh", c_sinh),
    ("sqrt", c_sqrt),
    ("tan", c_tan),
    ("tanh", c_tanh),
];

fn m_log(vm: &mut Vm, Complex(x): Complex, base: OptArg<Complex>) -> PyResult<Value> {
    let (mut r, mut err) = c_log(x);
    if let OptArg(Some(Complex(b))) = base {
        let (lb, e2) = c_log(b);
        err = e2;
        match c_quot(r, lb) {
            Ok(q) => r = q,
            Err(_) => {
                r = (0.0, 0.0);
                err = Some(CErr::Domain);
            }
        }
    }
    finish(vm, (r, err))
}

fn m_phase(vm: &mut Vm, Complex(z): Complex) -> PyResult<f64> {
    let phi = phase_of(z);
    // The C library's atan2 reports an underflow to zero as ERANGE.
    if phi == 0.0 && z.1 != 0.0 && z.0.is_finite() && z.1.is_finite() {
        return Err(math_error(vm, CErr::Range));
    }
    Ok(phi)
}

fn m_polar(vm: &mut Vm, Complex(z): Complex) -> PyResult<(f64, f64)> {
    let phi = phase_of(z);
    match c_abs(z) {
        Ok(r) => Ok((r, phi)),
        Err(e) => Err(math_error(vm, e)),
    }
}

fn m_rect(vm: &mut Vm, Real(r): Real, Real(phi): Real) -> PyResult<Value> {
    let z = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            signed_by_angle(phi, INF, r < 0.0, r < 0.0)
        } else {
            RECT[kind(r)][kind(phi)]
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return Err(math_error(vm, CErr::Domain));
        }
        z
    } else if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * phi.cos(), r * phi.sin())
    };
    Ok(new_complex(vm, z.0, z.1))
}

pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("cmath");
    for &(name, f) in UNARY {
        m.function(name, move |vm: &mut Vm, Complex(z): Complex| {
            finish(vm, f(z))
        });
    }
    m.function("log", m_log);
    m.function("phase", m_phase);
    m.function("polar", m_polar);
    m.function("rect", m_rect);
    m.function("isfinite", |Complex(z): Complex| {
        z.0.is_finite() && z.1.is_finite()
    });
    m.function("isnan", |Complex(z): Complex| z.0.is_nan() || z.1.is_nan());
    m.function("isinf", |Complex(z): Complex| {
        z.0.is_infinite() || z.1.is_infinite()
    });
    m.function(
        "isclose",
        |vm: &mut Vm, a: Complex, b: Complex, rel: OptArg<Real>, abs: OptArg<Real>| {
            let inf = |z: &C| z.0.is_infinite() || z.1.is_infinite();
            let mag = |z: &C| c_abs(*z).unwrap_or(INF);
            let dist = |a: &C, b: &C| c_abs((a.0 - b.0, a.1 - b.1)).unwrap_or(INF);
            isclose(vm, (a.0, b.0), (rel, abs), inf, mag, dist)
        },
    )
    .params(ISCLOSE_PARAMS);
    m.value("pi", P);
    m.value("e", std::f64::consts::E);
    m.value("tau", std::f64::consts::TAU);
    m.value("inf", INF);
    m.value("nan", N);
    m.value("infj", ComplexValue(0.0, INF));
    m.value("nanj", ComplexValue(0.0, N));
    m.build(vm)
}

/// A complex module constant (made when the module is built).
struct ComplexValue(f64, f64);

impl rpy_vm::ToPython for ComplexValue {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(new_complex(vm, self.0, self.1))
    }
}
