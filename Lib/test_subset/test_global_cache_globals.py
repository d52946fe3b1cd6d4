# The global-name cache must see every change of a module's namespace:
# assignments, deletions and re-additions through the statements, through
# globals(), vars(), the module object and the dict methods.
import sys

mod = sys.modules[__name__]

X = 1


def read_x():
    return X


def read_y():
    return Y


def show(label, fn):
    try:
        print(label, fn())
    except NameError as e:
        print(label, type(e).__name__, e)


for _ in range(3):
    show("plain", read_x)

X = 2
show("after rebind", read_x)

globals()["X"] = 3
show("globals() set", read_x)

vars()["X"] = 4
show("vars() set", read_x)

setattr(mod, "X", 5)
show("setattr module", read_x)

mod.__dict__["X"] = 6
show("module __dict__ set", read_x)

del globals()["X"]
show("deleted via globals()", read_x)

X = 7
show("re-added", read_x)

delattr(mod, "X")
show("delattr module", read_x)

globals().update(X=8, Y=9)
show("update X", read_x)
show("update Y", read_y)

globals().pop("Y")
show("popped Y", read_y)

globals().setdefault("Y", 10)
show("setdefault Y", read_y)

# Many other globals added and removed around X: X's position changes.
for n in range(50):
    globals()["tmp%d" % n] = n
for n in range(50):
    del globals()["tmp%d" % n]
show("after churn", read_x)
show("after churn Y", read_y)


def counter():
    global C
    C += 1
    return C


C = 0
for _ in range(5):
    counter()
print("counter", C)
del C
try:
    counter()
except NameError as e:
    print("counter deleted:", type(e).__name__, e)
C = 100
print("counter again", counter(), C)

# A loop at module level reads and writes names whose dict changes inside it.
total = 0
for i in range(6):
    total += i
    if i == 2:
        del total
        total = 1000
    if i == 4:
        globals()["total"] = -total
print("module loop", total, i)

try:
    for i in range(3):
        if i == 1:
            del globals()["total"]
        total += 1
except NameError as e:
    print("module loop deleted:", type(e).__name__, e)

# The same code object run with two different globals dicts.
shared = compile("def read_x():\n    return X\n", "<shared>", "exec")
other = {"X": "other X", "__builtins__": __builtins__}
exec(shared, other)
read_x_other = other["read_x"]
exec(shared, globals())
print("same code", read_x.__code__ is read_x_other.__code__)
X = "mine"
for _ in range(2):
    print("two globals", read_x(), read_x_other())
del other["X"]
show("other deleted", read_x_other)
show("mine still", read_x)

# exec of one compiled code in several namespaces.
code = compile("result = X * 2", "<cached>", "exec")
for ns in ({"X": 1}, {"X": "ab"}, {"X": [0]}):
    exec(code, ns)
    print("exec", ns["result"])
try:
    exec(code, {})
except NameError as e:
    print("exec empty:", type(e).__name__, e)

# clear() and popitem() on a namespace of exec.
ns = {"X": 5}
fn_code = compile("def f():\n    return X\n", "<ns>", "exec")
exec(fn_code, ns)
f = ns["f"]
print("ns", f())
ns.clear()
ns["__builtins__"] = __builtins__
try:
    f()
except NameError as e:
    print("ns cleared:", type(e).__name__, e)
ns["X"] = 6
print("ns refilled", f())
ns["Z"] = 0
ns.popitem()
ns.popitem()
try:
    f()
except NameError as e:
    print("ns popitem:", type(e).__name__, e)
ns["X"] = 7
print("ns again", f())

# A copy of a namespace is a separate dict: changes to one do not show in
# functions reading the other.
ns2 = dict(ns)
exec(fn_code, ns2)
g = ns2["f"]
ns2["X"] = "copy"
print("copies", f(), g())
del ns["X"]
show("copy original deleted", f)
show("copy kept", g)

# Class bodies and exec with separate locals look in their locals first.
V = "global V"


class K:
    a = V
    V = "class V"
    b = V


print("class body", K.a, K.b, V)
loc = {}
exec("w = V\nV = 'local V'\nw2 = V", globals(), loc)
print("exec locals", loc["w"], loc["w2"], V)
