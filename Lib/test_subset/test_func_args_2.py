import sys

calls = []
def default_factory():
    calls.append("evaluated")
    return []

def uses_default(x=default_factory()):
    return x

print(calls, uses_default() is uses_default(), calls)

def show(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"

print(show(1, c=3))
print(show(1, 20, 30, 40, c=3, e=5))
print(show(*[1, 2, 3], **{"c": "C", "z": "Z"}))
print(show(a=1, c=2, b=3))
params = {"a": "A", "b": "B", "c": "C", "d": "D", "extra": True}
print(show(**params))

def only_kwargs(**kwargs):
    return list(kwargs.items())

print(only_kwargs(z=1, a=2, m=3))
print(only_kwargs(**{"not an identifier": 1, "0": 2}))

def pos_only(a, b, /):
    return a - b

print(pos_only(5, 3))
try:
    pos_only(a=5, b=3)
except TypeError as e:
    print("TypeError:", e)

def kw_with_same_name(a, /, **kwargs):
    return a, kwargs

print(kw_with_same_name(1, a=2))

errors = [
    lambda: show(),
    lambda: show(1),
    lambda: show(1, c=1, a=2),
    lambda: only_kwargs(1),
    lambda: show(1, **{"c": 1}, **{"c": 2}),
    lambda: show(1, c=3, **{1: 2}),
    lambda: pos_only(1),
    lambda: pos_only(1, 2, 3),
]
for err in errors:
    try:
        err()
    except TypeError as e:
        print("TypeError:", e)

def recursive_sum(*numbers):
    if not numbers:
        return 0
    first, *rest = numbers
    return first + recursive_sum(*rest)

print(recursive_sum(*range(50)))
def apply(fn, /, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(dict, fn=1))
print(show.__code__.co_varnames, show.__defaults__, show.__kwdefaults__)
