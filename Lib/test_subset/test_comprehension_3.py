matrix = [[i * 4 + j for j in range(4)] for i in range(4)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)], [matrix[i][3 - i] for i in range(4)])
print([[row[j] for row in matrix] for j in range(4)][1])
print({i: [j for j in range(i)] for i in range(4)})
print({(i, j) for i in range(3) for j in range(3) if i < j} == {(0, 1), (0, 2), (1, 2)})
print(sorted({c: ord(c) for c in "hello"}.items()))
print([x if x % 2 else -x for x in range(6)], [x for x in range(30) if x % 3 == 0 if x % 5 == 0])
words = ["Alpha", "beta", "Gamma", "delta"]
print([w.lower() for w in words if w[0].isupper()], {len(w) for w in words}, {w[0].lower(): w for w in words})
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])), dict((v, k) for k, v in enumerate("xyz")))
print(sum(x * y for x, y in zip(range(5), range(5, 10))), max((len(w), w) for w in words))
print([(lambda v: v * 2)(x) for x in range(3)], [f(3) for f in [abs, str, float]])
nested = [[1, [2, 3]], [4, [5, [6]]]]
def flat(x):
    return [z for y in x for z in (flat(y) if isinstance(y, list) else [y])]
print(flat(nested))
print([i for i in range(3) for _ in range(i)], [[]for _ in range(2)], [[] * 3])
gen = ((i, i * i) for i in range(4))
print(dict(gen), list(gen))
total = 0
squares = [total := total + n for n in range(1, 6)]
print(squares, total)
print(["even" if n % 2 == 0 else "odd" for n in range(4)], [n for n in range(10)][2:8:2])
print({k: v for k, v in sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1])})
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([y for y in [x * 2 for x in range(5)] if y > 4], len([c for c in "mississippi" if c == "s"]))
