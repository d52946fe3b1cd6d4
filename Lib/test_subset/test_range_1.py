r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1])
print(5 in r, 6 in r, r.index(11), r.count(8), r.start, r.stop, r.step)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), list(range(0, -10, -4)))
print(range(0) == range(5, 2), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2))
huge = range(10 ** 20)
print(huge[-1], 10 ** 19 in huge, huge[10 ** 19], huge.index(5))
try:
    len(huge)
except OverflowError as e:
    print("OverflowError:", e)
print(sum(range(1, 101)), max(range(7)), sorted(range(3), reverse=True))
print(list(reversed(range(3))), list(reversed(range(1, 8, 3))))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(3).index(7)
except ValueError as e:
    print("ValueError:", e)
it = iter(range(3))
print(next(it), list(it))
total = 0
for i in range(10, 0, -3):
    total += i
print(total, hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
print([i * j for i in range(1, 4) for j in range(i)])
