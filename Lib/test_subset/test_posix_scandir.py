# posix.scandir: DirEntry names, paths, kinds, stat, repr, bytes paths,
# the context manager and the errors, in a temporary directory.
import posix

# A directory of this process alone: rpy and CPython may run side by side.
_home = posix.getcwd()
_work = "/tmp/_rpy_test_posix_%d" % posix.getpid()
posix.mkdir(_work)
posix.chdir(_work)

base = "_rpy_test_posix_scandir_dir"

def rmtree(d):
    for e in posix.scandir(d):
        if e.is_dir(follow_symlinks=False):
            rmtree(e.path)
        else:
            posix.unlink(e.path)
    posix.rmdir(d)

try:
    rmtree(base)
except FileNotFoundError:
    pass
posix.mkdir(base)
posix.mkdir(base + "/sub")
fd = posix.open(base + "/file.txt", posix.O_WRONLY | posix.O_CREAT, 0o644)
posix.write(fd, b"12345")
posix.close(fd)
posix.symlink("file.txt", base + "/link")
posix.symlink("sub", base + "/dirlink")
posix.symlink("missing", base + "/broken")

entries = sorted(posix.scandir(base), key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
          posix.fspath(e), type(e.inode()).__name__)
for e in entries:
    try:
        st = e.stat()
        print(e.name, oct(st.st_mode & 0o170000), st.st_size if e.is_file() else "-")
    except OSError as ex:
        print(e.name, type(ex).__name__, ex.errno, ex.filename)
    print(e.name, oct(e.stat(follow_symlinks=False).st_mode & 0o170000))
print(entries[1].inode() == posix.stat(entries[1].path).st_ino)

with posix.scandir(base.encode()) as it:
    names = sorted((e.name, e.path) for e in it)
print(names)

it = posix.scandir(base)
print(type(it).__name__, iter(it) is it)
first = next(it)
it.close()
print(list(it))
it.close()

saved = posix.getcwd()
posix.chdir(base)
print(sorted(e.path for e in posix.scandir()))
print(sorted(e.path for e in posix.scandir(".")))
posix.chdir(saved)

try:
    posix.scandir(base + "/nope")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.scandir(base + "/file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.scandir(3.5)
except TypeError as e:
    print(type(e).__name__)
try:
    entries[0].is_dir(True)
except TypeError as e:
    print(type(e).__name__)
print(posix.DirEntry.__name__)
rmtree(base)
print(base in posix.listdir("."))
posix.chdir(_home)
posix.rmdir(_work)
