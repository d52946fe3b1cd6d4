# except*: matching by split, each clause at most once, the unhandled rest
# re-raised, exceptions raised in clauses merged, bare exceptions wrapped,
# `raise` re-raising the matched part, chaining, else/finally.
import sys

def run(body, label):
    print("--", label)
    try:
        body()
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))
        return e

def basic():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("ValueError clause:", repr(e), sys.exc_info()[1] is e)
    except* TypeError as e:
        print("TypeError clause:", repr(e))
    print("after")
run(basic, "all handled")

def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print("handled ValueError")
run(partial, "rest re-raised")

def once():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("first clause", repr(e))
    except* ValueError as e:
        print("never", repr(e))
    except* (ValueError, TypeError) as e:
        print("never either")
run(once, "each clause once, first match wins")

def nested_groups():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("values:", repr(e))
    except* TypeError as e:
        print("types:", repr(e))
run(nested_groups, "nested groups keep their shape")

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("wrapped:", repr(e), repr(e.exceptions[0]), e.exceptions[0].__traceback__ is not None)
run(naked, "a bare exception is wrapped")

def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("never")
run(naked_unmatched, "an unmatched bare exception goes on unwrapped")

def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
run(naked_reraise, "bare raise of a wrapped exception")

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
e = run(raise_new, "raising in a clause merges with the rest")
print(repr(e.exceptions[0].__context__), e.__context__)

def raise_only():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("alone")
e = run(raise_only, "a single new exception is raised as is")
print(repr(e.__context__))

def naked_raise_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("from naked")
e = run(naked_raise_new, "raised from a wrapped exception")
print(repr(e.__context__))

def reraise_kinds():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), OSError(4)])
    except* ValueError:
        raise
    except* TypeError as e:
        raise e
    except* KeyError:
        raise RuntimeError("runtime")
run(reraise_kinds, "re-raised parts keep the group's shape, raised ones are added")

def all_reraised():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
e = run(all_reraised, "everything re-raised comes back as one group")

def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise KeyError("k") from e
e = run(raise_from, "raise from inside except*")
print(repr(e.__cause__))

def names_cleared():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as x:
        print("NameError:", x)
run(names_cleared, "the name is deleted after the clause")

def else_finally():
    for exc in [None, ExceptionGroup("eg", [ValueError(1)]), ExceptionGroup("eg", [TypeError(2)])]:
        try:
            try:
                if exc:
                    raise exc
                print("body ran")
            except* ValueError:
                print("handled")
            else:
                print("else")
            finally:
                print("finally")
        except ExceptionGroup as e:
            print("outer got", repr(e))
run(else_finally, "else and finally")

def bad_types():
    for t in [ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 1), "x"]:
        try:
            try:
                raise ValueError(1)
            except* t:
                print("never")
        except TypeError as e:
            print("TypeError:", e, "| context:", repr(e.__context__))
run(bad_types, "invalid types are TypeErrors at run time")

def handled_restored():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            print("inside:", repr(sys.exc_info()[1]))
        print("after:", repr(sys.exc_info()[1]))
run(handled_restored, "the handled exception is restored")

def in_loop():
    out = []
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            for x in e.exceptions:
                if x.args[0] == 1:
                    continue
                out.append(x.args[0])
    print(out)
run(in_loop, "loops inside except*")

def in_generator():
    def gen():
        try:
            yield 1
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError as e:
            yield repr(e)
        except* TypeError as e:
            yield repr(e)
    print(list(gen()))
run(in_generator, "except* in a generator")

def base_groups():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("kbd:", repr(e))
run(base_groups, "BaseExceptionGroup")

def predicate_free_split():
    class Weird(ExceptionGroup):
        def split(self, t):
            print("split called with", t.__name__)
            return super().split(t)
    try:
        raise Weird("w", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(type(e).__name__, repr(e))
    except* TypeError as e:
        print(type(e).__name__, repr(e))
run(predicate_free_split, "except* calls split()")

def full_match_identity():
    g = ExceptionGroup("same", [ValueError(1)])
    try:
        raise g
    except* Exception as e:
        print(e is g)
run(full_match_identity, "a full match is the group itself")

def no_chaining_at_frame_exit():
    def f():
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise KeyError(3)
    def g():
        try:
            raise ValueError(5)
        except* ValueError:
            raise
    try:
        raise OSError("handled")
    except OSError:
        for fn in (f, g):
            try:
                fn()
            except ExceptionGroup as e:
                print(repr(e), repr(e.__context__))
run(no_chaining_at_frame_exit, "re-raised groups are not chained to the caller's exception")
