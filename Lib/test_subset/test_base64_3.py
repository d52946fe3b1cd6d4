# base64: module contents, the command line main() (-t, -h, -e, -d, -u,
# bad options) with stdin/stdout replaced, and Python-level argument errors.
import sys
import base64
import binascii


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print("== module")
print(base64.__all__)
print(len(base64.__all__), all(hasattr(base64, n) for n in base64.__all__))
print(base64.bytes_types, base64.MAXLINESIZE, base64.MAXBINSIZE)
print(base64.binascii is binascii)
for n in base64.__all__:
    f = getattr(base64, n)
    print(n, f.__name__, type(f).__name__, f.__module__, f.__doc__ is not None)
print(callable(base64.main), callable(base64.test))


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
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


class Stream:
    """Stands for sys.stdin / sys.stdout: text goes to the real stdout,
    bytes to `buffer`."""

    def __init__(self, real, buffer):
        self.real = real
        self.buffer = buffer

    def write(self, s):
        return self.real.write(s)

    def flush(self):
        pass


def run(argv, stdin=b""):
    real_out, real_in, real_err = sys.stdout, sys.stdin, sys.stderr
    out = Writer()
    sys.argv = ["base64.py"] + argv
    sys.stdin = Stream(real_out, Reader(stdin))
    sys.stdout = Stream(real_out, out)
    sys.stderr = Stream(real_out, Writer())
    try:
        base64.main()
        status = "returned"
    except SystemExit as e:
        status = "exit %r" % (e.code,)
    except Exception as e:
        status = "%s: %s" % (type(e).__name__, e)
    finally:
        sys.stdout, sys.stdin, sys.stderr = real_out, real_in, real_err
    print("  ->", status, b"".join(out.parts))


print("== main")
for argv, data in [
    (["-t"], b""),
    (["-h"], b""),
    (["-e"], b"hello world"),
    ([], b"hello world"),
    (["-"], b"x" * 120),
    (["-d"], b"aGVsbG8gd29ybGQ=\n"),
    (["-u"], b"aGVs\nbG8=\n"),
    (["-d", "-e"], b"abc"),
    (["-ed"], b"YWJj\n"),
    (["-de", "-"], b"abc"),
    (["--", "-"], b"abc"),
    (["-x"], b""),
    (["-dx"], b""),
    (["--help"], b""),
    (["--foo=bar"], b""),
    (["-h", "-t"], b""),
    (["-t", "-h"], b""),
    (["-d"], b"YWJ\n"),
]:
    print(argv, data)
    run(argv, data)

print("== Python-level argument errors")
show("b64encode()", base64.b64encode)
show("b64encode 3 args", base64.b64encode, b"", None, 1)
show("b64decode kw", base64.b64decode, s=b"YQ==", validate=True)
show("b64decode bad kw", base64.b64decode, b"", strict=True)
show("b32decode 4 args", base64.b32decode, b"", False, None, 1)
show("b32hexdecode map01", base64.b32hexdecode, b"", map01=b"L")
show("b16decode kw", base64.b16decode, s=b"4a", casefold=True)
show("b85encode 3 args", base64.b85encode, b"", False, 1)
show("a85encode no args", base64.a85encode)
show("a85decode kw b", base64.a85decode, b=b"@:E^")
show("encodebytes kw", base64.encodebytes, s=b"a")
show("decodebytes 2 args", base64.decodebytes, b"", b"")
show("encode 1 arg", base64.encode, Reader(b""))
show("standard_b64decode no args", base64.standard_b64decode)
