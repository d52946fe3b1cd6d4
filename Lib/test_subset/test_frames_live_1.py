# Frame objects read live state: the running frame, its callers, frames
# blocked under a native call (map, sorted, functools.reduce), and
# finished frames.
import sys
import functools


def running_locals():
    f = sys._getframe()
    x = 1
    print("x" in f.f_locals, f.f_locals.get("x"))
    y = 2
    print(sorted(k for k in f.f_locals if k != "f"))
    line = f.f_lineno
    print(line == sys._getframe().f_lineno - 1)
    return f


fin = running_locals()
print("finished:", sorted(k for k in fin.f_locals if k != "f"), fin.f_code.co_name)


def where(depth):
    return sys._getframe(depth + 1).f_lineno


def caller_line():
    f = sys._getframe()
    a = where(0)
    b = f.f_lineno
    c = where(0)
    print(b - a, c - a)


caller_line()


def grab(n):
    return sys._getframe(1)


def under_map():
    marker = "map-caller"
    frames = list(map(lambda i: sys._getframe(1), [1]))
    f = frames[0]
    print(f.f_code.co_name, f.f_locals.get("marker"))


under_map()


def under_sorted():
    marker = "sorted-caller"
    seen = []

    def key(v):
        seen.append(sys._getframe(1))
        return v

    sorted([3, 1, 2], key=key)
    f = seen[0]
    print(f.f_code.co_name, f.f_locals.get("marker"), f is seen[-1])
    print(f is sys._getframe())


under_sorted()


def under_reduce():
    marker = "reduce-caller"
    names = []

    def add(a, b):
        fr = sys._getframe(1)
        names.append((fr.f_code.co_name, fr.f_locals.get("marker")))
        return a + b

    total = functools.reduce(add, [1, 2, 3])
    print(total, names)


under_reduce()


def chain():
    out = []
    f = sys._getframe()
    while f is not None:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out


def via_map():
    return list(map(lambda _: chain(), [0]))[0]


print(via_map())
print([chain() for _ in range(1)][0])


def outer_sees_inner_line():
    g = sys._getframe()
    vals = [g.f_lineno for _ in range(2)]
    print(vals[0] == vals[1], vals[0] == g.f_lineno - 1)


outer_sees_inner_line()


class K:
    here = sys._getframe()
    print(here.f_code.co_name, "here" in here.f_locals or "K-body")
    print(here.f_back.f_code.co_name)


def builtin_getframe_via_getattr():
    class P:
        @property
        def who(self):
            return sys._getframe(1).f_code.co_name

    return P().who


print(builtin_getframe_via_getattr())
