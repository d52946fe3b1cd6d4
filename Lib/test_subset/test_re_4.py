# re: compile errors (re.error messages, positions, line/column), flag
# conflicts, subject type errors, Pattern/Match misuse.
import re

cases = ['(', '(?P<a', '(?P<>x)', '(?P<a-b>x)', '[a', 'a{2,1}', 'a**', '*',
         '\\q', '\\', '(?z)', '\\x4', '\\N{foo}', '[b-a]', '[\\d-z]', '(?i',
         'a(?i)', '\\8', '(a)\\2', '(a\\1)', ')', '\\777', '[\\8]', '\\u12',
         '(?P=a)', '(?P<a>x)(?P<a>y)', '^*', '\\b*', '(?', '(?<x', '(?P',
         '(?Px)', '(?#abc', '(?-)', '(?i-i:a)', '(?L)', 'a|*', '(?:',
         'a{3}{2}', '\\N', '\\N{', '\\N{LATIN', '\\U00110000', 'a\n(',
         'ab\ncd[', 'a)b', '[]', '[^]', '(?P<1a>x)', '(?i:a)(?i)', '+a',
         'x{2}*', '[a-\\w]', '\\400', '(?a)(?u)x', '\\x', '[\\x4]', '\\u',
         '(?\\b)', '(?<\\b)', '(?P\\b)', '(?\\', '(?<\\', '(?(1)a|b)', '(?(x)a)',
         '(?(0)a)', '(?(1a)b)', '(?(1', '(?P<', '(?P=']
for c in cases:
    try:
        r = re.compile(c)
        print(repr(c), 'compiled', r.groups)
    except re.error as e:
        print(repr(c), 'error:', e)
        print('   ', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == c)
    except ValueError as e:
        print(repr(c), 'ValueError:', e)

for c in [b'(?u)', b'\\u1234', b'[', b'\\N{DASH}']:
    try:
        re.compile(c)
    except re.error as e:
        print(c, 'error:', e, e.pos)

for args in [('a', 1), ('a', b'a'), (b'a', 'a'), ('a', None), (b'a', ['a'])]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
for f, c in [(re.A | re.U, 'a'), (re.U, b'a'), (re.L, 'a'), (re.A | re.L, b'a')]:
    try:
        re.compile(c, f)
    except ValueError as e:
        print('ValueError', e)
try:
    re.compile(5)
except TypeError as e:
    print('TypeError', e)
for bad in [(re.Pattern, ()), (re.Match, ())]:
    try:
        bad[0](*bad[1])
    except TypeError as e:
        print('TypeError', e)

e = re.error('boom')
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, isinstance(e, Exception))
e = re.error('bad', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
e = re.error('bad', b'ab\ncd', 1)
print(e, e.lineno, e.colno)
print(re.error.__name__, re.error.__module__, issubclass(re.error, Exception))
print(type(re.compile('a')).__name__, type(re.match('a', 'a')).__name__)
print(isinstance(re.compile('a'), re.Pattern), isinstance(re.match('a', 'a'), re.Match))
try:
    raise re.error('unterminated', 'x[', 1)
except re.error as e:
    print('caught', e)
print(re.compile('a').search('a', 2), re.compile('a').search('aa', 1, 0))

# repeat counts and nesting beyond the limits
for p in ['x{4294967296}', 'x{1,4294967295}', 'x{99999999999999999999}']:
    try:
        re.compile(p)
    except OverflowError as e:
        print('OverflowError', e)
try:
    re.compile('(' * 1000 + ')' * 1000)
except RecursionError:
    print('RecursionError')
print(re.compile('(' * 100 + 'a' + ')' * 100).match('a').lastindex)
