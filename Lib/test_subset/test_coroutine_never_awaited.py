# "coroutine ... was never awaited": CPython's RuntimeWarning on stderr,
# once per location, reported where the coroutine was dropped.


async def job():
    return 1


class Service:
    async def fetch(self):
        return 2


print("start")
job()
for i in range(3):
    job()
Service().fetch()


def helper():
    pending = job()
    return "helper done"


print(helper())
print(helper())

c = job()
del c

started = job()
try:
    started.send(None)
except StopIteration:
    pass
del started

closed = job()
closed.close()
del closed

awaited = job()


async def main():
    return await awaited


try:
    main().send(None)
except StopIteration as e:
    print("awaited:", e.value)

print("end")
left = job()
