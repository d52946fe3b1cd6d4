class Base:
    def __init__(self, **kwargs):
        print(f"  Base.__init__ leftover={sorted(kwargs)}")
        super().__init__()

class Named(Base):
    def __init__(self, name, **kwargs):
        print(f"  Named.__init__ name={name}")
        self.name = name
        super().__init__(**kwargs)

class Aged(Base):
    def __init__(self, age, **kwargs):
        print(f"  Aged.__init__ age={age}")
        self.age = age
        super().__init__(**kwargs)

class Person(Named, Aged):
    def __init__(self, **kwargs):
        print("  Person.__init__")
        super().__init__(**kwargs)

print([c.__name__ for c in Person.__mro__])
p = Person(name="ann", age=30, extra="x")
print(p.name, p.age)

class Shape:
    def describe(self):
        return "shape"
    @classmethod
    def create(cls):
        return cls()

class Square(Shape):
    def describe(self):
        return "square < " + super().describe()
    @classmethod
    def create(cls):
        obj = super().create()
        obj.created_by = cls.__name__
        return obj

sq = Square.create()
print(type(sq).__name__, sq.created_by, sq.describe())
print(super(Square, sq).describe(), super(Shape, sq).__class__ is super)

class Logged(dict):
    def __setitem__(self, key, value):
        print(f"  setting {key!r}")
        super().__setitem__(key, value)

d = Logged()
d["a"] = 1
d.update(b=2)  # update does not call __setitem__ on dict subclasses
print(d)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), B().who())

def outside_method():
    try:
        super()
    except RuntimeError as e:
        return f"RuntimeError: {e}"
print(outside_method())
