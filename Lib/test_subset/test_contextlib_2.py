import contextlib, io, sys
@contextlib.contextmanager
def cm():
    yield 1
@cm()
def deco():
    print("decorated")
deco()
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
@contextlib.contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)
with contextlib.ExitStack() as s:
    s.callback(print, "a")
    s2 = s.pop_all()
print("after")
s2.close()
try:
    with contextlib.ExitStack() as s:
        s.callback(lambda: 1/0)
        raise KeyError("k")
except ZeroDivisionError as e:
    print("zde", type(e.__context__).__name__)
@contextlib.contextmanager
def stopper():
    yield
try:
    with stopper():
        raise StopIteration("x")
except StopIteration as e:
    print("si", e)
