name, age, pi = "Ada", 36, 3.14159265
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {name!a} {'café'!a}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {age:05d} {age:+d} {-age:+d}")
print(f"{age = }, {pi=:.1f}, {name.upper() = }")
print(f"{{literal braces}} {'{'}{'}'}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{name:^{width}}]")
print(f"{3 + 4} {[1, 2][0]} {dict(a=1)['a']} {'yes' if age > 30 else 'no'}")
print(f"{1000000:,} {1000000:_} {255:#x} {255:#o} {255:#b} {255:X}")
print(f"{0.25:%} {0.25:.0%} {1234.5:e} {1234.5:.2E} {0.00001234:g} {1e20:g}")
items = ["x", "y"]
print(f"items: {', '.join(items)} count={len(items)}")
nested = f"outer {f'inner {age}'} done"
print(nested)
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}|")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p:abc} {p!r} {p!s:>6}")
multi = (
    f"a={1} "
    f"b={2}"
)
print(multi)
print(f"{3.0:g} {3.5:g} {-0.0:g} {float('inf'):f} {float('nan'):F}")
value = 42
print(f"{value:>{value // 7}}|", f"{value!r:>5}|", f"{value:c}")
print(f"{b'bytes'} {None} {True:d} {True}")
