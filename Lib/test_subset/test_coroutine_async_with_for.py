# async with and async for, driven by a tiny round-robin scheduler.


class Sleep:
    """Yields to the scheduler once."""

    def __await__(self):
        yield "sleep"


class Scheduler:
    def __init__(self):
        self.tasks = []

    def spawn(self, name, coro):
        self.tasks.append((name, coro))

    def run(self):
        while self.tasks:
            name, coro = self.tasks.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                print(f"[{name}] finished -> {e.value!r}")
            except Exception as e:
                print(f"[{name}] failed: {type(e).__name__}: {e}")
            else:
                self.tasks.append((name, coro))


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await Sleep()
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        await Sleep()
        return self.suppress


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Sleep()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def worker(name, n):
    total = 0
    async with Resource(name) as r:
        print(name, "got", r)
        async for i in Ticker(n):
            print(name, "tick", i)
            total += i
    return total


async def nested():
    async with Resource("a") as a, Resource("b") as b:
        print("inside", a, b)
    async with Resource("s", suppress=True):
        raise KeyError("suppressed")
    print("after suppressed")
    try:
        async with Resource("t"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "nested done"


async def loops():
    out = []
    async for i in Ticker(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("no else")
    async for i in Ticker(2):
        out.append(i * 10)
    else:
        out.append("else ran")
    return out


async def early_return():
    async with Resource("r"):
        async for i in Ticker(3):
            if i == 2:
                return i


s = Scheduler()
s.spawn("w1", worker("w1", 2))
s.spawn("w2", worker("w2", 3))
s.spawn("nested", nested())
s.spawn("loops", loops())
s.spawn("early", early_return())
s.run()


# protocol errors
class NoAsync:
    pass


class OnlyEnter:
    async def __aenter__(self):
        return 1


class EnterNotAwaitable:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


class ExitNotAwaitable:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


class AiterInt:
    def __aiter__(self):
        return 1


class AnextInt:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


class AnextRaises:
    def __aiter__(self):
        return self

    def __anext__(self):
        raise ValueError("from __anext__")


class SyncIterOnly:
    def __iter__(self):
        return iter([1])


async def use_with(m):
    async with m:
        return "body"


async def use_for(it):
    async for x in it:
        return x


for m in (NoAsync(), OnlyEnter(), EnterNotAwaitable(), ExitNotAwaitable(), 5):
    try:
        use_with(m).send(None)
    except Exception as e:
        print(type(e).__name__, e)

for it in (1, AiterInt(), AnextInt(), AnextRaises(), SyncIterOnly(), [1, 2]):
    try:
        use_for(it).send(None)
    except Exception as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))
