# cmath: every function with special values, branch cuts and errors.
import cmath
import math

INF = float('inf')
NAN = float('nan')
parts = [-INF, -1e308, -2.5, -1.0, -0.0, 0.0, 1e-310, 0.5, 1.0, 2.5, 1e308, INF, NAN, 710.0]


def fmt(x):
    if isinstance(x, complex):
        return '(%r, %r, %s, %s)' % (x.real, x.imag, math.copysign(1, x.real), math.copysign(1, x.imag))
    return repr(x)


names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log',
         'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isnan', 'isinf']
for n in names:
    f = getattr(cmath, n)
    for a in parts:
        for b in parts:
            try:
                r = fmt(f(complex(a, b)))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            print(n, a, b, r)
for a in parts:
    for b in parts:
        try:
            r = fmt(cmath.rect(a, b))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print('rect', a, b, r)
        try:
            r = fmt(cmath.log(complex(a, b), complex(b, a)))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print('log base', a, b, r)
        print('isclose', a, b, cmath.isclose(complex(a, b), complex(b, a)),
              cmath.isclose(complex(a, b), complex(a, b * 1.0000000001)),
              cmath.isclose(a, b, abs_tol=1.0))


def t(s):
    try:
        print(s, '->', repr(eval(s)))
    except Exception as e:
        print(s, '->', type(e).__name__, e)


class C:
    def __complex__(self):
        return 2


class D:
    def __complex__(self):
        return 2 + 1j


class E:
    def __float__(self):
        return 0.25


for s in ['cmath.sqrt("a")', "cmath.sqrt(1)", "cmath.sqrt(True)", "cmath.sqrt(10**400)",
          "cmath.sqrt(None)", "cmath.sqrt(C())", "cmath.sqrt(D())", "cmath.sqrt(E())",
          "cmath.log(8, 2)", "cmath.log(1j, 1j)", "cmath.log(2, 1)", "cmath.log(0)",
          "cmath.log(1, 0)", "cmath.log(0, 2)", "cmath.sqrt()", "cmath.log()", "cmath.log(1, 2, 3)",
          "cmath.log(x=1)", "cmath.isclose(1)", "cmath.isclose(1, 2, 3)",
          "cmath.isclose(1, 2, rel_tol=-1)", "cmath.isclose(1, 2, foo=1)", "cmath.rect(1, 'a')",
          "cmath.rect(1j, 1)", "cmath.rect(1)", "cmath.phase(-1)", "cmath.phase(complex(-1, -0.0))",
          "cmath.polar(1j)", "cmath.polar(complex(1e308, 1e308))", "cmath.exp(1000)",
          "cmath.exp(complex(0, float('inf')))", "cmath.cosh(1000)", "cmath.sqrt(-1)",
          "cmath.sqrt(1, 2)", "cmath.acos(2)", "cmath.atanh(1)", "cmath.atanh(-1)",
          "cmath.sin.__name__", "cmath.__name__",
          "sorted(n for n in dir(cmath) if not n.startswith('_'))",
          "(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)",
          "cmath.rect(2, cmath.pi / 3)", "cmath.exp(1j * cmath.pi)"]:
    t(s)
