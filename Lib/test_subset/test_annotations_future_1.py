# from __future__ import annotations: annotations stored as CPython unparses them.
from __future__ import annotations

x: list[int] = 3
y: "str"
z: a.b[c, d:e] | None
w: lambda x, *a, k=1, **kw: (x, a)
v: {1: 2, **d} and not (a or b) if c else [i for i in range(3) if i]
u: f"a{b!r:>{c}}" + 'x' * 3 ** -2
s: a @ b // c << 2 >> 1 & 3 ^ 4 | 5
r: 1 < 2 <= 3 is not 4 not in 5
q: {a, *b}, (1,), ()
p: x[1:2, ::3, ...]
o: -1 + ~2 + +3 ** 2 ** 3
m: 1e100, 1.5j, 0x10, 1_000, b'x', 'a' 'b', None, True, ...
l: (a := 3)
k: {**a}, {k: v for k, v in d}, {x for x in y}, (x for x in y)
j: a.b.c(d, *e, f=g, **h)
i: f'{x=}', f'{x!s}', f"{'a'}"
for key, value in __annotations__.items():
    print(key, repr(value))


def f(a: int, b: list[T]) -> dict[str, int | None]:
    pass


print(f.__annotations__)


class C:
    x: C
    y: undefined
    print(__annotations__)
