def worker():
    print("  worker started")
    try:
        while True:
            try:
                job = yield
                print("  processing", job)
            except ValueError as e:
                print("  bad job:", e)
    except GeneratorExit:
        print("  worker shutting down")
        raise
    finally:
        print("  worker finally")

w = worker()
next(w)
w.send("job-1")
w.throw(ValueError, ValueError("job-2 invalid"))
w.send("job-3")
w.close()
print("closed")
try:
    w.send("after close")
except StopIteration:
    print("send after close -> StopIteration")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses to stop"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def not_started():
    yield 1
try:
    not_started().send("x")
except TypeError as e:
    print("TypeError:", e)

def thrower():
    yield 1
    yield 2
t = thrower()
next(t)
try:
    t.throw(KeyError("from outside"))
except KeyError as e:
    print("propagated:", repr(e))
print(next(t, "exhausted after throw"))

def returns_in_finally():
    try:
        yield "a"
    finally:
        print("  cleanup on garbage/close")

g = returns_in_finally()
print(next(g))
del g
print("after del")

def gen_with_return():
    yield 1
    return [1, 2]

def delegator():
    got = yield from gen_with_return()
    print("  delegated result", got)

print(list(delegator()))

def raising_stop():
    yield 1
    raise StopIteration("inside generator")

try:
    list(raising_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
