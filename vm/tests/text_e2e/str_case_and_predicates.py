# str case mappings and character-class predicates.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

samples = ['', 'abc', 'ABC', 'Hello World', 'hello world', 'hELLO', 'ΑΣ ΣΑ aΣ. Σ', 'ǆa ǅB ǈ', 'ß ﬁ İ ŉ', 'they\'re bill\'s', '_id1', '1abc', '١٢٣', '²³', '一二三', '½', ' \t\n', '\u2028', 'a\u0301', 'Ⅻ', 'ꭰ Ꭰ', 'ı', 'a b', 'A1 B2']
for s in samples:
    t(lambda: (s.upper(), s.lower(), s.casefold(), s.swapcase(), s.title(), s.capitalize()))
    t(lambda: (s.isspace(), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric()))
    t(lambda: (s.isupper(), s.islower(), s.istitle(), s.isprintable(), s.isidentifier(), s.isascii()))
    t(lambda: (repr(s), ascii(s)))
t(lambda: str.upper(1))
t(lambda: 'a'.isdigit(1))
t(lambda: repr('\x00\x7f\x80\xa0\xad\u0300\uffff\U0010ffff\ue000\\\'"'))
t(lambda: ascii('é😀\n'))
