print(abs(-7), abs(7.5), abs(-0.0), abs(True), abs(-10 ** 30))
print(divmod(9, 4), divmod(-9, 4), divmod(9, -4), divmod(9.5, 2), divmod(-9.5, 2), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(-2, 3), pow(3, 4, 5), pow(-3, 3, 7), pow(7, -1, 40), pow(10 ** 20, 3, 97))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(round(0.5), round(1.5), round(2.5), round(-2.5), round(2.675, 2), round(1.005, 2))
print(round(123.456, 1), round(123.456, -1), round(123456, -3), round(-1.5), round(5, 2), type(round(2.5)).__name__)
print(round(float("inf")) if False else "inf-skip", round(1e300, -300), round(0.000123456, 5))
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
print(sum([]), sum([1.5, 2.5]), sum([[1], [2, 3]], []), sum(range(10), start=100))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max([4, 8, 1]), min("xyz"), max("apple", "pear", key=len), min([], default=0))
print(max([1, 3, 2], key=lambda v: -v), min((2, "b"), (1, "z"), (1, "a")))
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
print(hex(0), hex(4095), oct(-8), bin(0), bin(255), int(bin(255), 2), int(hex(4095), 16), int(oct(64), 8))
print(int("10", 2), int("z", 36), int("Z", 36), int("  0o17  ", 0), int("1_000", 0), int(-3.9), int(True))
for bad in ["", "1.5", "0x", "12a", "١٢"]:
    try:
        print(repr(bad), "->", int(bad))
    except ValueError as e:
        print("ValueError:", e)
print(float("  -1.5e3 "), float("nan") != float("nan"), float("infinity"), float(True), float("1_0.5"))
print(complex(1, 2) * 2, (1 + 2j).real, abs(3 - 4j), complex("3+4j"))
print(bool(0), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool({0: 0}), bool(None))
print(ord("a"), ord("€"), chr(97), chr(8364), [ord(c) for c in "AZ"], chr(0x10FFFF) == "\U0010ffff")
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
