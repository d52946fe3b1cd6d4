x = 10
y = [1, 2, 3, 4, 5, 6]
z = {"a": 1, "b": 2, "c": 3}

class Box:
    pass

b = Box()
b.item = "thing"
b.other = "more"

del x
print("x" in globals())
del y[0], y[-1]
print(y)
del y[1:3]
print(y)
del z["b"]
print(z)
del b.item
print(vars(b))
a1, a2 = 1, 2
del a1, a2
print("a1" in dir(), "a2" in dir())
pairs = [[1, 2], [3, 4]]
del pairs[0][1]
print(pairs)
(p, q) = (5, 6)
del (p, q)
print("p" in globals())
try:
    del x
except NameError as e:
    print("NameError:", e)
try:
    del z["zzz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del y[10]
except IndexError as e:
    print("IndexError:", e)
try:
    del b.missing
except AttributeError as e:
    print("AttributeError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)

def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(local_del())

class Tracker:
    def __delitem__(self, key):
        print("  __delitem__", key)
    def __delattr__(self, name):
        print("  __delattr__", name)

tr = Tracker()
del tr[1:2], tr["k"]
del tr.anything
for i in range(3):
    pass
del i
print("i" in globals())
