def classify(value):
    try:
        result = 10 / value
    except ZeroDivisionError:
        return "zero"
    except TypeError as exc:
        return f"type error: {exc}"
    else:
        return f"ok {result}"
    finally:
        print(f"  finally for {value!r}")

for v in (2, 0, "x"):
    print(classify(v))

def order():
    log = []
    try:
        log.append("try")
        raise KeyError("k")
    except (ValueError, KeyError) as e:
        log.append(f"except {type(e).__name__} {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(order())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides())

def finally_runs_on_break():
    out = []
    for i in range(3):
        try:
            if i == 1:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(finally_runs_on_break())

try:
    try:
        [].pop()
    except IndexError as e:
        print("caught:", e)
        raise
except IndexError as e:
    print("re-raised:", e)

e_saved = None
try:
    {}["missing"]
except LookupError as e:
    e_saved = e
print(type(e_saved).__name__, e_saved.args, repr(e_saved))
try:
    print(e)
except NameError as err:
    print("NameError:", err)

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise AppError(42, "bad thing")
except Exception as e:
    print(type(e).__name__, e.code, str(e), e.args)
print(repr(ValueError()), repr(ValueError("a", 1)), str(ValueError("a", 1)), str(KeyError("k")))
