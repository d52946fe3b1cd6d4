import sys
def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("finally")
    return "done"
g = gen()
print(next(g), g.send("a"), g.throw(ValueError("v")))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def sub():
    r = yield from range(3)
    x = yield "sub"
    return x * 2
def outer():
    r = yield from sub()
    print("outer got", r)
o = outer()
print(list(next(o) for _ in range(4)))
try:
    o.send(21)
except StopIteration:
    print("exhausted")
def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
print(sum(x * x for x in range(10)), [y for y in (x for x in "abc")])
def f():
    try:
        return "try"
    finally:
        print("f finally")
print(f())
def g2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("loop finally", i)
    else:
        print("no")
g2()
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise ValueError("a") from None
except ValueError as e:
    print(e.__suppress_context__, e.__cause__)
print(sys.exc_info())
try:
    raise OSError(2, "No such file", "x.txt")
except FileNotFoundError as e:
    print(e, e.errno, e.filename, e.args)
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    raise ValueError("swallowed")
print("after with")
with Ctx():
    pass
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
@deco
def add(a, b=2, *rest, c, **kw):
    return a + b + c + sum(rest) + sum(kw.values())
print(add(1, c=3), add(1, 2, 3, 4, c=5, d=6))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c(), c.__closure__[0].cell_contents)
x = 10
def glob():
    global x
    x += 1
glob(); print(x)
for exc in [lambda: add(), lambda: add(1, 2, c=3, c2=4, a=1), lambda: (lambda a, /: a)(a=1), lambda: [].pop(), lambda: {}.x]:
    try:
        exc()
    except Exception as e:
        print(type(e).__name__, e)
a, *b, c = range(5); print(a, b, c)
(p, q), r = (1, 2), 3; print(p, q, r)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
print(f"{3.14159:.2f} {'x':>4} {42:05d} {255:#x} {1e6:,.0f} {'a'!r} {7:b}")
print("%s %d %.3f %5s %-5s| %x %r" % ("s", 42, 3.14159, "ab", "cd", 255, "q"))
print("{} {} {name}".format(1, 2, name="n"), "{0[1]} {1.real}".format([5, 6], 3))
