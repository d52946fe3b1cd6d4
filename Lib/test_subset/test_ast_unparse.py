# ast.unparse round trips, ast.literal_eval (values and its errors),
# ast.dump of constant kinds and contexts, get_source_segment, and
# SyntaxErrors from ast.parse.
import ast

SOURCES = [
    "x = (1, 2)\ny = [a for a in b if a]\n",
    "def f(a, /, b=1, *c, d, e=2, **g) -> 'r':\n    return (yield)\n",
    "class C(A, B, metaclass=M):\n    'doc'\n    x: int = 1\n",
    "async def g():\n    async with a as b, c:\n        await d\n",
    "print(f'{x!r:>{w}} {y:.2f} {{braces}}')",
    "lambda *a, **k: (a, k)",
    "a = b if c else d\nx = not (a or b) and c\n",
    "del a[1:2, ::3], b.c",
    "match x:\n    case [1, *r] if r:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case P(a=1) | None:\n        pass\n",
    "try:\n    pass\nexcept* E as e:\n    raise X from e\n",
    "x = -1 ** 2 + (-1) ** 2 - ~a * +b",
    "with (open(p) as f, open(q) as g):\n    pass\n",
    "global a\nimport os.path as p\nfrom . import x\n",
    "u'unicode' + b'bytes' + r'raw\\d'",
    "x = {**a, 'b': 1, **c}\ny = {*s, 1}\nz = f(*a, *b, k=1, **d)\n",
    "(x := 10)\nassert x, 'm'\n",
]
for src in SOURCES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    print(ast.dump(ast.parse(out)) == ast.dump(tree))

for text in ["42", "-3.5", "1+2j", "-(1)", "(1, 'a', b'b', [2], {3: 4}, {5})",
             "set()", "None", "True", "...", "  7", "'a' 'b'", "x", "1 + x",
             "f(1)", "{**a}", "[*a]", "1 if 2 else 3", "--1", "'a' + 'b'"]:
    try:
        print(repr(ast.literal_eval(text)))
    except (ValueError, TypeError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

print(repr(ast.literal_eval(ast.parse("[1, -2]", mode="eval"))))
print(repr(ast.literal_eval(ast.Constant(5))))

for src in ["u'x'", "'x'", "U'x'", "f'x'", "u'a' 'b'", "b'x'", "r'x'"]:
    print(ast.dump(ast.parse(src, mode="eval")))

print(ast.dump(ast.parse("a, *b = c\nfor (d, e[0]) in f: pass\ndel g, h.i\nwith j as [k, l]: pass\n[m for n.o in p]\n(q := 1)")))

seg = "value = compute(alpha,\n        beta) + 1\n"
tree = ast.parse(seg)
print(ast.get_source_segment(seg, tree.body[0].value.left))
print(ast.get_source_segment(seg, tree.body[0].value, padded=True))
print(ast.get_docstring(ast.parse('"""first\nsecond"""'), clean=False))
print(ast.get_docstring(ast.parse('def f(): "inner"').body[0], clean=False))

for bad in ["x = (", "def f(:\n", "1 +", "return = 1", "f(**a, *b)", "x = 'é", "  x"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

src = "def f():\n    return 'é' + x\n"
for node in ast.walk(ast.parse(src)):
    if isinstance(node, (ast.Constant, ast.Name)):
        print(type(node).__name__, node.col_offset, node.end_col_offset)
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
