big = 10 ** 20
r = range(big)
print(r, repr(range(-big, big, 3 * big)), r.start, r.stop, r.step, bool(r), bool(range(big, 0)))
print(r[-1], r[5], r[big - 1], r[-big])
for bad in [lambda: r[big], lambda: r[-big - 1], lambda: len(r), lambda: r.index(-1), lambda: r["a"]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(r[::-1], r[5:10], r[big:], r[::big // 2], r[-3:], range(10)[big:], range(10)[-big:3])
print(list(r[-3:]), list(range(big, big + 3)), list(reversed(range(big, big + 3))))
print(list(range(2**63 - 2, 2**63 + 2)), list(reversed(range(2**63 - 2, 2**63 + 2))))
print(big - 1 in r, big in r, -1 in r, 2.5 in range(big, big+5), r.count(7), r.count(big), r.index(big - 1))
print(range(big) == range(0, big), range(big) == range(big + 1), hash(range(big)) == hash(range(0, big, 1)))
print(10 ** 30 in range(10), range(10).count(10 ** 30), range(0, 2 ** 64, 2 ** 32).index(2 ** 40))
it = iter(range(big, big + 2))
print(next(it), next(it), len(range(big, big + 7, 2)))
print(range(-big, 0)[-1], range(0, -big, -1)[big - 1])
