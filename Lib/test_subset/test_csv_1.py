# _csv directly: writer quoting/escaping/line terminators, reader states
# (quotes, escapes, strict, newlines, QUOTE_NONNUMERIC, field limit),
# Dialect validation, with CPython's messages.
import _csv, io
def w(row, **kw):
    f = io.StringIO()
    try:
        r = _csv.writer(f, **kw).writerow(row)
        print(repr(f.getvalue()), r)
    except Exception as e:
        print(type(e).__name__, e)
w(['a\rb', 'c\nd', ' e'], lineterminator='\n')
w(['a b'], skipinitialspace=True)
w([' a'], skipinitialspace=True)
w([1, 1.5, True, None, 'x', 2**70, 1j], quoting=_csv.QUOTE_NONNUMERIC)
w(['a"b', 'a\\b'], escapechar='\\')
w(['a"b'], doublequote=False)
w(['a"b'], doublequote=False, escapechar='\\')
w(['a,b', 'q"'], quoting=_csv.QUOTE_NONE, escapechar='\\')
w(['', ''])
w([''])
w([None])
w([], quoting=_csv.QUOTE_ALL)
w(['x'], lineterminator='ab')
w(['xay'], lineterminator='ab')
w(iter(['g1', 'g2']))
w('abc')
for kw in [dict(quoting=True), dict(quoting=1.0), dict(delimiter='\n'), dict(escapechar='\n')]:
    try:
        _csv.Dialect(**kw); print('ok', kw)
    except Exception as e:
        print(type(e).__name__, e)
def r(lines, **kw):
    try:
        rd = _csv.reader(lines, **kw)
        out = list(rd)
        print(out, rd.line_num)
    except Exception as e:
        print(type(e).__name__, e)
r(['a,\x00b'])
r(['a,"b'], strict=True)
r(['a,"b'])
r(['"a"b,c'], strict=True)
r(['"a"b,c'])
r(['a\rb'])
r(['a\nb'])
r(['a\r\n', 'b\n'])
r(['1,"2",x'], quoting=_csv.QUOTE_NONNUMERIC)
r(['1, 2,"3"'], quoting=_csv.QUOTE_NONNUMERIC, skipinitialspace=True)
r(['', 'a', ''])
r(['"multi\n', 'line",x\n', 'y\n'])
r(['a\\,b,c\\\n', 'd'], escapechar='\\')
r(['"a\\"b",c'], escapechar='\\', doublequote=False)
r(['a;b;;c'], delimiter=';')
r(['a,b'], quoting=_csv.QUOTE_NONE, quotechar=None)
r(['"a,b"'], quoting=_csv.QUOTE_NONE)
r(['x' * 20])
_csv.field_size_limit(10)
r(['x' * 20])
r(['"' + 'x' * 20])
print(_csv.field_size_limit(131072))
r([1])
r(['a', 'b,c'], dialect=_csv.Dialect(delimiter='b'))
r(["a b"], dialect="excel")
def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
D = _csv.Dialect
for expr in ['D(delimiter="ab")', 'D(delimiter="")', 'D(delimiter=None)', 'D(delimiter=1)',
             'D(quotechar="ab")', 'D(quotechar=None).quoting', 'D(quotechar=None, quoting=0)',
             'D(quotechar=None, quoting=3).quotechar', 'D(quotechar=1)', 'D(escapechar="ab")',
             'D(escapechar=1)', 'D(escapechar=None).escapechar', 'D(lineterminator=1)',
             'D(lineterminator=None)', 'D(quoting=7)', 'D(quoting="x")', 'D(quoting=None)',
             'D(doublequote=[]).doublequote', 'D(strict=1).strict', 'D(foo=1)', 'D("nope")',
             'D(1).delimiter', 'D().lineterminator', 'D(D(delimiter=";")).delimiter',
             'D(delimiter=b",")', 'D(lineterminator="").lineterminator',
             'D(delimiter=",", quotechar=",").quotechar', 'type(D()).__name__',
             '_csv.writer(1)', '_csv.writer(io.StringIO()).writerow(1)',
             '_csv.field_size_limit()', '_csv.field_size_limit("x")', '_csv.field_size_limit(1, 2)',
             '_csv.list_dialects()', '_csv.get_dialect("x")', '_csv.unregister_dialect("x")',
             '_csv.register_dialect(1)', '_csv.register_dialect("x", 1)', '_csv.list_dialects()',
             '_csv.get_dialect("x").delimiter', '_csv.QUOTE_NONE', '_csv.Reader', '_csv.Writer',
             '_csv.Error.__mro__', '_csv.reader([]).dialect.delimiter', 'list(_csv.reader(1))',
             'list(_csv.reader(["a"], foo=1))', '_csv.__version__']:
    show(expr)
r(['a\r', '\nb'])
r(['"a\r\n', 'b"'])
r(['a,"b"c"d",e'])
r(['  a,  "b"'], skipinitialspace=True)
r(['a\\\r\n', 'b'], escapechar='\\')
r(['"a'], strict=False)
r(['a,b\\'], escapechar='\\')
w(['a\r\nb'])
w(['x', 'y'], delimiter='\t', quoting=_csv.QUOTE_ALL, lineterminator='\n')
