# deque: subclasses, iterators, and comparisons or iterations that change
# the deque while they run.
import _collections
from _collections import deque


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class D(deque):
    pass


x = D([1, 2])
r = x.__reduce__()
print(r[:3], list(r[3]))
x.a = 1
r = x.__reduce__()
print(r[:3])
print(D([1]), D([1], 3), repr(x.copy()), type(x.copy()), type(x + x), type(x * 2))
print(isinstance(x, deque), D.__mro__)


class D2(deque):
    def __init__(self, a, b, c):
        super().__init__(a)
        self.tag = (b, c)


d2 = D2([1, 2], 3, 4)
print(d2, d2.tag)
t(lambda: d2.copy())
t(lambda: deque()[2**70])


class E:
    def __init__(self, d):
        self.d = d

    def __eq__(self, o):
        self.d.append(1)
        return False


def fresh():
    d = deque()
    d.append(E(d))
    d.append(2)
    return d


t(lambda: fresh().count(2))
t(lambda: fresh().index(2))
t(lambda: fresh().remove(2))
t(lambda: 2 in fresh())
t(lambda: fresh() == deque([3, 3]))
t(lambda: fresh() < deque([3, 3]))
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.append(4)
t(lambda: next(it))
t(lambda: next(it))
d = deque([1, 2, 3])
it = reversed(d)
print(next(it))
d.pop()
t(lambda: next(it))
d = deque([1, 2, 3])
it = iter(d)
d[0] = 9
print(list(it))
it = iter(deque([1, 2, 3]))
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
print(list(_collections._deque_iterator(deque([1, 2, 3]), 1)))
print(list(_collections._deque_reverse_iterator(deque([1, 2, 3]), 1)))
print(list(_collections._deque_iterator(deque([1, 2, 3]), 10)))
t(lambda: iter(deque([1, 2])).__reduce__()[1:])
it = reversed(deque([1, 2, 3]))
next(it)
print(it.__reduce__()[1:], list(it))


class EE:
    def __eq__(self, o):
        d.clear()
        return False


d = deque([EE(), 1, 2])
t(lambda: d.index(1))
d = deque([1, 2, 3])
t(lambda: d.__iadd__(5))
t(lambda: deque([1]).__init__(1, 2, 3))
print(deque(maxlen=2) == deque(maxlen=3))
t(lambda: d.index(1, 2**70))
t(lambda: d.insert(2**70, 1))
t(lambda: d.insert(1.5, 1))
print(deque([1], 2).__copy__())
print(deque.__len__(deque([1])))


class Same:
    def __eq__(self, o):
        return True


print(deque([Same()]) == deque([5]), deque([1, 2]).count(Same()), Same() in deque([3]))
nan = float('nan')
print(deque([nan]) == deque([nan]), deque([nan]).count(nan), nan in deque([nan]))
big = deque(range(10))
it = iter(big)
print([next(it) for _ in range(3)])
big.rotate(1)
t(lambda: next(it))
s = deque([1, 2, 3])
s.extend(iter(s.copy()))
print(s)
g = deque([1, 2, 3], maxlen=2)
print(g, len(g))
lim = deque(maxlen=3)
lim.extend(range(1000000))
print(lim)
t(lambda: deque([1, 2]) * (2**62))
t(lambda: deque([1, 2], maxlen=3) * (2**62))
print(deque([1, 2], maxlen=3) * (2**40), deque([1, 2, 3], maxlen=4) * 5)
q = deque([1, 2])
q *= 3
print(q)
