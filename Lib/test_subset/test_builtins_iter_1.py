it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)

chars = iter("ab")
print(iter(chars) is chars, list(chars), list(chars))
d = {"x": 1, "y": 2}
print(list(iter(d)), list(iter(d.values())), list(iter(d.items())))

counter = 0
def tick():
    global counter
    counter += 1
    return counter
print(list(iter(tick, 4)))

e = enumerate(["a", "b", "c"], start=10)
print(next(e), list(e))
z = zip("ab", [1, 2, 3], strict=False)
print(list(z))
try:
    list(zip("ab", [1, 2, 3], strict=True))
except ValueError as err:
    print("ValueError:", err)
print(list(zip()), list(zip("abc")), dict(zip(range(3), "xyz")))
r = reversed([1, 2, 3])
print(list(r), list(reversed("abc")), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as err:
    print("TypeError:", err)
m = map(str.upper, ["x", "y"])
print(next(m), list(m), list(map(pow, [2, 3], [3, 2])))
f = filter(lambda n: n % 3 == 0, range(10))
print(list(f), list(filter(str.isdigit, "a1b2c3")))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]), all(iter([])), any(iter([0, 0, 1])))
nested = iter([iter([1, 2]), iter([3])])
print([x for sub in nested for x in sub])
s = sorted(iter({3, 1, 2}))
print(s, sum(iter(range(4))), max(iter([5, 9, 2])), tuple(iter((1, 2))))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
cd = Countdown(3)
print(list(cd), list(cd), [*Countdown(2)], dict.fromkeys(Countdown(2)))
