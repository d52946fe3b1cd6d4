"""itertools: a combinatoric iterator consumed by a generator expression
(product, 6.25 million tuples) and a slicing loop over chained ranges
(chain + islice feeding a Python for loop)."""
import itertools


def product_count():
    return sum(1 for _ in itertools.product(range(50), repeat=4))


def chain_islice(rounds):
    total = 0
    for _ in range(rounds):
        chained = itertools.chain(range(5000), range(5000), [1, 2, 3])
        for x in itertools.islice(chained, 1, None, 2):
            total += x
    return total


print(product_count(), chain_islice(300))
