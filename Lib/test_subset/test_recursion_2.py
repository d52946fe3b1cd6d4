import sys

def nested_lists(depth):
    data = []
    for _ in range(depth):
        data = [data]
    return data

def measure(lst):
    if not lst:
        return 0
    return 1 + measure(lst[0])

print(measure(nested_lists(500)))
try:
    measure(nested_lists(5000))
except RecursionError as e:
    print("RecursionError:", e)

print("recovered, limit is still", sys.getrecursionlimit())
print(measure(nested_lists(900)))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(len(str(fact(900))))

class Deep:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self == other

try:
    Deep(1) == Deep(2)
except RecursionError as e:
    print("RecursionError in __eq__:", e)

def gen_recursive(n):
    if n:
        yield from gen_recursive(n - 1)
    yield n

print(sum(gen_recursive(200)))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.getrecursionlimit())
