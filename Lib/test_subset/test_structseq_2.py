# Struct-sequence types: immutable, not subclassable, fields, match, constructors.
import sys, os, time
def t(f):
    try: r = f(); print("ok", r)
    except Exception as e: print(type(e).__name__, e)
T = type(sys.version_info)
print(T, T.__name__, T.__qualname__, T.__module__, T.__mro__)
t(lambda: setattr(T, 'x', 1))
t(lambda: T.n_fields)
t(lambda: T.__match_args__)
t(lambda: sys.float_info)
t(lambda: repr(sys.flags)[:40])
t(lambda: time.struct_time((1,2)))
t(lambda: time.struct_time(range(12)))
t(lambda: time.struct_time(range(11)).tm_gmtoff)
t(lambda: time.struct_time(range(9)).tm_zone)
S = os.stat_result
s = S(range(10))
t(lambda: (type(s).__name__, s.st_mode, s[3], repr(s)))
t(lambda: type('S', (S,), {}))
t(lambda: type('S', (T,), {}))
t(lambda: os.stat_result(range(10)) == tuple(range(10)))
t(lambda: sorted(k for k in vars(T) if not k.startswith('__')))
t(lambda: time.localtime().__class__)
match sys.version_info:
    case (major, minor, *_):
        print("match", major, minor)
match sys.version_info:
    case T(major=3, minor=m):
        print("kw match", m)
g = time.gmtime(0); print(type(g[:]).__name__, type(tuple(g)).__name__, g[:2], type(g[0:9]).__name__, g + (1,), type(g * 1).__name__, g == tuple(g), hash(g) == hash(tuple(g)))
