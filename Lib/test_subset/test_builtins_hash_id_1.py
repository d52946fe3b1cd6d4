# hash() and id(): equal values hash equal; identities are stable per object.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
print(hash(-1) == hash(-1.0), hash(2 ** 70) == hash(float(2 ** 70)), hash(1.5) == hash(1.5))
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"abc"), hash((1, "a")) == hash((1, "a")))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(None) == hash(None))
print(type(hash("x")).__name__, hash(12345), hash(-7), hash(0), hash(10 ** 5))
for unhashable in ([], {}, set(), bytearray()):
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)

d = {Key(1): "one"}
print(d[Key(1)], Key(1) in d, Key(2) in d, len({Key(1), Key(1), Key(2)}))

class Default:
    pass
a, b = Default(), Default()
print(hash(a) == hash(a), a == b, a != b, len({a, b, a}))

class BadHash:
    def __hash__(self):
        return "not an int"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))

x = [1, 2]
y = x
z = [1, 2]
print(id(x) == id(y), id(x) == id(z), x is y, x is not z, x == z)
print(type(id(x)).__name__, id(x) > 0)
s1 = "interned"
print(s1 is s1, None is None, True is True)
ids = {id(o) for o in (x, z, d)}
print(len(ids))
