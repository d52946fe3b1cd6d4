import os

path = "_tmp_open_binary_1.bin"
payload = bytes(range(256)) + b"\r\n\x00end"
with open(path, "wb") as f:
    written = f.write(payload)
print("written", written, "type", type(written).__name__)
with open(path, "rb") as f:
    data = f.read()
print(len(data), data == payload, data[:4], data[-5:], type(data).__name__)
with open(path, "rb") as f:
    print(f.read(3), f.tell())
    f.seek(250)
    print(f.read(6), f.tell())
    f.seek(-3, 2)
    print(f.read())
    f.seek(0)
    print(f.readline()[-3:])
with open(path, "ab") as f:
    f.write(bytearray(b"+more"))
with open(path, "rb") as f:
    print(f.read()[-8:])
with open(path, "wb") as f:
    f.write("text\nwith lines\r\n".encode("utf-8"))
with open(path, "r", newline="") as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.readlines())
try:
    with open(path, "wb") as f:
        f.write("str is not bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    with open(path, "w") as f:
        f.write(b"bytes are not str")
except TypeError as e:
    print("TypeError:", e)
with open(path, "wb") as f:
    f.write(b"\xff\xfe invalid utf-8")
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason, e.start)
with open(path, encoding="utf-8", errors="replace") as f:
    print(f.read())
os.remove(path)
print(os.path.exists(path))
