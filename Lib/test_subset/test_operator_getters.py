# operator.itemgetter, attrgetter and methodcaller (from _operator):
# calls, reprs, __reduce__, errors; sorting with an itemgetter key.
import _operator
import operator
from operator import itemgetter, attrgetter, methodcaller


def t(fn_, *a, **k):
    try:
        print(repr(fn_(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(itemgetter is _operator.itemgetter, attrgetter is _operator.attrgetter,
      methodcaller is _operator.methodcaller)
for cls in (itemgetter, attrgetter, methodcaller):
    print(cls.__name__, cls.__module__, cls.__qualname__)

# itemgetter
g1 = itemgetter(1)
g3 = itemgetter(0, -1, 'x' and 1)
print(g1([10, 20, 30]), g1('abc'), g1({1: 'one'}), g3([1, 2, 3]))
print(itemgetter(slice(1, 3))('abcd'), itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(repr(g1), repr(g3), repr(itemgetter('k', (1, 2))))
print(g1.__reduce__(), g3.__reduce__())
cls, args = g3.__reduce__()
print(cls(*args)([7, 8, 9]))
t(g1, [])
t(g1, 5)
t(itemgetter('z'), {})
t(g1)
t(g1, 1, 2)
t(g1, x=1)
t(itemgetter)
t(itemgetter, 1, a=1)
print(list(map(itemgetter(0), [(1, 2), (3, 4)])))
print(sorted([(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')], key=itemgetter(0)))
print(sorted([(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')], key=itemgetter(0, 1), reverse=True))
print(sorted({'b': 1, 'a': 2}.items(), key=itemgetter(1)))
print(max([('a', 3), ('b', 9)], key=itemgetter(1)))


class Rec:
    def __repr__(self):
        return 'Rec'

    def __getitem__(self, k):
        return ('item', k)


print(itemgetter(2, 'x')(Rec()))
t(lambda: hash(g1) == hash(g1))
t(lambda: g1 == itemgetter(1))

# attrgetter


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


tree = Node('root', Node('kid', Node('grandkid')))
print(attrgetter('name')(tree), attrgetter('child.name')(tree),
      attrgetter('child.child.name', 'name')(tree))
print(attrgetter('real', 'imag')(3 + 4j), attrgetter('__class__.__name__')(1))
ag = attrgetter('a.b', 'c')
print(repr(attrgetter('name')), repr(ag), ag.__reduce__())
t(attrgetter('missing'), tree)
t(attrgetter('child.missing'), tree)
t(attrgetter('child.child.child.name'), tree)
t(attrgetter('x'), 5)
t(attrgetter, 1)
t(attrgetter, 'a', 2)
t(attrgetter)
t(attrgetter, a='b')
t(attrgetter('name'))
t(attrgetter('name'), tree, tree)
t(attrgetter('name'), obj=tree)
print(attrgetter('')(Node('n')) if False else 'skip-empty')
t(attrgetter('a..b'), tree)
print(sorted([Node('b'), Node('c'), Node('a')], key=attrgetter('name'))[0].name)

# methodcaller
mc = methodcaller('split', ',')
print(mc('a,b,c'), methodcaller('upper')('x'), methodcaller('get', 'k', 'dflt')({}))
print(methodcaller('to_bytes', 2, byteorder='big')(258))
print(methodcaller('format', 1, b=2)('{} {b}'))
print(repr(mc), repr(methodcaller('m')), repr(methodcaller('f', 1, x=2, y='z')))
print(mc.__reduce__(), methodcaller('m').__reduce__())
red = methodcaller('to_bytes', 2, byteorder='little').__reduce__()
print(type(red[0]).__name__, red[0].func is methodcaller, red[0].args, red[0].keywords, red[1])
print(red[0](*red[1])(258))
t(methodcaller('nope'), 5)
t(methodcaller('upper'), 5)
t(methodcaller('upper', 1), 'a')
t(methodcaller)
t(methodcaller, 1)
t(methodcaller, name='x')
t(mc)
t(mc, 'a', 'b')
t(mc, x='a')


class S(str):
    pass


print(repr(methodcaller(S('lower'))), methodcaller(S('lower'))('AB'))
print(repr(attrgetter(S('name'))), attrgetter(S('name'))(tree))

# operator.index with int subclasses gives exact ints


class I(int):
    pass


print(type(_operator.index(I(3))).__name__, type(_operator.index(True)).__name__)

# not subclassable, like CPython's
for base in (itemgetter, attrgetter, methodcaller):
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(e)

# recursive reprs
lst = []
ig = itemgetter(lst)
lst.append(ig)
print(repr(ig))
