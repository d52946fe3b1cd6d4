print("hello", 1 + 2, 2**100, 7 // -2, -7 % 3, 1/3, 10/2)
def fib(n):
    if n < 2: return n
    return fib(n-1) + fib(n-2)
print(fib(20))
class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"A({self.x!r})"
print([A(1), A("s")], {1: 2, "a": [3]}, (1,), set())
