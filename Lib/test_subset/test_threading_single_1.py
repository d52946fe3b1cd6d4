# CPython's threading.py on rpy's one thread: the main thread, locks,
# conditions, events, semaphores, barriers, thread-local data.
import threading

main = threading.current_thread()
print(main.name, main is threading.main_thread(), threading.active_count(), main.is_alive())
print(main.ident == threading.get_ident(), main.daemon, threading.enumerate() == [main])
print(threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(timeout=0.02), lock.acquire(blocking=False))
lock.release()
rlock = threading.RLock()
with rlock:
    with rlock:
        print("rlock owned", rlock._is_owned())
cond = threading.Condition()
with cond:
    print(cond.wait(0.02), cond.wait_for(lambda: True), cond.notify(), cond.notify_all())
try:
    cond.notify()
except RuntimeError as e:
    print(type(e).__name__, e)
ev = threading.Event()
print(ev.is_set(), ev.wait(0.02))
ev.set()
print(ev.wait(), ev.is_set())
ev.clear()
print(ev.is_set())
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.02), sem.acquire(False))
sem.release(2)
bsem = threading.BoundedSemaphore(1)
bsem.acquire()
bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError", e)
data = threading.local()
data.x = 5
print(data.x)
class Counter(threading.local):
    def __init__(self, start):
        self.n = start
print(Counter(3).n)
barrier = threading.Barrier(1)
print(barrier.wait(), barrier.parties)

t = threading.Thread(target=print, args=("from the thread",), name="worker")
print(t.name, t.is_alive(), t.daemon, t.ident)
print(threading.active_count())
