# BaseExceptionGroup / ExceptionGroup: constructor rules, attributes, str
# and repr, the automatic choice of ExceptionGroup, subclassing.

def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(type(r).__name__, repr(r))

show(lambda: BaseExceptionGroup("m", [ValueError(1), TypeError(2)]))
show(lambda: BaseExceptionGroup("m", [ValueError(1), KeyboardInterrupt()]))
show(lambda: BaseExceptionGroup("m", (SystemExit(3),)))
show(lambda: ExceptionGroup("m", [ValueError(1)]))
show(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show(lambda: ExceptionGroup("m", [ValueError(), ExceptionGroup("inner", [TypeError()])]))
show(lambda: BaseExceptionGroup("m", 1))
show(lambda: BaseExceptionGroup("m", []))
show(lambda: BaseExceptionGroup("m", {}))
show(lambda: BaseExceptionGroup("m", [ValueError(), 1]))
show(lambda: BaseExceptionGroup("m", [ValueError]))
show(lambda: BaseExceptionGroup(1, [ValueError()]))
show(lambda: BaseExceptionGroup("m"))
show(lambda: BaseExceptionGroup())
show(lambda: BaseExceptionGroup("m", [ValueError()], 3))
show(lambda: BaseExceptionGroup("m", [ValueError()], x=1))
show(lambda: ExceptionGroup("m", range(3)))
show(lambda: ExceptionGroup("m", "ab"))

eg = ExceptionGroup("several", [ValueError("a"), TypeError("b"), KeyError("c")])
print(eg.message, eg.exceptions, eg.args)
print(str(eg), "|", str(ExceptionGroup("one", [ValueError()])))
print(repr(ExceptionGroup("t", (ValueError(1),))))
print(type(eg.exceptions).__name__, len(eg.exceptions))
for attr in ("message", "exceptions"):
    try:
        setattr(eg, attr, 1)
    except AttributeError:
        print("cannot set", attr)

# The exceptions are copied into a tuple: changing the list later does nothing.
items = [ValueError(1)]
g = ExceptionGroup("copy", items)
items.append(TypeError(2))
print(g.exceptions, g.args[1])

# __init__ may change args, never message or exceptions.
g.__init__("other", [], 3)
print(g.args, g.message, g.exceptions)

# The hierarchy.
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(ExceptionGroup.__module__, BaseExceptionGroup.__name__)

# BaseException repr keeps nested tuples whole.
print(repr(ValueError(1, (2,))), repr(ValueError((1, 2))), repr(ValueError()))

# Subclasses.
class MyGroup(ExceptionGroup):
    pass

print(repr(MyGroup("mine", [ValueError()])), type(MyGroup("x", [ValueError()])).__name__)
show(lambda: MyGroup("mine", [KeyboardInterrupt()]))

class MyBaseGroup(BaseExceptionGroup):
    pass

print(type(MyBaseGroup("b", [ValueError()])).__name__)
print(type(MyBaseGroup("b", [KeyboardInterrupt()])).__name__)

class Both(ExceptionGroup, ValueError):
    pass

print([c.__name__ for c in Both.__mro__])
print(isinstance(Both("x", [TypeError()]), ValueError))

class WithNew(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def __init__(self, message, excs, code):
        super().__init__(message, excs)
        self.extra = code * 2

w = WithNew("coded", [ValueError()], 21)
print(w.code, w.extra, w.message, w.args)

class Derived(ExceptionGroup):
    def derive(self, excs):
        return Derived(self.message + "!", excs)

d = Derived("d", [ValueError(1), TypeError(2)])
print(repr(d.derive([KeyError()])))
print(repr(ExceptionGroup("plain", [ValueError()]).derive([TypeError()])))
print(repr(ExceptionGroup("plain", [ValueError()]).derive([KeyboardInterrupt()])))
