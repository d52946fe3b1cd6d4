# zlib streams: every level, window and strategy round-trips; zdict;
# flush modes; max_length/unconsumed_tail/unused_data/eof; copy; gzip
# header fields and checks; checksums continued from a running value.
import zlib
data = bytes(range(256)) * 200 + b'hello world ' * 5000
for level in range(-1, 10):
    for wbits in [9, 12, 15, -9, -15, 25, 31]:
        c = zlib.compress(data, level, wbits)
        dw = wbits if wbits > 0 else wbits
        assert zlib.decompress(c, dw) == data, (level, wbits)
        if wbits > 15:
            assert zlib.decompress(c, 47) == data
        if 8 < wbits <= 15:
            assert zlib.decompress(c, 0) == data
            assert zlib.decompress(c, 47) == data
print("round trips ok")
for strategy in range(5):
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
    c = co.compress(data) + co.flush()
    assert zlib.decompress(c) == data, strategy
print("strategies ok")
co = zlib.compressobj(zdict=b'hello world ')
c = co.compress(data) + co.flush()
do = zlib.decompressobj(zdict=b'hello world ')
print(do.decompress(c) == data, do.eof, do.unused_data)
for flush in [zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH]:
    co = zlib.compressobj()
    parts = []
    for i in range(0, len(data), 7000):
        parts.append(co.compress(data[i:i + 7000]))
        parts.append(co.flush(flush))
    parts.append(co.flush())
    c = b''.join(parts)
    do = zlib.decompressobj()
    out = b''
    for i in range(0, len(c), 1000):
        out += do.decompress(c[i:i + 1000])
    out += do.flush()
    print(flush, out == data, do.eof)
# max_length and unconsumed_tail
c = zlib.compress(data)
do = zlib.decompressobj()
out = do.decompress(c, 1000)
print(len(out), len(do.unconsumed_tail) > 0, do.eof)
while do.unconsumed_tail:
    out += do.decompress(do.unconsumed_tail, 30000)
print(len(out), out == data, do.eof, do.unused_data)
do2 = zlib.decompressobj()
part = do2.decompress(c, 500)
cp = do2.copy()
rest1 = do2.decompress(do2.unconsumed_tail)
rest2 = cp.decompress(cp.unconsumed_tail)
print(rest1 == rest2, part + rest1 == data)
# unused data accumulates after the end
do = zlib.decompressobj()
print(do.decompress(c + b'tail') == data, do.unused_data, do.eof)
print(do.decompress(b'more'), do.unused_data)
# the gzip container checks
g = zlib.compress(b'gzip data', wbits=31)
for bad in [g[:-1] + bytes([g[-1] ^ 1]), g[:-8] + b'\0\0\0\0' + g[-4:], b'\x1f\x8b\x09' + g[3:], b'\x1f\x8b\x08\xe0' + g[4:]]:
    try:
        zlib.decompress(bad, 31)
    except zlib.error as e:
        print(e)
# a gzip header with a name, comment, extra field and header CRC
import struct
hdr = b'\x1f\x8b\x08\x1c' + b'\0' * 4 + b'\0\x03' + struct.pack('<H', 3) + b'abc' + b'name\0' + b'comment\0'
raw = zlib.compress(b'payload', wbits=-15)
trailer = struct.pack('<II', zlib.crc32(b'payload'), 7)
print(zlib.decompress(hdr + raw + trailer, 31))
hdr2 = b'\x1f\x8b\x08\x02' + b'\0' * 4 + b'\0\x03'
hcrc = struct.pack('<H', zlib.crc32(hdr2) & 0xffff)
print(zlib.decompress(hdr2 + hcrc + raw + trailer, 47))
try:
    zlib.decompress(hdr2 + b'\0\0' + raw + trailer, 31)
except zlib.error as e:
    print(e)
# header arriving one byte at a time
do = zlib.decompressobj(31)
out = b''.join(do.decompress(bytes([b])) for b in hdr + raw + trailer)
print(out, do.eof)
# dictionary errors
co = zlib.compressobj(zdict=b'abc')
c = co.compress(b'abcabc') + co.flush()
for d in [None, b'abd']:
    try:
        do = zlib.decompressobj() if d is None else zlib.decompressobj(zdict=d)
        do.decompress(c)
    except zlib.error as e:
        print(e)
try:
    zlib.decompress(c)
except zlib.error as e:
    print(e)
# raw stream with a dictionary
co = zlib.compressobj(wbits=-15, zdict=b'0123456789')
c = co.compress(b'0123456789' * 3) + co.flush()
print(zlib.decompressobj(-15, zdict=b'0123456789').decompress(c))
# compress after finishing
co = zlib.compressobj()
co.compress(b'x'); co.flush()
for f in [lambda: co.compress(b'y'), lambda: co.flush(), lambda: co.flush(zlib.Z_SYNC_FLUSH), lambda: co.copy()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(co.flush(zlib.Z_NO_FLUSH))
# flush of a decompressor with an unfinished stream returns what it has
c = zlib.compress(data)
do = zlib.decompressobj()
a = do.decompress(c[:len(c) // 2], 10)
b = do.flush()
print(len(a), len(a + b) < len(data), do.eof, do.unconsumed_tail)
# checksums
print(zlib.crc32(b''), zlib.adler32(b''), zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(data[1000:], zlib.crc32(data[:1000])) == zlib.crc32(data))
print(zlib.adler32(data[1000:], zlib.adler32(data[:1000])) == zlib.adler32(data))
print(zlib.crc32(memoryview(b'abc')), zlib.crc32(bytearray(b'abc'), True))
for args in [(b'a', 1.5), (b'a', 'x'), ('a',)]:
    try:
        zlib.crc32(*args)
    except TypeError as e:
        print(type(e).__name__, e)
