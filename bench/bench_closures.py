"""Closures and lambda calls: counters, function factories, higher-order calls."""


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def compose(f, g):
    return lambda x: f(g(x))


def run(n):
    counter = make_counter()
    add3 = lambda x: x + 3
    double = lambda x: x * 2
    both = compose(add3, double)
    total = 0
    for i in range(n):
        total += both(i) + counter()
    mapped = sum(map(lambda v: v % 7, range(n)))
    filtered = len(list(filter(lambda v: v & 4, range(n))))
    keyed = sorted(range(50000), key=lambda v: (v * 7919) % 10007)[:3]
    return total, counter(0), mapped, filtered, keyed


print(run(1200000))
