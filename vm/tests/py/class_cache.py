class A:
    def f(self): return "A.f"
class B(A):
    pass
b = B()
print(b.f())
A.f = lambda self: "new A.f"
print(b.f())
B.f = lambda self: "B.f"
print(b.f())
del B.f
print(b.f())
b.f = lambda: "instance f"
print(b.f())
del b.f
print(b.f())
class M(type):
    pass
class C(metaclass=M):
    x = 1
print(C.x, type(C).__name__)
C.x = 2
print(C().x)
setattr(A, "g", 5)
print(B.g, b.g)
class D:
    __slots__ = ("a", "b")
d = D()
d.a = 1
try:
    d.c = 3
except AttributeError as e:
    print(e)
try:
    print(d.b)
except AttributeError as e:
    print(e)
