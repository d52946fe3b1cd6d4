# Annotations as CPython stores them: functions, classes, modules,
# simple and complex targets, evaluation order.
print('__annotations__' in globals(), __annotations__)
x: int = 3
y: "str"


class A:
    a: int
    b: list[int] = []
    (c): int = 1
    print(__annotations__)


print(A.__annotations__, __annotations__)


def f(a: int, *args: str, b: float = 1.0, **kw: bool) -> None:
    pass


print(f.__annotations__)


def g():
    pass


print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {'x': 1}
print(g.__annotations__)
try:
    g.__annotations__ = 3
except TypeError as e:
    print(e)
g.__annotations__ = None
print(g.__annotations__)


class O:
    pass


o = O()
o.attr: int = 5
o.attr2: int
d = {}
d['k']: int = 1
(z): int = 3
print(__annotations__, o.attr, d, z)


def trace(x):
    print('eval', x)
    return x


w: trace('ann') = trace('value')
lst = [1]
lst[0]: trace('sub ann') = trace('sub value')
o.q: trace('attr ann')


def h(a: trace('a') = trace('da'), *, b: trace('b') = trace('db'), c: trace('c')) -> trace('ret'):
    q: undefined_name = 1
    return q


print(h.__annotations__, h(c=1))


class K:
    pass


print('__annotations__' in K.__dict__, K.__annotations__, '__annotations__' in K.__dict__)


class L:
    if False:
        x: int


print(L.__dict__.get('__annotations__'))


class M:
    __annotations__ = {'pre': 1}
    a: int


class N(M):
    pass


print(M.__annotations__, N.__annotations__)
N.__annotations__ = {'q': 1}
print(N.__annotations__, N.__dict__['__annotations__'])
try:
    int.__annotations__
except AttributeError as e:
    print(e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print(e)


class P:
    __x: int


print(P.__annotations__)
if False:
    zz: int
for i in range(2):
    loop: trace('loop') = i
print(__annotations__)


class Q:
    y: undefined_name_q = 2
