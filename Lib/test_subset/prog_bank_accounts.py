class InsufficientFunds(Exception):
    pass

class Account:
    _next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount {amount}")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"<Account #{self.id} {self.owner}: {self._balance}>"

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("  transfer failed:", e)
        return False
    dst.deposit(amount)
    return True

alice = Account("alice", 100)
bob = SavingsAccount("bob", 50, rate=0.1)
print(alice, bob)
print(transfer(alice, bob, 30), transfer(bob, alice, 500))
print("interest:", bob.add_interest())
for acct in (alice, bob):
    print(acct, acct.history)
try:
    alice.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
accounts = sorted([alice, bob], key=lambda a: a.balance, reverse=True)
print([a.owner for a in accounts], sum(a.balance for a in accounts))
print(isinstance(bob, Account), type(bob).__mro__[1].__name__)
