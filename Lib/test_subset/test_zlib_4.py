# CPython's gzip.py on zlib: one-shot compress/decompress (several
# members), GzipFile writing and reading in memory, its errors.
import gzip, io, zlib
data = b'gzip round trip ' * 1000
c = gzip.compress(data, mtime=0)
print(gzip.decompress(c) == data, c[:10])
c2 = gzip.compress(data, compresslevel=1, mtime=12345)
print(gzip.decompress(c2) == data, c2[:10])
print(gzip.decompress(c + c2) == data * 2)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='x.txt') as f:
    f.write(data)
    f.write(b'more')
raw = buf.getvalue()
print(raw[:16])
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read() == data + b'more')
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), f.readline()[:20], len(f.read()))
try:
    gzip.decompress(c[:-3])
except EOFError as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(c[:-8] + b'\0' * 8)
except gzip.BadGzipFile as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(b'not gzip at all')
except gzip.BadGzipFile as e:
    print(type(e).__name__, e)
