# memoryview over bytes/bytearray, and the 'in' operator of bytes.
mv = memoryview(b'abc')
print(mv.readonly, mv.nbytes, mv.itemsize, mv.format, mv.ndim, mv.obj, mv.tolist(), mv.tobytes(), mv.hex(), mv == b'abc', mv[::-1].tobytes(), len(mv[1:]), mv[1], mv[-1])
try: mv[0]=1
except Exception as e: print(type(e).__name__, e)
ba = bytearray(b'xyz')
m2=memoryview(ba)
m2[0] = 65
m2[1:3] = b'BC'
print(ba, bytes(m2[:2]), bytearray(m2), list(m2), b'-'.join([b'a', memoryview(b'c')]))
for bad in [lambda: m2.__setitem__(0, 300), lambda: m2.__setitem__(slice(0,2), b'a'), lambda: m2['a'], lambda: m2[5], lambda: memoryview('x'), lambda: hash(m2)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
with memoryview(b'q') as m3:
    print(m3[0])
try: m3[0]
except Exception as e: print(type(e).__name__, e)
print(hash(memoryview(b'ab')) == hash(b'ab'), isinstance(mv, memoryview), type(mv).__name__, memoryview(mv[1:]).tobytes(), mv[::2].tolist())
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

for x in ['a', 300, 97, None, bytearray(b'b'), b'', 97.0, memoryview(b'ab')]:
    t(lambda: x in b'ab')
    t(lambda: x in bytearray(b'ab'))
