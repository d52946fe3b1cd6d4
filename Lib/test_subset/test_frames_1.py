# Frame objects: sys._getframe chains, f_back, f_code, f_globals, f_locals
# snapshots, f_lineno, tb_frame walking, gi_frame, frame repr and clear().
import sys


def describe(f):
    return (f.f_code.co_name, f.f_lineno, f.f_globals is globals())


def inner():
    f = sys._getframe()
    chain = []
    while f is not None:
        chain.append(f.f_code.co_name)
        f = f.f_back
    return chain


def middle():
    return inner()


def outer():
    return middle()


print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
print(type(sys._getframe()).__name__, type(sys._getframe()).__module__)


def caller_name(depth):
    return sys._getframe(depth).f_code.co_name


def a():
    return caller_name(1), caller_name(2), caller_name(0)


print(a())
try:
    sys._getframe(10000)
except ValueError as e:
    print("ValueError:", e)
print(sys._getframe(-3).f_code.co_name)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sys._getframe(1, 2)
except TypeError as e:
    print("TypeError:", e)


# f_locals of a function frame: a snapshot of fast locals and cells.
def locals_of_caller():
    return sys._getframe(1).f_locals


def with_locals(p, q=2):
    x = 10
    y = [1, 2]
    z = None
    del z
    snap = locals_of_caller()
    return sorted(snap.items(), key=lambda kv: kv[0])


print(with_locals(1))


def closure_locals():
    cellvar = "cell"

    def inner():
        return cellvar, sys._getframe().f_locals

    return inner()


print(closure_locals())


def read_locals(fr):
    return sorted(fr.f_locals)


def refreshed():
    f = sys._getframe()
    first = read_locals(f)
    later = 5
    second = read_locals(f)
    return first, second, f.f_locals is sys._getframe().f_locals


print(refreshed())

# Module and class frames: f_locals is the namespace itself.
print(sys._getframe().f_locals is globals())


class K:
    frame = sys._getframe()
    inside = frame.f_locals is locals()
    name = frame.f_code.co_name


print(K.inside, K.name, sorted(k for k in K.frame.f_locals if not k.startswith("__")))
print(K.frame.f_back.f_code.co_name)

# f_lineno of callers and the line of the frame that asked.
def where():
    return sys._getframe(1).f_lineno


def lines():
    first = where()
    second = where()
    return second - first


print(lines())
print(sys._getframe().f_lineno)

# f_globals and f_builtins
def g_and_b():
    f = sys._getframe()
    return f.f_globals is globals(), f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f.f_builtins is __builtins__


print(g_and_b())

# f_lasti: even, and grows as the frame runs.
def lasti():
    f = sys._getframe()
    a = f.f_lasti
    b = sys._getframe().f_lasti
    return a % 2 == 0, b > a


print(lasti())

# f_trace is an ordinary attribute (no tracing).
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
f.f_trace = print
print(f.f_trace is print)
f.f_trace = None


# Tracebacks: tb_frame, tb_lineno, tb_next, tb_lasti.
def fail(n):
    local_in_fail = n * 2
    raise KeyError(n)


def call_fail():
    marker = "cf"
    fail(7)


try:
    call_fail()
except KeyError:
    tb = sys.exc_info()[2]
    seen = []
    while tb is not None:
        fr = tb.tb_frame
        seen.append((fr.f_code.co_name, tb.tb_lineno, tb.tb_lasti % 2))
        if fr.f_code.co_name == "fail":
            print("fail locals", fr.f_locals)
            print("fail back", fr.f_back.f_code.co_name, sorted(fr.f_back.f_locals))
        if fr.f_code.co_name == "call_fail":
            print("call_fail locals", fr.f_locals)
        tb = tb.tb_next
    print(seen)
    print(sys.exc_info()[2].tb_frame is sys._getframe())


def handler_frame():
    try:
        1 / 0
    except ZeroDivisionError as e:
        tb = e.__traceback__
        return tb.tb_frame.f_code.co_name, tb.tb_frame.f_back.f_code.co_name, tb.tb_lineno


print(handler_frame())


# Generators: gi_frame while suspended, None once finished.
def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total


g = gen(3)
fr = g.gi_frame
print(type(fr).__name__, fr.f_code.co_name, fr.f_lineno == gen.__code__.co_firstlineno)
print(fr.f_back, sorted(fr.f_locals.items()))
next(g)
print(g.gi_frame is fr, fr.f_lineno - gen.__code__.co_firstlineno, sorted(fr.f_locals.items()))
next(g)
print(sorted(fr.f_locals.items()), fr.f_back)
print(list(g), g.gi_frame)
print(sorted(fr.f_locals.items()))


def gen_self():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_globals is globals()


print(list(gen_self()))

# frame.clear()
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)


def finished():
    x = 1
    return sys._getframe()


done = finished()
print(sorted(done.f_locals))
print(done.clear(), done.f_back is sys._getframe())
g2 = gen(2)
next(g2)
gf = g2.gi_frame
gf.clear()
print(g2.gi_frame, list(g2))

# repr
import re

r = repr(sys._getframe())
print(re.sub(r"0x[0-9a-f]+", "0x?", r).replace(repr(__file__)[1:-1], "FILE"))


def named():
    return repr(sys._getframe())


print(re.sub(r"0x[0-9a-f]+", "0x?", named()).replace(repr(__file__)[1:-1], "FILE"))


# Frames through native code: functions called back by native code
# (sorted's key, a class body run by __build_class__) see their callers.
def key(x):
    return sys._getframe(1).f_globals is globals(), x


print(sorted([2, 1], key=key))


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_in"] = sys._getframe(1).f_globals["__name__"]
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.made_in)

# settrace / setprofile: no hook is installed; removing one is a no-op.
print(sys.gettrace(), sys.getprofile())
print(sys.settrace(None), sys.setprofile(None))
