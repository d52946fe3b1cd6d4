# _functools._lru_cache_wrapper: the type behind functools.lru_cache.
from _functools import _lru_cache_wrapper


def t(fn_, *a, **k):
    try:
        print(repr(fn_(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


class CacheInfo(tuple):
    """Stands in for functools._CacheInfo (a namedtuple)."""
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self


def update_wrapper(wrapper, wrapped):
    # What functools.update_wrapper does.
    for name in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            pass
        else:
            setattr(wrapper, name, value)
    getattr(wrapper, '__dict__').update(getattr(wrapped, '__dict__', {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def lru_cache(maxsize=128, typed=False):
    def decorating(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    return decorating


# recursive fib through the cache
@lru_cache(maxsize=None)
def fib(n):
    """The nth Fibonacci number."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80))
print(fib.cache_info())
print(fib(80), fib.cache_info())
print(fib.__name__, fib.__qualname__, fib.__doc__, fib.__module__)
print(fib.__wrapped__(10), fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info())
print(fib(10), fib.cache_info())

# bounded: LRU eviction order
calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 1, 5, 3, 1]:
    sq(x)
print(calls)
print(sq.cache_info())

# maxsize 0: no caching; negative maxsize is 0
for m in (0, -5):
    z = _lru_cache_wrapper(lambda x: x + 1, m, False, CacheInfo)
    print(z(1), z(1), z.cache_info())

# maxsize 1
one = _lru_cache_wrapper(lambda x: [x], 1, False, CacheInfo)
r1 = one(1)
print(one(1) is r1, one(2), one(1) is r1, one.cache_info())

# keys: keywords, order of keywords, typed, a single int/str argument
seen = []


@lru_cache(maxsize=None)
def kw(*a, **k):
    seen.append((a, k))
    return len(seen)


print(kw(1), kw(1), kw(1.0), kw(True))
print(kw(a=1, b=2), kw(b=2, a=1), kw(a=1, b=2))
print(kw(1, 2), kw(1, 2), kw((1, 2)))
print(kw('s'), kw('s'), kw.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x, y=0):
    return (type(x).__name__, type(y).__name__)


print(typed(1), typed(1.0), typed(True), typed(1, y=1), typed(1, y=1.0))
print(typed.cache_info())


@lru_cache(maxsize=None, typed=False)
def untyped(x):
    return type(x).__name__


print(untyped(1), untyped(1.0), untyped(True), untyped((1,)), untyped((1.0,)))
print(untyped.cache_info())

# unhashable arguments
t(fib, [1])
print(fib.cache_info())
t(kw, x=[1])

# exceptions are not cached
n_calls = [0]


@lru_cache(maxsize=2)
def flaky(x):
    n_calls[0] += 1
    if n_calls[0] < 3:
        raise ValueError('try again %d' % n_calls[0])
    return x


t(flaky, 1)
t(flaky, 1)
t(flaky, 1)
t(flaky, 1)
print(flaky.cache_info())

# cache_clear while the function runs


@lru_cache(maxsize=None)
def clears(n):
    if n > 0:
        clears(n - 1)
        clears.cache_clear()
    return n


print(clears(5), clears.cache_info())


@lru_cache(maxsize=2)
def clears2(n):
    if n > 0:
        clears2(n - 1)
        clears2.cache_clear()
    return n


print(clears2(6), clears2.cache_info())

# a key whose __eq__ calls the cached function again


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        nested(0)
        return self.v == other.v


@lru_cache(maxsize=4)
def nested(k):
    return k if isinstance(k, int) else k.v


print(nested(0), nested.cache_info())
print(nested(Key(1)), nested(Key(2)), nested(Key(1)), nested.cache_info())
# (evicting a key whose hash collides compares keys in CPython's dict
# probe order: the counts are not compared here, only the results)
print(nested(5), nested(6), nested(Key(2)), nested.cache_info().currsize)

# methods: __get__ binds


class A:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def times(self, k):
        return self.n * k

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return self.n == other.n


a = A(3)
print(a.times(2), a.times(2), A(3).times(2), A(4).times(2))
print(A.times.cache_info())
print(A.times is A.__dict__['times'], A.times(a, 5))
print(type(a.times).__name__, a.times.__self__ is a)
w = A.__dict__['times']
print(w.__get__(None, A) is w, w.__get__(a)(1))

# __reduce__, __copy__, __deepcopy__
print(fib.__reduce__())
print(fib.__copy__() is fib, fib.__deepcopy__({}) is fib, fib.__deepcopy__() is fib)
bare = _lru_cache_wrapper(len, 3, False, CacheInfo)
t(bare.__reduce__)
print(type(bare).__name__, type(bare).__module__)
print(sorted(k for k in dir(bare) if k in ('cache_info', 'cache_clear', '__dict__', '__get__', '__wrapped__')))
print(bare.__dict__)

# constructor errors
t(_lru_cache_wrapper)
t(_lru_cache_wrapper, len)
t(_lru_cache_wrapper, 1, 2, 3, 4)
t(_lru_cache_wrapper, len, 'a', 3, 4)
t(_lru_cache_wrapper, len, 2.5, 3, 4)
t(_lru_cache_wrapper, len, 2 ** 70, False, CacheInfo)
t(_lru_cache_wrapper, len, 1, 2, 3, 4)
t(lambda: _lru_cache_wrapper(user_function=len, maxsize=None, typed=0, cache_info_type=CacheInfo)([1, 2]))
t(_lru_cache_wrapper, len, 1, False, CacheInfo, x=1)
bad_info = _lru_cache_wrapper(len, 3, False, tuple)
t(bad_info.cache_info)
t(_lru_cache_wrapper(len, None, False, lambda *a: a).cache_info)
