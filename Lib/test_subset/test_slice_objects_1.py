class Recorder:
    def __getitem__(self, key):
        return key
    def __setitem__(self, key, value):
        print("  set", key, "=", value)
    def __delitem__(self, key):
        print("  del", key)

r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2:3], r[:], r[-1:], r["k"], r[1, 2], r[1:2, ::3], r[...])
r[0:5] = "x"
del r[::2]
s = slice(2, 10, 3)
print(s, s.start, s.stop, s.step, s == slice(2, 10, 3), repr(slice(None)))
data = list(range(20))
print(data[s], "abcdefghijklmnop"[s], tuple(range(20))[s])
print(slice(-3, None).indices(10), slice(None, None, -2).indices(7), slice(100, -100, -1).indices(5))
print(slice(1, 5).indices(3), slice(0, 0).indices(0), range(10)[slice(2, 8, 2)])
try:
    slice(0, 5, 0).indices(10)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2]["a":]
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print(data[Idx()], data[Idx():Idx() + 3] if False else data[Idx():5], "hello"[Idx()])
try:
    hash(slice(1, 2))
    print("slices are hashable here")
except TypeError as e:
    print("TypeError:", e)
seq = list("abcdefgh")
seq[slice(0, 2)] = ["X"]
print("".join(seq))
seq[slice(None, None, -1)] = seq
print("".join(seq))
print([1, 2, 3, 4][slice(None, None, -1)][::2], "stressed"[::-1])
