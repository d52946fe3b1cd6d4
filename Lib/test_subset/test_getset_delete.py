# Deleting a built-in attribute: a writable one's setter refuses deletion
# with TypeError ("can't delete ..."); a read-only one is "not writable".
import sys


def tb():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__


def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "ok")


t = tb()
attempt("del tb.tb_next", lambda: delattr(t, "tb_next"))
attempt("del tb.tb_lineno", lambda: delattr(t, "tb_lineno"))
attempt("tb.tb_next = None", lambda: setattr(t, "tb_next", None))
attempt("tb.tb_next = 1", lambda: setattr(t, "tb_next", 1))
print(t.tb_next)
