# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter runs on the first
# iteration, the finalizer gets an unfinished async generator when it is
# dropped (instead of it being closed), as an event loop uses them.
import sys
print(sys.get_asyncgen_hooks())
print(type(sys.get_asyncgen_hooks()).__name__)
seen = []
def first(ag):
    print("firstiter", ag.__name__)
def fin(ag):
    print("finalizer", ag.__name__, ag.ag_running)
    seen.append(ag)
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(2, 3)
except TypeError as e:
    print(e)
sys.set_asyncgen_hooks(first, fin)
h = sys.get_asyncgen_hooks()
print(h.firstiter is first, h[1] is fin)

async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")

g = gen()
a = g.__anext__()
try:
    a.send(None)
except StopIteration as e:
    print("got", e.value)
g2 = gen()
g2.asend(None)
del a
del g
print("after del g")
print(len(seen))
closer = seen[0].aclose()
try:
    closer.send(None)
except StopIteration:
    print("closed via hook")
del g2
print(len(seen))
sys.set_asyncgen_hooks(finalizer=None)
h = sys.get_asyncgen_hooks(); print(h.firstiter is None, h.finalizer is None, h == (None, None))
g3 = gen()
g3.__anext__()
sys.set_asyncgen_hooks(None, None)
del g3
h = sys.get_asyncgen_hooks(); print(h.firstiter is None, h.finalizer is None, h == (None, None))

# coroutine origin tracking: depth 0 (off) is the default
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
try:
    sys.set_coroutine_origin_tracking_depth("x")
except TypeError as e:
    print(e)
sys.set_coroutine_origin_tracking_depth(depth=0)
print(sys.get_coroutine_origin_tracking_depth())
