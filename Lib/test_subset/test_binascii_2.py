# binascii: uuencode, quoted-printable and the CRCs, with errors and
# argument checks.
import binascii


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print("== b2a_uu / a2b_uu")
for s in [b"", b"a", b"ab", b"abc", b"Cat", b"\x00\x00\x00", b"x" * 45,
          bytes(range(40))]:
    line = binascii.b2a_uu(s)
    tick = binascii.b2a_uu(s, backtick=True)
    print(len(s), line, tick, binascii.a2b_uu(line) == s, binascii.a2b_uu(tick) == s)
show("46 bytes", binascii.b2a_uu, b"x" * 46)
show("backtick=2", binascii.b2a_uu, b"\x00", backtick=2)
show("backtick=None", binascii.b2a_uu, b"\x00", backtick=None)
for data in [b"", b"\n", b" ", b"`", b"!80``\n", b"!80", b"#86)C\n",
             b"#86)C    \n", b"#86)Cx\n", b"$86)C\n", b"!!!!!", b"\x7f\n",
             b"}" + b"A" * 10, "#86)C", b"!8 \n", b"\xff"]:
    show("a2b_uu %r" % (data,), binascii.a2b_uu, data)

print("== b2a_qp")
texts = [b"", b"hello", b"a=b", b"tab\there", b"trailing \n", b"trailing\t\n",
         b"dot\n.\n", b"x" * 80, b"\xe9t\xe9", b"line1\r\nline2\r\n",
         b"under_score and space", b"From here", b"\x00\x7f", b"end =",
         b"a" * 75 + b"=", b"a\rb", b"a\nb\r\n", b" ", b"=\n"]
for s in texts:
    print(repr(s))
    print("  default  ", binascii.b2a_qp(s))
    print("  quotetabs", binascii.b2a_qp(s, quotetabs=True))
    print("  binary   ", binascii.b2a_qp(s, istext=False))
    print("  header   ", binascii.b2a_qp(s, header=True))
    print("  all      ", binascii.b2a_qp(s, True, False, True))
show("quotetabs=1.0", binascii.b2a_qp, b"a", quotetabs=1.0)
show("istext=None", binascii.b2a_qp, b"a", istext=None)

print("== a2b_qp")
for data in [b"", b"hello", b"a=3Db", b"a=3db", b"soft=\nbreak", b"soft=\r\nbreak",
             b"a=\n", b"a=", b"=4", b"=zz", b"=G1", b"under_score", b"x=20y",
             "text=41", b"trailing  \n", b"=\r", b"a==41"]:
    show("a2b_qp %r" % (data,), binascii.a2b_qp, data)
    show("  header", binascii.a2b_qp, data, header=True)
show("round trip", lambda: binascii.a2b_qp(binascii.b2a_qp(bytes(range(256)))) == bytes(range(256)))

print("== crc32")
for s in [b"", b"a", b"hello world", bytes(range(256)), b"\x00" * 1000]:
    print(repr(s[:12]), binascii.crc32(s), binascii.crc32(s, 1), binascii.crc32(s, 0xFFFFFFFF))
whole = binascii.crc32(b"hello world")
part = binascii.crc32(b"world", binascii.crc32(b"hello "))
print("incremental", whole == part)
for crc in [-1, -2**31, 2**32, 2**32 + 5, 2**70 + 5, -2**70, True]:
    show("crc32 crc=%r" % (crc,), binascii.crc32, b"abc", crc)
show("crc32 float", binascii.crc32, b"abc", 1.0)
show("crc32 str", binascii.crc32, "abc")
show("crc32()", binascii.crc32)
show("crc32 3 args", binascii.crc32, b"", 1, 2)
show("crc32 kw", binascii.crc32, data=b"")
show("crc32 crc kw", binascii.crc32, b"", crc=0)

print("== crc_hqx")
for s in [b"", b"a", b"123456789", bytes(range(256))]:
    print(repr(s[:12]), binascii.crc_hqx(s, 0), binascii.crc_hqx(s, 0xFFFF), binascii.crc_hqx(s, 0x1D0F))
for crc in [-1, 0x10000, 0x12345, 2**70 + 5, -2**70]:
    show("crc_hqx crc=%r" % (crc,), binascii.crc_hqx, b"abc", crc)
show("crc_hqx 1 arg", binascii.crc_hqx, b"a")
show("crc_hqx()", binascii.crc_hqx)
show("crc_hqx 3 args", binascii.crc_hqx, b"a", 1, 2)
show("crc_hqx str crc", binascii.crc_hqx, b"a", "x")
show("crc_hqx kw", binascii.crc_hqx, b"a", crc=1)

print("== argument checks")
show("a2b_uu()", binascii.a2b_uu)
show("a2b_uu(x, y)", binascii.a2b_uu, b"", b"")
show("a2b_uu(data=)", binascii.a2b_uu, data=b"")
show("b2a_uu()", binascii.b2a_uu)
show("b2a_uu(x, y)", binascii.b2a_uu, b"a", b"b")
show("b2a_uu(data=)", binascii.b2a_uu, data=b"")
show("b2a_uu(foo=)", binascii.b2a_uu, b"", foo=1)
show("b2a_qp()", binascii.b2a_qp)
show("b2a_qp 5 args", binascii.b2a_qp, b"a", 1, 1, 1, 1)
show("b2a_qp x=", binascii.b2a_qp, b"a", x=1)
show("b2a_qp kw", binascii.b2a_qp, data=b"a=b\t\n", quotetabs=1)
show("b2a_qp twice", binascii.b2a_qp, b"a", 0, quotetabs=1)
show("a2b_qp()", binascii.a2b_qp)
show("a2b_qp 3 args", binascii.a2b_qp, b"a", 1, 1)
show("a2b_qp kw", binascii.a2b_qp, data=b"a=3Db_", header=True)
show("a2b_qp non-ascii", binascii.a2b_qp, "\xe9")
