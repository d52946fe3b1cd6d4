# binascii and base64 with unusual argument objects: bytes/str subclasses,
# __index__ objects as flags and CRCs, and objects whose __bool__, __index__
# or iteration fail (the error and the order of checks must match).
import binascii, base64
class B(bytes): pass
class S(str): pass
class I:
    def __index__(self): return 1
class Bad:
    def __bool__(self): raise RuntimeError("no bool")
    def __index__(self): raise RuntimeError("no index")
    def __len__(self): return 1
    def __repr__(self): return "Bad()"
def t(label, f, *a, **k):
    try: print(label, repr(f(*a, **k)))
    except Exception as e: print(label, type(e).__name__, e)
t(1, binascii.hexlify, B(b'ab'), B(b':'))
t(2, binascii.a2b_hex, S('6162'))
t(3, binascii.b2a_base64, b'a', newline=I())
t(4, binascii.crc32, b'a', I())
t(5, base64.b32decode, b'mfrgg===', Bad())
t(6, base64.b16decode, b'4a', Bad())
t(7, base64.b85encode, b'a', Bad())
t(8, base64.a85encode, b'a', wrapcol=Bad())
t(9, base64.b64decode, b'YQ==', validate=Bad())
t(10, binascii.hexlify, b'ab', Bad())
t(11, base64.b64encode, b'ab', Bad())
t(12, base64.b64decode, B(b'YQ=='), B(b'xyz'))
t(13, base64.b32decode, b'MFRGG===', map01=B(b'LL'))
t(14, binascii.hexlify, b'abc', S(':'))
t(15, binascii.a2b_base64, bytearray(b'YQ=='), strict_mode=I())
t(16, base64.b64decode, S('YQ=='), S('-_'))
t(17, base64.a85decode, b'@:E^', ignorechars=Bad())
t(18, base64.a85decode, b'@: E^', ignorechars=Bad())
t(19, binascii.crc_hqx, b'a', Bad())
t(20, binascii.b2a_qp, b'a', istext=Bad())
