import math

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

# argument checking
attempt("sqrt()", lambda: math.sqrt())
attempt("sqrt(1, 2)", lambda: math.sqrt(1, 2))
attempt("sqrt('a')", lambda: math.sqrt("a"))
attempt("pow(1)", lambda: math.pow(1))
attempt("log()", lambda: math.log())
attempt("log(1, 2, 3)", lambda: math.log(1, 2, 3))
attempt("floor('a')", lambda: math.floor("a"))
attempt("trunc('a')", lambda: math.trunc("a"))
attempt("isclose(1)", lambda: math.isclose(1))
attempt("isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3))
attempt("isclose rel_tol<0", lambda: math.isclose(1, 2, rel_tol=-1))
attempt("isclose abs_tol", lambda: math.isclose(1, 1.5, abs_tol=0.5))
attempt("isclose kw", lambda: math.isclose(a=1, b=1))
attempt("isclose inf", lambda: (math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308)))
attempt("prod([1], 2)", lambda: math.prod([1], 2))
attempt("prod start", lambda: math.prod([2, 3], start=5))
attempt("prod floats", lambda: math.prod([0.5, 4, 3]))
attempt("ldexp float exp", lambda: math.ldexp(1.0, 2.0))

# domain and range errors
for name, args in [("sqrt", (-1,)), ("log", (0,)), ("log", (-1,)), ("log", (1, 1)),
                   ("log1p", (-1,)), ("acos", (2,)), ("asin", (-2,)), ("atanh", (1,)),
                   ("acosh", (0,)), ("exp", (1000,)), ("exp2", (1024,)), ("cosh", (1000,)),
                   ("sinh", (-1000,)), ("sin", (math.inf,)), ("cos", (-math.inf,)),
                   ("fmod", (1, 0)), ("fmod", (math.inf, 1)), ("remainder", (1, 0)),
                   ("pow", (0, -1)), ("pow", (10, 1000)), ("pow", (-1, 0.5)),
                   ("gamma", (0,)), ("gamma", (-2,)), ("gamma", (200,)), ("lgamma", (0,)),
                   ("lgamma", (-3,)), ("ldexp", (1.0, 5000)), ("ldexp", (1.0, 10 ** 100)),
                   ("log2", (0,)), ("log10", (-5,))]:
    attempt(name + repr(args), lambda: getattr(math, name)(*args))

# special values pass through
attempt("log(nan)", lambda: math.log(math.nan))
attempt("log(inf)", lambda: math.log(math.inf))
attempt("exp(-inf)", lambda: math.exp(-math.inf))
attempt("pow specials", lambda: (math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(math.inf, -1), math.pow(-math.inf, 3)))
attempt("fmod", lambda: (math.fmod(5, math.inf), math.fmod(-7.5, 2), math.fmod(7, -3)))
attempt("remainder", lambda: (math.remainder(5, 2), math.remainder(7, 2), math.remainder(-7, 3), math.remainder(5, math.inf)))
attempt("atan2", lambda: (math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.atan2(math.inf, math.inf)))
attempt("copysign", lambda: (math.copysign(3, -0.0), math.copysign(-3, math.inf), math.copysign(1, -math.nan)))

# big ints
attempt("log(10**400)", lambda: math.log(10 ** 400))
attempt("log2(2**2000)", lambda: math.log2(2 ** 2000))
attempt("log10(10**400)", lambda: math.log10(10 ** 400))
attempt("log(10**400, 10)", lambda: math.log(10 ** 400, 10))
attempt("log(-(10**400))", lambda: math.log(-(10 ** 400)))
attempt("sqrt(10**400)", lambda: math.sqrt(10 ** 400))
attempt("floor(10**30)", lambda: math.floor(10 ** 30))
attempt("ceil(True)", lambda: math.ceil(True))
attempt("isqrt(10**100)", lambda: math.isqrt(10 ** 100))
attempt("isqrt(-1)", lambda: math.isqrt(-1))
attempt("isqrt(1.0)", lambda: math.isqrt(1.0))
attempt("gcd big", lambda: math.gcd(2 ** 100, 2 ** 80 * 3, 2 ** 90))
attempt("gcd()", lambda: math.gcd())
attempt("gcd neg", lambda: math.gcd(-12, 18))
attempt("gcd float", lambda: math.gcd(1.5))
attempt("lcm big", lambda: math.lcm(2 ** 64, 3 ** 40, -10))
attempt("lcm()", lambda: math.lcm())
attempt("lcm zero", lambda: math.lcm(0, 5))
attempt("factorial(30)", lambda: math.factorial(30))
attempt("factorial(-1)", lambda: math.factorial(-1))
attempt("factorial(2.0)", lambda: math.factorial(2.0))
attempt("factorial(10**20)", lambda: math.factorial(10 ** 20))
attempt("len(str(factorial(1000)))", lambda: len(str(math.factorial(1000))))
attempt("comb", lambda: (math.comb(10, 0), math.comb(10, 10), math.comb(5, 6), math.comb(100, 50)))
attempt("comb(-1, 2)", lambda: math.comb(-1, 2))
attempt("comb(5, -1)", lambda: math.comb(5, -1))
attempt("comb(1)", lambda: math.comb(1))
attempt("comb huge", lambda: math.comb(10 ** 20, 10 ** 19))
attempt("perm", lambda: (math.perm(5), math.perm(5, 0), math.perm(5, 6), math.perm(20, 10)))
attempt("perm(-1)", lambda: math.perm(-1))
attempt("perm(5, -1)", lambda: math.perm(5, -1))
attempt("perm huge", lambda: math.perm(10 ** 20, 10 ** 19))

# floor/ceil/trunc protocols
class Num:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
    def __float__(self):
        return 2.5

class OnlyFloat:
    def __float__(self):
        return 7.25

class Idx:
    def __index__(self):
        return 3

attempt("Num", lambda: (math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.sqrt(Num())))
attempt("OnlyFloat", lambda: (math.floor(OnlyFloat()), math.ceil(OnlyFloat())))
attempt("trunc(OnlyFloat)", lambda: math.trunc(OnlyFloat()))
attempt("Idx", lambda: (math.sqrt(Idx()), math.factorial(Idx()), math.gcd(Idx(), 6)))
attempt("floor(nan)", lambda: math.floor(math.nan))
attempt("ceil(-inf)", lambda: math.ceil(-math.inf))
attempt("trunc floats", lambda: (math.trunc(-0.5), math.trunc(1e20), math.floor(-1e-300), math.ceil(1e-300)))

# decomposition
attempt("modf", lambda: (math.modf(-0.0), math.modf(math.inf), math.modf(-math.inf), math.modf(2.0)))
attempt("modf nan", lambda: math.modf(math.nan))
attempt("frexp", lambda: (math.frexp(0.0), math.frexp(-0.0), math.frexp(1e-310), math.frexp(-3.0), math.frexp(math.inf)))
attempt("ldexp", lambda: (math.ldexp(0.75, 3), math.ldexp(1, -1075), math.ldexp(1, -1074), math.ldexp(5e-324, -1), math.ldexp(-0.0, 10), math.ldexp(1.0, -10 ** 100)))
attempt("nextafter", lambda: (math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 0.0), math.nextafter(1.0, 1.0)))
attempt("ulp", lambda: (math.ulp(1.0), math.ulp(0.0), math.ulp(-2.0), math.ulp(1e300), math.ulp(math.inf), math.ulp(1.7976931348623157e308)))

# sums and norms
attempt("fsum exact", lambda: (math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([])))
attempt("fsum halfway", lambda: math.fsum([1.0, 2.0 ** -53, 2.0 ** -80]))
attempt("fsum ints", lambda: math.fsum(range(10)))
attempt("fsum overflow", lambda: math.fsum([1e308, 1e308]))
attempt("fsum overflow back", lambda: math.fsum([1e308, 1e308, -1e308]))
attempt("fsum inf", lambda: math.fsum([math.inf, 1.0, math.inf]))
attempt("fsum inf-inf", lambda: math.fsum([math.inf, -math.inf]))
attempt("fsum nan", lambda: math.fsum([math.inf, math.nan]))
attempt("fsum str", lambda: math.fsum(["a"]))
attempt("hypot", lambda: (math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 1), math.hypot(1e300, 1e300), math.hypot(5e-324, 5e-324)))
attempt("hypot specials", lambda: (math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(-math.inf, 1)))
attempt("hypot many", lambda: math.hypot(*range(1, 20)))
attempt("dist", lambda: (math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((), ())))
attempt("dist mismatch", lambda: math.dist((1,), (1, 2)))

# special functions
attempt("erf", lambda: (math.erf(0), math.erf(1), math.erf(-3), math.erfc(0), math.erfc(10)))
attempt("gamma ints", lambda: [math.gamma(n) for n in range(1, 8)])
attempt("lgamma", lambda: (math.lgamma(1), math.lgamma(2), math.lgamma(math.inf), math.lgamma(-math.inf)))
attempt("degrees/radians", lambda: (math.degrees(math.pi / 2), math.radians(90), math.degrees(1), math.radians(-45)))
attempt("cbrt/exp2/expm1", lambda: (math.cbrt(8), math.cbrt(-64), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10)))
attempt("hyperbolic", lambda: (math.sinh(0), math.cosh(0), math.tanh(100), math.asinh(0), math.acosh(1), math.atanh(0)))
attempt("predicates", lambda: (math.isfinite(math.nan), math.isinf(-math.inf), math.isnan(float("nan")), math.isfinite(10 ** 300)))
attempt("isfinite big", lambda: math.isfinite(10 ** 400))
print(math.pi, math.e, math.tau, math.inf, math.nan, type(math.pi).__name__)
