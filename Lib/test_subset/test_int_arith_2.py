# Big-integer arithmetic checked against identities.
a = 3 ** 200
b = 7 ** 150 + 12345
q, r = divmod(a, b)
print(q, r, q * b + r == a, 0 <= r < b)
q2, r2 = divmod(-a, b)
print(q2 * b + r2 == -a, 0 <= r2 < b, q2 == -q - 1)
q3, r3 = divmod(a, -b)
print(q3 * -b + r3 == a, -b < r3 <= 0)
print(a % 1000007, pow(a, 3, 10 ** 9 + 7), pow(2, 10 ** 5, 10 ** 9 + 7))
print((a * b) // b == a, (a << 100) >> 100 == a, -a >> 1000, a >> 1000)
print(len(str(2 ** 10000)), str(2 ** 1000)[:20], str(-(2 ** 200)))
print(int("-" + "9" * 50) + 1, int("1" * 40, 2), int("z" * 20, 36))
print(abs(-a) == a, -(-a) == a, (-a) ** 2 == a * a, (-a) ** 3 < 0)
print(a > b, a < -b, a == 3 ** 200, a != a + 1, max(a, b) == a, min(-a, b) == -a)
print(hash(a) == hash(3 ** 200), {a: 1}[3 ** 200], bool(a), bool(a - a))
print(a.bit_length(), (a - 1).bit_count(), (-a).bit_length())
print(2 ** 64 // 3, 2 ** 64 % 3, -(2 ** 64) // 3, -(2 ** 64) % 3, (2 ** 64) // -3)
print(10 ** 18 * 10, 9223372036854775807 * 2, -9223372036854775808 * -1, (2 ** 63) - 1 + 1)
print(12345678901234567890 // 1234567890, 12345678901234567890 % 1234567890)
print(float(2 ** 100), int(float(2 ** 100)) == 2 ** 100, 2 ** 100 / 2 ** 99, 2 ** 100 * 0.5)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 3
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) // 3 % 10, 10 ** 400 / 10 ** 399, (10 ** 400 + 1) % 7)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (10 ** 30) % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(0 ** 0, (-1) ** 101, 2 ** -3, (-2) ** -2, 10 ** 0, pow(0, 0))
print(round(10 ** 30 + 12345, -3), round(-(10 ** 20) + 5, -1), round(15, -1), round(25, -1), round(-35, -1))
print(int.__floordiv__(7, 2), (7).__rtruediv__(14), (5).conjugate(), (5).numerator, (5).denominator, (5).real)
n = 1
for i in range(1, 60):
    n = n * i + i
print(n, n % 997, n.bit_length())
