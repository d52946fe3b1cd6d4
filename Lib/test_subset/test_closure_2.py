def make_counter(start=0, step=1):
    value = start - step
    def counter():
        nonlocal value
        value += step
        return value
    def reset():
        nonlocal value
        value = start - step
    counter.reset = reset
    return counter

c = make_counter(10, 5)
print(c(), c(), c())
c.reset()
print(c(), c.__closure__ is not None, len(c.__closure__))

handlers = {}
for name in ("start", "stop", "pause"):
    def handler(name=name):
        return f"handling {name}"
    handlers[name] = handler
print([h() for h in handlers.values()])

late = []
for name in ("a", "b"):
    late.append(lambda: name)
print([f() for f in late])

def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return tuple(items)
    return add, get

add, get = outer()
add("x"); add("y")
print(get())

def cell_shared():
    shared = 0
    def one():
        nonlocal shared
        shared += 1
        return shared
    def two():
        nonlocal shared
        shared += 10
        return shared
    return one, two

one, two = cell_shared()
print(one(), two(), one())

def memo_factory():
    cache = {}
    def deco(fn):
        def inner(*args):
            if args not in cache:
                cache[args] = fn(*args)
            return cache[args]
        return inner
    return deco, cache

memo, cache = memo_factory()

@memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

print(paths(16, 16), len(cache))

def power_factory(exp):
    return lambda base: base ** exp

square, cube = power_factory(2), power_factory(3)
print(square(9), cube(3), [power_factory(e)(2) for e in range(5)])

x = "global"
def read_enclosing():
    x = "enclosing"
    def inner():
        return x
    x = "changed before call"
    return inner()
print(read_enclosing())
def class_in_closure():
    secret = "hidden"
    class Inner:
        def reveal(self):
            return secret
    return Inner().reveal()
print(class_in_closure())
