import sys

def depth(n):
    return depth(n + 1)

try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)

def countdown(n):
    if n == 0:
        return 0
    return 1 + countdown(n - 1)

print(countdown(800))
sys.setrecursionlimit(2500)
print(countdown(2000))

def ping(n):
    return pong(n)

def pong(n):
    return ping(n)

try:
    ping(0)
except RecursionError as e:
    print("mutual:", e)

class Node:
    def __init__(self, child=None):
        self.child = child
    def __repr__(self):
        return f"Node({self.child!r})"

chain = None
for _ in range(5):
    chain = Node(chain)
print(chain)
loop = Node()
loop.child = loop
try:
    repr(loop)
except RecursionError as e:
    print("repr:", e)
print("uncaught next:")
depth(0)
