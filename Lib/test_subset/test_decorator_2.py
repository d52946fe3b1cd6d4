registry = {}

def register(name):
    def decorator(fn):
        registry[name] = fn
        return fn
    return decorator

def logged(fn):
    def wrapper(*args, **kwargs):
        print(f"  -> {fn.__name__}({', '.join(map(repr, args))})")
        result = fn(*args, **kwargs)
        print(f"  <- {fn.__name__} = {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

def bold(fn):
    return lambda *a: "<b>" + fn(*a) + "</b>"

def italic(fn):
    return lambda *a: "<i>" + fn(*a) + "</i>"

@register("greet")
@logged
def greet(name):
    return f"hello {name}"

@bold
@italic
def text(s):
    return s

print(greet("bob"), sorted(registry), registry["greet"] is greet)
print(text("stacked"), greet.__wrapped__("raw"))

def count_calls(cls):
    original_init = cls.__init__
    cls.instances = 0
    def __init__(self, *args, **kwargs):
        cls.instances += 1
        original_init(self, *args, **kwargs)
    cls.__init__ = __init__
    return cls

@count_calls
class Widget:
    def __init__(self, name):
        self.name = name

Widget("a"), Widget("b")
print(Widget.instances, Widget("c").name, Widget.instances)

class Validate:
    def __init__(self, minimum):
        self.minimum = minimum
    def __call__(self, fn):
        def checked(value):
            if value < self.minimum:
                raise ValueError(f"{fn.__name__}: {value} < {self.minimum}")
            return fn(value)
        return checked

@Validate(0)
def root(v):
    return v ** 0.5

print(root(16))
try:
    root(-4)
except ValueError as e:
    print("ValueError:", e)

def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(100), len(fib.cache))
decorate = lambda f: f
@decorate
def plain():
    return "decorated by lambda"
print(plain())
