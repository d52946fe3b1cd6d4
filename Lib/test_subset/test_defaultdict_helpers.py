# _collections' other helpers: _count_elements (Counter's loop) and
# _tuplegetter (namedtuple's field descriptor).
from _collections import _count_elements, _tuplegetter, defaultdict


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


g = _tuplegetter(1, 'doc here')
print(g, g.__doc__, type(g).__module__, type(g).__name__)


class P(tuple):
    x = _tuplegetter(0, 'first')
    y = _tuplegetter(5, None)


p = P((1, 2))
print(p.x, P.x.__doc__, P.y.__doc__, type(P.x).__name__, P.x is P.__dict__['x'])
t(lambda: p.y)
t(lambda: setattr(p, 'x', 3))
t(lambda: delattr(p, 'x'))
t(lambda: g.__get__(5))
t(lambda: g.__get__(None, int))
t(lambda: g.__get__((1, 2, 3)))
t(lambda: _tuplegetter(1))
t(lambda: _tuplegetter('a', 1))
t(lambda: _tuplegetter(-1, 1).__get__((1, 2)))
t(lambda: g.__reduce__())
g.__doc__ = 'new'
print(g.__doc__, g)
print(_tuplegetter(2**40, 'd').__get__((1,)) if False else 'ok')
d = {}
_count_elements(d, 'abracadabra')
print(d)
_count_elements(d, ['a', 'z'])
print(d)
t(lambda: _count_elements(d, 5))
t(lambda: _count_elements(5, 'ab'))
t(lambda: _count_elements(d))


class M(dict):
    def get(self, k, default=None):
        print('get', k, default)
        return dict.get(self, k, default)


m = M()
_count_elements(m, 'aa')
print(m)


class S(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        dict.__setitem__(self, k, v)


s = S()
_count_elements(s, 'xyx')
print(s)
t(lambda: _count_elements({'a': 'x'}, 'a'))
dd = defaultdict(int)
_count_elements(dd, [1, 2, 1])
print(dd)
f = {1.0: 5}
_count_elements(f, [1, True])
print(f)
t(lambda: defaultdict.__new__(5))
t(lambda: defaultdict.default_factory.__get__(5))
t(lambda: defaultdict.default_factory.__set__(5, 1))
