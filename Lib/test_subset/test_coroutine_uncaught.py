# An exception raised deep in an await chain, through an object's
# __await__ generator and an async with, reaches the top uncaught.


class Step:
    def __await__(self):
        value = yield "step"
        if value == "boom":
            raise ValueError("bad value: " + value)
        return value


class Guard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        print("guard exit sees", exc[0].__name__)
        return False


async def inner(n):
    got = await Step()
    return got * n


async def middle():
    async with Guard():
        return await inner(2) + "!"


async def outer():
    try:
        return await middle()
    except KeyError:
        return "unreachable"


def drive(coro):
    values = iter(["boom"])
    value = None
    while True:
        try:
            coro.send(value)
        except StopIteration as e:
            return e.value
        value = next(values)


print(drive(outer()))
