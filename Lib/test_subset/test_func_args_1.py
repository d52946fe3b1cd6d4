def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def collect(*args, **kwargs):
    return args, sorted(kwargs.items())

print(collect())
print(collect(1, 2, x=3, a=4))
print(collect(*[1, 2], *(3,), **{"k": "v"}, z=0))

def kwonly(a, *, scale=1, offset):
    return a * scale + offset

print(kwonly(2, offset=1), kwonly(2, scale=10, offset=5))

def posonly(a, b, /, c, *, d=4):
    return (a, b, c, d)

print(posonly(1, 2, 3), posonly(1, 2, c=30, d=40))

def everything(a, b=2, /, c=3, *rest, d, e=5, **extra):
    return a, b, c, rest, d, e, extra

print(everything(1, d=4))
print(everything(1, 20, 30, 40, 50, d=4, f=6))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket

print(mutable_default(1), mutable_default(2), mutable_default(3, []))

def safer(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(safer(1), safer(2))
print(greet.__defaults__, kwonly.__kwdefaults__, greet.__name__)
print(everything.__code__.co_argcount, everything.__code__.co_kwonlyargcount,
      everything.__code__.co_posonlyargcount)

def annotated(x: int, y: "str" = "s") -> bool:
    return True

print(annotated.__annotations__)
