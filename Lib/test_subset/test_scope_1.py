counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print("counter", counter)

def make_accumulator():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add

acc = make_accumulator()
print(acc(5), acc(10), acc(-3))

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x

print(outer())

def shadow():
    print_ = "local"
    return print_

print(shadow())

def uses_before_assignment():
    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    value = 1

uses_before_assignment()

def nothing():
    pass

print(nothing())

class Config:
    pass

assert counter == 2, "counter should be 2"
try:
    assert counter == 3, f"counter is {counter}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("empty assert message:", repr(e.args))
x = 10
def read_global():
    return x * 2
print(read_global())
