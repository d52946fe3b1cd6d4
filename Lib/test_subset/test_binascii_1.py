# binascii: Base64 and hex codecs, their options, errors and argument checks.
import binascii


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar",
           bytes(range(256)), b"\x00\xff" * 40]

print("== b2a_base64 / a2b_base64 round trips")
for s in samples:
    enc = binascii.b2a_base64(s)
    plain = binascii.b2a_base64(s, newline=False)
    assert enc == plain + b"\n"
    back = binascii.a2b_base64(enc)
    strict = binascii.a2b_base64(plain, strict_mode=True)
    print(len(s), enc[:40], back == s, strict == s)

print("== b2a_base64 newline values")
for nl in [True, False, 0, 1, 2, -1]:
    show("newline=%r" % (nl,), binascii.b2a_base64, b"hi", newline=nl)
for nl in [None, 1.0, "x", 2**40, b""]:
    show("newline=%r" % (nl,), binascii.b2a_base64, b"hi", newline=nl)

print("== a2b_base64 lenient mode")
for data in [b"Zm9v", b"Zm9v\n", b"Zm 9v", b"Z!m@9#v", b"Zm9vYg==", b"Zm9vYg=",
             b"Zm9vYg", b"Zm9vY", b"Zm9vYg==Zm9v", b"====", b"Zg==\nZg==",
             b"Z===", b"Zm=9v", b"", b"\n", b"=Zm9v", b"Zm9vYmFy====",
             "Zm9v", "Zm9vYg==\n"]:
    show("a2b %r" % (data,), binascii.a2b_base64, data)

print("== a2b_base64 strict mode")
for data in [b"Zm9v", b"Zm9v\n", b"Zm9vYg==", b"Zm9vYg=", b"=Zm9v",
             b"Zm9vYg==Zm9v", b"Zm 9v", b"Zm9vY", b"", b"Zg==="]:
    show("strict %r" % (data,), binascii.a2b_base64, data, strict_mode=True)
show("strict_mode=0", binascii.a2b_base64, b"Z m9v", strict_mode=0)
show("strict_mode=1.5", binascii.a2b_base64, b"Zm9v", strict_mode=1.5)

print("== hexlify / b2a_hex")
for f in [binascii.hexlify, binascii.b2a_hex]:
    print(f.__name__)
    for s in samples[:7]:
        print(" ", f(s))
    show(" sep str", f, b"\x01\x02\x03\x04\x05", ":")
    show(" sep bytes", f, b"\x01\x02\x03\x04\x05", b" ")
    show(" sep kw", f, data=b"\xab\xcd\xef", sep="-")
    for n in [1, 2, 3, 4, 5, 6, -1, -2, -3, 0, 100, -100]:
        show(" bytes_per_sep=%d" % n, f, b"\x01\x02\x03\x04\x05", "_", n)
    show(" no sep, bytes_per_sep", f, b"\x01\x02", bytes_per_sep=2)
    show(" sep latin-1", f, b"abc", sep="\xe9")
    show(" sep U+0100", f, b"abc", sep="\u0100")
    show(" sep len 2", f, b"abc", sep="::")
    show(" sep empty", f, b"abc", sep=b"")
    show(" sep None", f, b"abc", sep=None)
    show(" sep int", f, b"abc", sep=5)
    show(" sep bytearray", f, b"abc", sep=bytearray(b":"))
    show(" sep list", f, b"abc", sep=[1])
    show(" bytes_per_sep big", f, b"abc", ":", 2**40)
    show(" bytes_per_sep float", f, b"abc", ":", 1.0)
    show(" empty with sep", f, b"", ":", 2)

print("== unhexlify / a2b_hex")
for f in [binascii.unhexlify, binascii.a2b_hex]:
    for data in [b"", b"00", b"0aFf", b"deadBEEF", "cafe", b"0", b"abc",
                 b"zz", b"0g", b"g0", "\xe9\xe9", b"01 2"]:
        show("%s(%r)" % (f.__name__, data), f, data)

print("== argument checks")
B = binascii
show("a2b_hex()", B.a2b_hex)
show("a2b_hex(x, y)", B.a2b_hex, b"00", b"00")
show("a2b_hex(hexstr=)", B.a2b_hex, hexstr=b"00")
show("unhexlify(a=)", B.unhexlify, a=b"00")
show("a2b_base64()", B.a2b_base64)
show("a2b_base64(x, y)", B.a2b_base64, b"", b"")
show("a2b_base64(data=)", B.a2b_base64, data=b"")
show("a2b_base64(foo=)", B.a2b_base64, b"", foo=1)
show("a2b_base64 3 args", B.a2b_base64, b"", strict_mode=1, x=2)
show("a2b_base64 3 kw", B.a2b_base64, data=b"", strict_mode=1, x=2)
show("a2b_base64 2 pos + kw", B.a2b_base64, b"", b"", strict_mode=1)
show("b2a_base64()", B.b2a_base64)
show("b2a_base64(x, y)", B.b2a_base64, b"", True)
show("b2a_base64(newline=)", B.b2a_base64, newline=True)
show("b2a_hex()", B.b2a_hex)
show("b2a_hex 4 args", B.b2a_hex, b"a", b"b", 1, 2)
show("b2a_hex foo=", B.b2a_hex, b"ab", foo=1)
show("b2a_hex twice", B.b2a_hex, b"ab", data=b"")
show("b2a_hex sep twice", B.b2a_hex, b"ab", ":", sep=":")
show("hexlify(sep=)", B.hexlify, sep=":")
show("hexlify 3 pos + kw", B.hexlify, b"a", ":", 1, sep=":")
