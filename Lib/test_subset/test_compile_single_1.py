# compile(..., 'single'): one interactive statement, decorators and the
# else/elif/except/finally clauses included; anything after it is an error.
sources = [
    "@dec\ndef g():\n    pass\n",
    "@dec\n@dec2(1)\nclass C: pass\n",
    "@dec\ndef g():\n    pass\n\n",
    "@dec\ndef g():\n    pass\nx = 1\n",
    "@dec\nx = 1\n",
    "if x:\n  pass\nelse:\n  pass\n",
    "if x:\n  pass\nelse:\n  pass\nx=1\n",
    "if a: pass\nelif b: pass\nelse: pass\n",
    "if a:\n  pass\nelif b:\n  if c:\n    pass\n  else:\n    pass\nelse: pass\n",
    "try:\n  pass\nexcept E:\n  pass\nelse:\n  pass\nfinally:\n  pass\n",
    "try:\n  pass\nfinally: pass\ny\n",
    "while x:\n  pass\nelse:\n  pass\n\n",
    "for i in x:\n  pass\nelse:\n  pass\ny = 2\n",
    "x = 1\nelse\n",
    "x = 1\n",
    "x = 1; y = 2\n",
    "x = 1\ny = 2\n",
]
for s in sources:
    try:
        compile(s, "<stdin>", "single")
        print("ok", repr(s))
    except SyntaxError as e:
        print(type(e).__name__, repr(s), e.msg, e.lineno, e.offset)

# Expression statements go through sys.displayhook, which sets builtins._.
import builtins
ns = {}
exec(compile("6 * 7\n", "<stdin>", "single"), ns)
print(builtins._)
exec(compile("None\n", "<stdin>", "single"), ns)
print(builtins._)
exec(compile("if True:\n    'a' + 'b'\n    3\n", "<stdin>", "single"), ns)
print(builtins._)
