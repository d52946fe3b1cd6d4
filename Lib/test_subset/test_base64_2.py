# base64: Base32 (both alphabets), Base16, base85 and Ascii85, with every
# option, error types and messages.
import base64
import binascii


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


samples = [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"abcdef",
           b"\x00\x00\x00\x00", b"    ", bytes(range(256))]

print("== Base32 round trips")
for s in samples:
    e = base64.b32encode(s)
    h = base64.b32hexencode(s)
    print(len(s), e[:40], h[:40])
    assert base64.b32decode(e) == s
    assert base64.b32decode(e.lower(), casefold=True) == s
    assert base64.b32hexdecode(h) == s
    assert base64.b32hexdecode(h.decode().lower(), True) == s

print("== b32encode / b32hexencode inputs")
for f in [base64.b32encode, base64.b32hexencode]:
    show(f.__name__ + " str", f, "a")
    show(f.__name__ + " int", f, 5)
    show(f.__name__ + " bytearray", f, bytearray(b"abc"))
    show(f.__name__ + " strided view", f, memoryview(b"abcd")[::2])
    show(f.__name__ + " 2 args", f, b"a", b"b")

print("== b32decode")
for data in [b"MFRGG===", b"MFRGG", b"mfrgg===", b"MFRGG!==", b"MFRGG=A=",
             b"ME======", b"MFRA====", b"M=======", b"MFR=====", b"MFRGGZDF",
             b"MFRGG===MFRGG===", "MFRGG===", "\xe9" * 8, b""]:
    show("b32decode %r" % (data,), base64.b32decode, data)
show("casefold", base64.b32decode, b"mfrgg===", True)
show("casefold 0", base64.b32decode, b"mfrgg===", 0)
show("map01 L", base64.b32decode, b"M1RGG===", map01=b"L")
show("map01 I str", base64.b32decode, b"M1RGG===", map01="I")
show("map01 zero", base64.b32decode, b"0FRGG===", map01=b"L")
show("map01 no map", base64.b32decode, b"M1RGG===")
show("map01 lower + casefold", base64.b32decode, b"m1rgg===", True, b"l")
show("map01 lower no casefold", base64.b32decode, b"M1RGG===", False, b"l")
show("map01 len 2", base64.b32decode, b"MFRGG===", map01=b"LL")
show("map01 str len 2", base64.b32decode, b"MFRGG===", map01="LL")
show("map01 bytearray len 2", base64.b32decode, b"MFRGG===", map01=bytearray(b"ab"))
show("map01 int", base64.b32decode, b"MFRGG===", map01=5)
show("map01 with bad padding", base64.b32decode, b"MFRGG", map01=5)
show("int", base64.b32decode, 5)
show("bytearray", base64.b32decode, bytearray(b"MFRGG==="))
show("strided view", base64.b32decode, memoryview(b"MFRGG===" * 2)[::2])
show("b32hexdecode", base64.b32hexdecode, b"C5H66===")
show("b32hexdecode lower", base64.b32hexdecode, b"c5h66===")
show("b32hexdecode casefold", base64.b32hexdecode, b"c5h66===", casefold=True)
show("b32hexdecode W", base64.b32hexdecode, b"C5H6W===")
show("b32hexdecode padding", base64.b32hexdecode, b"C5H66==")
show("b32hexdecode map01", base64.b32hexdecode, b"C5H66===", map01=b"1")

print("== Base16")
for s in samples:
    e = base64.b16encode(s)
    print(len(s), e[:40], base64.b16decode(e) == s, base64.b16decode(e.lower(), True) == s)
for data in [b"4A", b"4a", b"4", b"4G", b"", "4A", b"4A 4B", b"\xff", "\xe9"]:
    show("b16decode %r" % (data,), base64.b16decode, data)
    show("  casefold", base64.b16decode, data, casefold=True)
show("b16encode str", base64.b16encode, "a")
show("b16encode strided", base64.b16encode, memoryview(b"abcd")[::2])
show("b16encode bytearray", base64.b16encode, bytearray(b"\x01\xab"))
show("b16decode int", base64.b16decode, 5)
show("b16decode odd lower", base64.b16decode, b"4a4")

print("== base85")
for s in samples:
    e = base64.b85encode(s)
    p = base64.b85encode(s, pad=True)
    print(len(s), e[:40], p[:40], base64.b85decode(e) == s)
for data in [b"VPa!", b"VPazd", b"~~~~~", b"|NsC0", b"|NsC1", b"{{{{{", b"0",
             b"VPa!sWp", "VPazd", b"VP\x00zd", b"VPa zd", b""]:
    show("b85decode %r" % (data,), base64.b85decode, data)
show("b85encode str", base64.b85encode, "a")
show("b85encode strided", base64.b85encode, memoryview(b"abcd")[::2])
show("b85encode pad 1", base64.b85encode, b"a", 1)
show("b85decode int", base64.b85decode, 5)
show("b85decode 2 args", base64.b85decode, b"", b"")

print("== Ascii85 encode")
texts = [b"", b"a", b"abcd", b"\x00\x00\x00\x00", b"    ", b"    abcd    x",
         b"\x00\x00\x00\x00\x00", bytes(range(30))]
for s in texts:
    print(repr(s))
    print("  plain     ", base64.a85encode(s))
    print("  foldspaces", base64.a85encode(s, foldspaces=True))
    print("  pad       ", base64.a85encode(s, pad=True))
    print("  adobe     ", base64.a85encode(s, adobe=True))
    for w in [1, 2, 3, 5, 7, 10]:
        print("  wrapcol %-2d" % w, base64.a85encode(s, wrapcol=w),
              base64.a85encode(s, wrapcol=w, adobe=True))
show("wrapcol -1", base64.a85encode, b"abcdefgh", wrapcol=-1)
show("wrapcol True", base64.a85encode, b"abcdefgh", wrapcol=True, adobe=True)
show("wrapcol 2**70", base64.a85encode, b"abcdefgh", wrapcol=2**70)
show("wrapcol float", base64.a85encode, b"abcdefgh", wrapcol=2.5)
show("wrapcol str", base64.a85encode, b"abcdefgh", wrapcol="x")
show("a85encode str", base64.a85encode, "a")
show("a85encode strided", base64.a85encode, memoryview(b"abcd")[::2])
show("a85encode 2 pos", base64.a85encode, b"a", b"b")
show("a85encode 2 pos + kw", base64.a85encode, b"a", b"b", pad=1)
show("a85encode bad kw", base64.a85encode, b"a", fold=1)

print("== Ascii85 decode")
for data in [b"@:E^", b"@:E_WAS,RgBkhF\"D/O92EH6,BF`qtR", b"z", b"zz!!!!!z",
             b"!!!!!z!", b"@:x^", b"@:E^z", b"@:zE^", b"s8W-!", b"s8W-\"",
             b"uuuuu", b"@", b"@:", b"@ :\nE\t^", b"y", "@:E^", b"<~@:E^~>",
             b"@:{E^"]:
    show("a85decode %r" % (data,), base64.a85decode, data)
show("foldspaces y", base64.a85decode, b"y", foldspaces=True)
show("foldspaces y inside", base64.a85decode, b"@:y", foldspaces=True)
show("adobe framed", base64.a85decode, b"<~@:E^~>", adobe=True)
show("adobe end only", base64.a85decode, b"@:E^~>", adobe=True)
show("adobe missing end", base64.a85decode, b"<~@:E^", adobe=True)
show("adobe inner ~", base64.a85decode, b"<~@:~E^~>", adobe=True)
show("ignorechars x", base64.a85decode, b"@:xE^", ignorechars=b"x")
show("ignorechars space not ignored", base64.a85decode, b"@: E^", ignorechars=b"")
show("ignorechars bytearray", base64.a85decode, b"@:xE^", ignorechars=bytearray(b"x"))
show("ignorechars str unused", base64.a85decode, b"@:E^", ignorechars="x")
show("ignorechars str used", base64.a85decode, b"@: E^", ignorechars=" ")
show("ignorechars list", base64.a85decode, b"@:\x01E^", ignorechars=[1])
show("ignorechars set", base64.a85decode, b"@:\x01\x02E^", ignorechars={1, 2})
show("a85decode int", base64.a85decode, 5)
show("a85decode non-ASCII", base64.a85decode, "\xe9")
show("a85decode 2 pos", base64.a85decode, b"a", b"b")
show("round trip", lambda: all(base64.a85decode(base64.a85encode(s, foldspaces=True, wrapcol=7, adobe=True), foldspaces=True, adobe=True) == s for s in texts))
