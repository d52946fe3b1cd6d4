"""The struct module (CPython struct.py over rpy native _struct): every
format code, byte orders, alignment, and the errors with their messages."""
import struct
ba = bytearray(6)
tests = [
 lambda: struct.pack('b', 200), lambda: struct.pack('B', -1), lambda: struct.pack('h', 70000),
 lambda: struct.pack('H', -1), lambda: struct.pack('i', 2**40), lambda: struct.pack('I', -1), lambda: struct.pack('l', 2**70),
 lambda: struct.pack('L', -1), lambda: struct.pack('q', 2**64), lambda: struct.pack('Q', -1), lambda: struct.pack('n', 2**64), lambda: struct.pack('N', -1),lambda: struct.pack('P', -1),
 lambda: struct.pack('<b', 200), lambda: struct.pack('<B', -1), lambda: struct.pack('<h', 70000),
 lambda: struct.pack('<H', -1), lambda: struct.pack('<i', 2**40), lambda: struct.pack('>I', -1), lambda: struct.pack('<l', 2**70),
 lambda: struct.pack('<L', -1), lambda: struct.pack('<q', 2**64), lambda: struct.pack('<Q', -1), lambda: struct.pack('<Q', 2**64), lambda: struct.pack('<n', 1),
 lambda: struct.pack('i', 'x'), lambda: struct.pack('i', 1.0), lambda: struct.pack('f', 'x'), lambda: struct.pack('f', 1e300),lambda: struct.pack('e', 1e300),lambda: struct.pack('<e', 65520.0),
 lambda: struct.pack('c', b'ab'), lambda: struct.pack('s', 'x'), lambda: struct.pack('ii', 1), lambda: struct.pack('i'), lambda: struct.pack(),
 lambda: struct.unpack('q', b'abc'), lambda: struct.unpack_from('q', b'abcd', 1), lambda: struct.unpack_from('q', b'abcd', -10), lambda: struct.unpack_from('b', b'abcd', -1),
 lambda: struct.pack_into('q', bytearray(4), 2, 1), lambda: struct.pack_into('q', bytearray(4), -2, 1), lambda: struct.pack_into('q', bytearray(4), -20, 1), lambda: struct.pack_into('b', b'xx', 0, 1),
 lambda: struct.iter_unpack('q', b'abc'), lambda: struct.iter_unpack('', b'abc'), lambda: struct.calcsize('z'), lambda: struct.calcsize('3'), lambda: struct.calcsize('<P'),
 lambda: struct.calcsize(5), lambda: struct.Struct(), lambda: struct.unpack('i', 'abcd'), lambda: struct.pack('99999999999999999999i'), lambda: struct.calcsize('i i'), lambda: struct.calcsize('3 i'),
 lambda: struct.pack('3c', b'a'), lambda: struct.pack('?', []), lambda: struct.pack('x', 1), lambda: struct.unpack('i', b'abcd', 1), lambda: struct.calcsize('\0'),
 lambda: struct.pack('i', 2**64), lambda: struct.pack('<i', 'x'), lambda: struct.pack('h', 2**70), lambda: struct.pack('<h', 2**70),  lambda: struct.pack('b', 2**70),lambda: struct.pack('B', 2**70),
lambda: struct.pack('<f', 1e300), lambda: struct.pack('>d', 'a'), lambda: struct.pack('d', 10**400), lambda: struct.pack('f', 10**400),
lambda: struct.pack('5p', b'abcdefg'), lambda: struct.pack('5s', bytearray(b'ab')), lambda: struct.pack('0p', b'ab'),lambda: struct.unpack('3p', b'\x09ab'),
lambda: struct.pack('@bi?h', 1,2,3,4), lambda: struct.calcsize('@bq'), lambda: struct.calcsize('@bqb'), lambda: struct.Struct('i').format, lambda: struct.Struct(b'<i').format,
lambda: list(struct.iter_unpack('h', b'abcd')), lambda: struct.pack('e', float('nan')), lambda: struct.pack('<e', 1e-8), lambda: struct.pack('<e', 1.5),
lambda: struct.error.__module__, lambda: struct.Struct.__module__, lambda: struct.pack('i', True), lambda: struct.pack('c', bytearray(b'a')),lambda: struct.pack('s', b'a'*4), lambda: struct.unpack('?', b'\x05'),
lambda: struct.Struct('i').pack(1, 2), lambda: struct.Struct('i').unpack(b'x'), lambda: struct.Struct('i').unpack_from(b'x'), lambda: struct.Struct('i').pack_into(b'x'),lambda: struct.unpack_from('i', buffer=b'abcdefgh', offset=2),
lambda: struct.pack('<f', float('inf')), lambda: struct.pack('i', 1, 2, 3), lambda: struct.calcsize('0s'), lambda: struct.calcsize('@0q'), lambda: struct.calcsize('b0q'),
lambda: struct.unpack('<hHiIlLqQ', struct.pack('<hHiIlLqQ', -2, 3, -4, 5, -6, 7, -8, 9)),
lambda: struct.unpack('>hHiIlLqQ', struct.pack('>hHiIlLqQ', -2, 3, -4, 5, -6, 7, -8, 2**64-1)),
lambda: struct.unpack('!efd', struct.pack('!efd', 1.5, -2.25, 3.125)),
lambda: [struct.unpack('<e', struct.pack('<e', x)) for x in (0.0, -0.0, 1e-7, 6.1e-5, 65504.0, 0.1, 1/3, 2.0**-24, 2.0**-25, 3*2.0**-25)],
lambda: struct.pack('<e', 65519.99), lambda: struct.Struct('3si').size, lambda: struct.pack('=hq', 1, 2),
lambda: struct.unpack_from('<i', memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00'), 4),
lambda: struct.pack_into('<hh', ba, 1, 258, -1) or ba,
]

for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
s = struct.Struct('<2hxs')
print(s.format, s.size, s.pack(1, 2, b'z'), s.unpack(b'\x01\x00\x02\x00\x00z'))
print(s.unpack_from(b'..\x01\x00\x02\x00\x00z', 2), list(s.iter_unpack(b'\x01\x00\x02\x00\x00z' * 2)))
print(struct.calcsize('@cxhxixlxq'), struct.calcsize('=cxhxixlxq'), struct.calcsize('P'), struct.calcsize('nN'))
try:
    struct.pack('q', 2**70)
except struct.error as e:
    print('caught', type(e), e.args)
print(issubclass(struct.error, Exception), struct.__all__)
