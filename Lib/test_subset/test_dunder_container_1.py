class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]

    def __bool__(self):
        return bool(self.cells)

g = Grid(3, 2)
print(len(g), bool(g), "#" in g)
g[1, 1] = "#"
g[0, 0] = "@"
print(bool(g), "#" in g, "x" not in g, g[1, 1], g[2, 0])
print("".join(g))
del g[1, 1]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[2, 2]
except KeyError as e:
    print("KeyError:", e)

class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(4)), sum(Countdown(10)), max(Countdown(3)))
it = Countdown(2)
print(next(it), next(it), next(it, "done"))

class Squares:
    """Old-style sequence protocol: __getitem__ with IndexError."""
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i

print(list(Squares()), 9 in Squares(), 10 in Squares())

class Named:
    def __len__(self):
        return 0

print(bool(Named()), "empty" if not Named() else "full")
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(Named())
except TypeError as e:
    print("TypeError:", e)
