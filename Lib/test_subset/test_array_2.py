# array.array as a typed native type: operators, iteration, subclasses,
# comparisons and CPython's argument messages.
from array import array as A
import array

a = A('i', [3, 1, 2])
for e in [lambda: a * 'x', lambda: 'x' * a, lambda: a + 1, lambda: a < 1, lambda: a == 1]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(a * 2, 2 * a, a < A('i', [4]), a >= A('i', [3, 1, 2]), a != A('b', [3, 1, 2]), a == A('d', [3, 1, 2]))
it = iter(a)
print(type(it).__name__, next(it), list(it), list(it))
a += A('i', [9]); a *= 2; print(a)
del a[0]; del a[::2]; print(a, a.__copy__(), a.__deepcopy__({}))
a.insert(0, 7); a.insert(-100, 8); a.insert(100, 9); a.remove(9); print(a)


class Sub(A):
    def __len__(self):
        return 42

    def extra(self):
        return 'x'


s = Sub('b', [1, 2])
print(len(s), s.extra(), s, type(s).__name__, s[0], list(s), type(s[:1]).__name__, s + s, 3 in s)
u = A('u', 'hello'); u.fromunicode('!'); print(u, u.tounicode())
d = A('d', [float('nan')]); print(d == d, d != d)
print(A('b', [1, 2, 3]).index(3, -1), A('b', [1]).pop(), A('b', [1, 2]).pop(0))
print(memoryview(A('H', [1, 2])).tolist(), bytes(A('b', [65])))
grow = A('q')
for i in range(1000):
    grow.append(i)
print(len(grow), sum(grow), grow[-1])

b = A('b')
tests = [
    lambda: b.tolist(1), lambda: b.append(), lambda: b.append(1, 2), lambda: b.pop(1, 2),
    lambda: b.pop(x=1), lambda: b.index(), lambda: b.index(1, 2, 3, 4), lambda: b.frombytes('x'),
    lambda: b.frombytes(), lambda: A(), lambda: A('b', [], 3), lambda: A(typecode='b'),
    lambda: b.fromunicode(1), lambda: b.__len__(1), lambda: b.__getitem__(), lambda: b.__setitem__(1),
    lambda: b.__add__(), lambda: b.__eq__(), lambda: b.__iter__(1), lambda: b.__repr__(1),
    lambda: b.extend(1), lambda: b.fromlist(1), lambda: b.tobytes(1), lambda: b.insert(1),
    lambda: b.count(), lambda: b.__contains__(), lambda: b.__delitem__(), lambda: b.__mul__(),
    lambda: b.__imul__('x'), lambda: b.__rmul__(), lambda: b.__iadd__(), lambda: b.__lt__(),
    lambda: b.byteswap(1), lambda: b.__getitem__('x'), lambda: hash(b), lambda: b.remove(),
    lambda: b.remove(5), lambda: A('b', 1), lambda: A(1), lambda: A('z'), lambda: b.__copy__(1),
    lambda: b.__deepcopy__(), lambda: b.pop(), lambda: A('b', [1]).pop(5), lambda: b[0],
    lambda: A('b', [1]).__setitem__(0, 'x'), lambda: A('u').fromunicode(1), lambda: b.tounicode(),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
print(type(array.array.typecode).__name__, array.array.typecode.__name__, array.ArrayType is A)
