# select (select(), poll, epoll) and CPython's selectors on pipes:
# readiness, timeouts, registration errors and argument errors.
import os
import select
import selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"hello")
print(select.select([r], [], [], 0.5) == ([r], [], []))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


rs, ws, xs = select.select([F(r)], [F(w)], [F(r)], 0)
print(len(rs), len(ws), len(xs), rs[0].fd == r)
for args in (1, [], []), ([], [], [], "x"), ([], [], [], -1), (["a"], [], []), ([-3], [], []):
    try:
        select.select(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(10) == [(r, select.POLLIN)])
p.unregister(w)
for f, a in ((p.unregister, (w,)), (p.modify, (99, 1)), (p.poll, ("x",))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)

ep = select.epoll()
ep.register(r, select.EPOLLIN)
print(ep.poll(0) == [(r, select.EPOLLIN)], ep.closed, ep.fileno() > 2)
ep.unregister(r)
print(ep.poll(0.01))
ep.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print("ValueError", e)
with select.epoll() as ep2:
    ep2.register(w, select.EPOLLOUT)
    print(ep2.poll(1) == [(w, select.EPOLLOUT)])

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector,
            selectors.DefaultSelector):
    with cls() as sel:
        sel.register(r, selectors.EVENT_READ, "data-r")
        sel.register(w, selectors.EVENT_WRITE)
        ready = sorted((key.fd == r, ev, key.data) for key, ev in sel.select(0.5))
        print(cls.__name__, ready, len(sel.get_map()))
        sel.unregister(w)
        print(os.read(r, 100), sel.select(0.01))
        os.write(w, b"again")
print(select.error is OSError, selectors.DefaultSelector.__name__)
print(sorted(n for n in dir(select) if n.startswith("POLL")))
