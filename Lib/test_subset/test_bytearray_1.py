buf = bytearray()
buf += b"hello"
buf.append(0x20)
buf.extend(b"world")
buf.extend([33, 33])
print(buf, len(buf), buf[0], buf[-1])
buf[0] = ord("H")
buf[6:11] = b"WORLD"
print(buf)
buf[6:11] = b"there, friend"
print(buf)
del buf[5:]
print(buf, buf.pop(), buf)
buf.insert(0, ord(">"))
buf.remove(ord("e"))
print(buf, buf.index(b"l"), buf.count(b"l"), buf.find(b"zz"))
buf.reverse()
print(buf)
buf.clear()
print(buf, bytearray(b"abc") == b"abc", bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba = bytearray(b"mutable sequence")
view = memoryview(ba)
view[0] = ord("M")
print(ba, bytes(view[:7]), ba.upper(), ba.title(), ba.split(), ba.replace(b"e", b"3"))
print(ba.hex(), bytearray.fromhex("ff 00"), ba.decode().upper(), ba.startswith(b"Mu"))
ba2 = ba.copy()
ba2[0:1] = b""
print(ba, ba2, ba is ba2, ba == ba2)
ba3 = bytearray(b"aaa")
ba3 *= 2
print(ba3, ba3 * 2, 2 * bytearray(b"xy"), bytearray(b"ab") + b"cd", b"cd" + bytearray(b"ab"))
for bad in (lambda: ba.append(256), lambda: ba.append(-1), lambda: ba.extend([1, 300])):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    ba.append("x")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(ba)
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError:", e)
ba4 = bytearray(b"0123456789")
ba4[::2] = b"abcde"
del ba4[1::3]
print(ba4, repr(bytearray(b"q'\"")), str(bytearray(b"x")))
