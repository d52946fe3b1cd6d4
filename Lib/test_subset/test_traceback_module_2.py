# CPython's own traceback module on rpy: caret lines (which need
# ast.parse for the ~~~^^^ anchors), chains, groups, TracebackException,
# FrameSummary positions, walk_tb, extract_tb, format_stack.
import sys
import traceback


def lookup(table):
    return table['outer']['inner'] + 1


def scaled(table):
    return lookup(table) * 2


def run():
    try:
        scaled({'outer': {'inner': 'text'}})
    except TypeError:
        traceback.print_exc(file=sys.stdout)


run()


def ratio(a, b):
    return a / b


try:
    ratio(1, 0)
except ZeroDivisionError as e:
    print(''.join(traceback.format_exception(e)))
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()))
    for fs in te.stack:
        print(fs.name, fs.lineno, fs.line, fs.end_lineno, fs.colno, fs.end_colno)
    print([f.f_code.co_name for f, _ in traceback.walk_tb(e.__traceback__)])
    print(traceback.extract_tb(e.__traceback__).format())
    print(traceback.format_tb(e.__traceback__, limit=1))

try:
    try:
        {}['missing']
    except KeyError as k:
        raise ValueError('wrapped') from k
except ValueError:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc(chain=False))

try:
    raise ExceptionGroup('several', [ValueError(1), TypeError(2)])
except ExceptionGroup:
    traceback.print_exc(file=sys.stdout)


def attr_of_result():
    return (lambda obj: obj.absent)(
        object())


try:
    attr_of_result()
except AttributeError:
    traceback.print_exc(file=sys.stdout)

print(traceback.format_stack()[-1])
items = [1]
try:
    items[1] + items[0]
except IndexError:
    traceback.print_exc(file=sys.stdout)
try:
    compile("y = [", "<src>", "exec")
except SyntaxError:
    traceback.print_exc(file=sys.stdout)
traceback.print_exception(*sys.exc_info(), file=sys.stdout)
print(traceback.format_exception_only(ValueError, ValueError('only')))
