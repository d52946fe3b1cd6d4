class Deck:
    ranks = "A23"
    suits = "SH"

    def __init__(self):
        self.cards = [r + s for s in self.suits for r in self.ranks]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

    def __reversed__(self):
        print("  __reversed__ called")
        return iter(self.cards[::-1])

deck = Deck()
print(len(deck), deck[0], deck[-1], deck[1:3])
print(list(deck), "2H" in deck, "KS" in deck)
print(list(reversed(deck)))
for card in deck:
    if card.startswith("3"):
        print("first three:", card)
        break

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)

class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1

r = Range2(3)
print(list(r), list(r), [x * y for x in r for y in r])
print(sum(Range2(101)), sorted(Range2(4), reverse=True), dict(zip(Range2(2), "ab")))
a, b, c = Range2(3)
print(a, b, c, *Range2(2))

class OnlyContains:
    def __contains__(self, item):
        return item % 2 == 0
print(4 in OnlyContains(), 3 in OnlyContains(), 3 not in OnlyContains())

class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)

class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)), max(Fib(1000)), len(list(Fib(10 ** 20))))
it = iter(Fib(5))
print(next(it), next(it), list(it))
