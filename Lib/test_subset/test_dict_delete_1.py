# Deleting from dicts: order kept, popitem, iteration, re-insertion, None keys.
d = {i: i * 2 for i in range(20)}
for i in range(0, 20, 3):
    del d[i]
print(d, len(d), list(d), list(reversed(d)), list(d.items())[:3])
d[0] = "back"; d[3] = "again"
print(d, d.popitem(), d.popitem(), len(d))
for k in list(d):
    if k % 2: del d[k]
print(d, 5 in d, 2 in d, d.get(4), sorted(d.values(), key=str))
e = dict(d); print(e == d, e, {**d, 'x': 1}, set(d), dict.fromkeys(d))
try:
    for k in d:
        del d[k]
except RuntimeError as ex:
    print(ex)
print(d)
x = {}
for i in range(1000):
    x[i] = i
for i in range(999):
    del x[i]
print(x, len(x), x.popitem(), x)
try:
    x.popitem()
except KeyError as ex:
    print("KeyError", ex)
y = {None: 1, 'a': 2}; del y['a']; print(None in y, y); del y[None]; print(y, None in y)
z = {i: i for i in range(30)}
for i in range(29): z.pop(i)
z[None] = 5; print(z, None in z, z.keys(), z.values())
import gc; gc.collect()
s = {1: 'a', 2: 'b', 3: 'c'}; del s[2]; it = iter(s); print(next(it)); s[4] = 'd'
try:
    print(next(it))
except RuntimeError as ex:
    print(ex)
