class BrokenRepr:
    def __repr__(self):
        raise RuntimeError("repr exploded")

class BrokenInit:
    def __init__(self, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        self.value = value

class BrokenIter:
    def __iter__(self):
        yield 1
        raise KeyError("mid-iteration")

class BrokenEq:
    def __eq__(self, other):
        raise TypeError("cannot compare")
    __hash__ = object.__hash__
    def __repr__(self):
        return "BrokenEq()"

class BrokenLen:
    def __len__(self):
        return "three"

checks = [
    ("repr", lambda: repr(BrokenRepr())),
    ("str falls back to repr", lambda: str(BrokenRepr())),
    ("list repr", lambda: repr([BrokenRepr()])),
    ("init", lambda: BrokenInit(-1)),
    ("iteration", lambda: list(BrokenIter())),
    ("membership", lambda: BrokenEq() in [1, 2]),
    ("dict lookup", lambda: {BrokenEq(): 1}[BrokenEq()]),
    ("len", lambda: len(BrokenLen())),
    ("f-string", lambda: f"{BrokenRepr()!r}"),
    ("sorted key", lambda: sorted([3, 1, 2], key=lambda v: 1 / (v - 2))),
    ("map", lambda: list(map(int, ["1", "x"]))),
]
for label, check in checks:
    try:
        result = check()
        print(f"{label}: ok {result!r}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")

print(BrokenInit(3).value, [x for x in BrokenIter()][:0] if False else "skip")
b = BrokenEq()
print(b in [b], [b].count(b) if False else "count skipped", b is b)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise OSError("exit failed")

try:
    with ExitRaises():
        raise ValueError("body failed")
except OSError as e:
    print("OSError:", e, "| context:", repr(e.__context__))
