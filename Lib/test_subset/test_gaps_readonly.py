"""Read-only attributes: functools.partial's func/args/keywords."""
import functools

p = functools.partial(print, 1, a=2)
for n in ("func", "args", "keywords"):
    try:
        setattr(p, n, 1)
    except AttributeError as e:
        print("set", n, "AttributeError", e)
    try:
        delattr(p, n)
    except AttributeError as e:
        print("del", n, "AttributeError", e)
p.x = 3
print(p.x, p.func, p.args, p.keywords)
q = functools.partial(functools.partial(print, 1, a=2), 4, b=5)
print(q.func, q.args, sorted(q.keywords.items()))
print(functools.partial(max, 3)(5, 1))
