# Built-in types are immutable: every way of changing one is refused.
import sys


def attempt(label, f):
    try:
        f()
        print(label, "changed")
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("int.x", lambda: setattr(int, "x", 1))
attempt("ValueError.x", lambda: setattr(ValueError, "x", 1))
attempt("ValueError.__doc__", lambda: setattr(ValueError, "__doc__", "d"))
attempt("ValueError.__module__", lambda: setattr(ValueError, "__module__", "m"))
attempt("int.__name__", lambda: setattr(int, "__name__", "n"))
attempt("int.__qualname__", lambda: setattr(int, "__qualname__", "n"))
attempt("int.__bases__", lambda: setattr(int, "__bases__", (object,)))
attempt("int.__abstractmethods__", lambda: setattr(int, "__abstractmethods__", frozenset()))
attempt("object.__class__", lambda: setattr(object, "__class__", type))
attempt("del int.__add__", lambda: delattr(int, "__add__"))
attempt("type.__setattr__", lambda: type.__setattr__(int, "x", 1))
attempt("type.__delattr__", lambda: type.__delattr__(int, "__add__"))
attempt("object.__setattr__", lambda: object.__setattr__(int, "x", 1))
attempt("object.__delattr__", lambda: object.__delattr__(int, "__add__"))
attempt("int.__dict__[x]", lambda: int.__dict__.__setitem__("x", 1))
attempt("__doc__ descriptor", lambda: type.__dict__["__doc__"].__set__(int, "x"))
attempt("__name__ descriptor", lambda: type.__dict__["__name__"].__set__(str, "x"))
attempt("version_info.major", lambda: setattr(sys.version_info, "major", 1))
attempt("flags.__class__", lambda: setattr(sys.flags, "__class__", tuple))
attempt("len.__name__", lambda: setattr(len, "__name__", "n"))
attempt("len.x", lambda: setattr(len, "x", 1))
print(int.__add__ is not None, int.__name__, int.__qualname__, ValueError.__module__)
print(hasattr(int, "x"), int.__abstractmethods__ if hasattr(int, "__abstractmethods__") else "none")


# Classes made by Python code stay mutable, through the same paths.
class C:
    pass


type.__setattr__(C, "x", 5)
print(C.x)
type.__delattr__(C, "x")
print(hasattr(C, "x"))
C.__doc__ = "doc"
C.__module__ = "mod"
C.__qualname__ = "Outer.C"
C.__name__ = "D"
print(C.__doc__, C.__module__, C.__qualname__, C.__name__, C)
