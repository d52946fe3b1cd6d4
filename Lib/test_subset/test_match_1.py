def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as flag:
            return f"bool {flag}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as number:
            return f"number {number}"
        case "":
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"list starting {first} with {len(rest)} more"
        case {"type": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case {"type": t, **others}:
            return f"typed {t} with {sorted(others)}"
        case _:
            return f"something else: {type(value).__name__}"

for v in [None, True, 0, -5, 3, 2.5, "", "abc", [1, 2], (1, 2, 3), [], {"type": "point", "x": 1, "y": 2},
          {"type": "box", "w": 1, "h": 2}, {1, 2}]:
    print(repr(v), "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "on diagonal"
        case Point():
            return "elsewhere"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7)]:
    print(where(p))

def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["take", item, *_]:
            return f"taking {item}"
        case ["quit"]:
            return "bye"
        case other:
            return f"unknown {other}"

for c in ["go north", "go west", "take lamp now", "quit", ""]:
    print(repr(c), "->", command(c))
