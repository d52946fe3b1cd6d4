# Async generators (PEP 525): async for over them, asend/athrow/aclose,
# their awaitables, finalization, and errors.


class Sleep:
    def __aawait__(self):
        pass

    def __await__(self):
        got = yield "tick"
        return got


async def counter(n):
    for i in range(n):
        await Sleep()
        yield i
    print("counter exhausted")


async def collect(agen):
    out = []
    async for x in agen:
        out.append(x)
    return out


def run(coro):
    steps = 0
    while True:
        try:
            y = coro.send(None)
        except StopIteration as e:
            return e.value, steps
        steps += 1


print(run(collect(counter(3))))

ag = counter(2)
print(type(ag).__name__, ag.__name__, ag.__qualname__)
print(ag.ag_running, ag.ag_await, ag.ag_code.co_name)
print(bool(ag.ag_code.co_flags & 0x200), bool(ag.ag_code.co_flags & 0x80), bool(ag.ag_code.co_flags & 0x20))
print(repr(ag).startswith("<async_generator object counter at 0x"))
print(ag.__aiter__() is ag)
nx = ag.__anext__()
print(type(nx).__name__, nx.__await__() is nx, iter(nx) is nx)
print("first send:", nx.send(None))
print("ag_running while suspended in await:", ag.ag_running, type(ag.ag_await).__name__)
try:
    nx.send(None)
except StopIteration as e:
    print("anext result:", e.value)
try:
    nx.send(None)
except RuntimeError as e:
    print(e)


# asend values into the generator
async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo closing with", received)


def step(aw, value=None):
    try:
        return ("yielded", aw.send(value))
    except StopIteration as e:
        return ("result", e.value)
    except StopAsyncIteration:
        return ("stop-async",)


e = echo()
print(step(e.asend(None)))
print(step(e.asend("a")))
print(step(e.asend("b")))
print(step(e.__anext__()))
try:
    e.asend("x").send(None)
except StopIteration as ex:
    print("asend with value", ex.value)
print(step(e.aclose()))
print(step(e.__anext__()))
print(step(e.aclose()))

# can't send non-None into a just-started async generator
try:
    echo().asend(5).send(None)
except TypeError as ex:
    print(ex)


# athrow: handled, unhandled, after exhaustion
async def handles():
    while True:
        try:
            yield "ready"
        except ValueError as ex:
            yield "handled " + str(ex)


h = handles()
print(step(h.__anext__()))
print(step(h.athrow(ValueError("one"))))
print(step(h.__anext__()))
try:
    step(h.athrow(KeyError("two")))
except KeyError as ex:
    print("propagated", repr(ex))
print(step(h.__anext__()))
print(step(h.athrow(ValueError)))
try:
    h.athrow(ValueError).send(None)
except StopIteration:
    print("athrow after exhaustion: StopIteration")
h2 = handles()
print(step(h2.__anext__()))
print(step(h2.aclose()))
print(step(h2.athrow(ValueError)))

aw = handles().athrow(ValueError("x"))
try:
    aw.send(None)
except ValueError as ex:
    print("athrow on fresh generator:", ex)
try:
    aw.send(None)
except RuntimeError as ex:
    print(ex)


# aclose when the generator ignores GeneratorExit
async def ignores():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


ig = ignores()
step(ig.__anext__())
try:
    ig.aclose().send(None)
except RuntimeError as ex:
    print(ex)


# aclose that awaits in its finally block
async def slow_cleanup():
    try:
        yield 1
    finally:
        got = await Sleep()
        print("cleanup awaited", got)


sc = slow_cleanup()
print(step(sc.__anext__()))
closer = sc.aclose()
print(closer.send(None))
try:
    closer.send("resumed")
except StopIteration as ex:
    print("aclose done", ex.value)


# StopAsyncIteration / StopIteration raised inside
async def bad_stop():
    raise StopAsyncIteration
    yield


async def bad_stop2():
    raise StopIteration
    yield


for g in (bad_stop(), bad_stop2()):
    try:
        g.__anext__().send(None)
    except RuntimeError as ex:
        print(ex, "| cause:", repr(ex.__cause__))


# an async generator that awaits another async generator
async def doubled(source):
    async for v in source:
        yield v * 2


async def take(n, source):
    out = []
    async for v in source:
        out.append(v)
        if len(out) == n:
            break
    await source.aclose()
    return out


print(run(take(2, doubled(counter(5)))))


# the already-running check
async def running_check():
    yield 1


r = running_check()
first = r.__anext__()
second = r.__anext__()
print(step(first))
print(step(second))
try:
    step(r.__anext__())
except Exception as ex:
    print(type(ex).__name__, ex)


# async generator expression and return in async generators
async def with_return():
    yield 1
    return


print(run(collect(with_return())))
print(run(collect(x * x async for x in counter(4))))
print(type(x async for x in counter(1)).__name__)
