total = 0
log = []

def add(n):
    global total
    total += n
    log.append(n)  # mutating a global needs no declaration

def reset():
    global total, log
    total = 0
    log = []

add(5)
add(7)
print(total, log)
reset()
print(total, log)

def define_global():
    global created_later
    created_later = "made inside a function"

define_global()
print(created_later)

def make_bank(balance):
    history = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError("insufficient funds")
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def get():
        return balance, list(history)
    return deposit, withdraw, get

dep, wd, get = make_bank(100)
dep(50)
wd(30)
try:
    wd(1000)
except ValueError as e:
    print("ValueError:", e)
print(get())

def levels():
    x = "L1"
    def level2():
        def level3():
            nonlocal x
            x = "set by L3"
        level3()
    level2()
    return x

print(levels())

x = "global x"
def shadow():
    x = "local x"
    def inner():
        global x
        return x
    return inner(), x

print(shadow())

def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def peek():
        return count
    return inc, peek

inc, peek = counter_factory()
inc(), inc(), inc()
print(peek(), inc.__code__.co_freevars, counter_factory.__code__.co_cellvars)
