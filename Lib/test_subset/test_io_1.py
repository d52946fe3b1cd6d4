# io: BytesIO, StringIO, and files through open(): modes, buffering,
# text decoding, newlines, seek/tell and the errors of each.
import io

b = io.BytesIO(b"line one\nline two\nend")
print(b.readline(), b.read(4), b.tell(), b.read(), b.read())
b.seek(0)
print(list(b), b.getvalue()[:4])
b.seek(2)
b.write(b"XY")
print(b.getvalue(), b.tell(), b.seek(0, 2), b.truncate(5), b.getvalue())
b.close()
print(b.closed)
try:
    b.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError:", e)

s = io.StringIO("alpha\nbeta\n")
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s.write("gamma")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(s.readlines())
print(repr(io.StringIO("a\r\nb", newline=None).read()), repr(io.StringIO("a\r\nb", newline="").readline()))
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError:", e)
out = io.StringIO()
print("to", "buffer", sep="-", file=out)
print(repr(out.getvalue()))

name = "_tmp_io_1.txt"
with open(name, "w") as f:
    print(type(f).__name__, f.mode, f.name, f.closed, f.writable(), f.readable())
    f.write("héllo\nwörld\r\nlast")
print(f.closed)
with open(name, "rb") as f:
    raw = f.read()
    print(type(f).__name__, f.mode, raw)
with open(name) as f:
    print(f.readline(), end="")
    print(repr(f.readline()), repr(f.read()), repr(f.read()))
with open(name, newline="") as f:
    print([line for line in f])
with open(name, encoding="latin-1") as f:
    print(repr(f.read(3)))
with open(name, "a") as f:
    f.write("\nappended")
with open(name, "rb") as f:
    f.seek(-8, 2)
    print(f.read(), f.tell())
    f.seek(0)
    print(f.read(5), f.tell(), f.readline())
with open(name, "r+b") as f:
    f.write(b"HE")
    f.seek(0)
    print(f.read(6))
with open(name, "w", encoding="utf-8") as f:
    f.writelines(["a\n", "b\n"])
with open(name) as f:
    print(f.readlines(), f.tell())
    f.seek(0)
    print(f.read(1), f.tell())

try:
    open(name, "r").write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e, isinstance(e, OSError), isinstance(e, ValueError))
f = open(name)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
for args in [(name, "rw"), (name, "rbt"), (name, "q"), (name, "rb", 0, "utf-8"), (name, "")]:
    try:
        open(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    open("_tmp_io_1_missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    open(".")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
try:
    open(name, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    open(3.5)
except TypeError as e:
    print("TypeError:", e)
with open(name, "rb", buffering=0) as raw:
    print(type(raw).__name__, raw.read(2), raw.mode)
with open(name, "wb") as f:
    f.write(bytearray(b"\xff\xfe"))
try:
    open(name).read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(repr(open(name, errors="replace").read()))
import os
os.unlink(name)
