from array import array
m = memoryview(b"1234")
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, len(m), m[0], m[1:3].tobytes(), m.tolist())
c = m.cast('B', (2, 2))
print(c.format, c.ndim, c.shape, c.strides, c.tolist(), c.nbytes, c.tobytes())
i = m.cast('I')
print(i.format, i.itemsize, i.ndim, i.shape, len(i), i.tolist(), i[0])
a = memoryview(array('i', [1, -2, 3]))
print(a.format, a.itemsize, a.tolist(), a.nbytes, a[1], len(a), a.readonly)
ba = bytearray(b"abcd"); mb = memoryview(ba); mb[0] = 65; mb[1:3] = b"XY"; print(ba, mb.readonly)
for bad in [lambda: m.cast('I', (3,)), lambda: i.cast('H'), lambda: m[::2].cast('B'), lambda: m.cast('x'), lambda: c[0], lambda: len(m.cast('B', ())) if False else m.cast('B', (0,)), lambda: memoryview(3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(m == b"1234", m == memoryview(array('B', b"1234")), memoryview(array('B', [1])) == memoryview(array('i', [1])))
print(memoryview(b'ab').hex(), bytes(memoryview(array('H', [1, 2]))), list(memoryview(b'xy')))
print(b'a' + memoryview(b'b'), b'-'.join([array('B', b'x'), b'y']))
