data = b"  alpha,beta;gamma  delta\n"
print(data.split(), data.split(b","), data.strip().split(b";"), data.rsplit(None, 1))
print(data.strip(), data.lstrip(), data.rstrip(b"\n "), b"xxhixx".strip(b"x"))
print(b"abc".center(9, b"*"), b"abc".ljust(5, b"."), b"abc".rjust(5), b"-12".zfill(6))
print(b"key=val=x".partition(b"="), b"key=val=x".rpartition(b"="), b"none".partition(b"="))
print(b"Hello World".swapcase(), b"hello world".capitalize(), b"hello".upper().lower())
print(b"123".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle())
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abcabc".index(b"b", 2), b"abcabc".count(b"ab"), b"abc".find(99))
print(b"one\ntwo\r\nthree".splitlines(), b"one\ntwo\n".splitlines(keepends=True))
print(b", ".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"".join([]))
print(b"banana".replace(b"a", b"o"), b"banana".replace(b"an", b"", 1), b"abc".startswith((b"x", b"ab")))
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(table), b"hello".translate(None, b"l"))
print(bytes.fromhex("48 65 6c 6c 6f"), bytes.fromhex("").hex(), b"\x01\xab".hex("-"), b"abcdef".hex(":", 2))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
print(b"a\tb".expandtabs(4), b"%s=%d" % (b"x", 5), b"%r" % "s" if False else b"%05.1f" % 3.14159)
print(list(b"\x00\x7f\x80\xff"), bytes([0, 255]), b"\\x41 is not", b"\x41")
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes("no encoding")
except TypeError as e:
    print("TypeError:", e)
print(b"abc" < b"abd", b"abc" == b"abc", b"a" * 0, b"x" in b"xyz", b"xy" in b"axyb")
b = b"immutable"
print(b[2], b[-1:], b[1:4], b[::2], type(b[0]).__name__, b.removeprefix(b"im"), b.removesuffix(b"able"))
print(int.from_bytes(b"\xff\xff", "little", signed=True), (258).to_bytes(2, "little"), len(bytes(10)))
