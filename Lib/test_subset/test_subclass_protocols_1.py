# Which overrides of list/tuple/dict subclasses the interpreter consults when
# unpacking, merging mappings and matching patterns (CPython's fast paths
# apply to exact types, or to dict subclasses that keep dict.__iter__).

class D(dict):
    def keys(self):
        raise ValueError("keys")

class I(dict):
    def __iter__(self):
        raise ValueError("iter")

class G(dict):
    def __getitem__(self, k):
        return "G"

class IG(dict):
    def __iter__(self):
        return iter(["a"])
    def __getitem__(self, k):
        return "IG"

for C in (D, I, G, IG):
    for label, f in [("dict()", lambda d: dict(d)), ("{**d}", lambda d: {**d}),
                     ("update", lambda d: {}.update(d)), ("f(**d)", lambda d: dict(**d))]:
        try:
            print(C.__name__, label, f(C(a=1)))
        except ValueError as e:
            print(C.__name__, label, "error", e)

class L(list):
    def __iter__(self):
        raise ValueError("list iter")

class T(tuple):
    def __iter__(self):
        return iter([7, 8])

for label, f in [("a, b = L", lambda: [a for a in [None] for (a, b) in [L([1, 2])]]),
                 ("a, *b = L", lambda: [b for (a, *b) in [L([1, 2])]])]:
    try:
        print(label, f())
    except ValueError as e:
        print(label, "error", e)

a, b = T((1, 2))
print("a, b = T:", a, b)
a, *b = T((1, 2))
print("a, *b = T:", a, b)

match T((1, 2)):
    case [x, y]:
        print("sequence pattern on T:", x, y)

match IG(a=1, b=2):
    case {"a": v, **rest}:
        print("mapping pattern on IG:", v, rest)

match D(a=1, b=2):
    case {"b": v, **rest}:
        print("mapping pattern on D:", v, rest)

try:
    match L([1, 2]):
        case [1, x]:
            print("unreachable")
except ValueError as e:
    print("sequence pattern on L: error", e)
