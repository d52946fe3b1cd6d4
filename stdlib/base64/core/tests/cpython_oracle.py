"""CPython's answers for the core's differential test.

Reads requests from stdin, one per line: `op<TAB>options<TAB>hex(input)`,
where options are `key=value` pairs separated by commas (values in hex where
they are bytes). Writes one line per request: `ok<TAB>hex(output)` or
`err<TAB>ExceptionName<TAB>hex(utf-8 message)`.

Z85 is not in CPython 3.11: the reference is CPython 3.13's definition,
base85 with the Z85 alphabet swapped in by translation.
"""
import base64
import binascii
import sys

B85 = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
       b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
Z85 = (b"0123456789abcdefghijklmnopqrstuvwxyz"
       b"ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")
Z85_ENC = bytes.maketrans(B85, Z85)
Z85_DEC = bytes.maketrans(Z85, B85)


def z85encode(s):
    return base64.b85encode(s).translate(Z85_ENC)


def z85decode(s):
    s = s.translate(Z85_DEC)
    try:
        return base64.b85decode(s)
    except ValueError as e:
        raise ValueError(e.args[0].replace('base85', 'z85')) from None


def flag(o, k, default=False):
    return o.get(k, '1' if default else '0') == '1'


def optbytes(o, k):
    v = o.get(k)
    return None if v is None or v == 'none' else bytes.fromhex(v)


def run(op, o, data):
    if op == 'b2a_base64':
        return binascii.b2a_base64(data, newline=flag(o, 'newline', True))
    if op == 'a2b_base64':
        return binascii.a2b_base64(data, strict_mode=flag(o, 'strict'))
    if op == 'b64encode':
        return base64.b64encode(data, altchars=optbytes(o, 'alt'))
    if op == 'b64decode':
        return base64.b64decode(data, altchars=optbytes(o, 'alt'),
                                validate=flag(o, 'strict'))
    if op == 'encodebytes':
        return base64.encodebytes(data)
    if op == 'b32encode':
        return base64.b32encode(data)
    if op == 'b32hexencode':
        return base64.b32hexencode(data)
    if op == 'b32decode':
        return base64.b32decode(data, casefold=flag(o, 'casefold'),
                                map01=optbytes(o, 'map01'))
    if op == 'b32hexdecode':
        return base64.b32hexdecode(data, casefold=flag(o, 'casefold'))
    if op == 'b16encode':
        return base64.b16encode(data)
    if op == 'b16decode':
        return base64.b16decode(data, casefold=flag(o, 'casefold'))
    if op == 'a85encode':
        return base64.a85encode(data, foldspaces=flag(o, 'foldspaces'),
                                wrapcol=int(o.get('wrapcol', '0')),
                                pad=flag(o, 'pad'), adobe=flag(o, 'adobe'))
    if op == 'a85decode':
        kw = {}
        if 'ignorechars' in o:
            kw['ignorechars'] = optbytes(o, 'ignorechars') or b''
        return base64.a85decode(data, foldspaces=flag(o, 'foldspaces'),
                                adobe=flag(o, 'adobe'), **kw)
    if op == 'b85encode':
        return base64.b85encode(data, pad=flag(o, 'pad'))
    if op == 'b85decode':
        return base64.b85decode(data)
    if op == 'z85encode':
        return z85encode(data)
    if op == 'z85decode':
        return z85decode(data)
    if op == 'hexlify':
        sep = optbytes(o, 'sep')
        if sep is None:
            return binascii.hexlify(data)
        return binascii.hexlify(data, sep, int(o.get('per', '1')))
    if op == 'unhexlify':
        return binascii.unhexlify(data)
    if op == 'b2a_uu':
        return binascii.b2a_uu(data, backtick=flag(o, 'backtick'))
    if op == 'a2b_uu':
        return binascii.a2b_uu(data)
    if op == 'b2a_qp':
        return binascii.b2a_qp(data, quotetabs=flag(o, 'quotetabs'),
                               istext=flag(o, 'istext', True),
                               header=flag(o, 'header'))
    if op == 'a2b_qp':
        return binascii.a2b_qp(data, header=flag(o, 'header'))
    if op == 'crc32':
        return binascii.crc32(data, int(o.get('crc', '0'))).to_bytes(4, 'big')
    if op == 'crc_hqx':
        return binascii.crc_hqx(data, int(o.get('crc', '0'))).to_bytes(2, 'big')
    raise SystemExit('unknown op ' + op)


def main():
    out = sys.stdout
    for line in sys.stdin:
        op, opts, hexdata = line.rstrip('\n').split('\t')
        o = dict(kv.split('=', 1) for kv in opts.split(',') if kv)
        try:
            res = run(op, o, bytes.fromhex(hexdata))
            out.write('ok\t' + res.hex() + '\n')
        except (binascii.Error, ValueError, TypeError, OverflowError) as e:
            name = 'binascii.Error' if isinstance(e, binascii.Error) else type(e).__name__
            out.write('err\t' + name + '\t' + str(e).encode().hex() + '\n')
    out.flush()


main()
