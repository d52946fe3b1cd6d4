# _functools.reduce and _functools.cmp_to_key (KeyWrapper).
from _functools import reduce, cmp_to_key
import _functools
import _operator


def t(fn_, *a, **k):
    try:
        print(repr(fn_(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


# reduce
print(reduce(_operator.add, [1, 2, 3, 4]))
print(reduce(_operator.add, [1, 2, 3, 4], 10))
print(reduce(lambda a, b: a + b, ['a', 'b', 'c']))
print(reduce(lambda a, b: a * b, range(1, 8)))
print(reduce(_operator.add, [], 'init'))
print(reduce(_operator.add, ['only']))
print(reduce(lambda a, b: [a, b], iter((1, 2, 3))))
print(reduce(max, (x * x % 7 for x in range(10))))
t(reduce)
t(reduce, len)
t(reduce, lambda a, b: a + b, [])
t(reduce, 1, [1, 2])
t(reduce, 1, [1])
t(reduce, lambda a, b: a + b, 5)
t(reduce, lambda a, b: a + b, [], 7)
t(reduce, lambda a, b: a + b, [1], 2, 3)
t(reduce, function=len, iterable=[])


def boom(a, b):
    raise ValueError('boom %r %r' % (a, b))


t(reduce, boom, [1, 2, 3])


class BadIter:
    def __iter__(self):
        raise RuntimeError('no iteration')


t(reduce, boom, BadIter())


def gen():
    yield 1
    raise KeyError('from gen')


t(reduce, _operator.add, gen(), 0)

# cmp_to_key
def numeric(a, b):
    return a - b


def reverse_len(a, b):
    return len(b) - len(a)


print(sorted([5, 2, 9, 1, 7], key=cmp_to_key(numeric)))
print(sorted(['ccc', 'a', 'bb', 'dddd'], key=cmp_to_key(reverse_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: (a > b) - (a < b)), reverse=True))
print(min([4, 8, 2], key=cmp_to_key(numeric)), max([4, 8, 2], key=cmp_to_key(numeric)))
K = cmp_to_key(numeric)
print(type(K).__name__, type(K).__module__, type(K).__qualname__)
a, b = K(1), K(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(K(3) == K(3), K(3) != K(3))
print(a.obj, b.obj, K.obj)
print(K(obj='kw').obj)
t(K)
t(K, 1, 2)
t(K, x=1)
t(lambda: K(1) < 2)
t(lambda: 2 < K(1))
t(lambda: K < K(1))
t(lambda: K(1) < K)
t(hash, K(1))
t(cmp_to_key)
t(cmp_to_key, 1, 2)
t(lambda: type(cmp_to_key(mycmp=numeric)).__name__)
t(cmp_to_key, numeric, mycmp=numeric)
t(cmp_to_key, other=numeric)
t(K, 1, obj=2)
bad = cmp_to_key(lambda a, b: 'x')
t(lambda: bad(1) < bad(2))
t(lambda: bad(1) == bad(2))
t(lambda: cmp_to_key(1)(1) < cmp_to_key(1)(2))
t(lambda: cmp_to_key(boom)(1) < K(2))


class Rich:
    """cmp results that are not ints: compared with 0 all the same."""
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return 'lt(%s)' % self.v

    def __gt__(self, other):
        return 'gt(%s)' % self.v

    def __eq__(self, other):
        return 'eq(%s)' % self.v


R = cmp_to_key(lambda a, b: Rich(a))
t(lambda: R(1) < R(2))
t(lambda: R(1) > R(2))
t(lambda: R(1) == R(2))
print(hasattr(_functools, 'KeyWrapper'))
# sorting stability with a cmp key and a cmp that counts its calls
calls = []


def counting(a, b):
    calls.append((a, b))
    return (a[0] > b[0]) - (a[0] < b[0])


data = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')]
print(sorted(data, key=cmp_to_key(counting)))
print(len(calls) > 0)
