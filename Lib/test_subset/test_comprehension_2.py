# Comprehension scoping and evaluation details.
n = 10
squares = [n * n for n in range(4)]
print(n, squares)

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

values = [5, 3, 8]
if any((big := v) > 6 for v in values):
    print("found big value", big)
print([last := v for v in values], last)

outer = [1, 2]
gen = (x * 10 for x in outer)
outer = [7, 8]  # the first iterable was already evaluated
print(list(gen))

def make():
    data = [1, 2, 3]
    return {x: [y for y in data if y != x] for x in data}

print(make())
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
print({word: len(word) for word in "the quick brown fox".split() if len(word) > 3})
table = [[f"{r}{c}" for c in "ab"] for r in "12"]
print(table, [cell for row in table for cell in row])
print(sorted({(x % 3, x % 2) for x in range(12)}))
print(sum(1 for _ in range(7)), [*(c.upper() for c in "hey")])

class Scope:
    k = 5
    try:
        res = [k for _ in range(2)]
    except NameError as e:
        res = f"NameError: {e}"

print(Scope.res)
try:
    [x for x in 5]
except TypeError as e:
    print("TypeError:", e)
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    print("TypeError:", e)
print([i for i in range(5)][::-1], [x for x in ()] == [])
