# __anext__ returns a non-awaitable: the TypeError is raised from the
# original error (chained as its cause), inside an async for.


class BadAiter:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


async def consume():
    total = 0
    async for item in BadAiter():
        total += item
    return total


async def main():
    result = await consume()
    print(result)


main().send(None)
