class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, value, *, repeat=1):
        self.calls += 1
        return value * self.factor * repeat

double = Multiplier(2)
print(double(5), double("ab"), double(1, repeat=3), double.calls, callable(double))
print(list(map(Multiplier(10), [1, 2, 3])))

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]

@Memo
def slow_square(n):
    print("  computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache))

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ called")
        return self.on

print(bool(Flag(True)), not Flag(False))
if Flag(True) and Flag(False):
    print("not printed")
print([x.on for x in filter(None, [Flag(True), Flag(False)])])

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

print(bool(Sized(0)), bool(Sized(3)), "yes" if Sized(1) else "no")

class BadBool:
    def __bool__(self):
        return 1

try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
print(bool(object()), bool(None), bool(NotImplemented) if False else "skip")
