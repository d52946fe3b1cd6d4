# itertools: the recipes of the itertools documentation, and
# copy/pickle-style reduction of the iterators (__reduce__/__setstate__).
import functools
import operator
import itertools
from itertools import *


def take(n, iterable):
    return list(islice(iterable, n))


def prepend(value, iterator):
    return chain([value], iterator)


def tabulate(function, start=0):
    return map(function, count(start))


def tail(n, iterable):
    # (the recipe's deque(maxlen=n), with a list)
    window = []
    for x in iterable:
        window.append(x)
        del window[:-n]
    return iter(window)


def consume(iterator, n=None):
    if n is None:
        for _ in iterator:
            pass
    else:
        next(islice(iterator, n, n), None)


def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)


def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)


def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))


def pad_none(iterable):
    return chain(iterable, repeat(None))


def ncycles(iterable, n):
    return chain.from_iterable(repeat(tuple(iterable), n))


def dotproduct(vec1, vec2):
    return sum(map(operator.mul, vec1, vec2))


def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)


def repeatfunc(func, times=None, *args):
    if times is None:
        return starmap(func, repeat(args))
    return starmap(func, repeat(args, times))


def grouper(iterable, n, *, incomplete='fill', fillvalue=None):
    args = [iter(iterable)] * n
    if incomplete == 'fill':
        return zip_longest(*args, fillvalue=fillvalue)
    if incomplete == 'strict':
        return zip(*args, strict=True)
    if incomplete == 'ignore':
        return zip(*args)
    raise ValueError('Expected fill, strict, or ignore')


def triplewise(iterable):
    for (a, _), (b, c) in pairwise(pairwise(iterable)):
        yield a, b, c


def sliding_window(iterable, n):
    it = iter(iterable)
    window = list(islice(it, n))
    if len(window) == n:
        yield tuple(window)
    for x in it:
        window = window[1:] + [x]
        yield tuple(window)


def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for next in nexts:
                yield next()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))


def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)


def before_and_after(predicate, it):
    it = iter(it)
    transition = []

    def true_iterator():
        for elem in it:
            if predicate(elem):
                yield elem
            else:
                transition.append(elem)
                return

    def remainder_iterator():
        yield from transition
        yield from it

    return true_iterator(), remainder_iterator()


def subslices(seq):
    slices = starmap(slice, combinations(range(len(seq) + 1), 2))
    return map(operator.getitem, repeat(seq), slices)


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def unique_everseen(iterable, key=None):
    seen = set()
    seen_add = seen.add
    if key is None:
        for element in filterfalse(seen.__contains__, iterable):
            seen_add(element)
            yield element
    else:
        for element in iterable:
            k = key(element)
            if k not in seen:
                seen_add(k)
                yield element


def unique_justseen(iterable, key=None):
    return map(next, map(operator.itemgetter(1), groupby(iterable, key)))


def iter_except(func, exception, first=None):
    try:
        if first is not None:
            yield first()
        while True:
            yield func()
    except exception:
        pass


def first_true(iterable, default=False, pred=None):
    return next(filter(pred, iterable), default)


def random_product(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    return tuple(pool[0] for pool in pools)


def nth_combination(iterable, r, index):
    pool = tuple(iterable)
    n = len(pool)
    c = 1
    k = min(r, n - r)
    for i in range(1, k + 1):
        c = c * (n - k + i) // i
    if index < 0:
        index += c
    if index < 0 or index >= c:
        raise IndexError
    result = []
    while r:
        c, n, r = c * r // n, n - 1, r - 1
        while index >= c:
            index -= c
            c, n = c * (n - r) // n, n - 1
        result.append(pool[-1 - n])
    return tuple(result)


def batched(iterable, n):
    it = iter(iterable)
    while batch := tuple(islice(it, n)):
        yield batch


print(take(3, prepend(0, [1, 2])), take(4, tabulate(lambda x: x * x, 2)), list(tail(2, 'abcd')))
it = iter(range(10))
consume(it, 3)
print(next(it), nth(range(10), 4), nth('ab', 5, 'dflt'))
print(all_equal('aaa'), all_equal('aab'), all_equal(''), quantify([1, 0, 2, None]))
print(take(4, pad_none('ab')), list(ncycles('ab', 3)), dotproduct([1, 2, 3], [4, 5, 6]))
print(list(flatten([[1, 2], [3], []])), list(repeatfunc(pow, 3, 2, 5)), take(2, repeatfunc(int)))
print(list(grouper('ABCDEFG', 3, fillvalue='x')), list(grouper('ABCDEFG', 3, incomplete='ignore')))
print(list(triplewise('ABCDEFG')), list(sliding_window('ABCDEFG', 4)))
print(list(roundrobin('ABC', 'D', 'EF')))
evens_odds = partition(lambda x: x % 2, range(10))
print([list(x) for x in evens_odds])
a, b = before_and_after(str.isupper, 'ABCdEfGhI')
print(''.join(a), ''.join(b))
print(list(subslices('ABCD')), list(powerset([1, 2, 3])))
print(list(unique_everseen('AAAABBBCCDAABBB')), list(unique_everseen('ABBCcAD', str.lower)))
print(list(unique_justseen('AAAABBBCCDAABBB')), list(unique_justseen('ABBCcAD', str.lower)))
d = {1: 'a', 2: 'b'}
print(list(iter_except(d.popitem, KeyError)), first_true([0, None, 3, 4]), first_true([], 'none'))
print(random_product('ab', 'cd', repeat=2), nth_combination(range(5), 3, 4), list(batched('ABCDEFG', 3)))
print(functools.reduce(operator.add, accumulate(range(5))))

# copying with __reduce__/__setstate__, as copy.copy does
def rt(obj):
    r = obj.__reduce__()
    new = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return new


c = count(3)
next(c)
print(next(rt(c)), next(c))
r = repeat('x', 3)
next(r)
print(list(rt(r)), list(r))
print(count(1.5, 0.5).__reduce__(), count(2).__reduce__(), repeat(1, 4).__reduce__())
ch = chain('ab', 'cd')
next(ch)
print(list(rt(ch)), list(ch))
print(chain().__reduce__()[0], len(chain().__reduce__()))
cy = cycle('abc')
next(cy)
cy2 = rt(cy)
print(take(5, cy2), take(5, cy))
cy = cycle('ab')
take(3, cy)
print(take(5, rt(cy)))
a = accumulate([1, 2, 3, 4])
next(a)
print(list(rt(a)), list(a))
a = accumulate([1, 2, 3], initial=10)
print(list(rt(a)), list(a))
s = islice(range(10), 1, 8, 2)
next(s)
print(list(rt(s)), list(s))
dw = dropwhile(lambda x: x < 3, range(6))
print(next(dw), list(rt(dw)), list(dw))
tw = takewhile(lambda x: x < 3, range(6))
print(list(rt(tw)), list(tw), list(rt(tw)))
z = zip_longest('ab', 'xyz', fillvalue='-')
next(z)
print(list(rt(z)), list(z))
p = product('ab', repeat=2)
next(p)
print(list(rt(p)), list(p))
pm = permutations('abc', 2)
next(pm)
print(list(rt(pm)), list(pm))
cb = combinations('abcd', 2)
next(cb)
print(list(rt(cb)), list(cb))
cw = combinations_with_replacement('abc', 2)
next(cw)
print(list(rt(cw)), list(cw))
g = groupby('aabbc')
next(g)
print([(k, list(v)) for k, v in rt(g)], [(k, list(v)) for k, v in g])
t1, t2 = tee('abcd')
next(t1)
print(list(rt(t1)), list(t1), list(t2))
cm = compress('abc', [1, 0, 1])
print(list(rt(cm)), list(cm))
sm = starmap(pow, [(2, 2), (3, 3)])
print(list(rt(sm)), list(sm))
ff = filterfalse(None, [0, 1, 0])
print(list(rt(ff)), list(ff))
show = print
show(type(product('a').__reduce__()[1]).__name__, product('ab', 'c').__reduce__()[1])
show(permutations('ab').__reduce__()[1:], combinations('abc', 2).__reduce__()[1:])
# object.__reduce_ex__ (what pickle and copy call) defers to __reduce__
print(count(3).__reduce_ex__(2), repeat('a', 2).__reduce_ex__(4), chain().__reduce_ex__(2)[1])


class R:
    def __reduce__(self):
        return (R, ('made',))


print(R().__reduce_ex__(2)[1], R().__reduce_ex__(0)[1])
