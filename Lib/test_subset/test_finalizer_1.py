import gc

class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

a = A(1)
del a
print("after del")
b = A(2)
b = None
print("after rebinding")

def f():
    x = A(3)
    print("in f")

f()
print("after f returned")

saved = []

class Revive:
    def __del__(self):
        print("revived once")
        saved.append(self)

r = Revive()
del r
print(len(saved), type(saved[0]).__name__)
saved.clear()
print("cleared: no second __del__")

x = A(4)
y = A(5)
x.other, y.other = y, x
del x, y
print("cycle unreachable")
print("collect found some:", gc.collect() > 0)

class Sub(A):
    pass

s = Sub(6)
del s
d = {"key": A(7)}
d.clear()
print("dict cleared")

class WithAttr:
    def __init__(self):
        self.items = [1, 2, 3]

    def __del__(self):
        print("sees its state:", self.items)

w = WithAttr()
w.me = w
del w
gc.collect()

late1 = A("late1")
late2 = A("late2")
print("end of program")
