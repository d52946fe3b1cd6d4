point = (3, 4)
single = (1,)
empty = ()
print(point, single, empty, type(single).__name__, len(empty))
x, y = point
print(x * y, point[0], point[-1], point[::-1])
print(point + (5,), point * 2, 3 in point, point.index(4), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99), () < (0,))
print(tuple("abc"), tuple([1, 2]), tuple(range(3)), tuple())
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])
try:
    point[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
holder = ([1], 2)
holder[0].append(3)
print(holder)
try:
    holder[0] += [4]
except TypeError as e:
    print("TypeError:", e, holder)
print(repr((1,)), repr(()), str((None, "s")), (1, (2, (3,))))
nested = ((1, 2), (3, 4))
print(sum(a * b for a, b in nested), dict(nested), max(nested))
print(divmod(7, 2), type(divmod(7, 2)).__name__)
t = tuple(range(10))
print(t[2:5], t[::3], t[-3:], len(t), min(t), max(t))
try:
    (1, 2).index(5)
except ValueError as e:
    print("ValueError:", e)
print(bool(()), bool((0,)), (1, 2) == [1, 2], tuple([1, 2]) == (1, 2))
