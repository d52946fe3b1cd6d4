# Float repr is the shortest string that round-trips.
samples = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-5, 1e-4, 123456789012345.0, 1234567890123456789.0,
           1e15, 1e16, 1e17, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1 + 0.7,
           100.0, -1.5, 3.0e-10, 9007199254740993.0]
for x in samples:
    r = repr(x)
    print(r, float(r) == x, str(x) == r)
print(float.hex(1.0), float.hex(-0.1), float.hex(5e-324), float.fromhex("0x1.fffffffffffffp+1023"))
print(0.1 * 3, 0.1 * 3 == 0.3, 1.1 + 2.2, 3.3 * 3, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(2.0 ** 0.5, 10.0 ** -300, (-8.0) ** (1 / 3) if False else abs(-8.0) ** (1 / 3))
print(7.0 // 2.0, -7.0 // 2.0, 7.0 % -2.0, -7.0 % 2.0, 5.5 % 1, -5.5 % 1, divmod(-7.5, 2.0))
print(1.0 == 1, 1.5 > 1, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(float("0.1") + float("0.2"), float("1e-400"), float("-0"), float("+1.5E+2"), float(".5"), float("5."))
print(int(1e300) % 1000, int(-0.9999), int(2.5e15), float(7) / 2, 7 / 2.0)
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e100).is_integer(), (0.5).is_integer())
print(round(0.125, 2), round(0.375, 2), round(2.5), round(3.5), round(-2.5), round(1e16 + 1.0))
print(min(0.0, -0.0), max(-0.0, 0.0), 0.0 == -0.0, str(-0.0), abs(-0.0), -0.0 + 0.0)
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan], nan is nan, sorted([3.0, 1.0, 2.0]))
print(hash(0.5) == hash(0.5), hash(2.0) == hash(2), hash(float("inf")), hash(-float("inf")))
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9, sum([0.1] * 10))
print(f"{1e21} {1e-7} {123.0} {1.23e-4}", str(1e21), str(1e20))
print(float.__mul__(2.0, 3), (2.5).__floor__() if hasattr(2.5, "__floor__") else "", (2.5).__round__())
