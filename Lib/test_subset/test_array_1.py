from array import array
import array as A
a = array('B', b'abc')
print(a, len(a), a[0], a[-1], a[1:], a.tobytes(), a.tolist(), a.typecode, a.itemsize)
a.append(100); a.extend([1, 2]); print(a)
b = array('i', [1, -2, 3])
print(b, b.tobytes(), sum(b), list(b), 3 in b, b.index(-2), b.count(3))
print(array('d', [1.5, 2]), array('u', 'hi'), array('q'), array('H', range(3)) == array('H', [0, 1, 2]))
for bad in [('B', [256]), ('b', [-129]), ('B', [-1]), ('h', [70000]), ('q', [2**70]), ('B', [1.0]), ('x', []), ('B', 'abc')]:
    try:
        array(*bad)
    except Exception as e:
        print(type(e).__name__, e)
print(bytes(array('B', [65, 66])), A.typecodes)
import binascii
print(binascii.hexlify(array('B', b'\x01\x02')), binascii.crc32(array('B', b'abc')))
print(a + array('B', [9]), array('B', [1]) * 3, b.pop(), b)
