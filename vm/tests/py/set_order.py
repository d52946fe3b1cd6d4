print({3, 1, 2}, {100, 5, 33, 8, 16}, set(range(20, 0, -3)), {-1, -2, 7, 15, 23})
s = set()
for i in [50, 3, 999, 17, 8, 64, 1024, 5, 77]:
    s.add(i)
print(s)
s.discard(17); s.add(18); print(s, s.pop(), s)
a = {1, 2, 3, 40, 50}
b = {3, 50, 60, 7}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union([9, 8]), a.intersection(range(10)), a.difference([1]), a.symmetric_difference([1, 99]))
print({(1, 2), (3, 4), (0, 0)}, {1.5, 2.5, 0.5}, frozenset([5, 4, 3]), set("aaa"))
big = set(range(0, 200, 7)); print(big)
big -= set(range(0, 100, 2)); print(big)
print({x % 13 for x in range(40)}, set({9: 1, 3: 2, 27: 3}))
c = {1, 2, 3}; c &= {2, 3, 4}; print(c); c |= {10, 20}; print(c); c ^= {2, 30}; print(c)
print(list({8: 0, 1: 0, 4: 0}), sorted({3, 1, 2}), {True, 1, 1.0}, {0, False, 0.0})
