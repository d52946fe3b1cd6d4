# CPython's asyncio, unchanged: run, tasks, gather, wait_for and
# timeouts, queues, locks, events, semaphores, sleep, cancellation.
import asyncio


async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()


async def tasks_and_gather():
    log = []
    t = asyncio.create_task(worker("a", 0.02, log))
    results = await asyncio.gather(worker("b", 0.01, log), t, worker("c", 0, log))
    print("gather", results, log)
    r = await asyncio.gather(worker("x", 0, log), asyncio.sleep(0, "y"), return_exceptions=True)
    print("gather2", r)

    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")

    r = await asyncio.gather(boom(), worker("z", 0, log), return_exceptions=True)
    print("gather3", [type(x).__name__ for x in r])
    try:
        await asyncio.gather(boom())
    except ValueError as e:
        print("raised", e)
    print(t.done(), t.result(), t.cancelled())


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.02)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print("wait_for", await asyncio.wait_for(worker("q", 0, []), timeout=1))
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() timed out")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print("timeout(None)", cm.expired())
    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(0.01, "fast")), asyncio.create_task(asyncio.sleep(5))],
        return_when=asyncio.FIRST_COMPLETED,
    )
    print("wait", [t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled", [t.cancelled() for t in pending])


async def cancellation():
    started = asyncio.Event()

    async def long():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("long: cancelled")
            raise

    t = asyncio.create_task(long())
    await started.wait()
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(t.cancelled())
    s = asyncio.shield(asyncio.sleep(0.01, "shielded"))
    print(await s)


async def queues():
    q = asyncio.Queue(maxsize=2)
    out = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            out.append(item * item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer())
    await q.join()
    print("queue", out, q.empty(), q.qsize())
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        pq.put_nowait(x)
    print("priority", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print("lifo", [await lq.get() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


async def sync_primitives():
    lock = asyncio.Lock()
    order = []

    async def critical(n):
        async with lock:
            order.append(("in", n))
            await asyncio.sleep(0)
            order.append(("out", n))

    await asyncio.gather(*(critical(i) for i in range(3)))
    print("lock", order, lock.locked())
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(n):
        async with sem:
            active.append(n)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.01)
            active.remove(n)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("semaphore peak", peak[0])
    ev = asyncio.Event()

    async def waiter(n):
        await ev.wait()
        return n

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("event set?", ev.is_set())
    ev.set()
    print("event", await asyncio.gather(*ts))
    cond = asyncio.Condition()
    box = []

    async def consume():
        async with cond:
            await cond.wait_for(lambda: box)
            return box.pop()

    c = asyncio.create_task(consume())
    await asyncio.sleep(0)
    async with cond:
        box.append("item")
        cond.notify()
    print("condition", await c)


async def main():
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, loop.is_running())
    await tasks_and_gather()
    await timeouts()
    await cancellation()
    await queues()
    await sync_primitives()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print(await fut)
    fut2 = loop.create_future()
    loop.call_later(0.01, fut2.set_result, "later")
    print(await fut2)
    return "done"


print(asyncio.run(main()))


async def fails():
    await asyncio.sleep(0)
    raise KeyError("k")


try:
    asyncio.run(fails())
except KeyError as e:
    print("KeyError", e)
print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
