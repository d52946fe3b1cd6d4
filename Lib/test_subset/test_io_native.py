# CPython's io.py on rpy's native _io: the class hierarchy, files in every
# mode, buffering layers, encodings and errors, newline modes, seek/tell
# cookies, Python subclasses of the bases, and the error messages.
import io
import os
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r).replace(d, "D"))
    except Exception as e:
        print(label, "!", type(e).__name__, str(e).replace(d, "D"))


print([c.__name__ for c in io.FileIO.__mro__])
print([c.__name__ for c in io.TextIOWrapper.__mro__])
print([c.__name__ for c in io.RawIOBase.__mro__])
print(io.UnsupportedOperation.__mro__[1:3], io.UnsupportedOperation.__module__)
print(io.DEFAULT_BUFFER_SIZE, io.BlockingIOError is BlockingIOError)
print(io.text_encoding(None), io.text_encoding("utf-8"))

with open(path, "w") as f:
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(f.mode, f.buffer.mode, f.encoding, f.errors, f.line_buffering)
    print(f.write("one\ntwo\r\nthree\rfour\n"), f.tell())
    print(f.writable(), f.readable(), f.seekable())

for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, newline=nl) as f:
        print(repr(nl), [line for line in f])

with open(path) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell())
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest, repr(rest))
    attempt("seek cur", lambda: f.seek(1, 1))
    attempt("seek end", lambda: f.seek(1, 2))
    attempt("seek neg", lambda: f.seek(-1))
    attempt("seek whence", lambda: f.seek(0, 7))
    print(f.seek(0, 2), f.seek(0))

for mode in ("rb", "rb+", "wb", "ab", "xb", "r+", "a+", "w+"):
    p = os.path.join(d, "m_" + mode.replace("+", "p"))
    if mode[0] in "r":
        with open(p, "wb") as g:
            g.write(b"0123456789\nabc\n")
    with open(p, mode) as f:
        print(mode, type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable(), f.tell())
        if f.writable():
            f.write(b"XY" if "b" in mode else "XY")
        if f.readable():
            f.seek(0)
            print("  ", repr(f.read()))
    with open(p, "rb") as f:
        print("  on disk", f.read())

with open(path, "rb", buffering=0) as f:
    print(repr(f).replace(d, "D"), f.read(4), f.readall()[:5], f.tell())
    print(f.closefd, f.mode, f.name == path, f.isatty())
with open(path, "rb") as f:
    print(repr(f).startswith("<_io.BufferedReader"), f.peek(1)[:1], f.read1(3), f.readline(), f.read(2))
    b = bytearray(4)
    print(f.readinto(b), b)

attempt("mode rw", lambda: open(path, "rw"))
attempt("mode rr", lambda: open(path, "rr"))
attempt("mode U", lambda: open(path, "rU"))
attempt("mode tb", lambda: open(path, "tb"))
attempt("unbuffered text", lambda: open(path, "r", buffering=0))
attempt("binary encoding", lambda: open(path, "rb", encoding="utf-8"))
attempt("binary errors", lambda: open(path, "rb", errors="strict"))
attempt("binary newline", lambda: open(path, "rb", newline=""))
attempt("bad newline", lambda: open(path, "r", newline="x"))
attempt("bad encoding", lambda: open(path, "r", encoding="nope"))
attempt("not text", lambda: open(path, "r", encoding="hex"))
attempt("missing", lambda: open(os.path.join(d, "nope", "x")))
attempt("directory", lambda: open(d))
attempt("float", lambda: open(1.5))
attempt("mode int", lambda: open(path, 3))
attempt("exclusive", lambda: open(path, "x"))
attempt("FileIO mode", lambda: io.FileIO(path, "rt"))
attempt("FileIO plus", lambda: io.FileIO(path, "r++"))
with open(path) as f:
    attempt("write to reader", lambda: f.write("x"))
    attempt("write bytes", lambda: f.buffer.write(b"x"))
with open(path, "w") as f:
    attempt("read from writer", lambda: f.read())
    attempt("write bytes to text", lambda: f.write(b"x"))
f = open(path)
f.close()
attempt("closed read", lambda: f.read())
attempt("closed buffer read", lambda: f.buffer.read())
attempt("closed raw read", lambda: f.buffer.raw.read())
print(repr(f.buffer.raw), f.closed)
attempt("closed iter", lambda: next(iter(f)))

# Encodings and errors.
text = "naïve café ☃\n"
for enc in ("utf-8", "latin-1", "utf-16", "utf-8-sig", "cp1252", "ascii"):
    try:
        with open(path, "w", encoding=enc) as f:
            f.write(text)
        with open(path, "rb") as f:
            raw = f.read()
        with open(path, encoding=enc) as f:
            print(enc, len(raw), repr(f.read()))
    except UnicodeError as e:
        print(enc, type(e).__name__, e)
with open(path, "w", encoding="ascii", errors="replace") as f:
    f.write(text)
with open(path, encoding="ascii") as f:
    print(repr(f.read()))
with open(path, "wb") as f:
    f.write(b"ok\xff\xfebad\n")
with open(path, errors="replace") as f:
    print(repr(f.read()))
with open(path) as f:
    attempt("decode error", lambda: f.read())

# Newline translation on write.
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, "w", newline=nl) as f:
        f.write("a\nb\r\nc\n")
    with open(path, "rb") as f:
        print("write", repr(nl), f.read())

# reconfigure, detach, line_buffering.
with open(path, "w") as f:
    f.reconfigure(line_buffering=True)
    print(f.line_buffering)
    f.reconfigure(encoding="latin-1")
    print(f.encoding, f.errors)
f = open(path)
f.read(1)
attempt("reconfigure after read", lambda: f.reconfigure(encoding="ascii"))
raw = f.detach()
print(type(raw).__name__)
attempt("detached", lambda: f.read())
raw.close()

# TextIOWrapper over BytesIO, tell/seek round trip with utf-16.
t = io.TextIOWrapper(io.BytesIO("x\nyz\nend".encode("utf-16")), encoding="utf-16")
print(repr(t.readline()))
cookie = t.tell()
print(repr(t.read()))
t.seek(cookie)
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), newline=None)
print(repr(t.read()), t.newlines)

# BytesIO / StringIO.
b = io.BytesIO(b"abc")
b.seek(5)
b.write(b"Z")
print(b.getvalue(), b.tell())
attempt("bytesio neg", lambda: b.seek(-1))
attempt("bytesio whence", lambda: b.seek(0, 3))
attempt("bytesio str", lambda: b.write("s"))
print(bytes(b.getbuffer()), b.read1(), b.readable())
s = io.StringIO("a\rb\r\nc", newline="")
print(s.readlines())
s = io.StringIO(newline="\r\n")
s.write("x\ny\n")
print(repr(s.getvalue()))
attempt("stringio neg", lambda: io.StringIO().seek(-1))
attempt("stringio cur", lambda: io.StringIO().seek(1, 1))
attempt("stringio init", lambda: io.StringIO(5))
attempt("stringio newline", lambda: io.StringIO(newline="x"))
attempt("stringio bytes", lambda: io.StringIO().write(b"x"))
s = io.StringIO()
s.close()
attempt("stringio closed", lambda: s.getvalue())

# IncrementalNewlineDecoder.
dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode("a\r")), repr(dec.decode("\nb\r")), repr(dec.decode("", final=True)), dec.newlines)
print(dec.getstate())

# Python subclasses of the bases.
class Upper(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n].upper()
        self.data = self.data[n:]
        return n


r = io.BufferedReader(Upper(b"hello\nworld\n"), buffer_size=4)
print(r.readline(), r.read(), Upper(b"x").read(), Upper(b"abc").readall())
t = io.TextIOWrapper(io.BufferedReader(Upper(b"one\ntwo\n")), encoding="ascii")
print(list(t))


class Sink(io.RawIOBase):
    def __init__(self):
        self.got = []

    def writable(self):
        return True

    def write(self, b):
        self.got.append(bytes(b))
        return len(b)


sink = Sink()
w = io.BufferedWriter(sink, buffer_size=8)
w.write(b"abc")
w.write(b"defghijk")
w.flush()
print(sink.got, isinstance(sink, io.IOBase), io.IOBase.__subclasshook__ is not None)
pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable())
attempt("base seek", lambda: io.IOBase().seek(0))
attempt("base fileno", lambda: io.IOBase().fileno())
attempt("buffered base read", lambda: io.BufferedIOBase().read())
attempt("text base write", lambda: io.TextIOBase().write(""))


class Counting(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


c = Counting()
print("x", "y", file=c)
print(repr(c.getvalue()))

# Descriptors from os.open, opener, closefd.
fd = os.open(path, os.O_RDONLY)
with open(fd, "rb", closefd=False) as f:
    print(f.read(2), f.name == fd)
os.close(fd)
with open(path, "rb", opener=lambda p, flags: os.open(p, flags)) as f:
    print(f.read(2))
attempt("closefd name", lambda: open(path, closefd=False))
with open(path, "rb") as f:
    print(os.fstat(f.fileno()).st_size == os.path.getsize(path))
