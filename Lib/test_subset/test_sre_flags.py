# Flags on CPython's re over rpy's _sre: IGNORECASE with Unicode,
# MULTILINE, DOTALL, VERBOSE, ASCII, LOCALE on bytes; reprs of patterns.
import re

def f(pattern, s, flags=0):
    print(repr(pattern), repr(s), re.findall(pattern, s, flags))

f(r'straße', 'STRASSE Straße STRAßE', re.I)
f(r'σ', 'Σσς', re.I)
f(r'[α-ω]+', 'ΑΒΓ δεζ', re.I)
f(r'k', 'K k \u212a', re.I)
f(r'k', 'K k \u212a', re.I | re.A)
f(r'[k]', 'K k \u212a', re.I)
f(r'[a-z]+', 'Hello WORLD', re.I)
f(r'i', 'I i \u0130 \u0131', re.I)
f(r'\w+', 'héllo wörld 42_x')
f(r'\w+', 'héllo wörld 42_x', re.A)
f(r'\d+', '12 \u0663\u0664 x')
f(r'\d+', '12 \u0663\u0664 x', re.A)
f(r'\s+', 'a \u00a0\u2003b\tc')
f(r'\s+', 'a \u00a0\u2003b\tc', re.A)
f(r'\bx\b', 'x éx xé x')
f(r'^\w', 'ab\ncd\nef')
f(r'^\w', 'ab\ncd\nef', re.M)
f(r'\w$', 'ab\ncd\nef\n', re.M)
f(r'\w$', 'ab\ncd\nef\n')
f(r'\w\Z', 'ab\ncd\nef\n')
f(r'\Ac', 'ab\ncd', re.M)
f(r'a.b', 'a\nb axb')
f(r'a.b', 'a\nb axb', re.S)
f(r'''
    (\d+)   # a number
    \s* [+] \s*
    (\d+)   # another
''', '1 + 2, 30+4', re.X)
f(r'a b # c', 'ab a b', re.X)
f(r'[ ]x', ' x', re.X)
f(rb'\w+', b'caf\xe9 ok', re.L)
f(rb'[a-z]+', b'ABC def', re.L | re.I)
f(rb'\w+', b'caf\xe9 ok')
f(rb'(?i)abc', b'ABC aBc')
f(r'(?i:a)b', 'Ab AB ab')
f(r'(?-i:a)b', 'Ab aB ab', re.I)
f(r'(?s:.)(?m:^x)', '\nx\nx')
for p in [re.compile('a'), re.compile('a', re.I | re.M | re.S), re.compile(b'a'),
          re.compile(b'a', re.L), re.compile('a', re.A | re.X), re.compile('x' * 300),
          re.compile("'\"")]:
    print(repr(p), p.flags)
print(re.compile('(?i)x').flags, re.compile(b'(?i)x').flags)
for bad in [('(?L)a', ''), ('(?u)a', b''), ('(?a)(?u)', '')]:
    try:
        re.compile(bad[0] if isinstance(bad[1], str) else bad[0].encode())
    except (ValueError, re.error) as e:
        print(type(e).__name__, e)
