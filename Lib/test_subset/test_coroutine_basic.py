# Coroutines driven by hand: send/throw/close, attributes, await chains,
# objects with __await__, and CPython's error messages.


class Suspend:
    """An awaitable that yields once to the driver, with a value."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield self.value
        return got


async def leaf(x):
    got = await Suspend(("leaf", x))
    return x * 10 + (got or 0)


async def middle(x):
    a = await leaf(x)
    b = await leaf(x + 1)
    return a + b


async def top():
    total = 0
    for i in range(3):
        total += await middle(i)
    return total


def run(coro, sends=None):
    """Drives `coro` to completion, printing what it yields."""
    value = None
    n = 0
    while True:
        try:
            y = coro.send(value)
        except StopIteration as e:
            print("done:", e.value)
            return e.value
        print("yielded:", y)
        n += 1
        value = n


run(top())

c = leaf(5)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_suspended, c.cr_origin)
print(c.cr_code.co_name, bool(c.cr_code.co_flags & 0x80), bool(c.cr_code.co_flags & 0x20))
print(repr(c).startswith("<coroutine object leaf at 0x"))
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_suspended)
try:
    c.send(7)
except StopIteration as e:
    print("stop", e.value)
print(c.cr_await, c.cr_suspended)
for action in ("send", "throw", "close"):
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError("x"))
        else:
            print("close ->", c.close())
    except Exception as e:
        print(action, type(e).__name__, e)

c = leaf(1)
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()
print(c.cr_suspended)


class Named:
    async def method(self):
        return self


m = Named().method()
print(m.__qualname__, m.__name__)
m.__name__ = "renamed"
print(m.__name__)
m.close()

# cr_running inside
async def looks_at_itself():
    return me.cr_running

me = looks_at_itself()
try:
    me.send(None)
except StopIteration as e:
    print("running inside:", e.value)

# throw into a suspended coroutine, caught inside
async def catches():
    try:
        await Suspend(1)
    except KeyError as e:
        print("caught", repr(e))
        return "recovered"

c = catches()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

# close runs finally blocks
async def cleans():
    try:
        await Suspend(1)
    finally:
        print("finally ran")

c = cleans()
c.send(None)
print(c.close())

# coroutine ignored GeneratorExit
async def stubborn():
    try:
        await Suspend(1)
    except GeneratorExit:
        await Suspend(2)

c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)
c = None

# awaiting things that are not awaitable
class RetInt:
    def __await__(self):
        return 1


class RetCoro:
    def __await__(self):
        return leaf(0)


class RetList:
    def __await__(self):
        return iter([1, 2])


async def await_it(obj):
    return await obj


def plain_gen():
    yield 1


for obj in (1, "s", None, RetInt(), RetList(), plain_gen()):
    co = await_it(obj)
    try:
        print("first step:", co.send(None))
        print("second step:", co.send(None))
        co.send(None)
    except TypeError as e:
        print("TypeError:", e)
    except StopIteration as e:
        print("result:", e.value)

# the coroutine returned by __await__ is dropped: it warns as never awaited
try:
    await_it(RetCoro()).send(None)
except TypeError as e:
    print("TypeError:", e)

# awaiting a coroutine twice
async def once():
    return 1

o = once()
print(run(await_it(o)))
try:
    run(await_it(o))
except RuntimeError as e:
    print("RuntimeError:", e)

# a coroutine being awaited already
async def waits():
    await Suspend(0)

w = waits()
a1 = await_it(w)
a1.send(None)
try:
    await_it(w).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
a1.close()

# StopIteration inside a coroutine
async def raises_stop():
    raise StopIteration(3)

try:
    raises_stop().send(None)
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))

# already executing
async def reenter():
    inner.send(None)

inner = reenter()
try:
    inner.send(None)
except ValueError as e:
    print(e)

# __await__ wrapper object
w = once().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper stop", e.value)
w2 = leaf(2).__await__()
print(w2.send(None))
try:
    w2.send(5)
except StopIteration as e:
    print("wrapper send", e.value)
w3 = catches().__await__()
next(w3)
try:
    w3.throw(KeyError("via wrapper"))
except StopIteration as e:
    print(e.value)
w4 = cleans().__await__()
next(w4)
w4.close()
