# itertools: accumulate, chain, compress, dropwhile, takewhile,
# filterfalse, starmap, pairwise, zip_longest.
import itertools
import operator
from itertools import (accumulate, chain, compress, dropwhile, takewhile,
                       filterfalse, starmap, pairwise, zip_longest, islice, count)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate('abc')), list(accumulate([[1], [2], [3]])))
print(list(accumulate([1, 2, 3], None, initial=None)), list(accumulate([1, 2], func=lambda a, b: a - b)))
print(list(accumulate(iterable=[5, 5])))
show(lambda: accumulate())
show(lambda: accumulate([1], None, 3))
show(lambda: accumulate([1], initial=3, x=2))
show(lambda: accumulate(1))
show(lambda: list(accumulate([1, 'a'])))
show(lambda: list(accumulate([1, 2], 5)))

print(list(chain('abc', [1, 2], (), range(2))), list(chain()), list(chain([])))
print(list(chain.from_iterable(['ab', 'cd', []])), list(chain.from_iterable([])))
print(list(chain.from_iterable(iter([range(2), range(3)]))))
show(lambda: chain(x=1))
show(lambda: chain.from_iterable())
show(lambda: chain.from_iterable(1))
show(lambda: list(chain(1)))
show(lambda: list(chain([1], 2, [3])))
c = chain([1], 2, [3])
print(next(c))
show(lambda: next(c))
show(lambda: next(c))
print(chain[int], chain.__class_getitem__(str))
show(lambda: list(chain.from_iterable([[1], 5])))


def gen():
    yield 1
    raise KeyError('k')


c = chain(gen(), [2])
print(next(c))
show(lambda: next(c))
print(list(c))

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [1, 1, 1, 1, 1])))
print(list(compress('ABCDEF', [0, 1])), list(compress(range(10), count())))
print(list(compress(data='xy', selectors=[True, True])))
show(lambda: compress())
show(lambda: compress([1]))
show(lambda: compress(1, []))
show(lambda: compress([], 1))
show(lambda: compress([1], [2], [3]))
show(lambda: type(compress(data=[1], selectors=[1])).__name__)

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [0, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None, []])))
t = takewhile(lambda x: x < 2, count())
print(list(t), list(t))
show(lambda: dropwhile())
show(lambda: dropwhile(None, [1], 3))
show(lambda: dropwhile(x=1))
show(lambda: list(dropwhile(None, [1])))
show(lambda: filterfalse())
show(lambda: filterfalse(x=1))
show(lambda: takewhile(1))
show(lambda: takewhile(len, 5))
show(lambda: list(takewhile(len, [1])))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, [[1, 2], 'ab', iter((3, 4))])))
print(list(starmap(lambda *a: a, [(), (1,)])))
show(lambda: starmap())
show(lambda: type(starmap(None, [1])).__name__)
show(lambda: list(starmap(None, [1])))
show(lambda: list(starmap(pow, [(1, 2, 3, 4)])))
show(lambda: starmap(pow, 5))

print(list(pairwise('ABCDEFG')), list(pairwise([])), list(pairwise([1])), list(pairwise(range(3))))
show(lambda: pairwise())
show(lambda: pairwise(1))
show(lambda: pairwise(iterable=[1]))
show(lambda: pairwise([1], [2]))

print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('AB', [1, 2, 3])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([], [], fillvalue=0)))
print(list(zip_longest(range(3))), list(zip_longest('a', 'bc', 'def')))
show(lambda: zip_longest(x=1))
show(lambda: zip_longest([1], fillvalue=1, x=2))
show(lambda: zip_longest(1))
show(lambda: zip_longest([1], 2))


def bad():
    yield 1
    raise ValueError('bad')


z = zip_longest(bad(), 'abc')
print(next(z))
show(lambda: next(z))
print(list(z))

for t in [accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, pairwise, zip_longest]:
    print(t.__name__, t.__module__, repr(t))


class MyChain(chain):
    def first(self):
        return next(self)


m = MyChain('ab', 'cd')
print(m.first(), list(m), type(m).__name__, isinstance(m, chain))
m2 = MyChain.from_iterable(['xy', 'z'])
print(type(m2).__name__, list(m2))


class Acc(accumulate):
    pass


print(list(Acc([1, 2, 3])), list(type('P', (pairwise,), {})('abc')))
