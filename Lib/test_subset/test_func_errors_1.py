def f(a, b, c=3):
    return a + b + c

def g(*, key):
    return key

def h(x, /, y):
    return x, y

not_callable = "abc"
nothing = None

class Thing:
    def method(self, n):
        return n

attempts = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=5),
    lambda: f(1, 2, a=5),
    lambda: g(1),
    lambda: g(),
    lambda: h(x=1, y=2),
    lambda: Thing().method(),
    lambda: Thing().method(1, 2),
    lambda: Thing.method(1),
    lambda: len(),
    lambda: len([], []),
    lambda: not_callable(),
    lambda: nothing(),
    lambda: f(**{"a": 1, "b": 2}, **{"b": 3}),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: int("x", base=1, foo=2),
    lambda: abs(1, 2),
    lambda: sorted([3, 1], lambda x: x),
]

for attempt in attempts:
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("no error?")
