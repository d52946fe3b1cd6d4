# Argument errors of math and cmath functions: wrong count, wrong type,
# keywords (the typed argument layer's messages must be CPython's).
import math
import cmath


class Half:
    def __float__(self):
        return 0.5


class Three:
    def __index__(self):
        return 3


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


show("sin()", lambda: math.sin())
show("sin(1, 2)", lambda: math.sin(1, 2))
show("sin('a')", lambda: math.sin('a'))
show("sin(x=1)", lambda: math.sin(x=1))
show("sin(Half())", lambda: math.sin(Half()))
show("sin(Three())", lambda: math.sin(Three()))
show("sin(10**400)", lambda: math.sin(10**400))
show("atan2(1)", lambda: math.atan2(1))
show("atan2('a', 1)", lambda: math.atan2('a', 1))
show("atan2(1, 'b')", lambda: math.atan2(1, 'b'))
show("atan2(y=1, x=2)", lambda: math.atan2(y=1, x=2))
show("copysign(1, -0.0)", lambda: math.copysign(1, -0.0))
show("fmod(1)", lambda: math.fmod(1))
show("pow(2, 3, 4)", lambda: math.pow(2, 3, 4))
show("isclose(1)", lambda: math.isclose(1))
show("isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3))
show("isclose(1, 1.0000001, rel_tol=1e-3)", lambda: math.isclose(1, 1.0000001, rel_tol=1e-3))
show("isclose(1, 2, rel_tol='a')", lambda: math.isclose(1, 2, rel_tol='a'))
show("isclose(1, 2, tol=1)", lambda: math.isclose(1, 2, tol=1))
show("isclose(a=1, b=1)", lambda: math.isclose(a=1, b=1))
show("isclose(1, a=1)", lambda: math.isclose(1, a=1))
show("isclose(1, 2, abs_tol=-1)", lambda: math.isclose(1, 2, abs_tol=-1))
show("log()", lambda: math.log())
show("log(1, 2, 3)", lambda: math.log(1, 2, 3))
show("log(8, 2)", lambda: math.log(8, 2))
show("log(x=1)", lambda: math.log(x=1))
show("log('a')", lambda: math.log('a'))
show("log2(2**2000)", lambda: math.log2(2**2000))
show("factorial('a')", lambda: math.factorial('a'))
show("factorial(2.0)", lambda: math.factorial(2.0))
show("factorial(Three())", lambda: math.factorial(Three()))
show("factorial(n=3)", lambda: math.factorial(n=3))
show("gcd('a')", lambda: math.gcd('a'))
show("gcd(12, 18, 27)", lambda: math.gcd(12, 18, 27))
show("gcd()", lambda: math.gcd())
show("lcm(4, 6)", lambda: math.lcm(4, 6))
show("gcd(a=1)", lambda: math.gcd(a=1))
show("hypot(3, 4)", lambda: math.hypot(3, 4))
show("hypot('a')", lambda: math.hypot('a'))
show("hypot(x=1)", lambda: math.hypot(x=1))
show("ldexp(1, 'a')", lambda: math.ldexp(1, 'a'))
show("ldexp(1)", lambda: math.ldexp(1))
show("comb(1)", lambda: math.comb(1))
show("comb(5, 2)", lambda: math.comb(5, 2))
show("comb(5, 'a')", lambda: math.comb(5, 'a'))
show("perm()", lambda: math.perm())
show("perm(5)", lambda: math.perm(5))
show("perm(5, None)", lambda: math.perm(5, None))
show("perm(5, 2)", lambda: math.perm(5, 2))
show("perm(5, 2, 1)", lambda: math.perm(5, 2, 1))
show("perm(5, 'a')", lambda: math.perm(5, 'a'))
show("prod()", lambda: math.prod())
show("prod([2, 3], start=2)", lambda: math.prod([2, 3], start=2))
show("prod([2], 3)", lambda: math.prod([2], 3))
show("prod(iterable=[2])", lambda: math.prod(iterable=[2]))
show("prod([1], start=2, x=3)", lambda: math.prod([1], start=2, x=3))
show("prod([1], x=3)", lambda: math.prod([1], x=3))
show("fsum()", lambda: math.fsum())
show("fsum([1, 'a'])", lambda: math.fsum([1, 'a']))
show("floor()", lambda: math.floor())
show("floor('a')", lambda: math.floor('a'))
show("trunc('a')", lambda: math.trunc('a'))
show("dist(1)", lambda: math.dist(1))
show("dist((1, 2), (4, 6))", lambda: math.dist((1, 2), (4, 6)))
show("frexp(8)", lambda: math.frexp(8))
show("modf(2.5)", lambda: math.modf(2.5))
show("isqrt(-1)", lambda: math.isqrt(-1))
show("isqrt('a')", lambda: math.isqrt('a'))
show("ulp()", lambda: math.ulp())
show("gamma(0)", lambda: math.gamma(0))
show("isnan(1, 2)", lambda: math.isnan(1, 2))
show("cmath.sin()", lambda: cmath.sin())
show("cmath.sin('a')", lambda: cmath.sin('a'))
show("cmath.sin(z=1)", lambda: cmath.sin(z=1))
show("cmath.sqrt(-1)", lambda: cmath.sqrt(-1))
show("cmath.log()", lambda: cmath.log())
show("cmath.log(1, 2, 3)", lambda: cmath.log(1, 2, 3))
show("cmath.log(8, 2)", lambda: cmath.log(8, 2))
show("cmath.log(1, 'a')", lambda: cmath.log(1, 'a'))
show("cmath.log(x=1)", lambda: cmath.log(x=1))
show("cmath.rect(1)", lambda: cmath.rect(1))
show("cmath.rect(1, 'a')", lambda: cmath.rect(1, 'a'))
show("cmath.polar(1j)", lambda: cmath.polar(1j))
show("cmath.phase()", lambda: cmath.phase())
show("cmath.isclose(1j)", lambda: cmath.isclose(1j))
show("cmath.isclose(1j, 1j, rel_tol=-1)", lambda: cmath.isclose(1j, 1j, rel_tol=-1))
show("cmath.isclose(1j, 2j, 3)", lambda: cmath.isclose(1j, 2j, 3))
show("cmath.isinf(1, 2)", lambda: cmath.isinf(1, 2))
show("cmath.infj", lambda: cmath.infj)
