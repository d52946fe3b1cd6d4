# ExceptionGroup.split / subgroup: by type, by tuple of types, by
# predicate; the identity of a full match; what the parts copy.

def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in leaves(sub)]
    return [e]

v1, v2, t1, k1 = ValueError(1), ValueError(2), TypeError(3), KeyError(4)
inner = ExceptionGroup("inner", [v2, k1])
eg = ExceptionGroup("outer", [v1, t1, inner])

for m in [ValueError, TypeError, KeyError, (ValueError, KeyError), Exception,
          OSError, ExceptionGroup, BaseExceptionGroup,
          lambda e: isinstance(e, ValueError) and e.args[0] > 1,
          lambda e: e is inner]:
    match, rest = eg.split(m)
    print(repr(match), "|", repr(rest))
    print("   sub:", repr(eg.subgroup(m)))

# A full match returns the group itself.
print(eg.split(Exception)[0] is eg, eg.subgroup(Exception) is eg)
print(eg.split(lambda e: True)[0] is eg)
# Leaves are shared, groups are new.
m, r = eg.split(ValueError)
print(m is eg, leaves(m)[0] is v1, leaves(m)[1] is v2)

# The predicate sees the group itself first, then nested groups and leaves.
seen = []
def pred(e):
    seen.append(type(e).__name__ + ":" + str(e))
    return False
eg.split(pred)
print(seen)

# Bad matchers.
for bad in [1, "x", (ValueError, 1), [ValueError], print, int, (int,)]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        eg.subgroup(bad)
    except TypeError as e:
        print("TypeError:", e)

# The parts copy __traceback__, __cause__, __context__ and a copy of __notes__.
try:
    try:
        raise OSError("context")
    except OSError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    g = e
g.add_note("note 1")
m, r = g.split(ValueError)
for part in (m, r):
    print(repr(part), part.__traceback__.tb_lineno == g.__traceback__.tb_lineno,
          repr(part.__cause__), repr(part.__context__),
          part.__suppress_context__, part.__notes__, part.__notes__ is g.__notes__)
m.add_note("only on the match")
print(g.__notes__, m.__notes__, r.__notes__)

# Notes that are not a list: a sequence is copied into a list, anything
# else is ignored.
g.__notes__ = ("a", "b")
print(g.subgroup(ValueError).__notes__)
g.__notes__ = 42
print(hasattr(g.subgroup(ValueError), "__notes__"))

# Without a traceback, the parts have none.
plain = ExceptionGroup("plain", [ValueError(), TypeError()])
print(plain.split(ValueError)[0].__traceback__, plain.__suppress_context__,
      plain.split(ValueError)[0].__suppress_context__)

# split and subgroup use derive(): a subclass can keep its type.
class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag="?"):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag="?"):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag + "'")

t = Tagged("tagged", [ValueError(1), TypeError(2), Tagged("in", [ValueError(3)], "x")], "t")
m, r = t.split(ValueError)
print(type(m).__name__, m.tag, repr(m), type(r).__name__, r.tag)
print(m.exceptions[1].tag)

class NotAGroup(ExceptionGroup):
    def derive(self, excs):
        return ValueError("oops")

try:
    NotAGroup("n", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)

# Without a derive override, subclasses derive plain groups.
class Plain(ExceptionGroup):
    pass
print(type(Plain("p", [ValueError(), TypeError()]).subgroup(ValueError)).__name__)
print(type(BaseExceptionGroup("b", [ValueError(), KeyboardInterrupt()]).subgroup(ValueError)).__name__)

# Deep nesting works (and stops at the recursion limit like CPython).
deep = ValueError("leaf")
for i in range(50):
    deep = ExceptionGroup(f"l{i}", [deep])
print(len(leaves(deep.subgroup(ValueError))), deep.subgroup(TypeError))
