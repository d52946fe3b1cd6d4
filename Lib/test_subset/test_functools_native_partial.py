# _functools.partial: construction, flattening, calls, attributes, repr,
# __reduce__/__setstate__ (what copy and pickle call), subclasses, __dict__.
from _functools import partial


def t(fn_, *a, **k):
    try:
        print(repr(fn_(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


class F:
    """A callable with an address-free repr."""
    def __call__(self, *a, **k):
        return a, k

    def __repr__(self):
        return '<F>'


f = F()


def g(*a, **k):
    return a, k


p = partial(f, 1, 2, a=3)
print(p.func is f, p.args, p.keywords)
print(p(3, b=4))
print(p(a=5))
print(p())
print(repr(p))
print(repr(partial(f)))
print(repr(partial(f, x='s', y=[1])))

# flattening
q = partial(p, 9, b=8)
print(q.func is f, q.args, q.keywords)
print(repr(q))
q2 = partial(q)
print(q2.func is f, q2.args)

# a partial with something in its __dict__ is not flattened
r = partial(f, 1)
r.attr = 'x'
r2 = partial(r, 2)
print(r2.func is r, r2.args)


class P(partial):
    pass


class Outer:
    class Inner(partial):
        pass


s = P(f, 1, k=2)
print(repr(s), type(s).__name__, isinstance(s, partial))
print(s(0))
print(repr(Outer.Inner(f, 1)))
s2 = P(partial(f, 1), 2)
print(s2.func is f, s2.args, type(s2).__name__)
s3 = partial(P(f, 1), 2)
print(s3.func is f, s3.args)


class C(partial):
    def __call__(self, *a):
        return 'own call'


c = C(f, 1)
print(c(2))
c2 = partial(c, 3)
print(c2.func is c, c2.args, c2())

# errors
t(partial)
t(partial, 1)
t(partial, func=f)
t(partial(g, 1, a=2), 2, a=3)
t(partial(int, '10'), base=2)
t(partial(int, base=2), '11')
t(lambda: partial(f).func.__class__.__name__)

# keywords dict is live
kp = partial(g, 1)
kp.keywords['z'] = 26
t(kp)

# attributes and __dict__
d = partial(g)
d.x = 1
print(d.__dict__, d.x)
d.__dict__ = {'y': 2}
print(d.__dict__)
t(setattr, d, '__dict__', 5)
print(hasattr(partial, '__get__'))


class Holder:
    m = partial(g, 'bound?')


print(Holder().m())

# reduce/setstate
print(partial(f, 1, a=2).__reduce__())
ds = partial(f, 1)
ds.z = 5
print(ds.__reduce__())
st = partial(g)
st.__setstate__((f, (3,), {'b': 1}, None))
print(repr(st), st.__dict__)
st.__setstate__((f, (4,), None, {'w': 1}))
print(repr(st), st.keywords, st.__dict__)
for bad in [(f, (3,), {}), (1, (3,), {}, None), (f, [3], {}, None),
            [f, (3,), {}, None], (f, (3,), [], None), 'abc']:
    t(st.__setstate__, bad)

# copying as copy.copy does (copy itself needs _weakref)
def copied(obj):
    cls, args, state = obj.__reduce__()
    new = cls(*args)
    new.__setstate__(state)
    return new


orig = partial(f, 1, a=2)
orig.note = 'n'
cp = copied(orig)
print(repr(cp), cp.note, cp.keywords is orig.keywords, cp.args == orig.args)
pk2 = copied(P(max, 5))
print(type(pk2).__name__, pk2(1), pk2(7))

# recursive repr
rec = partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec))

print(partial[int])
print(partial.__module__, partial.__name__, partial.__qualname__)
print(sorted(k for k in ('func', 'args', 'keywords', '__call__', '__reduce__',
                         '__setstate__', '__class_getitem__', '__dict__')
             if k in dir(partial)))
print(partial.__doc__.splitlines()[0])

# a partial of a bound method and of a class
print(partial([1, 2].index, 2)())
print(partial(dict, a=1)(b=2))
print(list(map(partial(pow, 2), range(5))))
