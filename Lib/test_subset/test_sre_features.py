# CPython 3.11's re on rpy's _sre: look-around, backreferences, named
# groups, conditionals, atomic groups and possessive repeats.
import re

def show(pattern, s, flags=0, how='search'):
    try:
        m = getattr(re, how)(pattern, s, flags)
    except re.error as e:
        print(pattern, 'error:', e)
        return
    if m is None:
        print(repr(pattern), repr(s), None)
    else:
        print(repr(pattern), repr(s), m.span(), m.groups(), m.lastindex, m.lastgroup)

# look-behind and look-ahead
show(r'(?<=abc)def', 'abcdef')
show(r'(?<!abc)def', 'abcdef xdef')
show(r'(?<=\d{3})x', '12x 123x')
show(r'foo(?=bar)', 'foobaz foobar')
show(r'foo(?!bar)', 'foobar foobaz')
show(r'(?<=(a))b', 'ab')
show(r'(?=(\w+))\w', 'hello')
show(r'\b(?<=\s)\w+', 'one two')
show(r'(?<=^)a', 'a')
show(r'(?<=a|b)c', 'xbc')
print(re.findall(r'(?<=-)\w+', 'a-b-cd-efg'))
# backreferences
show(r'(\w+) \1', 'hello hello world')
show(r'(a)(b)?\2', 'aa')
show(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now')
show(r'(?i)(abc)\1', 'abcABC')
show(r'(a|b)*\1', 'abab')
show(r'(?:(a)|b)\1', 'b')
show(r'(\w)\1+', 'abbbccd')
print(re.sub(r'(\w)\1', r'<\1\1>', 'aabbcd'))
# named groups
m = re.match(r'(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?', '2024-05')
print(m.groupdict(), m.groupdict('-'), m['year'], m.group('month', 1), m.lastgroup)
print(m.start('day'), m.end('year'), m.span('month'), m.expand(r'\g<month>/\g<year>'))
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)
try:
    m.group(7)
except IndexError as e:
    print('IndexError', e)
# conditionals
for s in ['<a>', 'a', '<a', 'a>']:
    show(r'^(<)?a(?(1)>)$', s)
show(r'(?P<x>x)?(?(x)y|z)', 'z')
show(r'(a)?(?(1)b|c)d', 'abd acd cd')
# atomic groups and possessive repeats (new in 3.11)
show(r'(?>a+)b', 'aaab')
show(r'(?>a+)a', 'aaaa')
show(r'a++a', 'aaaa')
show(r'a*+b', 'aaab')
show(r'a?+a', 'a')
show(r'(?:ab)++c', 'ababc')
show(r'(?:ab)*+ab', 'ababab')
show(r'(?>(a)|ab)c', 'abc')
show(r'x{2,3}+x', 'xxxx')
show(r'(?:a|b){1,2}+b', 'abb')
# lazy and greedy repeats with groups
show(r'(a+?)(a*)', 'aaaa')
show(r'(a{2,}?)a', 'aaaaa')
show(r'(?:(a)|(b))+', 'aba')
show(r'(a*)+', 'b')
show(r'(a*)*', 'aa')
show(r'(a|)+b', 'aab')
show(r'(?:a*?)*?b', 'aab')
show(r'(.*?),(.*?),', 'x,y,z,')
show(r'<.*>', '<a><b>', how='match')
show(r'<.*?>', '<a><b>', how='match')
show(r'(ab|a)(bc|c)', 'abc', how='fullmatch')
show(r'a|ab', 'ab', how='fullmatch')
show(r'(a)|b', 'b', how='fullmatch')
