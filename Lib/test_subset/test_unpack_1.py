a, b = 1, 2
a, b = b, a
print(a, b)

(x, y), z = (10, 20), 30
print(x, y, z)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
p, *q = (9,)
print(p, q)

[m, n] = "ab"
print(m, n)

for i, (k, v) in enumerate({"one": 1, "two": 2}.items()):
    print(i, k, v)

merged = [*range(3), *"xy", *[None]]
print(merged)
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
s = {*"aab"}
print(sorted(s))

def pair():
    return 4, 5

u, w = pair()
print(u + w)

try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
