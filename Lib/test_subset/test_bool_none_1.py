print(True + True, True * 3, False ** 0, True / 2, True // 1, -True, ~True, True << 3)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(int(True), float(False), str(True), repr(False), bool("False"), bool(0j), bool(0.0))
print(True == 1, False == 0, isinstance(False, int), bool.__bases__)
print(sum([True, True, False]), max(False, True), sorted([True, False, True]), [1, 2, 3][True])
print({True: "a", 1: "b"}, {0: "z", False: "y"}, len({True, 1, 1.0}))
print(None is None, None == None, None != 0, type(None).__name__, repr(None), str(None), bool(None))
print(None.__eq__(None), None.__eq__(0), [None] * 2, {None: "key"}[None])
print(not None, not not None, None or "fallback", None and "never")
for value in [0, 1, -1, 0.0, "", "0", [], [0], {}, {0: 0}, (), (0,), set(), None, object()]:
    print(f"{type(value).__name__}({'obj' if type(value) is object else repr(value)}) -> {bool(value)}")
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
nothing = None
try:
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    bool.__new__(bool, 5) if False else type(None)()
    print("NoneType() ->", type(None)())
except TypeError as e:
    print("TypeError:", e)
def returns_nothing():
    pass
print(returns_nothing() is None, print("side effect") is None)
print(True if [] else False, True if [[]] else False, 1 if None else 2)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis)
