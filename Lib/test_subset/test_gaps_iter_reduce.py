"""__reduce__/__setstate__ of the sequence iterators, and rebuilding an
iterator from its reduction the way copy and pickle do."""


def rebuild(it):
    f, a, *st = it.__reduce__()
    new = f(*a)
    if st:
        new.__setstate__(st[0])
    return new


def show(it, adv=1):
    for _ in range(adv):
        next(it)
    r = it.__reduce__()
    print(r)
    print("  copy", list(rebuild(it)), "orig", list(it))
    print("  after", it.__reduce__())


show(iter([1, 2, 3]))
show(iter((1, 2, 3)), 2)
show(iter(b"ab"))
show(iter("h\xe9llo"), 2)
show(reversed([1, 2, 3]))
show(iter([1]), 1)
it = iter([1, 2, 3]); it.__setstate__(2); print(list(it))
it = iter([1, 2, 3]); it.__setstate__(-5); print(list(it))
it = iter([1, 2, 3]); it.__setstate__(10); print(list(it), it.__reduce__())
it = iter("abc"); it.__setstate__(True); print(list(it))
it = iter("h\xe9llo"); it.__setstate__(4); print(list(it))
it = iter((1, 2)); it.__setstate__(9); print(list(it), it.__reduce__())
for n in (0, 10, -10, 1):
    it = reversed([1, 2, 3]); it.__setstate__(n); print(n, list(it))
for bad in (2.0, "1", None):
    try:
        iter([1, 2, 3]).__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
