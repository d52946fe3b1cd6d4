# The generational collector: thresholds, counts after collections of each
# generation, which containers are tracked, and what collections of a
# young generation find.
import gc
import weakref

print("threshold", gc.get_threshold())
gc.set_threshold(500, 5)
print("set", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("reset", gc.get_threshold())

# Tuples are tracked when made and let go by a collection once they hold
# only untracked objects; dicts only while they hold a container.
print("empty tuple", gc.is_tracked(()))
t = tuple([1, 2, 3])
u = tuple([1, [2]])
n = tuple([t, "x"])
print("new tuples", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(n))
gc.collect()
print("after collect", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(n))
print("dicts", gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print("atoms", gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None))
print("containers", gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(gc))

# Counts: collecting generation 0 bumps generation 1's count, collecting
# generation 1 bumps generation 2's.
gc.collect()
gc.collect(0)
print("after collect(0)", gc.get_count()[1:])
gc.collect(1)
print("after collect(1)", gc.get_count()[1:])

# A cycle that survived a collection is old: collecting generation 0
# does not find it, a full collection does.
gc.collect()
old = []
old.append(old)
gc.collect()
del old
print("young collection", gc.collect(0))
print("full collection", gc.collect())

# A young cycle is found by collect(0).
a = [1]
b = [a]
a.append(b)
del a, b
print("young cycle", gc.collect(0))

# A dict cycle and a list cycle together.
d = {}
d["self"] = d
l = [d]
d["l"] = l
del d, l
print("dict and list", gc.collect())


# Automatic collection: off while disabled, on again after enable().
class Node:
    pass


def cycle():
    x = Node()
    x.me = x
    return weakref.ref(x)


gc.collect()
gc.disable()
print("isenabled", gc.isenabled())
r = cycle()
junk = []
for i in range(3000):
    c = []
    c.append(c)
print("alive while disabled", r() is not None)
gc.enable()
for i in range(3000):
    c = []
    c.append(c)
print("alive after enable", r() is not None)
print("invalid generation:")
try:
    gc.collect(3)
except ValueError as e:
    print(" ", e)
