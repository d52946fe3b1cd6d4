print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None))
print(type(type), type(object), isinstance(type, object), isinstance(object, type))
print(int.__name__, int.__mro__, bool.__mro__, object.__bases__, type.__bases__)

Point = type("Point", (), {"x": 0, "describe": lambda self: f"Point x={self.x}"})
p = Point()
p.x = 5
print(Point.__name__, p.describe(), type(p) is Point, Point.__bases__)

Special = type("Special", (Point,), {"kind": "special"})
print(Special().describe(), Special.kind, issubclass(Special, Point), Special.__mro__[1].__name__)

o = object()
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(o == o, o != object(), str(o)[:17], object.__name__)
print(hasattr(o, "__eq__"), type(o).__name__, o.__class__ is object)

class Meta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"

class WithMeta(metaclass=Meta):
    pass

print(repr(WithMeta), type(WithMeta).__name__, isinstance(WithMeta, type))
print(type(3) == int, type(True) == int, type(True) is bool, isinstance(True, int))
print((5).__class__.__name__, "x".__class__, [].__class__.__name__)
print(int("7") + int.__add__(1, 2), str.upper("abc"), list.__len__([1, 2]))
print(callable(type), type("X", (), {})().__class__.__name__)

class Plain:
    """docstring here"""
    attr = 1
print(Plain.__doc__, Plain.__module__, "attr" in Plain.__dict__, Plain.__dict__["attr"])
try:
    type("Bad", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
print(type(type(type(1))))
