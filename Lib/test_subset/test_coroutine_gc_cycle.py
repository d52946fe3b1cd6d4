# A suspended coroutine awaiting an async generator's __anext__() awaitable,
# in a reference cycle through that awaitable, is collected by gc.collect().
import gc
class S:
    def __await__(self):
        yield "s"
class Marker:
    def __del__(self):
        print("marker freed")
async def agen(box):
    m = Marker()
    await S()
    yield 1
async def waiter(ag):
    await ag.__anext__()
box = []
ag = agen(box)
w = waiter(ag)
box.append(w)
print(w.send(None))
del w, ag, box
print("collecting")
gc.collect()
print("done")
