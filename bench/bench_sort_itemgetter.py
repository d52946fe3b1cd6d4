"""sorted() of 10**5 tuples with an operator.itemgetter key (single and
two-item keys)."""
from operator import itemgetter


def run(n):
    rows = [((i * 7919) % 1009, (i * 104729) % 997, i) for i in range(n)]
    by_first = sorted(rows, key=itemgetter(0))
    by_two = sorted(rows, key=itemgetter(1, 0))
    return by_first[0], by_first[-1], by_two[0], by_two[-1], by_first[n // 2]


print(run(100000))
