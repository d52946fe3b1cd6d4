a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= {1, 2, 3, 4, 5}, a < a, a <= a, {1} < a, a >= {1, 2}, a.isdisjoint({7}), a.issubset(range(10)))
s = set()
s.add(3)
s.add(3)
s.update([1, 2], {9})
print(sorted(s), len(s), 9 in s, 7 not in s)
s.discard(42)
s.remove(9)
try:
    s.remove(9)
except KeyError as e:
    print("KeyError:", e)
popped = {"only"}.pop()
print(popped)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
s |= {10}
s &= {1, 2, 10}
s -= {2}
s ^= {5}
print(sorted(s))
print(set("hello") == {"h", "e", "l", "o"}, len(set("mississippi")))
print(sorted({x % 4 for x in range(20)}), {1, 1.0, True}, set() == frozenset())
print(repr(set()), repr({5}), repr(frozenset()), repr(frozenset([7])))
fs = frozenset([1, 2, 3])
print(fs | {4} == {1, 2, 3, 4}, type(fs | {4}).__name__, type({4} | fs).__name__)
print({fs: "frozen key"}[frozenset([3, 2, 1])])
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
seen = set()
unique = []
for w in "the cat the dog a cat".split():
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen))
c = {1, 2, 3}
c2 = c.copy()
c2.clear()
print(sorted(c), c2, c == {3, 2, 1}, c != {1, 2})
print(sorted({(1, "a"), (0, "b"), (1, "a")}), max({3, 7, 1}), sum({1, 2, 3}))
