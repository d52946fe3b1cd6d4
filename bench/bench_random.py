"""_random.Random: 10**6 random() calls on a seeded generator."""
import _random


def run(n):
    r = _random.Random(42)
    rnd = r.random
    total = 0.0
    for _ in range(n):
        total += rnd()
    return round(total, 6), r.getrandbits(64)


print(run(1000000))
