words = ["delta", "Alpha", "charlie", "bravo", "echo"]
print(len(words), sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(list(reversed(words)), list(enumerate(words, start=1))[:2])
print(list(zip(range(3), "abc", [True, False, None])), list(zip([1, 2, 3], "ab")))
print(list(map(len, words)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(lambda w: "a" in w, words)))
print(min(words), max(words, key=len), min([], default="empty"), max(3, 9, 2), min("bca"))
print(sum([1, 2, 3]), sum([[1], [2]], []), sum((0.5, 0.25), 10), sum(range(101)))
print(abs(-3), abs(-2.5), abs(3 + 4j), all([1, 1, 0]), all([]), any([0, "", 1]), any([]))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 3))
print(round(3.14159, 2), round(2.5), round(1.5), round(-1.5), round(7), round(15, -1), round(25, -1))
print(hex(255), hex(-42), oct(8), bin(10), bin(-3), ord("A"), chr(0x1F600) == "\U0001F600")
print(int("ff", 16), int("0x1f", 0), int("0b101", 0), int("777", 8), int("z", 36), int(" -12 "))
print(float("3.5"), float(7), bool(""), bool("0"), bool(0.0), bool([None]), str(None))
print(repr("x"), repr(1.0), repr([1, "a", None]), ascii("naïve"), format(3.14159, ".2f"), format(42, "08b"))
print(isinstance(True, int), issubclass(bool, int), callable(len), callable("s"), callable(str))
print(type(3), type("s"), type(None), type(len).__name__, type(type))
print(hash(42) == hash(42.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
obj_id = id(words)
print(id(words) == obj_id, id(words) != id(words[:]))
it = iter([10, 20])
print(next(it), next(it), next(it, "end"))
it2 = iter(lambda: words.pop(), "bravo")
print(list(it2), words)
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted("hello"), sorted({3: 0, 1: 0}))
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 2)]
print(sorted(pairs, key=lambda p: p[1]))   # stable: original order among equal keys
print(list(range(0, 20, 7)), list(range(5, 0, -2)), range(10)[2:8:3], len(range(0, 100, 3)))
print(vars(type("T", (), {"a": 1}))["a"], "append" in dir(list), sorted(dir(object()))[:3])
print(getattr(words, "count")("echo"), hasattr(words, "nope"), globals()["obj_id"] == obj_id)
def f():
    local_var = 1
    return locals()
print(f(), eval("1 + 2"), format("hi", "^6"), format(0.5, "%"))
exec("z = 5 * 5")
print(z)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
