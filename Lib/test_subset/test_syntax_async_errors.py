# CPython's SyntaxErrors for coroutine syntax in the wrong place: message,
# line and offset, through compile().

cases = [
    "await x",
    "def f():\n    await x",
    "class C:\n    await x",
    "lambda: await x",
    "async def f():\n    lambda: await x",
    "async def f():\n    def g():\n        await x",
    "async def f():\n    yield from x",
    "def f():\n    async for x in y: pass",
    "async for x in y: pass",
    "def f():\n    async with x: pass",
    "async with x: pass",
    "def f():\n    [x async for x in y]",
    "[x async for x in y]",
    "def f():\n    {x: 1 async for x in y}",
    "def f():\n    [await x for x in y]",
    "def f():\n    return [x for x in await y]",
    "async def f():\n    class C:\n        [x async for x in y]",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    yield 1\n    return None",
    "async def f():\n    await = 1",
    # valid
    "async def f():\n    yield 1\n    return",
    "def f():\n    return (x async for x in y)",
    "(x async for x in y)",
    "async def f():\n    return [x for x in y if await x]",
    "def f():\n    return [[x async for x in y] for z in w]",
]

for src in cases:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(f"{src!r}: {e.msg} ({e.lineno}, {e.offset})")
    else:
        print(f"{src!r}: compiles")
