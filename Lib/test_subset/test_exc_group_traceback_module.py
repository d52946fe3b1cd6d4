# traceback.format_exception / print_exception on exception groups gives
# the text an uncaught group prints (the traceback module's style).
import traceback, sys

def fail(i):
    raise ValueError(i)

def collect():
    errs = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errs.append(e)
    return errs

try:
    raise ExceptionGroup("collected", collect() + [ExceptionGroup("nested", [KeyError("k")])])
except ExceptionGroup as eg:
    caught = eg

print("".join(traceback.format_exception(caught)), end="")
print("=" * 20)
print("".join(traceback.format_exception_only(caught)), end="")
print("=" * 20)
try:
    try:
        raise caught
    except* ValueError:
        raise OSError("replaced")
except ExceptionGroup as e2:
    traceback.print_exception(e2, file=sys.stdout)
print("=" * 20)
note = ExceptionGroup("notes", [SyntaxError("bad", ("f.py", 3, 2, "x y\n", 3, 4)), ValueError("two\nlines")])
note.add_note("a note")
note.__notes__ = None
print("".join(traceback.format_exception(note)), end="")
print("=" * 20)
print("".join(traceback.format_exception(ExceptionGroup("no chain", [ValueError()]), chain=False)), end="")
print("".join(traceback.format_exception(ExceptionGroup("w", [ValueError(i) for i in range(16)]))), end="")
print("=" * 20)

# limit cuts every traceback of the report: members' and chained ones too.
def a():
    b()

def b():
    raise ValueError("deep")

def member():
    try:
        a()
    except ValueError as e:
        return e

def chained():
    try:
        a()
    except ValueError:
        a()

try:
    raise ExceptionGroup("limited", [member()])
except ExceptionGroup as g:
    for n in (1, -1, 0):
        print("".join(traceback.format_exception(g, limit=n)), end="")
try:
    chained()
except ValueError as e:
    for n in (1, -2):
        print("".join(traceback.format_exception(e, limit=n)), end="")
