# Lone surrogates through the codecs: encode with every error handler,
# decode with surrogateescape/surrogatepass, os.fsencode/fsdecode, json,
# the codecs module's handlers, and printing one to stdout.
import codecs
import json
import os

text = 'a\udc80\ud800b'
for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32-le']:
    for errors in ['strict', 'surrogateescape', 'surrogatepass', 'backslashreplace',
                   'xmlcharrefreplace', 'namereplace', 'replace', 'ignore']:
        try:
            print(enc, errors, text.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, 'UnicodeEncodeError:', e, e.start, e.end, ascii(e.object))

data = b'-\xff\x80abc\xed\xa0\x80'
d = data.decode('utf-8', 'surrogateescape')
print(ascii(d), d.encode('utf-8', 'surrogateescape') == data)
print(ascii(data.decode('ascii', 'surrogateescape')), ascii(str(b'\xfe', 'latin-1')))
print(ascii(b'\xed\xa0\x80x'.decode('utf-8', 'surrogatepass')))
print(ascii(b'\x00\xd8'.decode('utf-16-le', 'surrogatepass')))
print(ascii(b'\x00\xdc\x00\x00'.decode('utf-32-le', 'surrogatepass')))
for b, enc in [(b'\xed\xa0\x80', 'utf-8'), (b'a\x80', 'ascii'), (b'\x00\xd8', 'utf-16-le')]:
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
try:
    b'a\x00'.decode('ascii', 'surrogateescape').encode('ascii')
    b'\x00'.decode('utf-16-le', 'surrogateescape')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

name = os.fsdecode(b'file\xff\xfe.txt')
print(ascii(name), os.fsencode(name))
print(os.fsencode('plain'), ascii(os.fsdecode('already str')))

print(json.dumps('\ud800'), json.dumps({'k\udc80': ['\udfff']}))
print(ascii(json.dumps('\ud800', ensure_ascii=False)), ascii(json.loads('"\\ud800x"')))
print(ascii(json.loads('"\\ud83d\\ude00"')))

esc = codecs.lookup_error('surrogateescape')
print(esc(UnicodeDecodeError('utf-8', b'a\xffb', 1, 2, 'bad')))
print(esc(UnicodeEncodeError('utf-8', 'a\udcffb', 1, 2, 'bad')))
sp = codecs.lookup_error('surrogatepass')
print(sp(UnicodeEncodeError('utf-8', 'a\ud800b', 1, 2, 'bad')))
print(ascii(sp(UnicodeDecodeError('utf-8', b'a\xed\xa0\x80', 1, 2, 'bad'))))
print(codecs.encode('x\udc80', 'utf-8', 'surrogateescape'))
print(ascii(codecs.decode(b'x\x80', 'utf-8', 'surrogateescape')))

try:
    print('lone', '\ud800')
except UnicodeEncodeError as e:
    print('print:', e)
print('after')
