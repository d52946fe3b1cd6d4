# binascii and base64 on pseudo-random inputs (a fixed LCG, so the cases are
# the same everywhere): decoders on mixed valid/invalid data, encoders with
# random options; every result or exception is printed.
import binascii, base64
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
alpha = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n\r\t!~<>yz.:01"
def rbytes():
    k = rnd(4)
    n = rnd(30)
    if k == 0:
        return bytes(rnd(256) for _ in range(n))
    return bytes(alpha[rnd(len(alpha))] for _ in range(n))
funcs = [
 lambda d: binascii.a2b_base64(d), lambda d: binascii.a2b_base64(d, strict_mode=True),
 lambda d: binascii.a2b_hex(d), lambda d: binascii.a2b_uu(d), lambda d: binascii.a2b_qp(d),
 lambda d: binascii.a2b_qp(d, header=True), lambda d: binascii.b2a_qp(d, rnd(2), rnd(2), rnd(2)),
 lambda d: binascii.b2a_uu(d[:45], backtick=rnd(2)), lambda d: binascii.hexlify(d, b":", rnd(9)-4),
 lambda d: binascii.crc_hqx(d, rnd(70000)), lambda d: binascii.crc32(d, rnd(2**33)),
 lambda d: base64.b64decode(d), lambda d: base64.b64decode(d, b"-_", True), lambda d: base64.urlsafe_b64decode(d),
 lambda d: base64.b32decode(d), lambda d: base64.b32decode(d, True, b"L"), lambda d: base64.b32hexdecode(d, True),
 lambda d: base64.b16decode(d, rnd(2)), lambda d: base64.b85decode(d), lambda d: base64.a85decode(d, foldspaces=rnd(2), adobe=rnd(2)),
 lambda d: base64.a85encode(d, foldspaces=rnd(2), wrapcol=rnd(8), pad=rnd(2), adobe=rnd(2)),
 lambda d: base64.b85encode(d, rnd(2)), lambda d: base64.decodebytes(d), lambda d: base64.encodebytes(d),
 lambda d: base64.b32decode(base64.b32encode(d)) == d,
]
for i in range(1500):
    f = rnd(len(funcs))
    d = rbytes()
    try:
        r = funcs[f](d)
        print(i, f, repr(r))
    except Exception as e:
        print(i, f, type(e).__name__, e)
