import contextlib

@contextlib.contextmanager
def tagged(tag):
    print(f"<{tag}>")
    try:
        yield tag.upper()
    finally:
        print(f"</{tag}>")

with tagged("p") as t, tagged("b"):
    print("content", t)

@contextlib.contextmanager
def catching(kind):
    try:
        yield
    except kind as e:
        print("  contextmanager caught", repr(e))

with catching(KeyError):
    {}["k"]
print("continued after catching")

try:
    with tagged("div"):
        raise ValueError("escapes the context manager")
except ValueError as e:
    print("outside:", e)

with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppress worked")

with contextlib.ExitStack() as stack:
    for name in ("x", "y", "z"):
        stack.enter_context(tagged(name))
    stack.callback(print, "callback registered last, runs first")
    print("inside exit stack")

class Closeable:
    def close(self):
        print("  closed by contextlib.closing")

with contextlib.closing(Closeable()) as c:
    print("using", type(c).__name__)

with contextlib.nullcontext(42) as value:
    print("nullcontext gives", value)
