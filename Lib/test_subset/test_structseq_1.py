# Struct sequences: sys.version_info, sys.float_info, time.struct_time, os.stat_result.
import sys
import time
import os

vi = sys.version_info
print(type(vi).__name__, type(vi).__module__ if hasattr(type(vi), "__module__") else None)
print(vi.major, vi.minor, vi[0] == vi.major, len(vi), vi[:2])
print(type(type(vi).major).__name__, repr(type(vi).major))
for stmt in ["vi.major = 4", "del vi.major", "vi.nope"]:
    try:
        exec(stmt)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.dig, sys.float_info[2])
print(sys.int_info.bits_per_digit > 0, sys.hash_info.width)
print(isinstance(vi, tuple), vi == tuple(vi), hash(vi) == hash(tuple(vi)))
st = time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0))
print(st.tm_year, st.tm_mday, st[5], st.tm_zone, repr(st))
try:
    st.tm_year = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    type(vi).major.__get__(5)
except TypeError as e:
    print("TypeError", e)
s = os.stat(".")
print(type(s).__name__, s.st_mode == s[0], isinstance(s.st_size, int))
print(sorted(n for n in dir(type(vi)) if not n.startswith("_"))[:8])
import array
def t(f):
    try: f()
    except Exception as e: print(type(e).__name__, e)
t(lambda: array.array.nope)
t(lambda: setattr(array.array, 'x', 1))
t(lambda: array.array('i').nope)
t(lambda: array.array(*5))
t(lambda: sys.version_info.nope)
t(lambda: len(5))
print(array.array, type(sys.version_info), array.array.__qualname__, type(sys.version_info).__qualname__)
