# itertools: the infinite iterators (count, cycle, repeat), reprs,
# length hints, argument errors, subclassing.
import itertools
from itertools import count, cycle, repeat, islice


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(list(islice(count(), 5)))
print(list(islice(count(10), 3)), list(islice(count(10, -3), 4)))
print(list(islice(count(1.5, 0.5), 4)))


class Num:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __repr__(self):
        return f'Num({self.v})'


print(list(islice(count(Num(1), Num(2)), 3)), list(islice(count(Num(1)), 2)), repr(count(Num(3), Num(1))))
print(list(islice(count(1j, 1 + 1j), 3)))
print(list(islice(count(2**64 - 1), 3)), list(islice(count(-2**70, 2**69), 3)))
print(list(islice(count(9223372036854775806), 4)))
for c in [count(), count(5), count(1.5, 2), count(1, 1.0), count(0, 1), count(2**70, -1),
          count(step=3), count(True, True), count(True, 2), count(-1), count(0, -1),
          count(1.0, 1)]:
    print(repr(c), c.__reduce__()[1])
c = count(3)
next(c); next(c)
print(repr(c), next(c), repr(c))
c = count(9223372036854775807)
print(next(c), next(c), repr(c), c.__reduce__()[1])
show(lambda: count(1, 2, 3))
show(lambda: count('a'))
show(lambda: count(1, 'a'))
show(lambda: count(x=1))
show(lambda: count(start=1, step=2))
show(lambda: count(None))
show(lambda: count([]))

print(list(islice(cycle('abc'), 8)))
print(list(cycle([])))
c = cycle(iter([1, 2]))
print([next(c) for _ in range(5)])
show(lambda: cycle())
show(lambda: cycle(1))
show(lambda: cycle([1], x=1))
show(lambda: cycle([1], [2]))


def gen():
    yield 1
    yield 2
    raise ValueError('boom')


c = cycle(gen())
print(next(c), next(c))
show(lambda: next(c))
print(list(islice(c, 4)))

print(list(repeat('a', 3)), list(repeat(None, 0)), list(repeat(1, -5)))
print(list(islice(repeat([1]), 3)))
for r in [repeat('a', 3), repeat('a'), repeat('a', -2), repeat('a', 0), repeat(1.5, times=2),
          repeat(object=[1, 2])]:
    print(repr(r))
r = repeat(1, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r), list(r), r.__length_hint__(), repr(r))
print(repeat(1, -5).__length_hint__())
show(lambda: repeat(1).__length_hint__())
show(lambda: repeat())
show(lambda: repeat(1, 2, 3))
show(lambda: repeat(1, 'a'))
show(lambda: repeat(1, 2.0))
show(lambda: repeat(1, 2**70))
show(lambda: repeat(times=3))
show(lambda: repeat(1, x=3))
print(repeat(1, 2).__reduce__(), repeat('x').__reduce__())


class Idx:
    def __index__(self):
        return 2


print(list(repeat('z', Idx())))
import operator
print(operator.length_hint(repeat(1, 7)), list(map(pow, range(4), repeat(2))))

# types, names, modules
for t in [count, cycle, repeat]:
    print(t.__name__, t.__module__, repr(t), type(t([1])) is t if t is not count else type(t(1)) is t)


class MyCount(count):
    pass


class MyRepeat(repeat):
    def extra(self):
        return 'extra'


mc = MyCount(5, 2)
print(repr(mc), next(mc), next(mc), isinstance(mc, count), type(mc).__name__)
mr = MyRepeat('q', 2)
print(repr(mr), list(mr), mr.extra())


class MyCycle(cycle):
    def __init__(self, it):
        self.tag = 'tagged'


mcy = MyCycle('ab')
print(mcy.tag, list(islice(mcy, 3)))
print(iter(c) is c, iter(r) is r)
