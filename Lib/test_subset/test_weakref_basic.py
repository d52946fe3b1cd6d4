# Weak references through _weakref: refs, callbacks, proxies, errors, and
# the cycle collector.
import _weakref
import gc
import sys

ref = _weakref.ref
proxy = _weakref.proxy


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def clean(s, *objs):
    """A repr with addresses replaced by names."""
    for name, o in objs:
        s = s.replace(hex(id(o)), name)
    return s


class C:
    def __init__(self, v=0):
        self.v = v

    def method(self):
        return self.v

    def __repr__(self):
        return "C(%r)" % self.v


# --- basic refs ---
o = C(1)
r = ref(o)
print(r() is o, r() .v)
print(ref(o) is r, ref(o, None) is r)
print(type(r).__name__, type(r).__module__, ref is _weakref.ReferenceType)
print(r.__callback__)
print(clean(repr(r), ("R", r), ("O", o)))
print(_weakref.getweakrefcount(o), _weakref.getweakrefs(o) == [r])
print(o.__weakref__ is r)
del o
print(r(), clean(repr(r), ("R", r)))
print(_weakref.getweakrefcount(1), _weakref.getweakrefs(1))

# repr with __name__
def fn():
    pass
rf = ref(fn)
print(clean(repr(rf), ("R", rf), ("F", fn)))

# --- callbacks, in CPython's order ---
log = []
o = C(2)
r1 = ref(o, lambda w: log.append(("cb1", w is r1, w())))
r2 = ref(o, lambda w: log.append(("cb2", w is r2, w())))
r0 = ref(o)
p = proxy(o)
print(_weakref.getweakrefs(o) == [r0, p, r2, r1], _weakref.getweakrefcount(o))
print(r1.__callback__ is not None, r1 is not r2)
del o
print(log)
print(r1.__callback__, r0(), r1(), r2())

# a callback that raises: reported, not raised
class Bad:
    def __call__(self, w):
        raise ValueError("boom")

    def __repr__(self):
        return "<bad callback>"
bad = Bad()
o = C(3)
rb = ref(o, bad)
del o
print("after bad callback", rb())

# the callback is not called if the weakref dies first
o = C(4)
rr = ref(o, lambda w: print("should not run"))
del rr
del o
print("no callback")

# __del__ runs before callbacks; the weakref is alive in __del__
class D:
    def __del__(self):
        print("del, ref alive:", wd() is self)
d = D()
wd = ref(d, lambda w: print("callback after del", w() is None))
del d
print("after del")

# --- hashing and equality ---
a, b = C(5), C(5)
ra, rb_ = ref(a), ref(b)
print(ra == rb_, ra != rb_, ra == ref(a), ra == 1, ra != 1)
class H:
    def __hash__(self):
        return 42
h = H()
rh = ref(h)
print(hash(rh), hash(h))
del h
print(hash(rh))
h2 = H()
rh2 = ref(h2)
del h2
show(lambda: hash(rh2))
x1, x2 = C(6), C(7)
rx1, rx2 = ref(x1), ref(x2)
del x1, x2
print(rx1 == rx2, rx1 == rx1, rx1 != rx2)
show(lambda: ra < rb_)
show(lambda: ref[int])

# --- errors ---
for v in [1, "s", (), b"", [], {}, None, 1.5, object(), range(3), True]:
    show(lambda: ref(v))
class Slotted:
    __slots__ = ("a",)
class SlottedW:
    __slots__ = ("a", "__weakref__")
show(lambda: ref(Slotted()))
sw = SlottedW()
print(ref(sw)() is sw, sw.__weakref__ is ref(sw))
class IntSub(int):
    pass
show(lambda: ref(IntSub(3)))
class ListSub(list):
    pass
ls = ListSub()
print(ref(ls)() is ls)
show(lambda: ref())
show(lambda: ref(sw, None, 1))
show(lambda: ref(sw, callback=None))
show(lambda: ref(sw)(1))
show(lambda: _weakref.getweakrefcount())
show(lambda: _weakref._remove_dead_weakref([], 1))
show(lambda: _weakref._remove_dead_weakref({1: 2}, 1))
show(lambda: ref(sw).__weakref__)

# weakrefable built-in kinds
def gen():
    yield 1
for v in [set(), frozenset(), fn, C, gen(), fn.__code__, [].append, len, sys, C(0).method]:
    print(type(v).__name__, ref(v)() is v)

# _remove_dead_weakref
dd = {}
o = C(8)
dd["k"] = ref(o)
_weakref._remove_dead_weakref(dd, "k")
print(list(dd))
del o
_weakref._remove_dead_weakref(dd, "k")
_weakref._remove_dead_weakref(dd, "missing")
print(list(dd))

# --- subclasses ---
class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)

o = C(9)
kr = KeyedRef(o, lambda w: print("keyed callback", w.key), "thekey")
print(kr.key, kr() is o, isinstance(kr, ref), kr is not ref(o))
show(lambda: setattr(kr, "other", 1))
del o

class MyRef(ref):
    pass
o = C(10)
mr = MyRef(o)
mr.extra = 1
print(mr() is o, mr.extra, mr is not ref(o), MyRef(o) is not mr)
del o
print(mr())

# --- proxies ---
class P:
    def __init__(self):
        self.x = 1
        self.items = [1, 2, 3]

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        return "add %r" % (other,)

    def __radd__(self, other):
        return "radd %r" % (other,)

    def __eq__(self, other):
        return other == 5

    def __lt__(self, other):
        return True

    def __neg__(self):
        return "neg"

    def __bool__(self):
        return False

    def __str__(self):
        return "P-str"

    def __call__(self, *a, **k):
        return ("called", a, k)

    def __index__(self):
        return 2

    def __hash__(self):
        return 1

o = P()
p = proxy(o)
print(type(p).__name__, type(p).__module__, proxy(o) is p)
print(p.x, len(p), p[1], 2 in p, list(p), str(p), bool(p), -p)
p.y = 5
print(o.y)
del p.y
print(hasattr(o, "y"))
p[0] = 10
del p[2]
print(o.items)
print(p + 1, 1 + p, p == 5, p != 5, p < 1, p(1, k=2))
print([10, 20, 30][p])
show(lambda: hash(p))
print(clean(repr(p), ("P", p), ("O", o)))

class Plain:
    pass
pl = Plain()
pp = proxy(pl)
print(type(pp).__name__)
pp.z = 3
print(pl.z, pp.z)
show(lambda: pp.missing)

# proxy of a number-like object and in-place ops
class Num:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        self.v += other
        return self
    def __mul__(self, other):
        return self.v * other
n = Num(3)
pn = proxy(n)
print(pn * 2)
pn += 4
print(n.v, pn is n)

# dead proxies
pl2 = Plain()
pd = proxy(pl2, lambda w: print("proxy callback", type(w).__name__))
del pl2
show(lambda: pd.x)
show(lambda: str(pd))
show(lambda: bool(pd))
show(lambda: pd == 1)
show(lambda: len(pd))
print(clean(repr(pd), ("P", pd), ("N", None)))
show(lambda: proxy(1))

# --- the cycle collector ---
class Node:
    pass
a = Node()
b = Node()
a.other = b
b.other = a
ra = ref(a, lambda w: print("gc callback a", w() is None))
rb2 = ref(b)
del a, b
print("collect")
gc.collect()
print("collected", rb2())

# weakrefs that are garbage themselves get no callback
c1 = Node()
c1.self = c1
c1.wr = ref(c1, lambda w: print("must not run"))
del c1
gc.collect()
print("no callback for garbage weakref")

# a callback that is part of the garbage cycle's weakref survives
class Holder:
    pass
keep = []
g = Node()
g.cycle = g
keep.append(ref(g, lambda w: print("kept weakref callback")))
del g
gc.collect()
print("done")
