# Lone surrogates in str: literals, chr/ord, len, indexing, slicing,
# equality, hashing, ordering, concatenation, join, repr, formatting and
# the per-code-point methods.

s = '\ud800'
print(len(s), repr(s), ord(s), ascii(s), s == chr(0xd800))
print(repr('\U0000dfff'), repr('a\udc80b'), repr('\\ud800'), repr(r'\ud800'))
t = chr(0xdc80) + 'abc' + '\udfff'
print(repr(t), len(t), t[0] == '\udc80', t[1:3], repr(t[-1]), repr(t[::-1]), repr(t[::2]))
print(hash(t) == hash('\udc80abc\udfff'), {t: 1}['\udc80abc\udfff'], t != '\udc80abc\udffe')
print('\ud800' < '\ue000', '\ud800' > '\ud7ff', '\ud800' > 'z', '\udfff' < '\U00010000')
print([ascii(x) for x in sorted(['\ue000', '\ud800', 'a', '\U0001f600', '\udc00'])])
print(repr('-'.join(['\ud800', 'b', '\udc00'])), repr(s * 3), repr(s + s))
print(repr(f'{s}|{s!r}|{t!a}'), repr('%s %r' % (s, s)), repr('{}{!r}'.format(s, s)))
print(repr(format(s, '>3')), repr(f'{s:*^5}'), repr('%c' % 0xdbff))
print('\ud800' in 'ab\ud800', 'ab\ud800c'.find('\ud800'), 'ab\ud800c'.index('c'))
print(repr('a\ud800b'.split('\ud800')), repr('a\ud800'.replace('\ud800', 'X')))
print(repr('x\ud800y'.partition('\ud800')), 'a\ud800a'.count('a'), repr('\ud800 '.strip()))
print(s.isprintable(), s.isalpha(), s.isspace(), s.isidentifier(), s.isdecimal())
print(repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()))
print([hex(ord(c)) for c in 'a\ud800\U0001f600'], list(map(ord, iter('\udc00z'))))
print(repr(str(s)), repr(s.translate({0xd800: 'S'})), repr('abc'.translate({ord('b'): 0xdc00})))
print(repr(str.maketrans('\ud800', '\udc00')))
for bad in [0x110000, -1]:
    try:
        chr(bad)
    except ValueError as e:
        print('ValueError', e)
