# The global-name cache must see changes of the builtins: a global that
# shadows a builtin and its deletion, builtins added, replaced and deleted
# through the builtins module, and one code object run in several
# namespaces.
import builtins


def size():
    return len("abc")


def show(label, fn):
    try:
        print(label, fn())
    except NameError as e:
        print(label, type(e).__name__, e)


for _ in range(3):
    show("builtin", size)

len = lambda s: "shadowed"
show("global shadows", size)
del len
show("shadow deleted", size)

real_len = builtins.len
builtins.len = lambda s: "replaced in builtins"
show("builtins.len replaced", size)
del builtins.len
show("builtins.len deleted", size)
builtins.len = real_len
show("builtins.len restored", size)


def new_name():
    return BRAND_NEW


show("not yet", new_name)
builtins.BRAND_NEW = "added to builtins"
show("added", new_name)
BRAND_NEW = "global wins"
show("global over builtin", new_name)
del BRAND_NEW
show("global gone", new_name)
builtins.__dict__["BRAND_NEW"] = "via __dict__"
show("builtins __dict__", new_name)
del builtins.__dict__["BRAND_NEW"]
show("deleted again", new_name)

# Builtins churn: the position of names in the builtins dict changes.
for n in range(40):
    setattr(builtins, "tmp_builtin_%d" % n, n)
for n in range(40):
    delattr(builtins, "tmp_builtin_%d" % n)
show("after churn", size)

# One compiled code object run in several namespaces: a global in one of
# them shadows the builtin there only.
src = "def f():\n    return len('abcd')\n"
code = compile(src, "<shared>", "exec")
first, second = {}, {}
exec(code, first)
exec(code, second)
for _ in range(2):
    print("shared", first["f"](), second["f"]())
second["len"] = lambda s: "second's global"
print("shared shadowed", first["f"](), second["f"]())
del second["len"]
print("shared unshadowed", first["f"](), second["f"]())

top = compile("r = len([1, 2])", "<top>", "exec")
for extra in ({}, {"len": lambda s: "module-level shadow"}, {}):
    ns = dict(extra)
    exec(top, ns)
    print("top", ns["r"])

# A module-level loop over a builtin that gets shadowed half-way.
out = []
for i in range(4):
    out.append(abs(-i))
    if i == 1:
        abs = lambda v: "shadow"
print("loop", out)
del abs
print("loop restored", abs(-5))
