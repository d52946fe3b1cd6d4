def countdown(n):
    print("  starting")
    while n > 0:
        yield n
        n -= 1
    print("  finished")
    return "liftoff"

gen = countdown(3)
print(type(gen).__name__)
print(next(gen), next(gen), next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration value:", stop.value)
print(next(gen, "exhausted"))

def inner():
    received = yield "i1"
    print("  inner got", received)
    yield "i2"
    return "inner-result"

def outer():
    result = yield from inner()
    print("  yield from returned", result)
    yield from range(2)
    yield from ["x", "y"]

print(list(outer()))

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value

acc = accumulator()
print(next(acc), acc.send(5), acc.send(10), acc.send(1))
try:
    acc.send(None)
except StopIteration:
    print("accumulator stopped")

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  caught in generator:", e)
        yield "recovered"
    finally:
        print("  generator cleanup")

g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g2 = guarded()
print(next(g2))
g2.close()
print("closed twice ok:", g2.close())

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, iterable):
    it = iter(iterable)
    return [next(it) for _ in range(n)]

print(take(15, fib()))
squares = (x * x for x in range(6))
print(sum(squares), sum(squares))
print(list(zip(countdown(2), "ab")))
