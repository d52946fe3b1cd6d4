class M(type):
    def __new__(mcls, name, bases, ns, *, flag=False, **kw):
        c = super().__new__(mcls, name, bases, ns, **kw)
        c.flag = flag
        return c
class A(metaclass=M):
    pass
B = type('B', (A,), {}, flag=True)
print(type(B).__name__, B.flag, B.__mro__)
class N(type):
    pass
class C(metaclass=N): pass
D = type('D', (C,), {})
print(type(D).__name__)
try:
    type('E', (A,), {}, bogus=1)
except TypeError as e:
    print(e)
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(enum.IntFlag, enum.StrEnum('x', ['A', 'B']).A)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, Perm(7), int(Perm.R | Perm.X))
