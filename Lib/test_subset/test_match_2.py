# Literal, value, singleton, sequence and mapping patterns.
import sys

class Color:
    RED = 1
    GREEN = 2
    BLUE = "blue"

def literal(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case -2 - 1j:
            return "negative complex"
        case "text" | b"bytes":
            return "str or bytes"
        case "con" "cat":
            return "concatenated"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Color.BLUE:
            return "blue"
        case sys.maxsize:
            return "maxsize"
        case 100000000000000000000 if False:
            return "unreachable"
        case _:
            return "other"

for v in [0, 0.0, -1, 1.5, 2 + 3j, -2 - 1j, "text", b"bytes", "concat", None, True, False,
          1, 1.0, "blue", sys.maxsize, 2, [], "zero"]:
    print(repr(v), "->", literal(v))

# True/False/None compare by identity; 1 == True would match a value pattern.
def ident(v):
    match v:
        case True:
            return "is True"
        case 1:
            return "equals 1"
    return "no match"

print(ident(1), ident(True), ident(1.0), ident(False))

class Eq:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print(f"  {self.name}.__eq__({other!r})")
        return other == 42

def value_order(v):
    match v:
        case 1 | 2:
            return "one or two"
        case Color.GREEN:
            return "green"
    return "none"

print(value_order(Eq("e")))

def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y] if x == y:
            return f"pair of equal {x!r}"
        case (x, y):
            return f"pair {x!r} {y!r}"
        case [1, 2, *rest]:
            return f"starts 1, 2 then {rest}"
        case [*init, "end"]:
            return f"ends with end after {init}"
        case [first, *_, last]:
            return f"first {first!r} last {last!r}"
        case _:
            return "not a sequence"

for v in [[], (), [5], (5,), [1, 1], (1, 2), [1, 2, 3, 4], range(1, 5), ["a", "b", "end"],
          (9, 8, 7, 6), "ab", b"ab", bytearray(b"ab"), "x", {1: 2}, {1, 2}, 7, iter([1, 2]),
          memoryview(b"xyz"), range(3), [[1, 2]], list(range(10))]:
    print(type(v).__name__, "->", seq(v))

def nested(v):
    match v:
        case [[a, b], [c, [d, *e]]]:
            return f"deep {a} {b} {c} {d} {e}"
        case [(1 | 2) as small, *_]:
            return f"small {small}"
        case [*_]:
            return "any sequence"

print(nested([[1, 2], [3, [4, 5, 6]]]))
print(nested([2, "x"]))
print(nested([3, "x"]))
print(nested(()))
print(nested("str"))

def star_wild(v):
    match v:
        case [a, *_, b, c]:
            return (a, b, c)
        case [*_, z]:
            return z
        case [*_]:
            return "short"

print(star_wild([1, 2, 3, 4, 5]), star_wild([1, 2, 3]), star_wild([9, 8]), star_wild([7]),
      star_wild([]))
print(star_wild(range(10, 20)))

def mapping(v):
    match v:
        case {}:
            if not v:
                return "empty mapping"
            match v:
                case {"kind": "circle", "r": r}:
                    return f"circle r={r}"
                case {"kind": "rect", "w": w, "h": h, **rest} if not rest:
                    return f"rect {w}x{h}"
                case {"kind": "rect", **rest}:
                    return f"rect with extras {sorted(rest.items())}"
                case {1: one, 2.0: two}:
                    return f"numeric keys {one} {two}"
                case {Color.RED: red}:
                    return f"red key {red}"
                case {None: n, True: t}:
                    return f"None and True keys {n} {t}"
                case {"nested": {"a": [x, *_]}}:
                    return f"nested {x}"
                case {**everything}:
                    return f"other mapping with {len(everything)} keys"
        case _:
            return "not a mapping"

for v in [{}, {"kind": "circle", "r": 2}, {"kind": "rect", "w": 3, "h": 4},
          {"kind": "rect", "w": 3, "h": 4, "z": 1}, {"kind": "rect"}, {1: "a", 2: "b"},
          {1.0: "a", 2: "b", 3: "c"}, {1: "red"}, {True: "t", None: "n"},
          {"nested": {"a": [7, 8]}}, {"x": 1}, [("kind", "circle")], "abc", 5]:
    print(repr(v), "->", mapping(v))

class MyDict(dict):
    def __missing__(self, key):
        print("  __missing__ called", key)
        return 0
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)

match MyDict(a=1, b=2):
    case {"a": 1, "c": _}:
        print("has c")
    case {"b": b, **kw}:
        print("b is", b, "rest", kw, type(kw).__name__)

# The bound names persist after the match statement.
match [1, [2, 3]]:
    case [a, [b, c]]:
        pass
print(a, b, c)

# Names are bound only once the whole pattern matched.
x = "untouched"
match [1, 2]:
    case [x, 3]:
        print("no")
    case _:
        print("x is still", x)

# The subject is evaluated once.
def subject():
    print("  evaluating subject")
    return [1, 2]

match subject():
    case [1]:
        print("one")
    case [1, 2, 3]:
        print("three")
    case [1, q]:
        print("q =", q)
