# complex: construction, parsing, arithmetic, powers, division, abs,
# comparisons, hashing, repr and format specs, as CPython 3.11.
def t(s):
    try:
        print(s, '->', repr(eval(s)))
    except Exception as e:
        print(s, '->', type(e).__name__, e)
for s in ['1__0j','1_0j','_1j','(1+2j','( 1+2j )',' 1+2j ','1+2j\x00','1e5j','1e','infj','-infinityj','nanJ','+j','-j','j','1+j','1-j','1 + 2j','','  ','()','(j)','1.5e+3-2.5E-1j','1+2','1j+2','٣j','1+2jj','0x1j', '\u20021j\u2002', 'NaN-NaNj', '1_000.5_5j', '1._5j', '1e_5j', '-1e500j', '.5j', '5.j', '1e+j', '+inf-infj']:
    t(f"complex({s!r})")
for a in ["'1',2","1,'2'","None","b'1'","[]","1j,1j","complex(1,2)","1.5","2,3.5","True","10**400", "real=1, imag=2, x=3", "imag=2", "real=3", "1, imag=2", "x=1"]:
    t(f"complex({a})")
for e in ["(2j)**2", "(1+1j)**3", "(1+2j)**-2", "(1+2j)**0", "0j**0", "0j**-1", "0j**1j", "0j**2", "(1+1j)**0.5", "(1+1j)**(1+1j)", "2**(1+1j)", "(1e200+1e200j)**2", "(1+1j)**101", "(1.0000001+0j)**100", "(1+1j)**100", "pow(1j, 2, 3)", "(1+2j)/0", "(1+2j)/0j", "(1+2j)/(3-4j)", "1/(1e-320+1e-320j)", "(1+2j)//2", "(1+2j)%2", "divmod(1j, 2)",
          "abs(3+4j)", "abs(complex(1e308,1e308))", "abs(complex(float('inf'), float('nan')))", "abs(complex(float('nan'), 1))", "+(1+2j)", "-(1+2j)", "~(1+2j)", "(1+2j).conjugate()", "(1+2j).real", "(1+2j).imag",
          "1j < 2j", "1j == 1j", "1j != 1j", "(1+0j) == 1", "(1+0j) == 1.0", "complex(2.0**53) == 2**53+1", "complex(1e308) == 10**400", "1j > 1", "1j == 'a'", "1 + 1j", "1.5 - 2j", "True * 1j", "1j + 10**400", "1j + 'a'",
          "hash(1+2j)", "hash(complex(1.5, -2.5))", "hash(1j) == hash(complex(0,1))", "hash(complex(3, 0)) == hash(3)", "hash(complex(-1, 0))",
          "repr(complex(1, -float('nan')))", "repr(complex(-float('nan'), 1))", "repr(complex(-0.0, -0.0))", "repr(complex(0.0, -0.0))", "repr(complex(-0.0, 0.0))", "repr(1e16j)", "repr(complex(1e-5, 1e22))", "str(1+2j)", "repr(complex(float('inf'), -float('inf')))",
          "format(1+2j, '.3f')", "format(1+2j, '>20')", "format(1+2j, 'g')", "format(1+2j, '')", "format(1j, '')", "format(1+2j, '=20')", "format(1+2j, '020')", "format(1+2j, '%')", "format(1+2j, 'd')", "format(1+2j, '+')", "format(1j, '+')", "format(1j, ' ')", "format(-1j, '')", "format(1.5+2.25j, '^30.2e')", "format(1234567.5+1j, ',')", "format(1234567.5-1234567.5j, '_.2f')", "format(1+2j, '*<15')", "format(1+2j, '.2')", "format(1j, '.2')", "format(complex(-0.0, -0.0), 'z.1f')", "format(complex(float('nan'), float('inf')), 'F')", "format(1+2j, 'n')", "format(1+2j, '#g')", "format(1+2j, 'x<010')", "format(1+2j, '0<10')", "format(1+2j, 'E')", "f'{1+2j:10}'", "format(1e300+1e300j, '.1')",
          "int(1j)", "float(1j)", "round(1j)", "math.floor(1j)" if False else "1", "complex.__complex__(1j)", "(1j).__getnewargs__()", "type(complex.__pos__(1j))", "bool(0j)", "bool(1e-300j)",
          "~2.0", "~True", "+True", "-True", "~1.5", "-0.0", "+(-0.0)", "2.0 ** 0.5", "(-8) ** (1/3)", "(-2.0) ** 0.5", "0.0 ** -1", "True / 2", "True // 0", "1 / False", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "2.0 << 1", "2.0 & 1", "True & 1.0", "1.5 | 2", "2 ** -1", "(-2) ** 0.5", "0 ** -1", "10 ** 400 * 1.0", "1e308 * 10", "2.0 ** 10000", "(-2.0) ** 10001", "float('inf') ** 2", "1.0 ** float('nan')", "(-1.0) ** float('inf')", "(-2.0) ** float('nan')", "0.0 ** float('-inf')", "pow(2.0, 3, 4)", "True ** -1", "-True ** 2"]:
    t(e)
class C:
    def __complex__(self): return 3
t("complex(C())")
class D:
    def __float__(self): return 2.5
t("complex(D())"); t("complex(D(), D())")
class E:
    def __index__(self): return 7
t("complex(E())")
class F(complex): pass
t("(type(F(1,2)), F(1,2), type(+F(1,2)), type(-F(1,2)), type(F(1)+1), type(F(1).conjugate()), type(complex(F(1))))")
class H:
    def __complex__(self): return 1j
    def __float__(self): return 2.0
t("complex(H(), H())")
t("complex(1j, 1j)")
t("complex(complex(1, 2), 3)")
t("complex(1, complex(2, 3))")
