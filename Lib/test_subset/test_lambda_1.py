square = lambda x: x * x
add = lambda a, b=10: a + b
variadic = lambda *args, **kw: (len(args), sorted(kw))
print(square(7), add(1), add(1, 2), variadic(1, 2, k=3))
print((lambda: "immediately called")(), (lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
print(square.__name__, type(square).__name__, square.__code__.co_argcount)
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda s: s.startswith("t"), [p[1] for p in pairs])))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({name: f(6, 3) for name, f in ops.items()})
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
curry = lambda f: lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(i) for i in range(4)])
print((lambda *a: a)(), (lambda **k: k)(a=1))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(100) for f in adders])
try:
    square()
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: 1 / 0)()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
compose = lambda *fs: lambda x: [x := f(x) for f in fs][-1]
print(compose(lambda v: v + 1, lambda v: v * 3)(4))
print(max(["aa", "b", "cccc"], key=lambda s: len(s)), min(range(10), key=lambda v: abs(v - 6.4)))
