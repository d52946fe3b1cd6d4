# The instance-attribute cache must see every change that alters what
# obj.name means: class attributes and descriptors added later, custom
# __getattribute__/__setattr__, changes to a base class, __class__ and
# __dict__ assignment, deletions falling back to __getattr__.


class Base:
    pass


class P(Base):
    def __init__(self, x):
        self.x = x


def read(o):
    return o.x


def write(o, v):
    o.x = v


def show(label, fn, *args):
    try:
        print(label, fn(*args))
    except AttributeError as e:
        print(label, type(e).__name__, e)


p = P(1)
for _ in range(3):
    show("plain", read, p)
write(p, 2)
show("written", read, p)

# A non-data descriptor (a plain class attribute): the instance dict wins.
P.x = "class x"
show("class attr", read, p)
write(p, 3)
show("class attr write", read, p)

# A data descriptor takes precedence over the instance dict.
P.x = property(lambda self: "property x", lambda self, v: print("setter got", v))
show("property", read, p)
write(p, 4)
print("dict after setter", p.__dict__)
del P.x
show("property removed", read, p)

# The same on a base class.
Base.x = property(lambda self: "base property")
show("base property", read, p)
try:
    write(p, 5)
except AttributeError as e:
    print("base property write:", type(e).__name__)
del Base.x
show("base property removed", read, p)
write(p, 6)
show("written again", read, p)

# Custom __getattribute__ and __setattr__ added after the cache is warm.
P.__getattribute__ = lambda self, name: "getattribute " + name
show("getattribute", read, p)
del P.__getattribute__
show("getattribute removed", read, p)
P.__setattr__ = lambda self, name, v: print("setattr", name, v)
write(p, 7)
show("after custom setattr", read, p)
del P.__setattr__
write(p, 8)
show("setattr removed", read, p)

# Deleting the attribute: AttributeError, or __getattr__ when there is one.
del p.x
show("deleted", read, p)
P.__getattr__ = lambda self, name: "getattr " + name
show("getattr fallback", read, p)
write(p, 9)
show("re-added", read, p)
del P.__getattr__


# Another class at the same instruction, and __class__ assignment.
class Q:
    def __init__(self):
        self.x = "q's x"


class R:
    x = property(lambda self: "r's property")


q = Q()
for o in (p, q, p, q):
    show("alternating", read, o)
q.__class__ = R
show("class changed", read, q)
q.__class__ = Q
show("class restored", read, q)

# __dict__ replaced.
p.__dict__ = {"x": "new dict"}
show("dict replaced", read, p)
p.__dict__ = {}
show("empty dict", read, p)
write(p, 10)
show("written to new dict", read, p)


# Slots and classes without an instance dict.
class S:
    __slots__ = ("x",)


s = S()
show("slots unset", read, s)
write(s, "slot")
show("slots", read, s)
try:
    write(object(), 1)
except AttributeError as e:
    print("object():", type(e).__name__, e)


# Many instances of one class through one instruction.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, -i) for i in range(5)]
total = 0
for pt in pts:
    pt.x = pt.x + pt.y * 2
    total += pt.x
print("points", total, [pt.x for pt in pts])
Point.y = property(lambda self: 100)
print("points property", [pt.x + pt.y for pt in pts])
