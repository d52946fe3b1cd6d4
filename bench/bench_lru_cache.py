"""Calls through the lru_cache wrapper (_functools._lru_cache_wrapper,
what functools.lru_cache returns): 10**5 calls on a bounded cache of 128
(hits, misses and evictions), then on an unbounded one."""
from _functools import _lru_cache_wrapper


def info(*a):
    return a


def square(x):
    return x * x


def run(n):
    bounded = _lru_cache_wrapper(square, 128, False, info)
    unbounded = _lru_cache_wrapper(square, None, False, info)
    total = 0
    for i in range(n):
        total += bounded(i % 150)
    for i in range(n):
        total += unbounded(i % 1000)
    return total, bounded.cache_info(), unbounded.cache_info()


print(run(100000))
