b = b"Hello, bytes!"
print(b, len(b), b[0], b[-1], b[:5], b[::-1])
print(b.upper(), b.lower(), b.split(b", "), b.replace(b"bytes", b"world"))
print(b.find(b"l"), b.count(b"l"), b.startswith(b"He"), b.endswith(b"!"), b.index(b"b"))
print(b"  pad  ".strip(), b"xxdataxx".strip(b"x"), b"-".join([b"a", b"b", b"c"]))
print(b.hex(), b.hex(":"), bytes.fromhex("de ad be ef"), b"\x00\xff".hex())
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", errors="replace"), b"a\xffb".decode("ascii", "ignore"))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("xyz", "ascii"))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", list(b"hi"))
print(b"a,b".partition(b","), b"7".zfill(3), b"ab".center(6, b"-"), b"12".isdigit(), b"ab".isalpha())
print(b"line1\nline2".splitlines(), b"hello world".title(), b"%d-%s" % (5, b"x"))
print(repr(b"quote'"), repr(b'\t\n\x7f'), b"abc" == bytes(b"abc"), b"a" < b"b")

ba = bytearray(b"mutable")
ba[0] = ord("M")
ba.append(33)
ba.extend(b"??")
ba += b"!"
print(ba, len(ba))
del ba[-2:]
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba, bytes(ba), ba.hex(), bytearray.fromhex("4142"))
ba2 = bytearray(4)
ba2[1:3] = b"xyz"
print(ba2, ba2.decode("latin-1"), ba2.find(b"y"), ba2.replace(b"x", b"X"))
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
print(memoryview(b"abc")[1], bytes(memoryview(b"xyz")[1:]))
