# Class patterns, OR and AS patterns, guards, and where the names go.

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class Plain:
    def __init__(self, **kw):
        self.__dict__.update(kw)

class Dynamic:
    @property
    def value(self):
        print("  computing value")
        return 10

def classify(obj):
    match obj:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=z) if z > 0:
            return f"3d above {x} {y} {z}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0) | Point(0, x):
            return f"on x axis at {x}"
        case Point(x=px, y=py) as p if px == py:
            return f"diagonal {px} {type(p).__name__}"
        case Point(_, _):
            return "some point"
        case Plain(name=str(name), age=int(age)):
            return f"plain {name} {age}"
        case Plain(name=name):
            return f"plain named {name!r}"
        case Plain():
            return "plain without name"
        case Dynamic(value=10 as v):
            return f"dynamic {v}"
        case int(n) | float(n) if n > 100:
            return f"big number {n}"
        case bool(b):
            return f"bool {b}"
        case int(0 | 1 as n):
            return f"int zero or one {n}"
        case str() | bytes() as s if len(s) > 3:
            return f"long {type(s).__name__}"
        case list([*items]) | tuple([*items]):
            return f"list or tuple of {len(items)}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case frozenset() | set():
            return "a set"
        case object(__class__=cls):
            return f"object of {cls.__name__}"

tests = [Point3(0, 0, 0), Point3(1, 2, 3), Point3(1, 2, -3), Point(0, 0), Point(0, 7), Point(5, 0),
         Point(3, 3), Point(1, 2), Plain(name="Ann", age=30), Plain(name=5), Plain(age=3),
         Dynamic(), 1000, 1000.5, True, 0, 1, 50, "hello", b"bytes", "hi", [1, 2, 3], (4,),
         {"k": 9}, {"j": 1}, {1}, frozenset(), None, 2.5]
for t in tests:
    print(classify(t))

class MyInt(int):
    pass

class WithArgs(int):
    __match_args__ = ("real", "imag")

match MyInt(7):
    case MyInt(n):
        print("MyInt matches itself:", n, type(n).__name__)
match WithArgs(7):
    case WithArgs(r, i):
        print("own __match_args__:", r, i)

# OR patterns whose alternatives capture in different orders.
def swap(v):
    match v:
        case [a, b, "ab"] | [b, a, "ba"] | {"a": a, "b": b}:
            return f"a={a} b={b}"
        case [[p, q, r], "pqr"] | [[r, p, q], "rpq"] | [[q, r, p], "qrp"]:
            return f"p={p} q={q} r={r}"
        case (1, x) | (x, 2) | [[x, _] | Point(x, _)]:
            return f"x={x}"
    return "none"

for v in [[1, 2, "ab"], [1, 2, "ba"], {"b": 5, "a": 6}, (1, 9), (8, 2), [[7, 0]], [Point(4, 5)], [3, 3, 3],
          [["P", "Q", "R"], "pqr"], [["R", "P", "Q"], "rpq"], [["Q", "R", "P"], "qrp"], [1, 2]]:
    print(swap(v))

# AS patterns at several levels.
match [1, [2, 3], {"k": (4, 5)}]:
    case [1 as one, [2, _] as pair, {"k": (_, five) as tup} as d] as whole:
        print(one, pair, tup, five, d, whole)

# Guards are evaluated in order, only after their pattern matched, with the
# names already bound.
def guard(label, result):
    print(f"  guard {label}")
    return result

for value in [1, 2, 3]:
    match value:
        case 1 if guard("a", False):
            print("first")
        case n if guard(f"b{n}", n == 2):
            print("second", n)
        case n if guard(f"c{n}", True):
            print("third", n)

# A failed guard leaves the names bound.
match 5:
    case y if y > 10:
        pass
    case _:
        print("y bound by the failed guard:", y)

# Default case with a guard.
for v in [0, 1]:
    match v:
        case 5:
            print("five")
        case _ if v:
            print("truthy default")
    print("after", v)

# Scopes: locals, closures, globals, class bodies.
def scopes(v):
    match v:
        case [a, b]:
            def inner():
                return a + b
            return inner()
    return None

print(scopes([1, 2]), scopes("no"))

counter = None
def set_global(v):
    global counter
    match v:
        case int(counter):
            pass

set_global(41)
print("global", counter)

class Body:
    match {"size": 3}:
        case {"size": size}:
            doubled = size * 2
print(Body.size, Body.doubled)

print([m for v in [[1], [2, 3], [4]] for m in [len(v)] if m == 1])

# match inside loops with break, continue and return; in a generator; in try.
def find(items):
    for it in items:
        match it:
            case "skip":
                continue
            case "stop":
                break
            case ["ret", val]:
                return val
        print("  item", it)
    return "done"

print(find(["a", "skip", "b", "stop", "c"]))
print(find(["a", ["ret", 42], "b"]))

def gen(items):
    for it in items:
        match it:
            case int(n):
                yield n * 10
            case str(s):
                yield from s

print(list(gen([1, "ab", 2])))

def with_finally(v):
    try:
        match v:
            case 0:
                return "zero"
            case _:
                raise ValueError(v)
    except ValueError as e:
        return f"error {e}"
    finally:
        print("  finally")

print(with_finally(0), with_finally(1))

# Private names are mangled in class bodies, like any other target.
class Mangle:
    def get(self, v):
        match v:
            case [__secret]:
                return __secret
print(Mangle().get([99]))

# Soft keywords stay usable as names.
match = {"case": 1}
case = [match]
match case:
    case [{"case": _}]:
        print("soft keywords")
