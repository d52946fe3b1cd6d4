# Raising classes vs instances, bad raises, exceptions inside handlers.
try:
    raise ValueError
except ValueError as e:
    print("class raised ->", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)

class NotAnException:
    pass
try:
    try:
        pass
    finally:
        raise NotAnException()
except TypeError as e:
    print("TypeError:", e)

def catch_with_class_tuple(exc):
    handlers = (KeyError, IndexError)
    try:
        raise exc
    except handlers as e:
        return f"tuple handler: {type(e).__name__}"
    except Exception as e:
        return f"generic: {type(e).__name__}"

print(catch_with_class_tuple(IndexError()), catch_with_class_tuple(OSError()))

def nested():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("middle")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  caught", repr(e), "context", repr(e.__context__))
        return "done"
    finally:
        print("  outer finally")

print(nested())

def return_in_finally_swallows():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally return wins"

print(return_in_finally_swallows())

def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return f"loop ended at {i}"

print(break_in_finally())
errors = []
for exc in (ZeroDivisionError, OverflowError, FloatingPointError):
    try:
        raise exc("arith")
    except ArithmeticError as e:
        errors.append(type(e).__name__)
print(errors)
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e deleted after except:", "e" not in dir())
class MyError(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.total = a + b
try:
    raise MyError(2, 3)
except MyError as err:
    print(err, err.args, err.total, repr(err))
