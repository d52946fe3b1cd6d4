# _random.Random: CPython's exact Mersenne Twister sequences, state
# round-trips and messages.
import _random


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


seeds = [0, 1, 2, 42, -1, -42, 12345, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
         2**63 - 1, 2**64, -2**64, 2**100, 3**80, -(7**90), True, False]
for s in seeds:
    r = _random.Random(s)
    print(s, r.random(), r.random(), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33),
          r.getrandbits(100), r.getrandbits(64))
for s in [1.5, -2.25, 'abc', b'xy', (1, 2), None.__class__]:
    r = _random.Random(0)
    r.seed(s) if not isinstance(s, str) else None
    print(type(s).__name__, isinstance(r.random(), float))
r = _random.Random(7)
r.seed(3.0)
print(r.random() == _random.Random(3).random())
r.seed(hash((1, 2)))
a = r.random()
r.seed((1, 2))
print(a == r.random())
r = _random.Random(2024)
print(r.getrandbits(1000))
print([r.getrandbits(k) for k in range(0, 70, 7)])
print(r.getrandbits(0))
for s in [0, 99, 2**100]:
    r = _random.Random(s)
    st = r.getstate()
    print(len(st), st[-1], st[0], st[1], st[623], type(st).__name__)
    x = [r.random() for _ in range(700)]
    r.setstate(st)
    y = [r.random() for _ in range(700)]
    print(x == y, x[-1])
    st2 = r.getstate()
    print(st2[-1], sum(st2) % 1000003)
r = _random.Random()
r2 = _random.Random()
print(r.random() != r2.random(), 0 <= r.random() < 1)
r.seed()
r.seed(None)
r.setstate((1,) * 624 + (624,))
print(r.getstate()[:3], r.random())
r.setstate((2**40 + 7,) * 624 + (0,))
print(r.getstate()[:3], r.random())
r.setstate(tuple(range(624)) + (623,))
print(r.random(), r.getstate()[-1])
t(lambda: _random.Random(1, 2))
t(lambda: _random.Random(x=1))
t(lambda: _random.Random().seed(1, 2))
t(lambda: _random.Random().seed([]))
t(lambda: _random.Random().getrandbits(-1))
t(lambda: _random.Random().getrandbits(1.0))
t(lambda: _random.Random().getrandbits(2**40))
t(lambda: _random.Random().getrandbits())
t(lambda: _random.Random().setstate(1))
t(lambda: _random.Random().setstate([1] * 625))
t(lambda: _random.Random().setstate((1,) * 3))
t(lambda: _random.Random().setstate((1,) * 624 + (625,)))
t(lambda: _random.Random().setstate((1,) * 624 + (-1,)))
t(lambda: _random.Random().setstate((-1,) * 624 + (1,)))
t(lambda: _random.Random().setstate((1.0,) * 624 + (1,)))
t(lambda: _random.Random().setstate(('a',) * 624 + (1,)))
t(lambda: _random.Random().setstate((2**64,) * 624 + (1,)))
t(lambda: _random.Random().setstate((1,) * 624 + (2**64,)))
t(lambda: _random.Random().setstate((1,) * 624 + (1.0,)))
t(lambda: _random.Random().random(1))
t(lambda: _random.Random().getstate(1))
print(_random.Random.__name__, _random.Random.__module__)
print(sorted(m for m in dir(_random.Random) if not m.startswith('__')))
print(sorted(n for n in dir(_random) if not n.startswith('__')))


class R(_random.Random):
    pass


class R2(_random.Random):
    def __init__(self, *a, **k):
        pass


class R3(_random.Random):
    def __init__(self, a, b=0):
        super().__init__(a)
        self.b = b


t(lambda: R(1, 2))
t(lambda: R(x=1))
print(R(5).random() == _random.Random(5).random(), type(R(5)).__name__)
print(R2(1, 2, x=3).random(), R2().getrandbits(8))
r3 = R3(9, b=2)
print(r3.b, r3.random() == _random.Random(9).random())
t(lambda: R3(1, 2, 3))
