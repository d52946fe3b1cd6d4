names = [
    "ZeroDivisionError", "OverflowError", "KeyError", "IndexError", "ModuleNotFoundError",
    "FileNotFoundError", "UnicodeDecodeError", "RecursionError", "NotImplementedError",
    "StopIteration", "KeyboardInterrupt", "SystemExit", "GeneratorExit", "TimeoutError",
    "UnboundLocalError", "IndentationError", "TabError", "BrokenPipeError", "AssertionError",
]
import builtins
for name in names:
    cls = getattr(builtins, name)
    chain = [c.__name__ for c in cls.__mro__]
    print(f"{name}: {' -> '.join(chain)}")

print(issubclass(KeyError, LookupError), issubclass(LookupError, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(TimeoutError, OSError), IOError is OSError, EnvironmentError is OSError)

def catch(exc, *handlers):
    for handler in handlers:
        try:
            raise exc
        except handler:
            return handler.__name__
        except BaseException:
            continue
    return "nothing"

print(catch(KeyError("k"), IndexError, LookupError))
print(catch(ZeroDivisionError(), ValueError, ArithmeticError))
print(catch(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), UnicodeError))
print(catch(FileNotFoundError(2, "gone"), OSError))
print(catch(KeyboardInterrupt(), Exception, BaseException))
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(StopIteration(5)), StopIteration(5).value, SystemExit(3).code)
print(len(BaseException.__subclasses__()) > 3)
