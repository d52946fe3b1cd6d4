# int() and float() from text, and int to text.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

for s in [' 12 ', '-  1', '+1', '1_000', '1__0', '_1', '1_', '0x_1f', '0_0', '010', '000', '0b101', '0o17', '0x', 'z', '１２', '١٢٣', '\xa012\u2003', '', '+', '-0', '1e5', '12\x00', '²', '0b_1', 'abc', '9', '7\x1c', '\u30007', 'a' * 300]:
    for base in [0, 10, 16, 36]:
        t(lambda: int(s, base))
t(lambda: int('12', 1))
t(lambda: int('12', 37))
t(lambda: int(b' 12 '))
t(lambda: int(b'x'))
t(lambda: int(bytearray(b'7')))
t(lambda: len(str(int('1' * 4300))))
t(lambda: int('1' * 4301))
t(lambda: int('1_' * 4300 + '1'))
t(lambda: str(10 ** 4300))
t(lambda: len(hex(int('f' * 5000, 16))))
for s in ['1.5', ' 1.5 ', '1_0.5', '1._5', '.5', '5.', '.', 'e5', '1e', 'inf', '-Infinity', '+nAn', 'infinit', '0x10', '１.５', '1e500', '-1e-500', '1,5', '1_000.000_1', '٣', 'a' * 50]:
    t(lambda: float(s))
t(lambda: float(b'2.5'))
t(lambda: float(b'x'))
t(lambda: float(bytearray(b'x')))
