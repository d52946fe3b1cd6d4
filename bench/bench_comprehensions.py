"""Comprehensions: list, dict and set comprehensions, nested and filtered."""


def run(n):
    squares = [i * i for i in range(n)]
    evens = [x for x in squares if x % 2 == 0]
    table = {i: i % 97 for i in range(n)}
    residues = {v for v in table.values()}
    grid = [[r * c for c in range(50)] for r in range(2000)]
    flat = [v for row in grid for v in row if v % 3]
    pairs = {(a, b) for a in range(150) for b in range(150) if (a + b) % 7 == 0}
    return len(evens), sum(evens) % 1000003, len(residues), len(flat), len(pairs)


for _ in range(6):
    result = run(200000)
print(result)
