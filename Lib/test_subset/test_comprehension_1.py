nums = range(10)
print([n * n for n in nums if n % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print({n: n ** 2 for n in nums if n > 6})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print({k: v for k, v in zip("abc", [1, 2, 3])})
print(sum(n for n in nums), max(len(w) for w in ["a", "abc", "ab"]))
print(list(reversed([c for c in "abc"])))

# Comprehensions have their own scope: the loop variable does not leak.
x = "outer x"
squares = [x for x in range(3)]
print(x, squares)

# ...but they can read enclosing names.
factor = 3
print([factor * i for i in range(4)])

class Holder:
    base = [1, 2, 3]
    doubled = [b * 2 for b in base]  # only the first iterable sees class scope

print(Holder.doubled)

def nested():
    offset = 100
    return [[offset + i + j for j in range(2)] for i in range(2)]

print(nested())
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print([y for row in matrix for y in row if y % 2])
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
gen = (i for i in range(3))
print(next(gen), list(gen))
print(dict.fromkeys("aba", 0), {i % 3 for i in range(10)})
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError:", e)
