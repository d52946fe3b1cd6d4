# Sorting stability and keys: records sorted by several criteria.
people = [
    ("alice", 31, "nyc"), ("bob", 25, "sf"), ("carol", 31, "la"),
    ("dave", 25, "nyc"), ("eve", 40, "sf"), ("frank", 31, "sf"),
]
by_age = sorted(people, key=lambda p: p[1])
print([p[0] for p in by_age])
by_city_then_age = sorted(sorted(people, key=lambda p: p[1]), key=lambda p: p[2])
print([(p[2], p[1], p[0]) for p in by_city_then_age])
print([p[0] for p in sorted(people, key=lambda p: (-p[1], p[0]))])
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])

data = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(data, key=abs), sorted(data, key=abs, reverse=True))
print(max(data, key=abs), min(data, key=lambda v: (v % 3, v)))

# In-place operations and identity.
items = list(range(10))
view = items
items[2:8] = []
print(items, view is items)
items *= 2
print(items)
items[1::2] = ["odd"] * (len(items) // 2)
print(items)
del items[:]
print(items, view)

# Lists as queues and stacks.
queue = []
for job in ["a", "b", "c"]:
    queue.append(job)
processed = []
while queue:
    processed.append(queue.pop(0))
print(processed)

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transposed = [list(row) for row in zip(*matrix)]
print(transposed)
flat = [x for row in matrix for x in row]
print(flat, sum(flat), flat.index(5))
print([row[::-1] for row in matrix[::-1]])
big = list(range(100000))
print(len(big), big[-1], sum(big), big[12345])
big.reverse()
print(big[:3], big.index(0))
