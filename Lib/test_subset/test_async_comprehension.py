# Asynchronous comprehensions (PEP 530) and async generator expressions,
# and async generators finalized when dropped.


class Sleep:
    def __await__(self):
        yield "tick"


async def arange(n):
    for i in range(n):
        await Sleep()
        yield i


async def double(x):
    await Sleep()
    return x * 2


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        ticks += 1


async def comprehensions():
    print([x async for x in arange(4)])
    print({x % 2 async for x in arange(5)})
    print({x: x * x async for x in arange(3)})
    print([x async for x in arange(6) if x % 2 if x > 1])
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in arange(3)])
    print([(x, y) async for x in arange(2) for y in "ab"])
    print([(x, y) for x in "ab" async for y in arange(2)])
    print([[y async for y in arange(x)] for x in range(3)])
    print([x for x in await double(2) * [1]])
    gen = (await double(x) for x in range(3))
    print(type(gen).__name__)
    print([v async for v in gen])
    agen = (x + 1 async for x in arange(3))
    print(type(agen).__name__, agen.ag_code.co_name)
    print([v async for v in agen])
    return "ok"


print(run(comprehensions()))


# async comprehensions' code objects are coroutines
async def f():
    return [x async for x in arange(2)]


listcomp = [c for c in f.__code__.co_consts if hasattr(c, "co_name")][0]
print(listcomp.co_name, bool(listcomp.co_flags & 0x80))
print(run(f()))


# a generator expression with async for is valid in a plain function
def make():
    return (x * 10 async for x in arange(3))


async def consume(g):
    return [x async for x in g]


print(run(consume(make())))


# errors inside comprehensions propagate
async def failing():
    return [1 // x async for x in arange(3)]


try:
    run(failing())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


# dropping a suspended async generator runs its finally block
async def guarded(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", tag)


async def first_only(tag):
    g = guarded(tag)
    async for v in g:
        return v


print(run(first_only("dropped")))
g = guarded("collected")
print(run(g.__anext__()))
del g
print("after del")
