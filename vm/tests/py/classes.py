class Base:
    count = 0
    def __init__(self, v):
        self.v = v
        Base.count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.v!r})"
    def __eq__(self, o):
        return isinstance(o, Base) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base) else o))
    def __radd__(self, o):
        return type(self)(o + self.v)
    def __len__(self):
        return len(str(self.v))
    def __getitem__(self, i):
        return str(self.v)[i]
    def __contains__(self, x):
        return x in str(self.v)
    def __call__(self, *a):
        return ("called", a)
    def __bool__(self):
        return self.v != 0
class Child(Base):
    def __init__(self, v, extra=None):
        super().__init__(v)
        self.extra = extra
    def __repr__(self):
        return "Child:" + super().__repr__()
a, b = Base(3), Child(4)
print(a, b, a + b, 1 + a, b + 1, sorted([b, a]), a == Base(3), a != Base(3), Base.count)
print(len(a), a[0], "3" in a, list(Base(123)), a(1, 2), bool(Base(0)), not a)
print(Child.__mro__, Child.__bases__, Child.__name__, Child.__qualname__, Child.__module__)
print(isinstance(b, Base), issubclass(Child, (int, Base)), type(b) is Child, b.__class__)
try:
    hash(a)
except TypeError as e:
    print(e)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @staticmethod
    def s(a): return a * 3
    @classmethod
    def c(cls, a): return (cls.__name__, a)
p = P(); p.x = 5; print(p.x, P.s(2), p.s(3), P.c(1), p.c(2))
try:
    del p.x
except AttributeError as e:
    print(e)
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["added"] = kw.get("tag", "none")
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print("meta call", cls.__name__)
        return super().__call__(*a)
class WithMeta(metaclass=Meta, tag="T"):
    def __init__(self, q): self.q = q
w = WithMeta(9); print(w.q, WithMeta.added, type(WithMeta).__name__)
class A1:
    def who(self): return "A1"
class B1(A1):
    def who(self): return "B1>" + super().who()
class C1(A1):
    def who(self): return "C1>" + super().who()
class D1(B1, C1):
    def who(self): return "D1>" + super().who()
print(D1().who(), [k.__name__ for k in D1.mro()])
try:
    class Bad(A1, B1): pass
except TypeError as e:
    print(e)
class G:
    def __getattr__(self, name): return "dyn_" + name
    def __setattr__(self, name, v): object.__setattr__(self, name, v * 2)
g = G(); g.z = 2; print(g.z, g.nothing)
class Init:
    def __init_subclass__(cls, flag=False, **kw):
        cls.flag = flag
class Sub(Init, flag=True): pass
print(Sub.flag)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner): return f"desc {self.name} {obj is None}"
class HasDesc:
    attr = Desc()
print(HasDesc.attr, HasDesc().attr)
class Slots:
    __slots__ = ("a",)
s = Slots(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(e)
print(type("Dyn", (Base,), {"k": 1})(5), type(5), type(type))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3]); l.append(4); print(l, l.total(), type(l).__name__, isinstance(l, list))
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d["a"], d["zz"], d)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(repr(e), e.code, str(e), e.args)
print(object().__class__, Base.__dict__["count"] >= 0, "v" in vars(a), callable(a), callable(1))
