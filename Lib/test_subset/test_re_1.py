# re: search/match/fullmatch, groups, Match and Pattern attributes.
import re

m = re.search(r'(\w+)@(\w+)\.com', 'mail: joe@example.com!')
print(m)
print(m.group(), m.group(1), m.group(2), m.group(0, 1, 2))
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2))
print(m[0], m[1], m.string, m.pos, m.endpos, m.re.pattern)
print(m.lastindex, m.lastgroup, m.regs)

print(re.match('a', 'ba'), re.match('b', 'ba'))
print(re.fullmatch('a|ab', 'ab'), re.fullmatch('a', 'ab'))
print(re.search('x', 'abc'))

p = re.compile(r'(?P<first>\w+) (?P<last>\w+)(?P<rest>!)?')
m = p.match('Jane Doe')
print(m.groupdict(), m.groupdict('-'), m.groups(), m.groups(0))
print(m['first'], m.group('last'), m.span('last'), m.lastindex, m.lastgroup)
print(p.groups, p.groupindex, p.pattern, p.flags)
print(m.start('rest'), m.end('rest'), m.span('rest'), m.group('rest'))
for bad in [5, 'nope', -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)

# pos / endpos
p = re.compile('o')
print(p.search('foo boo', 3), p.search('foo boo', 3, 5), p.search('foo', 5))
print(p.match('foo', 1), p.match('foo', 0), p.fullmatch('xox', 1, 2))
print(re.compile('^b').search('ab', 1), re.compile('^b', re.M).search('a\nb', 1))
print(re.compile('a$').search('ba', 0, 2), re.compile('b$').search('abc', 0, 2))
m = re.compile('b').search('abcb', -5, 100)
print(m.pos, m.endpos, m)

# Unicode positions are code points
m = re.search('é(.)', 'xxéyz')
print(m.span(), m.group(1), m.span(1))
m = re.search(r'(\w+)\s(\w+)', '日本語 テキスト')
print(m.groups(), m.span(2), m.regs)
print([x.span() for x in re.finditer('ü', 'aüüaü')])

# lastindex
print(re.match('((a))', 'a').lastindex, re.match('(a)(b*)', 'a').lastindex)
print(re.match('(a)|(b)', 'b').lastindex, re.match('a', 'a').lastindex)
print(re.match('(?P<x>a)(?P<y>b)?', 'a').lastgroup)

# $ and newlines
print(re.match(r'^\w+$', 'hello\n'), re.match(r'^\w+$', 'hello\nx'))
print(re.findall('$', 'a\nb\n'), re.findall('(?m)$', 'a\nb\n'))
print(re.search(r'(\w+)$', 'ab cd\n').group(1), re.fullmatch(r'\w+$', 'ab'))
print(re.findall('(?m)^\\w', 'a\nb\n'), re.findall(r'\Aa|b\Z', 'ab'))

# dot and DOTALL
print(re.findall('a.c', 'abc a\nc'), re.findall('a.c', 'abc a\nc', re.S))
print(re.findall('(?s)a.c', 'a\nc'), re.findall('(?s:a.)c', 'a\nc'))

# repeats
print(re.findall('ab{2}', 'abbabbb'), re.findall('ab{1,2}?', 'abbb'), re.findall('x{,2}', 'xxx'))
print(re.fullmatch('a{,}', 'aaa'), re.fullmatch('a{}', 'a{}'), re.fullmatch('a{ 1}', 'a{ 1}'))
print(re.findall('a*?b', 'aab'), re.findall('a+', 'caaab'), re.findall('colou?r', 'color colour'))

# classes
print(re.findall('[a-c]+', 'abcdcba'), re.findall('[^a-c]+', 'abcdxcba'))
print(re.findall('[]a]', 'a]b'), re.findall('[^]a]', 'a]b'), re.findall('[a-]', 'a-b'))
print(re.findall(r'[\d.]+', 'v1.25 and 3'), re.findall(r'[\s,]+', 'a, b ,c'))
print(re.findall(r'[\[]', 'a[b'), re.findall('[a&]', 'a&b'), re.findall('[~-]', 'a~-'))
print(re.findall(r'[\w-]+', 'foo-bar baz'), re.findall(r'[\]\\]', 'a]\\'))

# escapes
print(re.findall(r'\x41\u00e9\t', 'A\xe9\t'), re.findall(r'\N{EM DASH}', 'a\u2014b'))
print(re.findall(r'\d+', 'a١٢3'), re.findall(r'\d+', 'a١٢3', re.A))
print(re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo', re.ASCII))
print(re.findall(r'\s+', 'a \t\x1cb'), re.findall(r'\S+', 'a \t\x1cb'))
print(re.findall(r'\bfoo\b', 'foo foobar (foo)'), re.findall(r'\Bo\B', 'foo'))
print(re.findall(r'\0\101\.', '\0A.'), re.findall('\\$\\^', '$^'))

# keyword arguments, copies, misc
p = re.compile('(a)(b)?')
m = p.search('xab')
print(p.__copy__() is p, m.__deepcopy__({}) is m, bool(m), m.group(True), m.start(False))
print(p.search(string='ab', pos=0), p.match('ab', endpos=1))
print(re.sub('a', 'b', 'aaa', 1), re.sub(pattern='a', repl='b', string='aa'))
print(re.findall(r'(?:a)(b)', 'abab'), re.fullmatch(r'\d+', '123', flags=re.A))
m = re.match(r'(?P<word>\w+)', 'hello')
print(m.expand(r'<\g<word>>'), m.lastgroup, m.re is re.compile(r'(?P<word>\w+)'))
print(repr(re.compile("it's")), repr(re.match('a', 'a\'b"')), re.match('.*', 'y' * 80))
print(re.split(r'\b', 'ab cd'), re.sub(r'\b', '|', 'ab cd'))
print(re.findall(r'[^\W\d_]+', 'ab1_cd'), re.findall(r'[\S]+', 'a b'))
