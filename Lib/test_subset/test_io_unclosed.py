# Files never closed: a text or binary file dropped with buffered data
# writes it out, as CPython flushes on deallocation.
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "a.txt")
open(p, "w").write("written by a dropped file\n")
print(open(p).read(), end="")


def fill(path):
    f = open(path, "wb")
    f.write(b"local binary\n")


fill(p)
print(open(p, "rb").read())
f = open(p, "a")
f.write("appended\n")
del f
print(open(p).read(), end="")
g = open(p, "w")
g.write("kept open")
print(repr(open(p).read()))
g.flush()
print(repr(open(p).read()))
g.close()
