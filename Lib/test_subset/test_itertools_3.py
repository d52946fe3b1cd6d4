# itertools: groupby (and _grouper invalidation), islice (every argument
# form and its ValueErrors), tee.
import itertools
from itertools import groupby, islice, tee, count


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print([k for k, g in groupby('AAAABBBCCDAABBB')])
print([list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([(k, list(g)) for k, g in groupby([], key=len)], list(groupby('')))
print([(k, len(list(g))) for k, g in groupby(['a', 'bb', 'cc', 'd'], len)])
print([(k, list(g)) for k, g in groupby('aAbB', key=None)])
# a grouper is invalidated when the groupby advances
gb = groupby('aaabbbccc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), list(g2))
gb = groupby('aaabbb')
k, g = next(gb)
print(next(g))
k2, g2 = next(gb)
print(k2, list(g), list(g2))
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
gb = groupby('aabb')
k, g = next(gb)
print(list(g), list(g), next(gb)[0])
show(lambda: groupby())
show(lambda: type(groupby(iterable=[1], key=None)).__name__)
show(lambda: groupby([1], None, 3))
show(lambda: groupby(1))
show(lambda: groupby([1], x=2))
show(lambda: list(groupby([1, 2], key=5)))
show(lambda: itertools._grouper())


class Bad:
    def __eq__(self, other):
        raise RuntimeError('no eq')


gb = groupby([Bad(), Bad()])
k, g = next(gb)
show(lambda: list(g))
show(lambda: next(gb))
print(type(next(groupby('a'))[1]).__name__, type(next(groupby('a'))[1]).__module__)

for args in [(10,), (2, 4), (2, None), (None,), (1, 10, 3), (0, None, 2), (None, None, None),
             (3, 3), (5, 2), (0,), (2, 100), (None, 4)]:
    print(args, list(islice(range(10), *args)))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 2, 4)), next(it))
print(list(islice(count(), 3, 20, 5)))


class I:
    def __index__(self):
        return 3


print(list(islice(range(10), I())), list(islice(range(10), I(), None, I())))
for args in [(), ([1],), ([1], 1, 2, 3, 4), ([1], -1), ([1], 'a'), ([1], 1, -1), ([1], -1, 1),
             ([1], 1, 2, 0), ([1], 1, 2, -1), ([1], 1, 2, 'a'), ([1], -2), ([1], 'a', 1),
             ([1], 2**70), ([1], 2**70, None), ([1], 1, 2, 2**70), (1, 1), (1, -1), ([1], 1.0),
             ([1], None, -1), ([1], 0, 2**64)]:
    show(lambda: list(islice(*args)))
show(lambda: islice([1], stop=1))
print(islice.__name__, repr(islice))


class MyIslice(islice):
    pass


print(list(MyIslice('abcdef', 1, None, 2)))
s = islice(count(), 2)
print(list(s), list(s))

a, b = tee('abc')
print(list(a), list(b))
a, b, c = tee(range(4), 3)
print(next(a), next(a), list(b), list(a), list(c))
print(tee([1], 0), len(tee([1])), len(tee([], 5)))
a, b = tee(iter(range(200)))
print(sum(a), sum(b))
a, b = tee(range(3))
c, d = tee(a)
print(c is a, list(c), list(b), list(d))
a, b = tee('xyz')
next(a)
a2 = a.__copy__()
print(list(a), list(a2), list(b))
print(type(a).__name__, type(a).__module__, iter(a) is a)
show(lambda: tee())
show(lambda: tee([1], -1))
show(lambda: tee([1], 'a'))
show(lambda: tee(1))
show(lambda: tee([1], 2, 3))
show(lambda: tee(iterable=[1]))
show(lambda: tee([1], 2**70))
show(lambda: itertools._tee())
show(lambda: itertools._tee(1))
show(lambda: list(itertools._tee([1, 2])))
t = itertools._tee(range(3))
print(list(itertools._tee(t)), list(t))


class Copyable:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i

    def __copy__(self):
        return 'copied'


x, y = tee(Copyable())
print(type(x).__name__, y)


def reenter():
    yield next(t1)


t1, t2 = tee(reenter())
show(lambda: next(t1))
# long tee chains and deep chains run without exhausting the native stack
a, b = tee(range(10000))
print(sum(a), sum(b))
it = iter(range(3))
for _ in range(100000):
    it = itertools.chain(it)
print(list(it))
it = iter(range(3))
for _ in range(20000):
    it = islice(it, None)
print(list(it))
