# _operator's functions (and operator.py, which imports them), with edge
# cases and CPython's error messages.
import _operator
import operator


def t(fn_, *a, **k):
    try:
        print(repr(fn_(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(n for n in dir(_operator) if not n.startswith('__')))
print(operator.add is _operator.add, operator.__add__ is _operator.add)
print(operator.__lt__ is _operator.lt, operator.__inv__ is _operator.inv)
print(operator.__iadd__ is _operator.iadd, operator.__not__ is _operator.not_)
print(_operator.__doc__.splitlines()[0], _operator.add.__name__)
missing = [n for n in operator.__all__ if not hasattr(_operator, n)]
print(missing)
print(all(getattr(operator, n) is getattr(_operator, n) for n in operator.__all__))


class V:
    """Records which dunder ran."""
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return 'V(%r)' % (self.v,)


for name in ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow',
             'lshift', 'rshift', 'and', 'xor', 'or']:
    def op(self, other, name=name):
        return '%s(%r, %r)' % (name, self.v, other)

    def rop(self, other, name=name):
        return 'r%s(%r, %r)' % (name, self.v, other)

    def iop(self, other, name=name):
        return 'i%s(%r, %r)' % (name, self.v, other)
    setattr(V, '__%s__' % name, op)
    setattr(V, '__r%s__' % name, rop)
    if name not in ('xor', 'matmul'):
        setattr(V, '__i%s__' % name, iop)

V.__neg__ = lambda self: 'neg'
V.__pos__ = lambda self: 'pos'
V.__invert__ = lambda self: 'invert'
V.__abs__ = lambda self: 'abs'
V.__index__ = lambda self: 42
for name in ['lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    setattr(V, '__%s__' % name, lambda self, other, name=name: '%s %r' % (name, other))

v = V(1)
for name in ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow',
             'lshift', 'rshift', 'and_', 'xor', 'or_', 'lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(_operator, name)
    print(name, f(v, 2), f(2, v))
for name in ['iadd', 'isub', 'imul', 'imatmul', 'itruediv', 'ifloordiv', 'imod', 'ipow',
             'ilshift', 'irshift', 'iand', 'ixor', 'ior']:
    print(name, getattr(_operator, name)(v, 3))
for name in ['neg', 'pos', 'inv', 'invert', 'abs', 'index']:
    print(name, getattr(_operator, name)(v))

# numbers
print(_operator.add(1, 2), _operator.sub(1, 2.5), _operator.mul(3, 'ab'),
      _operator.truediv(7, 2), _operator.floordiv(-7, 2), _operator.mod(-7, 3),
      _operator.pow(2, 100), _operator.pow(2, -1), _operator.lshift(1, 70),
      _operator.rshift(-9, 1), _operator.and_(12, 10), _operator.or_(12, 10),
      _operator.xor(12, 10), _operator.neg(5), _operator.pos(-5), _operator.inv(5),
      _operator.abs(-2.5), _operator.abs(-2 ** 63), _operator.abs(True))
print(_operator.and_({1, 2}, {2, 3}), _operator.or_({1}, {2}), _operator.xor(True, False))
print(_operator.add([1], [2]), _operator.add('a', 'b'), _operator.mul([0], 3))
t(_operator.truediv, 1, 0)
t(_operator.floordiv, 1, 0)
t(_operator.mod, 1, 0)
t(_operator.add, 1, 'a')
t(_operator.sub, 'a', 'b')
t(_operator.matmul, 1, 2)
t(_operator.lshift, 1, -1)
t(_operator.neg, 'x')
t(_operator.pos, [])
t(_operator.inv, 1.5)
t(_operator.abs, 'x')
t(_operator.lt, 1, 'a')
t(_operator.ge, [], {})
print(_operator.eq(1, 1.0), _operator.ne([1], [1]), _operator.lt((1, 2), (1, 3)),
      _operator.le('a', 'a'), _operator.gt(2, True), _operator.eq(v, v))

# in-place operators mutate or rebind
lst = [1]
print(_operator.iadd(lst, [2]) is lst, lst)
tup = (1,)
print(_operator.iadd(tup, (2,)), tup)
s = {1, 2}
print(_operator.iand(s, {2}) is s, s)
print(_operator.ipow(2, 10), _operator.imatmul.__name__)
t(_operator.imatmul, 1, 2)
t(_operator.iadd, [1], 2)

# truth, identity
print(_operator.truth(0), _operator.truth([0]), _operator.not_(''), _operator.not_(v))
x = object()
print(_operator.is_(x, x), _operator.is_(x, object()), _operator.is_not(None, None),
      _operator.is_not(1, 2))


class Falsy:
    def __bool__(self):
        raise ValueError('no truth')


t(_operator.truth, Falsy())
t(_operator.not_, Falsy())

# index
print(_operator.index(5), _operator.index(True), _operator.index(2 ** 80), _operator.index(v))
t(_operator.index, 1.5)
t(_operator.index, '1')


class BadIndex:
    def __index__(self):
        return 'no'


t(_operator.index, BadIndex())

# sequences
print(_operator.concat([1], [2]), _operator.concat('a', 'b'), _operator.concat((1,), (2,)),
      _operator.concat(b'a', bytearray(b'b')))
t(_operator.concat, 1, 2)
t(_operator.concat, [1], (2,))
t(_operator.concat, [1], 2)
t(_operator.concat, {}, {})


class Seq:
    def __getitem__(self, i):
        raise IndexError(i)


class AddSeq(Seq):
    def __add__(self, other):
        return 'added'

    def __radd__(self, other):
        return 'radded'


t(_operator.concat, Seq(), Seq())
t(_operator.iconcat, Seq(), [1])
print(_operator.concat(AddSeq(), Seq()), _operator.concat(Seq(), AddSeq()),
      _operator.iconcat(AddSeq(), ()))
t(_operator.concat, AddSeq(), 1)
t(_operator.concat, 1, AddSeq())
l2 = [1]
print(_operator.iconcat(l2, (2, 3)) is l2, l2)
t(_operator.iconcat, 1, [2])
t(_operator.iconcat, [1], 2)
print(_operator.contains([1, 2], 2), _operator.contains('abc', 'bc'), _operator.contains({1: 2}, 2))
t(_operator.contains, 1, 2)
print(_operator.countOf([1, 2, 1, 1.0, True], 1), _operator.countOf('banana', 'a'),
      _operator.countOf(iter([None, None]), None), _operator.countOf([], 1))
nan = float('nan')
print(_operator.countOf([nan, nan], nan), _operator.indexOf([0, nan], nan))
t(_operator.countOf, 1, 1)
print(_operator.indexOf([5, 6, 7], 7), _operator.indexOf('abc', 'b'), _operator.indexOf(range(10), 9.0))
t(_operator.indexOf, [1], 2)
t(_operator.indexOf, None, 2)


class Eq:
    def __eq__(self, other):
        raise RuntimeError('eq called')


t(_operator.countOf, [Eq()], 1)
t(_operator.indexOf, [1, Eq()], 2)

# item access
d = {'a': 1}
print(_operator.getitem(d, 'a'), _operator.getitem([1, 2, 3], -1), _operator.getitem('abc', slice(1, None)))
print(_operator.setitem(d, 'b', 2), d, _operator.delitem(d, 'a'), d)
t(_operator.getitem, d, 'zz')
t(_operator.getitem, 1, 2)
t(_operator.getitem, [1], 5)
t(_operator.setitem, (1,), 0, 2)
t(_operator.setitem, [1], 5, 2)
t(_operator.delitem, [1], 5)
t(_operator.delitem, 'a', 0)
lst3 = [0, 1, 2, 3]
_operator.setitem(lst3, slice(1, 3), ['x'])
_operator.delitem(lst3, slice(0, 1))
print(lst3)

# length_hint


class H:
    def __init__(self, r):
        self.r = r

    def __length_hint__(self):
        if isinstance(self.r, Exception):
            raise self.r
        return self.r


class L:
    def __init__(self, r):
        self.r = r

    def __len__(self):
        if isinstance(self.r, Exception):
            raise self.r
        return self.r

    def __length_hint__(self):
        return 99


print(_operator.length_hint([1, 2, 3]), _operator.length_hint(iter([1, 2])),
      _operator.length_hint(5), _operator.length_hint(5, 7), _operator.length_hint(H(4)),
      _operator.length_hint(H(NotImplemented), 3), _operator.length_hint(H(True)),
      _operator.length_hint(L(2)), _operator.length_hint(L(TypeError('x'))),
      _operator.length_hint(H(TypeError('y')), 8), _operator.length_hint(iter(range(5))),
      _operator.length_hint(x for x in 'ab'))
t(_operator.length_hint, H(-1))
t(_operator.length_hint, H('a'))
t(_operator.length_hint, H(2.0))
t(_operator.length_hint, H(ValueError('v')))
t(_operator.length_hint, L(ValueError('w')))
t(_operator.length_hint, L(-5), 9)
t(_operator.length_hint, [], 'x')
t(_operator.length_hint, [], 1.5)
t(_operator.length_hint, H(2 ** 70))
t(_operator.length_hint)
t(_operator.length_hint, [], 1, 2)
t(_operator.length_hint, [], default=1)

# call
print(_operator.call(len, [1, 2]), _operator.call(dict, a=1), _operator.call(max, 1, 5, key=lambda x: -x))
t(_operator.call)
t(_operator.call, obj=len)
t(_operator.call, 1)

# _compare_digest
print(_operator._compare_digest('abc', 'abc'), _operator._compare_digest('abc', 'abd'),
      _operator._compare_digest('ab', 'abc'), _operator._compare_digest(b'x', bytearray(b'x')),
      _operator._compare_digest(memoryview(b'yz'), b'yz'), _operator._compare_digest(b'', b''))
t(_operator._compare_digest, 'a', b'a')
t(_operator._compare_digest, b'a', 'a')
t(_operator._compare_digest, 'é', 'é')
t(_operator._compare_digest, 1, 2)
t(_operator._compare_digest, 1, b'a')
t(_operator._compare_digest, 'a')

# argument errors
t(_operator.neg)
t(_operator.neg, 1, 2)
t(_operator.neg, a=1)
t(_operator.truth)
t(_operator.add, 1)
t(_operator.add, 1, 2, 3)
t(_operator.add, a=1, b=2)
t(_operator.setitem, [1], 0)
t(_operator.is_, 1)
t(_operator.countOf)
t(_operator.indexOf, 1, 2, 3)
t(_operator.index)
t(_operator.not_, x=1)
