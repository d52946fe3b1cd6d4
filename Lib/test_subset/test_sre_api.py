# The Pattern/Match/Scanner API on rpy's _sre: pos/endpos, bytes-like
# subjects, split/sub edge cases, errors with positions, copy, hashing.
import re, array

p = re.compile(r'(\w)(\d)?')
print(p.match('ab', 1), p.match('ab', 1, 1), p.search('xa1', 0, 2), p.fullmatch('a1', 0, 2))
print(p.match('ab', -5), p.match('ab', 5), p.search('ab', 1, -1), p.findall('abc', 1, 2))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
print(re.compile(r'\b').findall('ab cd', 1, 4))
m = p.search('--x9--', 1, 5)
print(m, m.pos, m.endpos, m.regs, m.re is p, m.string, m[0], m[2], m.span(2))
print(repr(re.match('x' * 80, 'x' * 80)))
# bytes-like subjects
b = re.compile(rb'(\d+)')
for s in [b'ab12', bytearray(b'x34'), memoryview(b'56y'), array.array('B', b'7')]:
    m = b.search(s)
    print(type(s).__name__, m.group(), m.group(1), type(m.group()).__name__, b.findall(s), b.sub(b'#', s))
for pat, subj in [('a', b'a'), (b'a', 'a'), ('a', 5), (b'a', None)]:
    try:
        re.search(pat, subj)
    except TypeError as e:
        print('TypeError', e)
# split
print(re.split(r',', 'a,b,,c,'))
print(re.split(r'(,)', 'a,b'), re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'x*', 'axbc'), re.split(r'', 'abc'), re.split(r'\b', 'a b'))
print(re.split(r',', 'a,b,c', maxsplit=1), re.split(r',', 'a,b,c', 5), re.split(',', 'a,b', -1))
print(re.split(r'^$', 'a\n\nb', flags=re.M))
# sub / subn
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'', '-', 'abc'), re.subn(r'a', 'b', 'aaa', 2))
print(re.sub(r'(\d)', r'\1\1', 'a1b2'), re.sub(r'(?P<d>\d)', r'[\g<d>\g<0>\g<1>]', 'a1'))
print(re.sub(r'a', r'\n\t\\', 'xa'), re.sub(b'a', rb'\n', b'ab'), re.sub('a', lambda m: None, 'bab'))
print(re.sub(r'\w+', lambda m: m.group().upper(), 'hi there'), re.subn('b', 'c', 'abab', count=-1))
print(re.sub('(b)|c', r'[\1]', 'bc'), re.sub('a', '\\', 'b') if False else '')
for repl in [r'\2', r'\g<x>', r'\g<1', '\\', r'\8']:
    try:
        re.sub('(a)', repl, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
# errors with positions
for bad in ['a(', 'a)', '[a', '(?P<1>a)', '(?P=x)', 'a**', '(?<=a+)b', r'\1(a)', '(?z)',
            'a{2,1}', '(?(2)a|b)', '(?i)(?:x', '\\', 'x\n(?P<a>y', '[z-a]']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), '|', e, '|', e.pos, e.lineno, e.colno)
# scanner and finditer
sc = re.compile(r'\d').scanner('a1b22')
print(sc.search(), sc.search(), sc.match(), sc.search(), sc.search())
print([m.span() for m in re.finditer(r'\w*', 'ab c')], [m.span() for m in re.finditer('', 'ab', 1)])
# object behaviour
p1, p2 = re.compile('a+', re.I), re.compile('a+', re.I)
print(p1 == p2, p1 != re.compile('a+'), hash(p1) == hash(p2), p1.__copy__() is p1, p1.__deepcopy__({}) is p1)
m = p1.match('AA')
print(m.__copy__() is m, m.__deepcopy__(None) is m, bool(m), re.Pattern[str], re.Match[bytes])
print(p1.groups, dict(re.compile('(?P<a>x)(y)').groupindex), re.compile('(?P<a>x)').groupindex['a'])
print(re.escape('a.b*c'), re.purge(), re.compile(re.compile('z')).pattern)
# group references past the text end, lastindex
print(re.match(r'(a)(b)?', 'a').lastindex, re.match(r'((a)b)', 'ab').lastindex, re.match('a', 'a').lastindex)
print(re.match(r'(?:(a)|(b))*', 'ab').groups(), re.match(r'(a)|(b)', 'b').regs)
