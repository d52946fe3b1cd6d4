# Code objects as Python sees them: co_* attributes for each kind of code,
# co_flags as CPython 3.11 sets them, replace(), equality, and assigning
# a function's __code__.
import sys


def plain(a, b, /, c, *args, d, e=1, **kw):
    x = a + b
    return x


def outer():
    v = 1

    def inner(p):
        return p + v

    return inner


def gen():
    yield 1


lam = lambda q: q
comp_code = [c for c in (lambda: [i for i in ()]).__code__.co_consts if hasattr(c, "co_name")][0]


class K:
    def m(self):
        return __class__


module_code = compile("x = 1\ny = x\n", "<mod>", "exec")
codes = [plain.__code__, outer.__code__, outer().__code__, gen.__code__,
         lam.__code__, comp_code, K.m.__code__, module_code]
for co in codes:
    print(co.co_name, co.co_qualname, co.co_firstlineno, co.co_flags)
    print("  args", co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
    print("  names", co.co_varnames, co.co_cellvars, co.co_freevars)
    print("  ", co.co_filename == __file__ or co.co_filename, co.co_stacksize > 0)

print(plain.__code__.co_consts[0], "x" in plain.__code__.co_varnames)
print(module_code.co_names, module_code.co_consts[-1])
print(sorted(set(line for _, _, line in module_code.co_lines() if line)))
print(all(len(p) == 4 for p in module_code.co_positions()))
print(sorted(set(p[0] for p in module_code.co_positions() if p[0])))

# co_flags bits
CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS = 1, 2, 4, 8
CO_NESTED, CO_GENERATOR = 0x10, 0x20
print(bool(gen.__code__.co_flags & CO_GENERATOR), bool(plain.__code__.co_flags & CO_VARARGS))
print(bool(outer().__code__.co_flags & CO_NESTED), bool(outer.__code__.co_flags & CO_NESTED))

# replace()
co = plain.__code__
r = co.replace(co_name="renamed", co_qualname="Q.renamed", co_firstlineno=99)
print(r.co_name, r.co_qualname, r.co_firstlineno, r is co, r == co)
print(co.replace() == co, hash(co.replace()) == hash(co), co.replace() is co)
g2 = gen.__code__.replace(co_flags=gen.__code__.co_flags | 0x100)
print(g2.co_flags, g2.co_flags & 0x100, g2 == gen.__code__)
nf = lam.__code__.replace(co_consts=(None,), co_names=())
print(nf.co_consts, nf.co_names)
try:
    co.replace(co_bogus=1)
except TypeError as e:
    print("TypeError:", e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    co.replace(co_name=3)
except TypeError as e:
    print("TypeError:", e)


def f1():
    return "f1"


def f2():
    return "f2"


f1.__code__ = f2.__code__
print(f1(), f1.__name__, f1.__code__ is f2.__code__)
f1.__code__ = f1.__code__.replace(co_name="again")
print(f1(), f1.__code__.co_name, f1.__name__)
try:
    f1.__code__ = outer().__code__
except ValueError as e:
    print("ValueError:", e)
try:
    f1.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
inner = outer()
try:
    inner.__code__ = f2.__code__
except ValueError as e:
    print("ValueError:", e)

# Code objects compare by value and hash alike.
a = compile("z = 1", "<c>", "exec")
b = compile("z = 1", "<c>", "exec")
c = compile("z = 2", "<c>", "exec")
print(a == b, hash(a) == hash(b), a == c, a != c, {a: 1}[b])
print(compile("1", "<c>", "eval") == compile("1.0", "<c>", "eval"))
print(type(plain.__code__).__name__, type(plain.__code__).__module__)
