class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __le__(self, other):
        return abs(self) <= abs(other)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a, abs(b))
print(sum([a, b, Vec(0, 1)]))
print(a == Vec(1, 2), a != b, a < b, b <= a, b > a, a >= a)
print(len({a, Vec(1, 2), b}), sorted([b, a, Vec(0, 0)]))
c = a
c += b
print(c is a, a)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "s" * a
except TypeError as e:
    print("TypeError:", e)
try:
    a @ b
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __truediv__(self, n):
        return Money(self.cents // n)
    def __floordiv__(self, n):
        return self.cents // n
    def __mod__(self, n):
        return Money(self.cents % n)
    def __pow__(self, n, mod=None):
        return pow(self.cents, n, mod)
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __repr__(self):
        return f"Money({self.cents})"

m = Money(1001)
print(m / 2, m // 3, m % 7, m ** 2, pow(m, 2, 10), 5000 - m)
