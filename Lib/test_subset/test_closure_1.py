def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

def make_late_binding():
    return [lambda x: x * i for i in range(4)]

print([m(10) for m in make_multipliers()])
print([m(10) for m in make_late_binding()])

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
print(c1.__closure__[0].cell_contents)

def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__}{args} -> {result}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@trace
def add(a, b):
    """Add two numbers."""
    return a + b

@repeat(3)
def shout(word):
    return word.upper()

add(2, 3)
print(add.__name__, add.__doc__)
print(shout("hey"))

@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

fact(4)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

print(fib(90))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted(["banana", "Apple", "cherry"], key=lambda s: s.lower()))
