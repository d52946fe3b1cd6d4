import os

path = "_tmp_open_text_1.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    print("wrote", n, "chars; closed inside with?", f.closed)
print("closed after with?", f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path, "a", encoding="utf-8") as f:
    print("third line", file=f)
    f.writelines(["fourth\n", "fifth"])
with open(path, "r") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip("\n"))
with open(path) as f:
    print(f.read(5), "|", f.read(6), "|", len(f.read()))
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓\n")
with open(path, encoding="utf-8") as f:
    text = f.read()
print(text, len(text), os.path.getsize(path))
with open(path, "w") as f:
    f.write("hello world\n")
with open(path, "r+") as f:
    f.seek(0)
    f.write("HE")
    f.seek(0)
    print(f.read().strip(), f.tell() > 0)
print(os.path.exists(path))
os.remove(path)
print(os.path.exists(path))
try:
    open("_tmp_does_not_exist.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    with open(path, "x") as f:
        f.write("exclusive")
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
finally:
    os.remove(path)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
f = open(path, "w")
f.close()
try:
    f.write("late")
except ValueError as e:
    print("ValueError:", e)
os.remove(path)
