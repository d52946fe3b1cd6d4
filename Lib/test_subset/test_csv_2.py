# CPython's csv.py on _csv, with io.StringIO: the registered dialects,
# writer/reader round trip, DictWriter/DictReader, dialect classes and
# register_dialect with keywords.
import csv, io
print(csv.list_dialects())
d = csv.get_dialect('excel')
print(d.delimiter, repr(d.lineterminator), d.quoting, d.doublequote, d.quotechar, d.escapechar, d.skipinitialspace, d.strict)
print(csv.get_dialect('excel-tab').delimiter == '\t', csv.get_dialect('unix').lineterminator == '\n', csv.get_dialect('unix').quoting)
f = io.StringIO()
w = csv.writer(f)
w.writerow(['name', 'value', 'note'])
w.writerows([['a', 1, 'plain'], ['b', 2.5, 'has,comma'], ['c', None, 'has "quote"'], ['d', -3, 'multi\nline']])
print(repr(f.getvalue()))
f.seek(0)
for row in csv.reader(f):
    print(row)
f = io.StringIO(newline='')
dw = csv.DictWriter(f, fieldnames=['x', 'y'], extrasaction='ignore')
dw.writeheader()
dw.writerow({'x': 1, 'y': 'two', 'z': 3})
dw.writerows([{'x': 'a'}, {'y': 'b'}])
print(repr(f.getvalue()))
f.seek(0)
for row in csv.DictReader(f):
    print(row)
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'b': 1})
except ValueError as e:
    print(type(e).__name__, e)
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='bad')
except ValueError as e:
    print(type(e).__name__, e)
rows = list(csv.DictReader(io.StringIO('a,b\n1,2,3,4\n5\n'), restkey='rest', restval='RV'))
print(rows)
class MyDialect(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    doublequote = True
    skipinitialspace = True
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('mine', MyDialect)
print(sorted(csv.list_dialects()))
f = io.StringIO()
csv.writer(f, 'mine').writerow(["it's", 'a;b', 'c'])
print(repr(f.getvalue()))
print(list(csv.reader(io.StringIO(f.getvalue()), dialect='mine')))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
f = io.StringIO()
csv.writer(f, 'pipes').writerow([1, 'x'])
print(repr(f.getvalue()))
csv.unregister_dialect('pipes')
try:
    csv.get_dialect('pipes')
except csv.Error as e:
    print(type(e).__name__, e)
class Bad(csv.Dialect):
    delimiter = ';;'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
try:
    Bad()
except csv.Error as e:
    print(type(e).__name__, e)
try:
    csv.Dialect()
except csv.Error as e:
    print(type(e).__name__, e)
r = csv.reader(['a,b', 'c,d'])
print(next(r), r.line_num, r.dialect.delimiter)
w = csv.writer(io.StringIO(), delimiter=':')
print(w.dialect.delimiter)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
