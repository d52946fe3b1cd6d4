calls = []

def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True)
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(5), calls)
calls.clear()

x = 5
print(0 <= x < 10, x is not None, x in [1, 5], x not in (5,))
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2, 3) > (1, 2), "abc" < "abd")

# Short-circuit evaluation returns operands, not bools.
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0, None or 0)
print(not 0, not [], not [0], [] or {} or "last")
print(v(0) and v(1), calls)
calls.clear()
print(v(2) or v(3), calls)

def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"

print([sign(n) for n in (-3, 0, 8)])
grade = lambda s: "A" if s >= 90 else ("B" if s >= 80 else "C")
print(list(map(grade, [95, 85, 42])))
try:
    print(1 < "x")
except TypeError as e:
    print("TypeError:", e)
print(None == 0, None is None, [] == [], [] is [])
