# itertools: product, permutations, combinations,
# combinations_with_replacement (argument errors, sizes, MemoryError).
import itertools
from itertools import product, permutations, combinations, combinations_with_replacement as cwr


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product([])), list(product('ab', [])), list(product(repeat=0)))
print(list(product('ab', repeat=0)), list(product('ab', 'c', repeat=2)))
print(len(list(product(range(5), range(4), range(3)))), sum(1 for _ in product(range(10), repeat=4)))
show(lambda: product(x=1))
show(lambda: product([1], repeat=-1))
show(lambda: product([1], repeat='a'))
show(lambda: product(1))
show(lambda: product([1], [2], repeat=2**62))
show(lambda: product([1], repeat=2**70))
show(lambda: product([1], repeat=None))
p = product(range(10**6), repeat=10**6)
print(type(p).__name__)
show(lambda: product(range(3), repeat=2**61 - 1))

print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations([])), list(permutations([], 0)), list(permutations('ab', 0)), list(permutations('ab', 3)))
print(len(list(permutations(range(6)))), len(list(permutations(range(7), 3))), list(permutations('abc', None)))
print(list(permutations(iterable='ab', r=1)))
show(lambda: permutations())
show(lambda: permutations([1], -1))
show(lambda: permutations([1], 'a'))
show(lambda: permutations([1], 1.0))
show(lambda: permutations(1))
show(lambda: permutations(1, 'a'))
show(lambda: permutations([1], 2**70))
show(lambda: permutations([1], 10**18))
show(lambda: list(permutations([1, 2], True)))


class I:
    def __index__(self):
        return 2


show(lambda: permutations([1], I()))

print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('abc', 0)), list(combinations('abc', 4)), list(combinations([], 0)), list(combinations([], 1)))
print(len(list(combinations(range(10), 5))), list(combinations(r=2, iterable='xyz')), list(combinations('abc', I())))
show(lambda: combinations([1]))
show(lambda: combinations([1], -1))
show(lambda: combinations([1], 'a'))
show(lambda: combinations(1, 1))
show(lambda: combinations(1, -1))
show(lambda: combinations([1], 2**70))
show(lambda: combinations([1], 10**18))
show(lambda: combinations([1], 2, 3))

print(list(cwr('ABC', 2)), list(cwr(range(3), 0)), list(cwr([], 0)), list(cwr([], 2)), list(cwr('a', 3)))
print(len(list(cwr(range(5), 3))), list(cwr('ab', r=3)))
show(lambda: cwr([1]))
show(lambda: cwr([1], -1))
show(lambda: cwr(1, 2))
show(lambda: cwr([], 10**18))
show(lambda: cwr([1], r=1, x=1))

for t in [product, permutations, combinations, cwr]:
    print(t.__name__, t.__module__, repr(t))


class MyProduct(product):
    def __init__(self, *args, **kw):
        self.args = args


mp = MyProduct('ab', 'c')
print(list(mp), mp.args, type(mp).__name__)
print(list(type('C', (combinations,), {})('abc', 2)))

# the results are fresh tuples each time
p = product('ab', repeat=2)
first = next(p)
print(first, next(p), first)
print(product('ab', repeat=3).__sizeof__(), permutations('abc', 2).__sizeof__(),
      combinations('abcd', 2).__sizeof__(), cwr('ab', 3).__sizeof__())
