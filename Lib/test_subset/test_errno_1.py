# errno: the names, their values, and errorcode (number -> name).
import errno

names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names))
for n in names:
    print(n, getattr(errno, n))
print(len(errno.errorcode))
for k in sorted(errno.errorcode):
    print(k, errno.errorcode[k])
print(errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.EOPNOTSUPP])
print(type(errno.errorcode).__name__)
try:
    open("/nonexistent/file")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
