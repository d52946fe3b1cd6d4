print(len(f'{1.5:.70000f}'), len('%.70000e' % 1), len('%#.70000g' % 0.1), ('%.70000g' % 0.1))
print(f'{5e-324:.900e}'[:30], f'{1e300:.2000f}'[-5:], len(f'{1e300:.2000f}'))
class I:
    def __init__(s, l, r=5): s.l = l; s.r = r
    def __index__(s): s.l.clear(); return s.r
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
l = list(range(10)); t(lambda: l.__setitem__(slice(I(l), I(l)), [1, 2])); print(l)
l = list(range(10)); t(lambda: l.__setitem__(slice(I(l), I(l), 2), [1, 2])); print(l)
l = list(range(10)); t(lambda: l.__delitem__(I(l))); print(l)
l = list(range(10)); t(lambda: l.__delitem__(slice(I(l, 2), None))); print(l)
l = list(range(10)); t(lambda: l.pop(I(l))); print(l)
l = list(range(10)); t(lambda: l.pop(I(l, -1))); print(l)
l = list(range(10)); t(lambda: l.__setitem__(I(l), 3)); print(l)
l = list(range(10)); t(lambda: l[I(l)]); print(l)
l = list(range(10)); t(lambda: l[I(l):]); print(l)
b = bytearray(10); t(lambda: b.__delitem__(I(b))); print(b)
b = bytearray(10); t(lambda: b.__delitem__(slice(I(b, 1), None))); print(b)
b = bytearray(10); t(lambda: b.__setitem__(slice(I(b), I(b)), b'xy')); print(b)
b = bytearray(10); t(lambda: b.__setitem__(I(b), 3)); print(b)
b = bytearray(10); t(lambda: b.__setitem__(0, I(b, 7))); print(b)
b = bytearray(10); t(lambda: b[I(b)]); print(b)
b = bytearray(10); t(lambda: b[I(b, 0):]); print(b)
b = bytearray(10); t(lambda: b.pop(I(b))); print(b)
