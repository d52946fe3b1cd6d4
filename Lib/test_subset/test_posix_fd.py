# posix file descriptors: open/read/write/lseek/fstat/close round trips
# in a temporary directory, and the errors of bad descriptors and paths.
import posix

# A directory of this process alone: rpy and CPython may run side by side.
_home = posix.getcwd()
_work = "/tmp/_rpy_test_posix_%d" % posix.getpid()
posix.mkdir(_work)
posix.chdir(_work)

base = "_rpy_test_posix_fd_dir"
try:
    for n in posix.listdir(base):
        posix.unlink(base + "/" + n)
    posix.rmdir(base)
except FileNotFoundError:
    pass
posix.mkdir(base)
path = base + "/data.bin"

fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(type(fd).__name__, fd > 2)
print(posix.write(fd, b"hello world\n"))
print(posix.write(fd, bytearray(b"second line\n")))
print(posix.write(fd, memoryview(b"")))
print(posix.get_inheritable(fd))
posix.set_inheritable(fd, True)
print(posix.get_inheritable(fd))
print(posix.get_blocking(fd))
posix.set_blocking(fd, False)
print(posix.get_blocking(fd))
posix.set_blocking(fd, True)
posix.fsync(fd)
print(posix.isatty(fd), posix.device_encoding(fd))
st = posix.fstat(fd)
print(st.st_size, oct(st.st_mode & 0o170000))
posix.close(fd)

fd = posix.open(path, posix.O_RDONLY)
print(posix.read(fd, 5))
print(posix.lseek(fd, 0, 1))
print(posix.read(fd, 100))
print(posix.read(fd, 100))
print(posix.lseek(fd, -5, 2))
print(posix.read(fd, 100))
print(posix.lseek(fd, 6, 0))
print(posix.read(fd, 0))
fd2 = posix.dup(fd)
print(fd2 != fd, posix.read(fd2, 5))
posix.close(fd2)
posix.close(fd)

for call in [lambda: posix.read(fd, 1), lambda: posix.close(fd),
             lambda: posix.write(fd, b"x"), lambda: posix.fstat(fd),
             lambda: posix.lseek(fd, 0, 0)]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)

fd = posix.open(path, posix.O_RDWR)
posix.ftruncate(fd, 3)
print(posix.fstat(fd).st_size, posix.read(fd, 10))
posix.close(fd)
posix.truncate(path, 1)
print(posix.stat(path).st_size)

fd = posix.open(path, posix.O_WRONLY | posix.O_APPEND)
posix.write(fd, b"XY")
posix.close(fd)
fd = posix.open(path, posix.O_RDONLY)
print(posix.read(fd, 10))
posix.close(fd)

try:
    posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.open(base + "/missing", posix.O_RDONLY)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.open(base, posix.O_WRONLY)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.open(42, posix.O_RDONLY)
except Exception as e:
    print(type(e).__name__)
try:
    posix.read("x", 1)
except TypeError as e:
    print(type(e).__name__, e)

r, w = posix.pipe()
print(posix.get_inheritable(r), posix.get_inheritable(w))
print(posix.write(w, b"through the pipe"))
posix.close(w)
print(posix.read(r, 100))
print(posix.read(r, 100))
posix.close(r)
r, w = posix.pipe2(posix.O_NONBLOCK)
print(posix.get_blocking(r))
try:
    posix.read(r, 1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
posix.close(r)
posix.close(w)

posix.unlink(path)
posix.rmdir(base)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL,
      posix.O_TRUNC, posix.O_APPEND, posix.O_NONBLOCK, posix.O_CLOEXEC)
print(posix.SEEK_DATA, posix.SEEK_HOLE, hasattr(posix, "SEEK_SET"))
posix.chdir(_home)
posix.rmdir(_work)
