# inspect.stack() and traceback stacks through native calls, tracebacks
# whose frames keep their final state, and generator frames.
import inspect
import sys
import traceback


def names_and_lines():
    return [(fi.function, fi.lineno) for fi in inspect.stack()]


def in_sorted_key():
    out = []

    def key(v):
        if not out:
            out.extend(names_and_lines())
        return v

    sorted([2, 1], key=key)
    return out


for name, line in in_sorted_key():
    print(name, line)


def stack_in_map():
    return list(map(lambda _: traceback.extract_stack(), [0]))[0]


for fs in stack_in_map():
    if fs.filename == __file__:
        print(fs.name, fs.lineno, fs.line)


def fail(v):
    raise ValueError(v)


def through_native():
    return list(map(fail, [7]))


try:
    through_native()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        f = tb.tb_frame
        loc = f.f_locals
        names = "module" if loc is f.f_globals else sorted(loc)
        print(f.f_code.co_name, tb.tb_lineno, f.f_lineno, names)
        tb = tb.tb_next
    traceback.print_exc(file=sys.stdout)


def key_fails(v):
    return v / 0


try:
    sorted([1, 2], key=key_fails)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def gen():
    a = 1
    yield sys._getframe().f_back.f_code.co_name
    b = 2
    yield "b"


g = gen()
fr = g.gi_frame
print(fr.f_lineno, sorted(fr.f_locals), fr.f_back)


def consume():
    return next(g)


print(consume())
print(fr.f_lineno, sorted(fr.f_locals), fr.f_back)
print(next(g), fr.f_lineno, sorted(fr.f_locals))
print(list(g), g.gi_frame)
print(fr.f_lineno, sorted(fr.f_locals))


def live_back():
    f = sys._getframe()

    def inner():
        return sys._getframe().f_back

    return inner() is f


print(live_back())


def finished_back():
    def inner():
        return sys._getframe()

    f = inner()
    return f.f_back is sys._getframe(), f.f_code.co_name


print(finished_back())


def cleared():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    x = 5
    return f


f = cleared()
print(sorted(f.f_locals))
f.clear()
print(sorted(f.f_locals))
