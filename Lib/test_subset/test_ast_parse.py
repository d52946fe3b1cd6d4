# ast.parse of many constructs, dumped with and without positions: the
# tree rpy's parser gives must read exactly as CPython's.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c[1:2, ::3] = d.e",
    "x += 1; y @= z; del a[0], b.c",
    "x: int = 5\n(y): str",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    '''doc'''\n    return a",
    "async def g():\n    await x\n    async for i in y: pass\n    async with a as (b, c): pass",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): ...",
    "if a:\n    pass\nelif b:\n    x\nelse:\n    y",
    "for i in range(3):\n    continue\nelse:\n    break",
    "while not x: x -= 1",
    "try:\n    1/0\nexcept ZeroDivisionError as e:\n    raise ValueError from e\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    del e",
    "try:\n    pass\nexcept* OSError:\n    pass",
    "with open(f) as g, h:\n    pass",
    "import a.b as c, d\nfrom .. import e\nfrom f.g import (h as i, j)\nfrom k import *",
    "global a, b\nnonlocal c",
    "assert x, 'msg'",
    "lambda x, *, y=1: x + y",
    "a if b else c",
    "[x for x in y if x for z in w]\n{k: v for k, v in d}\n{s for s in t}\n(g for g in h)",
    "f(a, *b, c=1, **d)",
    "x < y <= z != w is not v in u not in t",
    "a and b and c or d",
    "-x, +y, ~z, not w",
    "a ** b // c % d << e >> f | g ^ h & i @ j",
    "f'{x!r:>{width}} and {y=}'",
    "b'bytes' b'more'",
    "'a' 'b'",
    "1.5j, 0x10, 1_000, 1e10, None, True, False, ...",
    "(yield)\n(yield x)\n(yield from y)",
    "x := 1" if False else "(x := 1)",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) as pt if yy:\n        pass\n    case None:\n        pass\n    case _:\n        pass",
    "x[1:2]\nx[::]\nx[a, b]\nx[...]",
    "print(*[1], sep='')",
    "def f[T](x): pass" if False else "def f(x=[], *, y={}): pass",
    "if x:\n    # comment\n    y = 'é' + \"ü\"",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse("x + 1", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
for bad in ["x = (", "def f(:", "1 +"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
print(ast.literal_eval("[1, (2, 'a'), {'k': -3.5}, {1, 2}, b'x', None]"))
print(ast.literal_eval(" 1 + 2j"))
try:
    ast.literal_eval("f(x)")
except ValueError as e:
    print(type(e).__name__, str(e).split(':')[0])
for src in SOURCES[:25]:
    print(ast.unparse(ast.parse(src)))
