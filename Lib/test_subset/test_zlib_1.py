# zlib: one-shot compress/decompress, wbits containers, argument and
# zlib errors with CPython's messages, constants, checksums.
import zlib
c = zlib.compress(b'hello world'*10)
g = zlib.compress(b'hello', wbits=31)
r = zlib.compress(b'hello', wbits=-15)
tests = ['zlib.decompress(c+b"xyz")','zlib.decompress(c[:-1])','zlib.decompress(c[:-5])','zlib.decompress(b"")','zlib.decompress(b"abc")','zlib.decompress(c[:-4]+b"0000")','zlib.decompress(g)','zlib.decompress(g, 31)','zlib.decompress(g, 47)','zlib.decompress(c, 47)','zlib.decompress(r, -15)','zlib.decompress(r, 15)','zlib.decompress(c, 8)','zlib.decompress(c, 9)','zlib.decompress(c, 7)','zlib.decompress(c, 16)','zlib.decompress(c, 0)','zlib.decompress(c, -7)','zlib.decompress(c, bufsize=0)','zlib.decompress(c, bufsize=-1)','zlib.decompress(c, bufsize=1)','zlib.compress(b"", 10)','zlib.compress(b"", -2)','zlib.compress(b"", wbits=8)','zlib.compress(b"x", wbits=-8)','zlib.compress(b"x", wbits=16)','zlib.compress(b"x", wbits=32)','zlib.compress("x")','zlib.compress(b"x", 1, 15, 3)','zlib.compress(data=b"x")','zlib.compressobj(method=9)','zlib.compressobj(memLevel=0)','zlib.compressobj(memLevel=10)','zlib.compressobj(strategy=5)','zlib.compressobj(strategy=-1)','zlib.compressobj(zdict="x")','zlib.decompressobj(zdict=1)','zlib.decompressobj(wbits=100)','zlib.decompressobj(wbits=-15).decompress(r)','zlib.ZLIB_VERSION','zlib.crc32(b"hello")','zlib.crc32(b"hello", 2**40)','zlib.crc32(b"hello", -1)','zlib.adler32(b"hello")','zlib.adler32(b"hello", 0)','zlib.adler32("x")','zlib.crc32()','zlib.error.__mro__','zlib.decompressobj().decompress(b"x", -1)','zlib.decompressobj().flush(0)','zlib.compressobj(3, zlib.DEFLATED, 15, 8, 0, b"ab", 3)','sorted(k for k in dir(zlib) if not k.startswith("__"))','zlib.compressobj().compress("x")','zlib.compressobj(level=-2)','zlib.compressobj(wbits=7)','zlib.decompress(zlib.compress(b"x",wbits=-9), -8)','zlib.decompress(zlib.compress(b"x"*1000,wbits=9), 9)','zlib.compress(b"")','zlib.compress(b"", wbits=31)','zlib.compress(b"", wbits=-15)','zlib.decompress(c, 15, 2**63)', 'zlib.Compress', 'zlib.Decompress()', 'zlib.compressobj().compress(b"")', 'zlib.compressobj(zdict=b"x", wbits=31)']
for f in tests:
  try: print(f, '->', repr(eval(f)))
  except Exception as e: print(f, '!!', type(e).__name__, e)
# Bad deflate data: the first block's type or stored lengths.
for data, w in [(b'\xff\xff\xff', -15), (b'\x01\x05\x00\x00\x00abc', -15),
                (zlib.compress(b'hello world' * 10), -8), (b'x\x9c\xff\xff', 15),
                (b'x\x9c\x06\x00', 15), (b'x\x9c\x01\x03\x00\xfc\xffab', 15)]:
    try:
        print(zlib.decompress(data, w))
    except zlib.error as e:
        print(e)
    d = zlib.decompressobj(w)
    try:
        print(d.decompress(data), d.eof)
    except zlib.error as e:
        print(e)
