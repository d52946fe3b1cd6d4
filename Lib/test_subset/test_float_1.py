import math

values = [0.1 + 0.2, 1 / 3, 2.5, -0.0, 1e16, 1e-7, 123456789.123, 1e22, 1.0, 3.14159]
for v in values:
    print(repr(v), str(v))

print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-1.0, 3))
print(2 ** 0.5, 10 ** -2, 2.0 ** 10, (-8) ** (1 / 3) if False else "skip")
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf > 1e308, nan == nan, nan != nan)
print(inf - inf, inf * 0, math.isnan(inf - inf), math.isinf(-inf))
print(float("1e500"), float("-1e500"), float(" 2.5 "), float("-iNF"))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2))
print(int(1e20), int(-2.9), float(2 ** 60), float(10 ** 20))
print((0.5).as_integer_ratio(), (0.1).hex(), float.fromhex("0x1.8p1"))
print(1.5.is_integer(), 2.0.is_integer())
print(max(1, 2.5, 2), min(-1, -1.0), sorted([3, 1.5, 2, -0.5]))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
print(sum([0.1] * 10), math.fsum([0.1] * 10))
