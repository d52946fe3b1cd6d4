# CPython's weakref.py and _weakrefset.py, unchanged: WeakValueDictionary,
# WeakKeyDictionary, WeakSet, WeakMethod, finalize.
import sys
try:
    import itertools
except ImportError:
    # weakref.py only needs itertools.count (for finalize's ordering);
    # stands in where itertools is not available yet.
    import types
    itertools = types.ModuleType("itertools")

    def count(start=0, step=1):
        while True:
            yield start
            start += step
    itertools.count = count
    sys.modules["itertools"] = itertools
import gc
import weakref


def show(f):
    try:
        print(repr(f()))
    except KeyError as e:
        print("KeyError", type(e.args[0]).__name__)
    except Exception as e:
        print(type(e).__name__, e)


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


# --- WeakValueDictionary ---
d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d[3] = c
print(len(d), sorted(map(str, d.keys())), d["a"], d.get("zz"), "a" in d)
del a
print(len(d), "a" in d, sorted(map(str, d)))
show(lambda: d["a"])
print(d.pop("b"), len(d))
del b
print(d.setdefault(3, None), len(d))
print(sorted((k, v.name) for k, v in d.items()))
refs = d.valuerefs()
print(len(refs), refs[0]() is c)
del c
print(len(d), list(d.items()))
x = Obj("x")
d.update({"x": x}, y=x)
print(sorted(d), d.copy()["x"] is x)
print(repr(d).startswith("<WeakValueDictionary at"))
del x
print(len(d))

# values dying while iterating are skipped
objs = [Obj(str(i)) for i in range(5)]
d = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
seen = []
for k in d:
    seen.append(k)
    if k == 1:
        del objs[3]
print(sorted(seen) == [0, 1, 2, 4] or sorted(seen) == [0, 1, 2, 3, 4], sorted(d))

# --- WeakKeyDictionary ---
k1, k2 = Obj("k1"), Obj("k2")
wk = weakref.WeakKeyDictionary()
wk[k1] = 1
wk[k2] = 2
print(len(wk), wk[k1], k2 in wk, sorted(wk.values()))
del k1
print(len(wk), [k.name for k in wk])
print(wk.pop(k2), len(wk))
show(lambda: wk[k2])
show(lambda: wk.__setitem__(1, 2))
k3 = Obj("k3")
wk.setdefault(k3, []).append(1)
print(wk[k3], len(wk.keyrefs()))
del k3
print(len(wk))

# --- WeakSet ---
s = weakref.WeakSet()
e1, e2, e3 = Obj("e1"), Obj("e2"), Obj("e3")
s.add(e1)
s.add(e2)
s.add(e2)
print(len(s), e1 in s, e3 in s)
del e1
print(len(s), [o.name for o in s])
s2 = weakref.WeakSet([e2, e3])
print(len(s | s2), len(s & s2), len(s2 - s), s <= s2, s2 >= s)
s.discard(e2)
print(len(s))
show(lambda: s.remove(e3))
del e2
print(len(s2), [o.name for o in s2])
print(repr(weakref.WeakSet()).startswith("{") or repr(weakref.WeakSet()))

# --- WeakMethod ---
o = Obj("m")
wm = weakref.WeakMethod(o.method)
print(wm()(), wm() == o.method, wm == weakref.WeakMethod(o.method))
print(isinstance(wm, weakref.ref), type(wm).__name__)
show(lambda: weakref.WeakMethod(len))
called = []
wm2 = weakref.WeakMethod(o.method, lambda w: called.append(w is wm2))
del o
print(wm(), wm2(), called)

# --- finalize ---
class Res:
    pass

def cleanup(name, *args, **kw):
    print("cleanup", name, args, kw)
    return name + "!"

r = Res()
f = weakref.finalize(r, cleanup, "r", 1, key=2)
print(f.alive, f.atexit)
print(f.peek()[0] is r, f.peek()[1] is cleanup)
del r
print(f.alive, f.peek())
r2 = Res()
f2 = weakref.finalize(r2, cleanup, "r2")
print(f2(), f2(), f2.alive)
r3 = Res()
f3 = weakref.finalize(r3, cleanup, "r3")
print(f3.detach()[0] is r3, f3.alive, f3.detach())
del r3

# finalizers of a cycle run on gc.collect()
class Cyc:
    pass
cy = Cyc()
cy.me = cy
fc = weakref.finalize(cy, cleanup, "cycle")
del cy
print("before collect", fc.alive)
gc.collect()
print("after collect", fc.alive)

# --- proxies from weakref ---
class Target:
    def __init__(self):
        self.v = 1
t = Target()
p = weakref.proxy(t)
print(type(p) in weakref.ProxyTypes, p.v)
del t
show(lambda: p.v)

# --- getweakrefcount / getweakrefs via weakref ---
o = Obj("count")
r1 = weakref.ref(o)
r2 = weakref.ref(o, lambda w: None)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r1, r2])
print("end")

# --- at exit: atexit calls (last first), then live finalizers ---
import atexit
n0 = atexit._ncallbacks()
def bye(*args, **kw):
    print("atexit", args, kw)
atexit.register(bye, 1, k=2)
atexit.register(bye, "second")
atexit.register(print, "unregistered")
atexit.unregister(print)
def failing():
    raise RuntimeError("in atexit")
class Named:
    def __call__(self):
        raise RuntimeError("in atexit")
    def __repr__(self):
        return "<named callback>"
atexit.register(Named())
show(lambda: atexit.register(1))
print(atexit._ncallbacks() - n0)
keep_alive = Res()
weakref.finalize(keep_alive, cleanup, "at exit")
