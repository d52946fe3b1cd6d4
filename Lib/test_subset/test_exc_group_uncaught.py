# An uncaught exception group: nested groups, tracebacks of the members,
# notes, and a member with its own context chain.
def check(item):
    if item < 0:
        raise ValueError(f"negative: {item}")
    if item == 0:
        raise ZeroDivisionError("zero")
    return 10 // item

def check_all(items):
    errors = []
    for item in items:
        try:
            check(item)
        except Exception as e:
            e.add_note(f"while checking {item!r}")
            errors.append(e)
    try:
        int("x")
    except ValueError:
        try:
            raise KeyError("during handling")
        except KeyError as e:
            errors.append(e)
    return errors

def validate():
    errors = check_all([3, -1, 0])
    inner = ExceptionGroup("inner problems", errors[:2])
    raise ExceptionGroup("validation failed", [inner, errors[2]])

print("start")
validate()
