# Errors raised while matching, and the tracebacks that point at patterns.

class NoArgs:
    pass

class ListArgs:
    __match_args__ = ["a"]

class BadNames:
    __match_args__ = ("a", 2)
    a = 1

class One:
    __match_args__ = ("a",)
    a = 1

class Keys:
    A = "a"
    B = "a"
    L = [1]

def attempt(label, subject, fn):
    try:
        print(label, "->", fn(subject))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

def positional_noargs(v):
    match v:
        case NoArgs(1):
            return "matched"
    return "no match"

def list_args(v):
    match v:
        case ListArgs(x):
            return x

def bad_names(v):
    match v:
        case BadNames(a, b):
            return a, b

def too_many(v):
    match v:
        case One(a, b):
            return a, b

def repeated(v):
    match v:
        case One(a, a=b):
            return a, b

def builtin_too_many(v):
    match v:
        case int(a, b):
            return a, b

def not_a_type(v):
    match v:
        case len(x):
            return x

def instance_not_type(v):
    match v:
        case Keys.A():
            return "?"

def duplicate_runtime_key(v):
    match v:
        case {Keys.A: 1, Keys.B: 2}:
            return "?"
    return "no match"

def unhashable_key(v):
    match v:
        case {Keys.L: 1}:
            return "?"
    return "no match"

attempt("NoArgs(1) on int", 5, positional_noargs)
attempt("NoArgs(1)", NoArgs(), positional_noargs)
attempt("list __match_args__", ListArgs(), list_args)
attempt("non-str __match_args__", BadNames(), bad_names)
attempt("too many positional", One(), too_many)
attempt("repeated attribute", One(), repeated)
attempt("int(a, b)", 3, builtin_too_many)
attempt("called len", 3, not_a_type)
attempt("str instance", "x", instance_not_type)
attempt("duplicate key", {"a": 1, "b": 2}, duplicate_runtime_key)
attempt("duplicate key, short mapping", {"a": 1}, duplicate_runtime_key)
attempt("unhashable key", {"a": 1}, unhashable_key)

class BadLen(list):
    def __len__(self):
        raise RuntimeError("len failed")

class BadEq:
    def __eq__(self, other):
        raise ArithmeticError("eq failed")

class BadGet(dict):
    def get(self, key, default=None):
        raise LookupError(f"get {key!r} failed")

class BadAttr:
    __match_args__ = ("boom",)
    @property
    def boom(self):
        raise KeyError("boom")

def seq2(v):
    match v:
        case [a, b]:
            return a, b
    return "no match"

def eq1(v):
    match v:
        case 1:
            return "one"
    return "no match"

def get_a(v):
    match v:
        case {"a": a}:
            return a
    return "no match"

def bad_attr(v):
    match v:
        case BadAttr(x):
            return x

def bad_guard(v):
    match v:
        case [x] if x / 0:
            return x

attempt("failing __len__", BadLen([1, 2]), seq2)
attempt("failing __eq__", BadEq(), eq1)
attempt("failing get", BadGet(a=1), get_a)
attempt("failing property", BadAttr(), bad_attr)
attempt("failing guard", [1], bad_guard)

match 5:
    case int() if 5 > 3:
        print("before the uncaught error")

def final(v):
    match v:
        case One(a=2):
            return "two"
        case BadAttr(
            1
        ) | One():
            return "unreachable"

final(BadAttr())
