class Account:
    bank = "First Bank"
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

    def __str__(self):
        return f"{self.owner}: ${self.balance}"


a = Account("ann", 10)
b = Account("bob")
a.deposit(5).deposit(5)
print(a, repr(b), [a, b])
print(Account.count, a.bank, Account.bank)
a.bank = "Other"
print(a.bank, b.bank, Account.bank)
print(sorted(vars(a).items()))
print(type(a).__name__, type(a) is Account, isinstance(a, Account), isinstance(a, object))
print(hasattr(a, "deposit"), hasattr(a, "withdraw"))
try:
    a.deposit(-1)
except ValueError as e:
    print("error:", e)
try:
    a.withdraw(1)
except AttributeError as e:
    print("AttributeError:", e)

class Empty:
    pass

e = Empty()
e.x = 1
e.y = [1, 2]
print(e.__dict__, Empty.__name__, Empty.__qualname__)
print(str(e)[:15])
setattr(e, "z", 3)
print(getattr(e, "z"), getattr(e, "missing", "default"))
delattr(e, "x")
print(sorted(e.__dict__))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1), Point(1, 2) == (1, 2))
try:
    hash(Point(0, 0))
except TypeError as e:
    print("TypeError:", e)
bound = a.deposit
print(bound.__self__ is a, bound.__func__ is Account.deposit)
