class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{self.v}m"
    def __add__(self, other):
        print(f"  {self!r}.__add__({other!r})")
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print(f"  {self!r}.__radd__({other!r})")
        return self.__add__(other)
    def __sub__(self, other):
        return Meters(self.v - (other.v if isinstance(other, Meters) else other))
    def __rsub__(self, other):
        return Meters(other - self.v)
    def __mul__(self, k):
        return Meters(self.v * k) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return self * k
    def __rtruediv__(self, other):
        return f"{other} divided by {self!r}"
    def __rpow__(self, base):
        return f"{base} ** {self!r}"

m = Meters(5)
print(m + 1, 1 + m, m + Meters(2))
print(10 - m, m - 1, 3 * m, m * 3, 2 / m, 2 ** m)
print(sum([Meters(1), Meters(2)], Meters(0)))

class Feet(Meters):
    def __repr__(self):
        return f"{self.v}ft"
    def __radd__(self, other):
        print(f"  subclass {self!r}.__radd__ tried first")
        return Feet(other.v + self.v) if isinstance(other, Meters) else NotImplemented

print(Meters(1) + Feet(2))

class Nope:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return NotImplemented

for expr in (lambda: Nope() + Nope(), lambda: 1 + Nope(), lambda: Nope() - 1, lambda: [] + Nope()):
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __add__(self, other):
        return "plain add used"

acc = Acc()
acc += 1
acc += 2
print(acc.items, acc + 3)

class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return NoIadd(self.v + other)
x = NoIadd(1)
y = x
x += 5
print(x.v, y.v, x is y)
