def fail_twice():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("second")

try:
    fail_twice()
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        raise TypeError("outer") from inner
except TypeError as e:
    print(repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)

try:
    raise IndexError("no context")
except IndexError as e:
    print(e.__context__, e.__cause__, e.__traceback__ is not None)

err = RuntimeError("manual")
err.__cause__ = ValueError("set by hand")
print(err.__suppress_context__ is False, repr(err.__cause__))

def handled():
    try:
        raise ValueError("a")
    except ValueError:
        pass
    try:
        raise TypeError("b")
    except TypeError as e:
        return e.__context__

print("context after handled block:", handled())

try:
    try:
        raise ValueError(1)
    finally:
        print("finally sees exception in flight")
except ValueError as e:
    print("args:", e.args)

e1 = Exception("x", 2)
print(e1.args, str(e1), repr(e1), str(Exception()), repr(Exception("one")))
e2 = e1.with_traceback(None)
print(e2 is e1)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr("ignored")), repr(WithStr("ignored")))
