# str.encode / bytes.decode with error handlers; UnicodeError attributes.
def t(f):
    try:
        r = f()
    except UnicodeError as e:
        r = (type(e).__name__, str(e), e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

for s in ['', 'abc', 'é', 'aé😀b', 'ab\u20ac\u20acc', '\x80\xff\u0100']:
    for enc in ['utf-8', 'ascii', 'latin-1', 'UTF8', 'Latin_1', 'US-ASCII', 'iso-8859-1', 'nope']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'bogus']:
            t(lambda: s.encode(enc, err))
for b in [b'', b'abc', b'\xff', b'a\xffb', b'\xe2\x82', b'\xe2\x82a', b'\xed\xa0\x80', b'\xc0\x80', b'ab\xf0\x9f\x98', b'\xc3\xa9\xe2\x82\xac']:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'bogus']:
            t(lambda: b.decode(enc, err))
t(lambda: 'a'.encode(1))
t(lambda: 'a'.encode('ascii', 1))
t(lambda: 'a'.encode(encoding='ascii', errors='strict'))
t(lambda: b'a'.decode(1))
t(lambda: bytearray(b'\xc3\xa9').decode())
t(lambda: str(b'\xc3\xa9', 'utf-8'))
t(lambda: str(b'\xff', 'ascii', 'replace'))
t(lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'))
