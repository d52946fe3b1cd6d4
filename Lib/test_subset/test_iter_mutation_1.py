d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k); d[k + 100] = v
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1}
for k in d:
    d[k] = 5   # same size: allowed
print(d)
l = [3, 1, 2]
try:
    l.sort(key=lambda x: l.append(x) or x)
except ValueError as e:
    print("ValueError", e)
print(l)
l = [3, 1, 2]
try:
    l.sort(key=lambda x: (l.clear(), x)[1])
except ValueError as e:
    print("ValueError", e)
print(l)
class D:
    def __get__(self, o, t):
        raise AttributeError("inner")
class C:
    x = D()
    def __getattr__(self, n):
        return "fallback " + n
print(C().x)
class P:
    @property
    def y(self):
        raise AttributeError("nope")
    def __getattr__(self, n):
        return "fb " + n
print(P().y)
