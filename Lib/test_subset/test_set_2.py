fs = frozenset("hello")
print(sorted(fs), len(fs), "h" in fs, type(fs).__name__)
print(sorted(fs | {"z"}), sorted(fs & set("low")), sorted(fs - {"l"}), sorted(fs ^ {"h", "q"}))
print(fs == set("olleh"), fs.issubset("helloworld"), fs.issuperset("he"), fs.isdisjoint("xyz"))
print(frozenset() == set(), hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset(fs) is fs)
groups = {frozenset({"a", "b"}): "ab", frozenset({"c"}): "c"}
print(groups[frozenset({"b", "a"})], frozenset({"c"}) in groups)
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested), sorted(sorted(s) for s in nested))
s = {1, 2, 3, 4, 5, 6}
s.difference_update({1, 2})
s.intersection_update(range(5))
s.symmetric_difference_update({4, 9})
print(sorted(s))
evens = {n for n in range(20) if n % 2 == 0}
threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes)[:4], len(evens | threes), len(evens ^ threes))
print(sorted(set.union({1}, {2}, {3})), sorted(set.intersection({1, 2, 3}, {2, 3}, {3})))
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} < [1, 2]
except TypeError as e:
    print("TypeError:", e)
s2 = {1, 2}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(len(words), len(set(words)), sorted(set(words))[:4])
print(sorted({len(w) for w in words}), {w for w in words if len(w) > 4} == {"quick", "brown", "jumps"})
letters = set("abcdefghijklmnopqrstuvwxyz")
print(letters <= set("thequickbrownfoxjumpsoverthelazydog"), sorted(letters - set("hello world")))
print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, {1, 2} < {1, 2, 3}, {1, 2, 3} > {1}, set() < {0})
print(repr({frozenset()}), min({5, 3, 8}), sorted({3: "a", 1: "b"}.keys() | {2}))
