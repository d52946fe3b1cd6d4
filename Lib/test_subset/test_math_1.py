import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 40))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), type(math.floor(2.5)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(0), math.factorial(20), math.factorial(25))
print(math.comb(10, 3), math.perm(5, 2), math.comb(60, 30), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
print(math.modf(3.75), math.modf(-1.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.exp(0), math.exp(1) == math.e, math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.tan(0), round(math.atan2(1, 1), 12))
print(math.degrees(math.pi), math.radians(180) == math.pi, round(math.asin(1), 12), math.acos(1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.pow(2, 10), math.pow(4, 0.5), math.sqrt(0.0), math.floor(-0.0), math.ceil(1e20))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError:", e)
print(math.floor(10 ** 30 + 0.5) if False else math.floor(1e30), math.trunc(10 ** 25 / 3) > 0)
print(math.exp2(3), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0))
