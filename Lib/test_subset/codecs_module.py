"""The codecs module (CPython codecs.py and encodings over rpy's native
_codecs): registry lookups, codec functions with (output, consumed) and
final, incremental codecs, error handlers, custom search functions, and
str.encode/bytes.decode reaching the encodings package."""
import codecs

print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name)
print(codecs.lookup('utf_16').name, codecs.lookup('U32').name, codecs.lookup('ASCII').name)
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9', 'utf-8'), codecs.encode('x'))
print(codecs.encode('héllo', 'cp1252'), codecs.decode(b'\x80\xe9', 'cp1252'))
print(codecs.utf_8_decode(b'ab\xe2\x82'), codecs.utf_8_decode(b'ab\xe2\x82\xac', None, True))
print(codecs.utf_8_encode('é€'), codecs.utf_8_decode(b'a\xffb', 'replace', True))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00b'), codecs.utf_16_encode('ab'), codecs.utf_16_le_encode('ab'))
print(codecs.utf_16_be_decode(b'\x00a\xd8'), codecs.utf_16_encode('a', None, 1), codecs.utf_16_encode('a', None, -1))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'), codecs.utf_32_be_encode('a'), codecs.utf_32_encode('a'))
print(codecs.latin_1_encode('aé'), codecs.ascii_decode(b'abc'), codecs.latin_1_decode(b'\xe9\xff'))
print(codecs.charmap_decode(b'\x80', 'strict', 'a' * 128 + 'Z' * 128))
print(codecs.charmap_decode(b'\x01\x02', 'strict', {1: 'one', 2: 0x41}))
print(codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'BB'}))
d = codecs.getincrementaldecoder('utf-8')()
print([d.decode(b) for b in [b'\xe2', b'\x82', b'\xac', b'x']], d.decode(b'', final=True))
d = codecs.getincrementaldecoder('utf-16')()
print([d.decode(b) for b in [b'\xff', b'\xfe', b'a', b'\x00', b'=\xd8', b'\x00\xde']])
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'))
print(list(codecs.iterdecode([b'\xc3', b'\xa9', b'!'], 'utf-8')), b''.join(codecs.iterencode(['a', 'é'], 'latin-1')))
print(codecs.lookup_error('replace')(UnicodeEncodeError('ascii', 'aéé', 1, 3, 'x')))
print(codecs.lookup_error('ignore')(UnicodeDecodeError('ascii', b'a\xff\xff', 1, 2, 'x')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'x')))
print(codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'x')))
print(codecs.namereplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'x')))
for f, args in [(codecs.encode, ('x', 'nope')), (codecs.decode, (b'\xff', 'ascii')),
                (codecs.encode, ('é', 'ascii')), (codecs.lookup_error, ('zz',)),
                (codecs.register, (1,)), (codecs.xmlcharrefreplace_errors, (ValueError(),)),
                (codecs.charmap_decode, (b'\x05', 'strict', 'abc')),
                (codecs.utf_16_decode, (b'a\x00b', 'strict', True))]:
    try:
        print(f(*args))
    except Exception as ex:
        print(type(ex).__name__, ex)
codecs.register_error('mine', lambda e: ('<%d>' % e.start, e.end))
print(codecs.lookup_error('mine').__name__)


def search(name):
    if name == 'rot_x':
        return codecs.CodecInfo(lambda s, e='strict': (s[::-1], len(s)),
                                lambda b, e='strict': (b, len(b)), name='rot-x')


codecs.register(search)
print(codecs.encode('abc', 'rot_x'), codecs.lookup('ROT_X').name)
codecs.unregister(search)
try:
    codecs.lookup('rot_x')
except LookupError as ex:
    print(ex)
print('abc'.encode('cp1252'), b'\xe9'.decode('cp437'), 'x'.encode('mac_roman'), 'é'.encode('iso8859_15'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
for thunk in [lambda: 'é'.encode('cp1252x'), lambda: 'Ā'.encode('cp1252'), lambda: b'\x81'.decode('cp1252'),
              lambda: 'x'.encode('rot13'), lambda: 'Ā'.encode('cp1252', 'replace'), lambda: b'\x81'.decode('cp1252', 'ignore')]:
    try:
        print(thunk())
    except Exception as ex:
        print(type(ex).__name__, ex)
