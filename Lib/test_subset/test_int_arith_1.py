# Integer arithmetic: floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (13, 13), (1, -1000)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, divmod = {divmod(a, b)}")
    assert (a // b) * b + a % b == a

print("true division:", 7 / 2, -7 / 2, 1 / 3, 10 / 5, type(10 / 5).__name__)
print("powers:", 2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0, 3 ** 0)
print("right assoc:", 2 ** 3 ** 2)

big = 2 ** 64
print("2**64 =", big, "2**64 - 1 =", big - 1)
print("i64 max + 1 =", 9223372036854775807 + 1)
print("i64 min - 1 =", -9223372036854775808 - 1)
print("product:", 123456789123456789 * 987654321987654321)
print("big floordiv:", (10 ** 30) // 7, (10 ** 30) % 7)
print("neg big floordiv:", -(10 ** 30) // 7, -(10 ** 30) % 7)
print("big pow:", 3 ** 100)
print("factorial 30:", end=" ")
f = 1
for i in range(2, 31):
    f *= i
print(f)
print("back to small:", (big * big) // (big * big), type((big * 3) // big).__name__)
print("abs/neg:", abs(-big), -(-5), +7)
print("int():", int(3.99), int(-3.99), int("  42 "), int("-0"), int("1_000"))
print("mixed:", 3 + 0.5, 3 * 1.5, 10 - 0.25, 2 ** 0.5 == 2 ** 0.5)
print("bool arithmetic:", True + True, True * 10, False - 1)
print("equal across types:", 1 == 1.0, 2 ** 53 == float(2 ** 53), hash(1) == hash(1.0))
