# _collections.defaultdict: a dict subclass with a default factory.
from _collections import defaultdict


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, d.default_factory, isinstance(d, dict), len(d))
print(type(d).__mro__, defaultdict.__module__, defaultdict.__name__)
print(defaultdict(), defaultdict(None), defaultdict(int, {'x': 1}), defaultdict(int, a=2))
print(defaultdict(int, [('k', 'v')], z=3))
t(lambda: defaultdict(1))
t(lambda: defaultdict('abc'))
t(lambda: defaultdict(int, 1))
t(lambda: defaultdict(default_factory=int))
e = defaultdict()
t(lambda: e['missing'])
print('missing' in e, e.get('x'), e.get('x', 5))
c = defaultdict(int)
for ch in 'hello':
    c[ch] += 1
print(sorted(c.items()), c['zz'], len(c))
print(c.__missing__('new'), 'new' in c)
t(lambda: e.__missing__('k'))
t(lambda: e.__missing__())
c.default_factory = None
t(lambda: c['q'])
c.default_factory = str
print(repr(c['q']))
c.default_factory = 5
t(lambda: c['nope'])
x = defaultdict(list, {1: [2]})
y = x.copy()
print(y, type(y).__name__, y is x, y[1] is x[1])
z = x.__copy__()
print(z, type(z).__name__)
r = x.__reduce__()
print(r[0], r[1], r[2], r[3], list(r[4]))
print(defaultdict().__reduce__()[1])
print(defaultdict(int, {1: 2}) | {3: 4}, {3: 4} | defaultdict(int, {1: 2}))
print(type(defaultdict(int) | {}).__name__, type({} | defaultdict(int)).__name__)
t(lambda: defaultdict(int) | 5)
w = defaultdict(int)
w |= {'a': 1}
w |= [('b', 2)]
print(w)
rec = defaultdict(list)
rec['self'] = rec
print(rec)
selfdf = defaultdict()
selfdf.default_factory = selfdf
print(selfdf)


def factory():
    return 'made'


print(repr(defaultdict(factory)).startswith('defaultdict(<function factory'))
print(defaultdict(lambda: 0, {1: 1}) == {1: 1}, defaultdict(int) == defaultdict(list))


class Sub(defaultdict):
    pass


s = Sub(list)
s['k'].append(3)
print(s, type(s.copy()).__name__)
s.extra = 1
print(s.extra)


class Sub2(defaultdict):
    def __missing__(self, key):
        return key * 2


s2 = Sub2(int)
print(s2[4], len(s2))
print(defaultdict.__missing__, defaultdict.default_factory.__doc__ is not None)
t(lambda: defaultdict().x)
print(dict(defaultdict(int, a=1)))
print(hash(defaultdict.__hash__) if defaultdict.__hash__ else None)
print(defaultdict(int).setdefault('k', 7), defaultdict(int).pop('k', 9))
print(defaultdict(int, {2: 3}).items(), list(defaultdict(int, {2: 3})))
print(defaultdict[int, list])
