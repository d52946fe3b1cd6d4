# re: sub/subn (templates, callables, count), split, findall, finditer,
# escape, purge, the cache.
import re

print(re.sub('x*', '-', 'abxd'), re.sub('$', 'X', 'a\n'), re.sub('', '-', 'abc'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<a>\w)(?P<b>\d)', r'\g<b>\g<a>\g<0>', 'a1 b2'))
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('a', r'\n\t\\', 'a'), re.sub('a', r'\.', 'a'))
print(repr(re.sub('(a)', r'\101\08', 'a')), re.sub('(a)', '\\g<1>0', 'a'))
print(re.subn('a', 'b', 'banana'), re.subn('a', 'b', 'banana', count=2), re.subn('a', 'b', 'banana', 1))
print(re.sub('a', lambda m: m.group().upper(), 'banana', count=2))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub('a', lambda m: None, 'banana'), re.sub('n', '', 'banana'))
print(re.sub('(?i)B', 'x', 'aBbc'), re.sub('b', 'x', 'aBbc', flags=re.I))
print(re.compile('o').sub('0', 'foo boo', 3), re.compile('o').subn('0', 'foo'))
print(re.sub('é', 'e', 'café é'), re.sub('(.)', r'\1\1', 'añb'))

print(re.split(r'\W+', 'a, b, c'), re.split(r'(\W+)', 'a, b'), re.split('x', 'axbxc', 1))
print(re.split('(a)|b', 'xaybz'), re.split('a', 'bab', -1), re.split('', 'abc'))
print(re.split('x*', 'axbc'), re.split(r'\s*,\s*', 'a , b,c ,d', maxsplit=2))
print(re.split('(?m)^', 'a\nb\nc'), re.split('[ab]', 'abc'))

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'), re.findall(r'(\w)\d', 'a1b2'))
print(re.findall('(a)|(b)', 'ab'), re.findall('a*', 'baac'), re.findall('', 'ab'))
print(re.compile(r'\w').findall('abcdef', 2, 4), re.compile('a').findall('aaa', 1))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  e')])
print([m.group(1) for m in re.finditer(r'(\d)(x)?', '1x2 3x')])
print([(m.start(), m.group()) for m in re.compile('a*').finditer('baa', 1)])
it = re.finditer('a', 'aa')
print(next(it).span(), next(it).span())

print(re.escape('a.b c-d_é*?'), re.escape(b'a.b\xff$'), re.escape('\t\n#&~'))
print(re.match(re.escape('1+1=2?'), '1+1=2?'))
re.purge()
p1 = re.compile('abc')
p2 = re.compile('abc')
print(p1 == p2, hash(p1) == hash(p2), re.compile(p1) is p1, p1 != re.compile('abc', re.I))
try:
    re.compile(p1, re.I)
except ValueError as e:
    print('ValueError', e)

m = re.match(r'(?P<n>\w+)=(\d+)', 'x=10')
print(m.expand(r'\g<n> is \2'), m.expand(r'[\1]'))
print(re.sub('(a)(b)?', r'<\2>', 'ac'))
for t in ['\\3', '\\g<x>', '\\g<', '\\g<1', '\\g<a b>', '\\q', '\\g<-1>', '\\', '\\g<99>', '\\g', '\\777', '\\x41', '\\u0041']:
    try:
        print(repr(re.sub('(a)', t, 'a')))
    except re.error as e:
        print(repr(t), 'error:', e)
    except IndexError as e:
        print(repr(t), 'IndexError:', e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print('TypeError', e)

# replacement and argument type errors
for args in [('a', b'x', 'a'), (b'a', 'x', b'a'), ('a', 1, 'a'), (b'a', lambda m: 'x', b'a'), ('a', lambda m: b'x', 'a')]:
    try:
        print(re.sub(*args))
    except TypeError as e:
        print('TypeError', e)
for args in [('a', 'a', 'x'), ('a', 'x')]:
    try:
        print(re.split(*args), re.findall(*args[:2]))
    except TypeError as e:
        print('TypeError', e)
print(re.sub('a', '', 'banana'), re.sub(b'(a)', rb'\1\1', b'ba'), re.subn('x', 'y', ''))
print(re.sub('(?P<a>b)', r'\g<a>\g<0>', 'abc'))
m = re.search('(b)', 'abc')
try:
    m.expand(r'\2')
except re.error as e:
    print(e)
print(re.compile('a').sub('b', 'aa', count=0), re.split('a', 'aXa', maxsplit=0))
