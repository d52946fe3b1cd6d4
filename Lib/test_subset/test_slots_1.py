class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
p.x = 10
print(p, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

q = Point.__new__(Point)
try:
    q.x
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)

class Point3D(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

p3 = Point3D(1, 2, 3)
print(p3.x, p3.y, p3.z, hasattr(p3, "__dict__"))

class Loose(Point):
    pass

lo = Loose(0, 0)
lo.extra = "allowed"
print(lo.extra, hasattr(lo, "__dict__"))

class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
print(type(Point.x).__name__)
