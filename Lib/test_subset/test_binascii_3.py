# binascii: the argument types every function accepts (bytes, bytearray,
# memoryview, ASCII str for the decoders), the exception classes and the
# module's contents.
import binascii

encoders = [
    ("b2a_base64", lambda d: binascii.b2a_base64(d)),
    ("b2a_hex", lambda d: binascii.b2a_hex(d)),
    ("hexlify sep", lambda d: binascii.hexlify(d, "-")),
    ("b2a_uu", lambda d: binascii.b2a_uu(d)),
    ("b2a_qp", lambda d: binascii.b2a_qp(d)),
    ("crc32", lambda d: binascii.crc32(d)),
    ("crc_hqx", lambda d: binascii.crc_hqx(d, 0)),
]
decoders = [
    ("a2b_base64", binascii.a2b_base64, b"YWJjZA=="),
    ("a2b_hex", binascii.a2b_hex, b"61626364"),
    ("unhexlify", binascii.unhexlify, b"61626364"),
    ("a2b_uu", binascii.a2b_uu, b"$86)C9   \n"),
    ("a2b_qp", binascii.a2b_qp, b"ab=63d"),
]


def show(label, f, *args):
    try:
        print(label, "->", repr(f(*args)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


released = memoryview(b"abcd")
released.release()
kinds = [
    ("bytes", lambda b: b),
    ("bytearray", bytearray),
    ("memoryview", memoryview),
    ("memoryview of bytearray", lambda b: memoryview(bytearray(b))),
    ("sliced memoryview", lambda b: memoryview(b"xx" + b + b"yy")[2:-2]),
    ("strided memoryview", lambda b: memoryview(b + b)[::2]),
    ("one-item strided view", lambda b: memoryview(b)[:1:2]),
    ("empty strided view", lambda b: memoryview(b)[:0:2]),
    ("reversed view", lambda b: memoryview(b)[::-1]),
    ("str", lambda b: b.decode("ascii")),
    ("non-ASCII str", lambda b: "\xe9" + b.decode("ascii")),
    ("int", lambda b: 5),
    ("None", lambda b: None),
    ("list", lambda b: list(b)),
    ("released memoryview", lambda b: released),
]

print("== encoders")
for name, f in encoders:
    print(name)
    for kind, make in kinds:
        show("  " + kind, f, make(b"abcd"))

print("== decoders")
for name, f, good in decoders:
    print(name)
    for kind, make in kinds:
        show("  " + kind, f, make(good))

print("== exception classes")
E, I = binascii.Error, binascii.Incomplete
print(E.__name__, E.__qualname__, E.__module__, [c.__name__ for c in E.__mro__])
print(I.__name__, I.__qualname__, I.__module__, [c.__name__ for c in I.__mro__])
print(issubclass(E, ValueError), issubclass(I, ValueError), issubclass(I, Exception))
try:
    binascii.a2b_hex(b"0")
except ValueError as e:
    print("caught as ValueError:", type(e) is E, e.args)
try:
    binascii.a2b_base64(b"A", strict_mode=True)
except binascii.Error as e:
    print("caught as binascii.Error:", e)
e = E("custom", 1)
print(repr(e), str(e), e.args)
print(repr(I("x")))

print("== module")
print(binascii.__name__)
print(sorted(n for n in dir(binascii) if not n.startswith("_")))
for n in ["a2b_base64", "b2a_hex", "crc32", "hexlify"]:
    f = getattr(binascii, n)
    print(n, f.__name__, f.__module__, repr(f), callable(f))
import binascii as again
print(again is binascii)
