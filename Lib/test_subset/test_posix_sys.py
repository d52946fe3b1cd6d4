# posix beyond descriptors: links, permissions, times, ids, wait statuses,
# fspath, uname, constants; errors with their errno names.
import posix

# A directory of this process alone: rpy and CPython may run side by side.
_home = posix.getcwd()
_work = "/tmp/_rpy_test_posix_%d" % posix.getpid()
posix.mkdir(_work)
posix.chdir(_work)


base = "_rpy_test_posix_sys_dir"
def cleanup():
    try:
        for n in posix.listdir(base):
            posix.unlink(base + "/" + n)
        posix.rmdir(base)
    except FileNotFoundError:
        pass
cleanup()
posix.mkdir(base)
f = base + "/f.txt"
fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT, 0o600)
posix.write(fd, b"abc")
posix.close(fd)

old = posix.umask(0o22)
print(type(old).__name__, posix.umask(old))
posix.chmod(f, 0o640)
print(oct(posix.stat(f).st_mode & 0o777))
posix.chmod(f, 0o600)
print(oct(posix.stat(f).st_mode & 0o777))

posix.utime(f, (1000000000, 1200000000))
st = posix.stat(f)
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
posix.utime(f, ns=(5_000_000_001, 7_250_000_000))
st = posix.stat(f)
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
posix.utime(f, times=(1.5, 2.25))
print(posix.stat(f).st_mtime)
try:
    posix.utime(f, (1, 2), ns=(1, 2))
except ValueError as e:
    print(type(e).__name__, e)

posix.symlink("f.txt", base + "/link")
print(posix.readlink(base + "/link"))
print(posix.readlink(base.encode() + b"/link"))
print(oct(posix.lstat(base + "/link").st_mode & 0o170000))
print(oct(posix.stat(base + "/link").st_mode & 0o170000))
posix.link(f, base + "/hard")
print(posix.stat(f).st_nlink)
try:
    posix.readlink(f)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    posix.symlink("x", base + "/link")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename, e.filename2)
try:
    posix.chmod(base + "/nope", 0o600)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    posix.truncate(base + "/nope", 0)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
uid, gid = posix.getuid(), posix.getgid()
posix.chown(f, uid, gid)
posix.lchown(base + "/link", -1, -1)
print(posix.stat(f).st_uid == uid, posix.stat(f).st_gid == gid)
cleanup()

class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(posix.fspath("a"), posix.fspath(b"b"), posix.fspath(P("c")), posix.fspath(P(b"d")))
for bad in [1, None, P(3)]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print(type(e).__name__, e)

for st in [0, 256, 3 << 8, 9, 15 | 0x80, 0x137f, 0xffff]:
    print(st, posix.WIFEXITED(st), posix.WEXITSTATUS(st), posix.WIFSIGNALED(st),
          posix.WTERMSIG(st), posix.WIFSTOPPED(st), posix.WSTOPSIG(st),
          posix.WCOREDUMP(st), posix.WIFCONTINUED(st))
for st in [0, 256, 9, 15]:
    print(posix.waitstatus_to_exitcode(st))
try:
    posix.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print(type(e).__name__, e)

print(posix.system("exit 3"), posix.waitstatus_to_exitcode(posix.system("exit 3")))
print(posix.system("true"))

u = posix.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname, u.machine == u[4])
print(type(posix.getpid()).__name__, posix.getpgrp() == posix.getpgid(0))
print(posix.getsid(0) == posix.getsid(posix.getpid()), all(type(g) is int for g in posix.getgroups()))
print(posix.geteuid() == posix.getuid(), posix.getegid() == posix.getgid())
la = posix.getloadavg()
print(len(la), all(type(x) is float and x >= 0 for x in la))
posix.kill(posix.getpid(), 0)
try:
    posix.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e.errno)
print(posix.terminal_size((80, 24)))
print(posix.terminal_size((80, 24)).columns, posix.terminal_size((80, 24)).lines)
print(posix.WNOHANG, posix.WUNTRACED, posix.WCONTINUED, posix.EX_OK, posix.EX_USAGE,
      posix.EX_SOFTWARE, posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK)
print(posix.ST_RDONLY, posix.ST_NOSUID, posix.P_PID, posix.P_ALL, posix.PRIO_PROCESS,
      posix.PRIO_USER, posix.SCHED_OTHER, posix.SCHED_FIFO, posix.SCHED_RR)
print(posix.O_DIRECTORY, posix.O_NOFOLLOW, posix.O_SYNC, posix.O_DSYNC, posix.O_NOCTTY,
      posix.O_ACCMODE, posix.O_PATH, posix.O_TMPFILE)
print(posix.strerror(2), posix.strerror(9))
posix.chdir(_home)
posix.rmdir(_work)
