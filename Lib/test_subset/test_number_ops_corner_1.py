# Unary and binary operators, divmod/pow/abs/round/int/float/complex/bool/hash
# over ints, bools, floats (signed zeros, inf, nan), complex and big ints.
vals = ['0', '1', '-3', 'True', 'False', '2.5', '-0.0', '0.0', "float('inf')", "float('nan')", '1j', '(1+2j)', '0j', '7']
big = ['0 ** 10**20', '1 ** 10**20', '(-1) ** (10**20 + 1)', '0 << 10**20', '0 / -(10**20)', 'False / -(10**20)', '10**20 / 3', '2.5 ** -(10**20)', '(-3) ** -2', '1j + 10**400', '10**400 * 1.0']
for e in big:
    try: r = repr(eval(e))
    except Exception as ex: r = f'{type(ex).__name__}: {ex}'
    print(e, '->', r)
bops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=', '@']
uops = ['-', '+', '~', 'not ']
out = []
for a in vals:
    for u in uops:
        e = f"{u}{a}"
        try: r = repr(eval(e))
        except Exception as ex: r = f"{type(ex).__name__}: {ex}"
        print(e, '->', r)
    for b in vals:
        for op in bops:
            e = f"{a} {op} {b}"
            if op in ('**', '<<') and '10**20' in b and a not in ('0','1','True','False','-3','7'): continue
            if op in ('**', '<<') and '10**20' in b and a in ('-3', '7'): continue
            try: r = repr(eval(e))
            except Exception as ex: r = f"{type(ex).__name__}: {ex}"
            print(e, '->', r)
for f in ['divmod', 'pow']:
    for a in vals:
        for b in vals:
            e = f"{f}({a}, {b})"
            if f == 'pow' and '10**20' in b: continue
            try: r = repr(eval(e))
            except Exception as ex: r = f"{type(ex).__name__}: {ex}"
            print(e, '->', r)
for f in ['abs', 'round', 'int', 'float', 'complex', 'bool', 'hash']:
    for a in vals:
        e = f"{f}({a})"
        if f == 'hash' and 'nan' in a: continue
        try: r = repr(eval(e))
        except Exception as ex: r = f"{type(ex).__name__}: {ex}"
        print(e, '->', r)
