import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

class Node:
    instances = 0

    def __init__(self, name):
        self.name = name
        self.partner = None
        Node.instances += 1

    def __del__(self):
        Node.instances -= 1

def make_cycle():
    a, b = Node("a"), Node("b")
    a.partner, b.partner = b, a

for _ in range(10):
    make_cycle()
collected = gc.collect()
print(type(collected).__name__, collected >= 0)
print("live after collect:", Node.instances)

n = Node("plain")
print("live:", Node.instances)
del n
print("live after del (refcounting):", Node.instances)

lst = []
lst.append(lst)
del lst
print(type(gc.collect()).__name__)

d = {}
d["self"] = d
print(gc.is_tracked(d), gc.is_tracked(1), gc.is_tracked("s"))
del d
gc.collect()
print("done", Node.instances)
