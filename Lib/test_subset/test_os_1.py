# os and os.path: path algebra, the environment, files and directories.
import os
import stat

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, repr(os.linesep), os.devnull)
p = os.path
print(p.join("a", "b", "c"), p.join("a/", "b"), p.join("a", "/abs", "x"), p.join("", "x"))
print(p.split("/x/y/z"), p.split("name"), p.split("/"), p.split("a//b"))
print(p.splitext("a/b.tar.gz"), p.splitext(".bashrc"), p.splitext("noext"), p.splitext("a.b/c"))
print(p.basename("/a/b/"), p.basename("f.txt"), p.dirname("/a/b/c"), p.dirname("c"))
print(p.normpath("/a/./b/../c//d"), p.normpath("../x/.."), p.normpath(""), p.normpath("//a"))
print(p.isabs("/x"), p.isabs("x"), p.commonprefix(["abcd", "abxy"]), p.commonpath(["/a/b/c", "/a/b/d"]))
print(p.relpath("/a/b/c", "/a/x"), p.relpath("/a", "/a"))
print(p.join(b"a", b"b"), p.split(b"/x/y"), p.splitext(b"f.py"), p.normpath(b"a/../b"))
try:
    p.join("a", b"b")
except TypeError as e:
    print("TypeError:", e)
print(p.expanduser("~nobody_here/x"), p.expandvars("$RPY_NOT_SET_VAR/y"))

os.environ["RPY_TEST_VAR"] = "value 1"
print(os.environ["RPY_TEST_VAR"], os.getenv("RPY_TEST_VAR"), "RPY_TEST_VAR" in os.environ)
print(p.expandvars("[$RPY_TEST_VAR] [${RPY_TEST_VAR}]"))
del os.environ["RPY_TEST_VAR"]
print(os.getenv("RPY_TEST_VAR"), os.getenv("RPY_TEST_VAR", "default"), os.environ.get("RPY_TEST_VAR"))
try:
    os.environ["RPY_TEST_VAR"]
except KeyError as e:
    print("KeyError:", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)

base = "_tmp_os_1_dir"
os.makedirs(p.join(base, "sub", "deeper"), exist_ok=True)
with open(p.join(base, "file.txt"), "w") as f:
    f.write("12345")
print(sorted(os.listdir(base)), p.isdir(base), p.isfile(p.join(base, "file.txt")), p.exists(base))
st = os.stat(p.join(base, "file.txt"))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), p.getsize(p.join(base, "file.txt")))
walked = [(p.relpath(d, base), sorted(dirs), sorted(files)) for d, dirs, files in os.walk(base)]
print(walked)
os.rename(p.join(base, "file.txt"), p.join(base, "renamed.txt"))
print(sorted(os.listdir(base)))
try:
    os.makedirs(p.join(base, "sub"))
except FileExistsError as e:
    print("FileExistsError:", e.errno, e.filename == p.join(base, "sub"))
os.unlink(p.join(base, "renamed.txt"))
try:
    os.unlink(p.join(base, "renamed.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno)
os.removedirs(p.join(base, "sub", "deeper"))
print(p.exists(base))
try:
    os.listdir("_tmp_no_such_dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.stat(None)
except TypeError as e:
    print("TypeError:", e)
try:
    os.fspath(42)
except TypeError as e:
    print("TypeError:", e)


class P:
    def __fspath__(self):
        return "_tmp_os_1_pathlike"


print(os.fspath(P()), p.basename(P()), os.fspath(b"raw"))
print(type(os.getpid()).__name__, os.getcwd() == p.abspath("."), p.abspath("x/../y") == p.join(os.getcwd(), "y"))
