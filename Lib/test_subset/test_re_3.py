# re: bytes patterns and subjects, flags (I/M/S/X/A/U, inline and scoped).
import re

data = b'SGVs bG8g\nd29y bGQ=$%'
print(re.sub(br'[^A-Za-z0-9/+]', br'', data))
print(re.sub(b'[^A-Za-z0-9/+=]', b'', data))
print(re.findall(rb'\w+', b'abc d\xe9f _1'), re.findall(rb'\d', b'1\xd9\xa12'))
print(re.split(rb'\s+', b'a b\tc\x1cd'), re.findall(rb'[\x80-\xff]+', b'a\x80\xffb'))
m = re.match(rb'(?P<k>\w+)=(\w*)', b'key=val;')
print(m, m.groups(), m.groupdict(), m.span(2), m[0])
print(re.fullmatch(b'.+', b'\xff\x00\xfe'), re.search(b'\\xff', b'ab\xff'))
print(re.sub(rb'(\w)(\d)', rb'\2\1', b'a1 b2'), re.subn(b'a', b'', b'banana'))
print(re.search(b'b', bytearray(b'abc')), re.sub(b'a', b'x', bytearray(b'aba')))
print(re.findall(b'(?i)ab', b'AB aB \xc1b'), re.escape(b'a+b'))
print(re.search(rb'\bb', b'a b'), re.findall(rb'\s', b' \t\n\r\x0b\x0c\x1c'))
print(re.compile(b'x').flags, re.compile(b'(?i)x').flags, re.compile(b'x', re.L).flags)
print(re.compile(b'a', re.I | re.S))

# flags
print(re.I, re.I | re.M, re.A | re.X, re.NOFLAG, re.IGNORECASE, re.U)
print(int(re.I | re.M), re.I == 2, re.S & re.S, isinstance(re.M, int), re.I + 0)
print(re.compile('a').flags, re.compile('(?i)a').flags, re.compile('a', re.A).flags)
print(re.compile('(?x) a b', re.M).flags, re.compile('a', re.U).flags)
print(repr(re.compile('a', re.I | re.M)), repr(re.compile('a', re.U)))
print(repr(re.compile('a', re.A | re.I | re.S)), repr(re.compile(b'a', re.L)))
print(re.findall('abc', 'ABC abc AbC', re.IGNORECASE), re.findall('É', 'éÉ', re.I))
print(re.findall('^a', 'a\na\nb', re.M), re.findall('b$', 'b\nb\nb', re.MULTILINE))
print(re.findall('.+', 'a\nb', re.DOTALL), re.findall('.+', 'a\nb'))
print(re.match('(?i:a)b', 'Ab'), re.match('(?i:a)b', 'AB'), re.match('(?i)a(?-i:b)', 'AB'))
print(re.match('(?s:.)(?m:$)', '\n\n'), re.match('a(?x: b c )d', 'abcd'))
print(re.findall(r'''(?x)
    (\d+)   # digits
    \s* [,] # a comma
''', '1 , 2,3,'))
print(re.findall(r' a [ ] \# b', 'a #b a  # b', re.VERBOSE))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'(?a)\w+', 'héllo'))
print(re.findall(r'(?u)\w+', 'héllo'), re.search(r'\d', '٣', re.U))
print(re.compile('(?i)(?m)^A').findall('a\nA'), re.compile('(?im)^A').pattern)
print(re.compile('(?a:\\w+)\\w', re.U).match('ab\xe9'))
print(re.I.value, re.I.name, (re.I | re.M).name, re.NOFLAG.name, re.M.value)
