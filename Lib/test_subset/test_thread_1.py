# _thread.lock and RLock on one thread: acquire/release, timeouts,
# argument errors, context managers, reprs (addresses cut).
import _thread
import re

def r(o):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", re.sub(r"owner=\d+", "owner=N", repr(o)))

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, _thread.LockType.__name__, _thread.LockType.__module__)
print(r(lock), lock.locked())
print(lock.acquire(), r(lock), lock.locked())
print(lock.acquire(False), lock.acquire(0), lock.acquire(blocking=False), lock.acquire(timeout=0.02))
print(lock.acquire(True, 0), lock.acquire_lock(False), lock.locked_lock())
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    lock.release_lock()
except _thread.error as e:
    print(type(e).__name__, e)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
print(lock.__enter__(), lock.__exit__(None, None, None), lock.locked())
lock.acquire()
lock._at_fork_reinit()
print("reinit", lock.locked())

for args, kw in [((False, 1), {}), ((True, -2), {}), ((True, 1e300), {}), (("x",), {}),
                 ((True, "x"), {}), ((), {"blocking": False, "timeout": -1}), ((1, 2, 3), {}),
                 ((), {"bogus": 1}), ((None,), {}), ((True, float("nan")), {}),
                 ((True, -1.0), {}), ((True, 2**70), {}), ((1.5,), {}), ((2**40,), {}),
                 ((True, 1e10), {}), ((True, -0.5), {}), ((True, 0), {}), ((2,), {})]:
    try:
        got = lock.acquire(*args, **kw)
        print(args, kw, got)
        lock.release()
    except Exception as e:
        print(args, kw, type(e).__name__, e)

try:
    _thread.LockType()
except TypeError as e:
    print(e)

rl = _thread.RLock()
print(r(rl), rl._is_owned(), rl._recursion_count())
print(rl.acquire(), rl.acquire(), rl._is_owned(), rl._recursion_count(), r(rl))
state = rl._release_save()
print(state[0], state[1] == _thread.get_ident(), rl._is_owned(), r(rl))
print(rl._acquire_restore(state), rl._recursion_count())
rl.release()
rl.release()
for call in (rl.release, rl._release_save):
    try:
        call()
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    rl._acquire_restore(1)
except TypeError as e:
    print(e)
with rl:
    with rl:
        print("nested", rl._recursion_count())
print(rl.acquire(timeout=0.01), rl.acquire(False), rl._recursion_count())
rl._at_fork_reinit()
print(rl._recursion_count(), _thread.RLock(1, x=2)._is_owned())
class MyRLock(_thread.RLock):
    pass
m = MyRLock()
print(m.acquire(), type(m).__name__, r(m).split(" object")[0])
try:
    rl.acquire(False, 1)
except ValueError as e:
    print(e)
for call in (lambda: lock.release(1), lambda: lock.locked(1), lambda: rl._is_owned(1)):
    try:
        call()
    except TypeError as e:
        print(e)
