# format() / __format__ of int, float, str, bool and objects.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

class MyInt(int):
    pass

class MyFloat(float):
    def __str__(self):
        return 'myfloat'

class Obj:
    pass

for v in [0, 1, -1, 255, 1234567, -1234567, 10**30, True, MyInt(7)]:
    for spec in ['', 'd', 'x', '#X', '#o', '#b', '+', ' 5', '<6', '^7', '*>8', '=+9', '08', ',', '_', '_x', '#012_x', '013,', 'c', 'n', 'e', '.2f', '%', 'g', 'k', ',x', '.2', 'z', '+c', '#c']:
        t(lambda: format(v, spec))
for v in [0.0, -0.0, 1.5, -2.675, 1e16, 1.5e-5, 123456.789, float('inf'), float('-nan'), 1e300, MyFloat(2.5)]:
    for spec in ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.3', '.17', '#', '#.0f', 'z.1f', '+.2e', ' 10.3', '<10', '^12.2f', '010,.2f', '_', ',.3%', 'd', 'x', '.2k']:
        t(lambda: format(v, spec))
for v in ['', 'a', 'héllo', '😀']:
    for spec in ['', 's', '5', '<5', '>5', '^6', '*^7', '.2', '>10.2', '05', '=', '+', ' ', '#', ',', 'z', 'd', 'ss']:
        t(lambda: format(v, spec))
ob = Obj()
t(lambda: format(ob, '') == str(ob))
t(lambda: format(Obj(), 'x'))
t(lambda: format(1, 2))
t(lambda: (f'{3.5:>8.2f}|{"x"!r:^7}|{255:#x}|{1234:,}|{-0.0:z}'))
w, p = 10, 3
t(lambda: f'{3.14159:{w}.{p}f}|')
t(lambda: (bin(10), oct(-8), hex(255), bin(-0), hex(10**20)))
t(lambda: (round(2.675, 2), round(0.125, 2), round(15.0, -1), round(-0.4, -1), round(1e300, 400)))
t(lambda: round(1.7e308, -308))
t(lambda: (repr(1e16), repr(1.5e-5), repr(0.0001), repr(-0.0), str(1e300), repr(0.1 + 0.2)))
t(lambda: (1.5.hex(), (5e-324).hex(), float.fromhex('0x1.8p0'), float.fromhex('-0x1p-1074')))
t(lambda: float.fromhex('0x1p1024'))
t(lambda: float.fromhex('zz'))
