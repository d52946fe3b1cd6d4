"""Generators: pipelines of generator functions and generator expressions."""


def numbers(n):
    for i in range(n):
        yield i


def squares(seq):
    for x in seq:
        yield x * x


def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x


def take_every(seq, k):
    for i, x in enumerate(seq):
        if i % k == 0:
            yield x


def delegating(n):
    yield from numbers(n)
    yield from (x for x in range(n))


total = sum(take_every(evens(squares(numbers(1000000))), 3))
count = sum(1 for _ in delegating(700000))
gen_sum = sum(x + 1 for x in range(800000) if x & 1)
print(total, count, gen_sum)
