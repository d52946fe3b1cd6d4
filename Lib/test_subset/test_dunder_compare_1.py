class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return other < self

    def __ge__(self, other):
        return not self < other

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
print(Version("1.0") == Version("1.0"), Version("1.0") == "1.0", Version("1.0") != "1.0")
print(len({Version("1.0"), Version("1.0"), Version("1.1")}))
try:
    Version("1.0") < "1.0"
except TypeError as e:
    print("TypeError:", e)

class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  Loud.__eq__({self.v}, {other!r})")
        return NotImplemented
    def __repr__(self):
        return f"Loud({self.v})"

print(Loud(1) == Loud(1))
print(Loud(2) == 2)
print(Loud(3) in [1, Loud(3)])

class Reverse:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("  Reverse.__gt__ used for reflected <")
        return self.v > other

print(5 < Reverse(10))

class Always:
    def __eq__(self, other):
        return True
    __hash__ = None

a = Always()
print(a == 1, a != 1, [1, 2].index(a) if False else [1, 2].count(a), a is a)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
