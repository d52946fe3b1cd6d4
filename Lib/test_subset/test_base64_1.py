# base64: the Base64 functions (standard, URL-safe, altchars, validate),
# encodebytes/decodebytes and the file interface encode/decode.
import base64
import binascii


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


samples = [b"", b"a", b"ab", b"abc", b"\xfb\xff", b"\xff\xfe\xfd",
           bytes(range(256)), b"x" * 100]

print("== round trips")
for s in samples:
    e = base64.b64encode(s)
    u = base64.urlsafe_b64encode(s)
    a = base64.b64encode(s, altchars=b"*~")
    print(len(s), e[:32], u[:32], a[:32])
    assert base64.b64decode(e) == s
    assert base64.b64decode(e, validate=True) == s
    assert base64.standard_b64decode(base64.standard_b64encode(s)) == s
    assert base64.urlsafe_b64decode(u) == s
    assert base64.b64decode(a, altchars=b"*~") == s
    assert base64.b64decode(a.decode(), "*~") == s
    assert base64.decodebytes(base64.encodebytes(s)) == s

print("== b64encode")
show("str", base64.b64encode, "abc")
show("int", base64.b64encode, 5)
show("bytearray", base64.b64encode, bytearray(b"abc"))
show("memoryview", base64.b64encode, memoryview(b"abc"))
show("strided view", base64.b64encode, memoryview(b"abcd")[::2])
show("altchars str", base64.b64encode, b"\xfb\xff", "xy")
show("altchars len 3", base64.b64encode, b"abc", b"xyz")
show("altchars int", base64.b64encode, b"abc", 5)
show("altchars bytearray", base64.b64encode, b"\xfb\xff", bytearray(b"-_"))
show("altchars memoryview", base64.b64encode, b"\xfb\xff", memoryview(b"()"))
show("altchars None", base64.b64encode, b"\xfb\xff", None)
show("too many args", base64.b64encode, b"a", None, 1)
show("unknown kw", base64.b64encode, b"a", alt=b"xy")
show("no args", base64.b64encode)

print("== b64decode")
for data in [b"YWJj", b"YWJj\n", b"YW Jj", b"YW=", b"YQ", b"Y", b"YQ==YQ==",
             "YWJj", "\xe9", b"+/+/", b"-_-_", b"====", b""]:
    show("b64decode %r" % (data,), base64.b64decode, data)
    show("  validate", base64.b64decode, data, validate=True)
show("int", base64.b64decode, 5)
show("bytearray", base64.b64decode, bytearray(b"YWJj"))
show("memoryview", base64.b64decode, memoryview(b"YWJj"))
show("strided view", base64.b64decode, memoryview(b"YWJj")[::2])
show("altchars", base64.b64decode, b"-_-_", b"-_")
show("altchars str", base64.b64decode, b"-_-_", "-_")
show("altchars bad pad", base64.b64decode, b"YW=", b"-_")
show("altchars len 3", base64.b64decode, b"YWJj", b"xyz")
show("altchars str len 3", base64.b64decode, b"YWJj", "xyz")
show("altchars bytearray len 3", base64.b64decode, b"YWJj", bytearray(b"xyz"))
show("altchars memoryview len 1", base64.b64decode, b"YWJj", memoryview(b"x"))
show("altchars int", base64.b64decode, b"YWJj", 5)
show("altchars non-ASCII", base64.b64decode, b"YWJj", "\xe9\xe9")
show("validate float", base64.b64decode, b"YWJj", validate=2.5)
show("validate None", base64.b64decode, b"YWJj", validate=None)
show("validate 0", base64.b64decode, b"YW Jj", validate=0)
show("s and altchars both bad", base64.b64decode, 5, "xyz")
show("too many args", base64.b64decode, b"a", None, False, 1)

print("== standard and urlsafe")
show("standard str", base64.standard_b64encode, "a")
show("standard decode", base64.standard_b64decode, "YWJj")
show("standard decode -_", base64.standard_b64decode, b"-_-_")
show("urlsafe encode", base64.urlsafe_b64encode, b"\xfb\xff\xbf")
show("urlsafe decode", base64.urlsafe_b64decode, b"-_-_")
show("urlsafe decode +/", base64.urlsafe_b64decode, b"+/+/")
show("urlsafe decode int", base64.urlsafe_b64decode, 5)
show("urlsafe decode bad pad", base64.urlsafe_b64decode, b"-_-")
show("urlsafe kw", base64.urlsafe_b64encode, s=b"a")
show("urlsafe 2 args", base64.urlsafe_b64encode, b"a", b"b")

print("== encodebytes / decodebytes")
for n in [0, 1, 56, 57, 58, 114, 115, 200]:
    e = base64.encodebytes(bytes(range(n)))
    print(n, len(e), e.count(b"\n"), e[-6:])
show("str", base64.encodebytes, "abc")
show("int", base64.encodebytes, 3)
show("bytearray", base64.encodebytes, bytearray(b"abc"))
show("memoryview", base64.encodebytes, memoryview(b"abc"))
show("strided view", base64.encodebytes, memoryview(b"abcd")[::2])
show("empty strided view", base64.encodebytes, memoryview(b"abcd")[:0:2])
show("decode str", base64.decodebytes, "YWJj")
show("decode lines", base64.decodebytes, b"YWJj\nZGVm\n")
show("decode junk", base64.decodebytes, b"Y!W@J#j")
show("decode bad pad", base64.decodebytes, b"YWJ")
show("decode strided view", base64.decodebytes, memoryview(b"YWJj")[::2])
show("decode memoryview", base64.decodebytes, memoryview(b"YWJj"))


class Reader:
    """A binary file with read() and readline() over a bytes object, that
    returns at most `step` bytes per read()."""

    def __init__(self, data, step=1000):
        self.data = data
        self.pos = 0
        self.step = step

    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        n = min(n, self.step)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b"\n", self.pos)
        end = len(self.data) if end < 0 else end + 1
        line = self.data[self.pos:end]
        self.pos = end
        return line


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(b)
        return len(b)


print("== encode / decode with files")
for n, step in [(0, 1000), (10, 1000), (57, 1000), (200, 1000), (200, 7), (130, 57)]:
    data = bytes(i % 251 for i in range(n))
    out = Writer()
    base64.encode(Reader(data, step), out)
    encoded = b"".join(out.parts)
    print(n, step, len(out.parts), encoded[:20], encoded.count(b"\n"))
    back = Writer()
    base64.decode(Reader(encoded), back)
    print("  decoded", b"".join(back.parts) == data, len(back.parts))
show("encode bad input", base64.encode, Reader("text"), Writer())
show("decode bad padding", base64.decode, Reader(b"YWJ\n"), Writer())
