# functools: wraps/update_wrapper, partial, reduce, cmp_to_key, total_ordering.
import functools


def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k) * 2
    return inner


@deco
def add(x: int, y=1) -> int:
    """Adds."""
    return x + y


add.extra = "kept"
print(add(2), add.__name__, add.__qualname__, add.__doc__, add.__module__,
      add.__annotations__, add.__wrapped__.__name__, add.extra)

p = functools.partial(pow, 2)
q = functools.partial(p, 10)
print(p(5), q(), q.func is pow, q.args, q.keywords)
kw = functools.partial(sorted, key=len)
print(kw(["ccc", "a", "bb"]), kw(["ccc", "a"], reverse=True), repr(kw).startswith("functools.partial(<built-in function sorted>"))
try:
    functools.partial(3)
except TypeError as e:
    print("TypeError:", e)

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 7))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError:", e)

print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))


@functools.total_ordering
class V:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(V(1) < V(2), V(2) > V(1), V(1) <= V(1), V(3) >= V(4), V.__gt__.__name__)
try:
    functools.total_ordering(type("E", (), {}))
except ValueError as e:
    print("ValueError:", e)
