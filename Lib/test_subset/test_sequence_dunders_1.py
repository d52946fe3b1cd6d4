# Sequence operator dunders: no __radd__ on str/bytes/list/tuple; reflected ops reach the other operand.
class R:
    def __radd__(self, o): return ("radd", o)
    def __rmul__(self, o): return ("rmul", o)
print("a" + R(), [1] + R(), (1,) + R(), b"x" + R(), "a" * R() if False else 0)
for expr in ["1 + 'a'", "'a' + 1", "[] + ()", "() + []", "b'' + ''", "'a'.__radd__", "3 * 'ab'", "'ab' * 3", "[1] * 2", "2 * (1,)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
for t in (str, bytes, bytearray, list, tuple, int, float, bool):
    print(t.__name__, [n for n in ("__add__","__radd__","__mul__","__rmul__","__mod__","__rmod__","__iadd__","__imul__","__divmod__","__rdivmod__","__neg__","__pos__","__abs__","__invert__","__and__","__rand__","__lshift__","__rlshift__","__lt__","__eq__") if n in vars(t)])
