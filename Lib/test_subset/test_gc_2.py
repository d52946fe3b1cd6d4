import gc

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(type(old).__name__, len(old), all(isinstance(x, int) for x in old))
gc.set_threshold(1000, 20, 30)
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(x, int) and x >= 0 for x in count))

attempt("collect(3)", lambda: gc.collect(3))
attempt("collect(-1)", lambda: gc.collect(-1))
attempt("collect('a')", lambda: gc.collect("a"))
attempt("collect(0) type", lambda: type(gc.collect(0)).__name__)
attempt("collect(generation=2) type", lambda: type(gc.collect(generation=2)).__name__)
attempt("is_tracked()", lambda: gc.is_tracked())
attempt("isenabled(1)", lambda: gc.isenabled(1))

class Plain:
    pass

for label, obj in [("int", 1), ("big int", 10 ** 30), ("float", 1.5), ("str", "s"), ("bytes", b"x"),
                   ("None", None), ("True", True), ("empty dict", {}), ("dict of atoms", {"a": 1}),
                   ("dict with list", {"a": []}), ("list", []), ("set", set()), ("instance", Plain()),
                   ("class", Plain), ("function", attempt), ("tuple with list", (1, [])),
                   ("range", range(3))]:
    print(label, gc.is_tracked(obj))

# Collections find unreachable cycles and keep what is reachable.
class Node:
    def __init__(self):
        self.other = None

def cycle():
    a, b = Node(), Node()
    a.other, b.other = b, a

gc.collect()
for _ in range(5):
    cycle()
print("cycles found:", gc.collect() >= 10)
print("nothing left:", gc.collect() == 0)

lst = []
lst.append(lst)
holder = Node()
holder.other = holder
holder.data = lst
del lst, holder
print("self cycles found:", gc.collect() >= 2)

keep = Node()
keep.other = keep
gc.collect()
print("reachable kept:", keep.other is keep)
print("after disable:", (gc.disable(), gc.collect() >= 0, gc.isenabled(), gc.enable())[1:3])
print(gc.garbage, isinstance(gc.callbacks, list))
