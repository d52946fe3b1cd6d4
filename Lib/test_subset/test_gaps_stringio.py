"""io.StringIO: many appends stay fast, and seek/overwrite/truncate/read
after appends see the joined text."""
import io
import time

s = io.StringIO()
t = time.perf_counter()
for i in range(50000):
    s.write("ab")
v = s.getvalue()
print(len(v), v[:6], time.perf_counter() - t < 5)

s = io.StringIO("hello")
print(s.tell(), s.write(" world"), s.tell(), s.getvalue())
s.seek(0)
print(s.write("HE"), s.getvalue(), s.tell())
print(repr(s.read(3)), s.tell())
s.seek(0, 2)
print(s.write("!"), s.getvalue())
s.seek(20)
print(s.write("x"), repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
print(s.write("y"), repr(s.getvalue()))
s.seek(0, 2)
print(s.tell(), s.write("z"), repr(s.getvalue()))
print(s.truncate(100), repr(s.getvalue()))
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.write("QQ"), repr(s.getvalue()))

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    for part in ["a\r\nb", "\rc\n", "d"]:
        s.write(part)
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), [s.readline() for _ in range(4)])

s = io.StringIO()
s.write("abc")
s.seek(1)
s.write("Z")
s.write("YX")
s.write("W")
print(repr(s.getvalue()), s.tell(), repr(s.read()))
s.close()
for f in (s.getvalue, lambda: s.write("x")):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError", e)
