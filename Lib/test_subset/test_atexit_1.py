# atexit: register (args, kwargs, returns the function), unregister,
# _run_exitfuncs (LIFO, errors reported, the list emptied), _clear,
# _ncallbacks; callbacks left registered run at exit, the latest first.
import atexit
import sys

# (CPython may have registered its own callback at start-up.)
atexit._clear()
base = atexit._ncallbacks()

def show(*args, **kwargs):
    print("show", args, kwargs)

print(atexit.register(show, 1, x=2) is show)
atexit.register(show, "second")
print(atexit._ncallbacks() - base)
atexit._run_exitfuncs()
print(atexit._ncallbacks() - base)

class Named:
    def __init__(self, name):
        self.name = name
    def __call__(self):
        print("called", self.name)
    def __repr__(self):
        return f"<Named {self.name}>"
    def __eq__(self, other):
        return isinstance(other, Named) and other.name == self.name
    __hash__ = None

def boom():
    raise ValueError("boom")

class Boom:
    def __call__(self):
        raise KeyError("k")
    def __repr__(self):
        return "<Boom>"

sys.stderr = sys.stdout
atexit.register(Named("a"))
atexit.register(Boom())
atexit.register(Named("b"))
atexit.register(Named("a"))
print(atexit._ncallbacks() - base)
atexit.unregister(Named("a"))
print(atexit._ncallbacks() - base)
atexit.unregister(Named("zzz"))
def f():
    print("f")
atexit.register(f)
atexit.register(f)
atexit.unregister(f)
print(atexit._ncallbacks() - base)
atexit._run_exitfuncs()
sys.stderr = sys.__stderr__

atexit.register(show, "cleared")
atexit._clear()
print(atexit._ncallbacks())

for call in (lambda: atexit.register(1), lambda: atexit.register(), lambda: atexit.unregister(),
             lambda: atexit._clear(1), lambda: atexit._ncallbacks(1), lambda: atexit._run_exitfuncs(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

atexit.register(show, "registered first, runs last")
atexit.register(Named("last registered, runs first"))
atexit.register(print, "print", "with", "args", sep="-")
print("end of the main program")
