class Stack(list):
    def push(self, item):
        self.append(item)
        return self
    def peek(self):
        return self[-1] if self else None

s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), isinstance(s, list), type(s).__name__, s + [5], type(s + [5]).__name__)

class Celsius(float):
    def __new__(cls, value):
        if value < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, value)
    def to_f(self):
        return self * 9 / 5 + 32

c = Celsius(100)
print(c, c.to_f(), c + 1, type(c + 1).__name__, repr(c), isinstance(c, float))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)

class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def shout(self):
        return self + "!"

u = Upper("hey")
print(u, u.shout(), u.lower(), type(u.lower()).__name__, len(u), u == "HEY")

class DefaultDict(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value

dd = DefaultDict()
print(dd["abc"], dd["x"], dd, "zz" in dd, dd.get("zz"))

class Counter(dict):
    def add(self, item):
        self[item] = self.get(item, 0) + 1

cnt = Counter()
for ch in "mississippi":
    cnt.add(ch)
print(sorted(cnt.items()), isinstance(cnt, dict))

class PositiveInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
    def __repr__(self):
        return f"PositiveInt({int(self)})"

pi = PositiveInt(-5)
print(pi, repr(pi), pi + 1, type(pi * 2).__name__, pi == 5, hash(pi) == hash(5))

class Frozen(tuple):
    @property
    def first(self):
        return self[0]

f = Frozen((9, 8))
print(f, f.first, f[1:], type(f[1:]).__name__)

class Strict(list):
    def append(self, item):
        if not isinstance(item, int):
            raise TypeError(f"ints only, got {type(item).__name__}")
        super().append(item)

st = Strict()
st.append(1)
try:
    st.append("x")
except TypeError as e:
    print("TypeError:", e)
print(st, Strict.__mro__[1].__name__)
