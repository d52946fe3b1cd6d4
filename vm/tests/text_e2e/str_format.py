# str.format and str.format_map.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

class O:
    def __getattr__(self, n):
        return 'attr:' + n
    def __getitem__(self, k):
        return 'item:' + repr(k)
    def __format__(self, spec):
        return 'fmt:' + spec
    def __repr__(self):
        return 'O()'
    def __str__(self):
        return 'str-O'

o = O()
templates = ['{}', '{0}', '{} {}', '{0} {}', '{} {0}', '{', '}', 'a}b', 'a{b', '{{}}', '{{', '}}', '{0', '{0!r}', '{0!}', '{0!x}', '{0!rr}', '{0!r:>5}', '{0!r', '{0:', '{0:{1}}', '{0:{}}', '{:{}}', '{0:{1:{2}}}', '{0.x}', '{0.}', '{0..x}', '{0[0]}', '{0[}', '{0[0]x}', '{a}', '{a.x}', '{ a}', '{-1}', '{1}', '{3}', '{00}', '{0x}', '{0[a]}', '{0[-1]}', '{!r}', '{:}', '{0:}}', '{[0]}', '{.x}', '{0:}}}', '{99999999999999999999}', '{0]}', '{0[}]}', '{0[:]}', '{0[]]}', '{0[x y]}', '{0[]}', '{1:{0[a]}}', '{1:{{}}}', '{1!r:{2}}', '{2:{1!r}}', '{0!s}', '{0!a}', '{1!:x}', '{0.a.}', '{0[a]b.}', '{\u0661}', '{!}', '{1:{2}}}', 'x{1}y{2}z', '{}{}{}{}{}', '{0!', '{a{b}', '{0!\xe9}', '{b}', '{b:>4}', '{0:{b}}', '', 'é{0}😀{{x}}', '{1:😀^5}']
for tpl in templates:
    t(lambda: tpl.format(o, 'S', o, a=o, b='B'))
    t(lambda: tpl.format_map({'a': o, 'b': 'B'}))
t(lambda: '{a}'.format_map(1))
t(lambda: '{a}'.format_map({}))
t(lambda: '{0:>{1}} {name}'.format('x', 4, name='n'))
t(lambda: '{0[1]} {0[x]}'.format({1: 'one', 'x': 'ex'}))
t(lambda: '{.real} {.imag}'.format(3, 4j))
