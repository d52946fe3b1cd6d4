# _bisect and _heapq, and CPython's bisect.py / heapq.py on top of them.
import _bisect
import _heapq
import bisect
import heapq


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(bisect.bisect_left is _bisect.bisect_left, heapq.heappush is _heapq.heappush)
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x), bisect.bisect(a, x))
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_right(a, 2, 0, 2), _bisect.bisect_left(a, 2, hi=1))
print(_bisect.bisect_left(a, 2, lo=5, hi=3), _bisect.bisect_right(a, 2, hi=None))
print(_bisect.bisect_left(a, 2, 0, -1), _bisect.bisect_left(a, 2, 0, -5))
t(lambda: _bisect.bisect_left(a, 2, -1))
t(lambda: _bisect.bisect_left(a, 2, 0, 100))
t(lambda: _bisect.bisect_left(a))
t(lambda: _bisect.bisect_left(a, 1, 2, 3, 4, 5))
t(lambda: _bisect.bisect_left(a, 1, x=3))
t(lambda: _bisect.bisect_left(a, 1, lo=1.5))
t(lambda: _bisect.bisect_left(a, 1, None))
t(lambda: _bisect.bisect_left(a, 1, 2**70))
t(lambda: _bisect.bisect_left(5, 1))
t(lambda: _bisect.bisect_left([1, 'a'], 2))
t(lambda: _bisect.insort_left((1, 2), 2))
t(lambda: _bisect.bisect_right([1, 2], 2, None))
print(_bisect.bisect_left((1, 2, 3), 2), _bisect.bisect_left('abc', 'b'), _bisect.bisect_left(range(0, 100, 3), 50))
recs = [('a', 1), ('b', 3), ('c', 5)]
print(_bisect.bisect_left(recs, 3, key=lambda r: r[1]), _bisect.bisect_right(recs, 3, key=lambda r: r[1]))
print(_bisect.bisect_right(recs, 3, key=None) if False else _bisect.bisect_right([1, 2], 2, key=None))
l = [1, 3, 5]
_bisect.insort_left(l, 3)
_bisect.insort_right(l, 4)
bisect.insort(l, 0)
bisect.insort(l, 9, lo=2)
print(l)
kl = [('a', 1), ('c', 5)]
_bisect.insort(kl, ('b', 3), key=lambda r: r[1]) if hasattr(_bisect, 'insort') else _bisect.insort_right(kl, ('b', 3), key=lambda r: r[1])
print(kl)


class S:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 2


print(_bisect.bisect_left(S(), 3))
t(lambda: _bisect.insort_left(S(), 3))


class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)


ll = L([1, 3])
_bisect.insort_right(ll, 2)
print(ll)

# heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    _heapq.heappush(h, x)
print(h)
print([_heapq.heappop(h) for _ in range(len(h))])
h = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
_heapq.heapify(h)
print(h)
print(_heapq.heapreplace(h, 10), h)
print(_heapq.heappushpop(h, -1), _heapq.heappushpop(h, 4), h)
print(_heapq.heappushpop([], 1))
m = [1, 5, 2, 8, 3]
_heapq._heapify_max(m)
print(m, _heapq._heappop_max(m), m, _heapq._heapreplace_max(m, 0), m)
big = list(range(3000, 0, -1))
_heapq.heapify(big)
print(big[:10], all(big[i] <= big[2 * i + 1] for i in range(1499)))
bigm = list(range(3000))
_heapq._heapify_max(bigm)
print(bigm[:10])
t(lambda: _heapq.heappush((1,), 2))
t(lambda: _heapq.heappop([]))
t(lambda: _heapq.heappop(5))
t(lambda: _heapq.heapreplace([], 1))
t(lambda: _heapq._heapreplace_max([], 1))
t(lambda: _heapq._heappop_max([]))
t(lambda: _heapq.heapify(()))
t(lambda: _heapq.heapify())
t(lambda: _heapq.heappush([]))
t(lambda: _heapq.heappush([1, 'a'], 'b'))
print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), heapq.nlargest(2, [5, 1, 4, 2, 3]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 4], [2, 5], reverse=False, key=lambda x: -x)))
print(heapq.nlargest(3, 'hello world', key=ord))
print(sorted(n for n in dir(_heapq) if not n.startswith('__')))
print(sorted(n for n in dir(_bisect) if not n.startswith('__')))


class Bad:
    def __init__(self, v, h):
        self.v = v
        self.h = h

    def __lt__(self, o):
        self.h.clear()
        return self.v < o.v

    def __repr__(self):
        return 'B%d' % self.v


def bads(n):
    h = []
    for i in range(n):
        h.append(Bad(i, h))
    return h


h = bads(5)
h.reverse()
t(lambda: _heapq.heapify(h))
print(h)
h = bads(3)
t(lambda: _heapq.heappush(h, Bad(-1, h)))
print(h)
h = bads(4)
t(lambda: _heapq.heappop(h))
print(h)
h = bads(4)
t(lambda: _heapq.heapreplace(h, Bad(3, h)))
print(h)
h = bads(4)
t(lambda: _heapq.heappushpop(h, Bad(3, h)))
print(h)


class Grow:
    def __init__(self, v, h):
        self.v = v
        self.h = h

    def __lt__(self, o):
        self.h.append(0)
        return self.v < o.v


h = []
h.append(Grow(2, h))
h.append(Grow(1, h))
t(lambda: _heapq.heapify(h))
print(len(h))


class Bis:
    def __lt__(self, o):
        lst.clear()
        return True


lst = [Bis(), Bis(), Bis(), Bis()]
t(lambda: _bisect.bisect_left(lst, Bis()))
t(lambda: _bisect.bisect_left([1, 2, 3], 2, 1, 2**70))
t(lambda: _bisect.bisect_left([1, 2, 3], 2, 1, 'x'))
