class Counter:
    total = 0
    shared_list = []

    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.shared_list.append(name)

    def rename(self, new):
        self.name = new

a = Counter("a")
b = Counter("b")
print(Counter.total, a.total, Counter.shared_list, a.shared_list is b.shared_list)
a.total = 100
print(a.total, b.total, Counter.total, "total" in vars(a))
del a.total
print(a.total)
Counter.total = 7
print(a.total, b.total)
Counter.new_class_attr = "added later"
print(a.new_class_attr, hasattr(b, "new_class_attr"))

def extra_method(self):
    return f"extra for {self.name}"

Counter.extra = extra_method
print(b.extra(), a.extra())
a.rename("A")
print(a.name, b.name)

class Outer:
    class Inner:
        value = "nested class attribute"
    def make_inner(self):
        return self.Inner()

print(Outer.Inner.value, Outer().make_inner().value, Outer.Inner.__qualname__, Outer.Inner.__name__)

class Demo:
    x = 1
    y = x + 1
    items = [x, y]
    def method(self):
        return self.x, Demo.y
    def __repr__(self):
        return "Demo()"

print(Demo.y, Demo.items, Demo().method(), Demo.method.__qualname__)
d = Demo()
d.x = "instance"
print(d.method(), Demo.x)
print(sorted(k for k in Demo.__dict__ if not k.startswith("__")))
print(Demo.__name__, Demo.__module__, d.__class__.__name__, type(Demo.__dict__).__name__)
try:
    Demo.__dict__["x"] = 5
except TypeError as e:
    print("TypeError:", e)
class Empty: pass
print(Empty.__doc__, Empty.__bases__, Empty().__dict__)
