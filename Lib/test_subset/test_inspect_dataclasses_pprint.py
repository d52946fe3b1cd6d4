# inspect, dataclasses and pprint as a program uses them.
import dataclasses
import inspect
import pprint
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    """An item of the inventory."""
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list, compare=False)

    def total(self, count: int, *, discount: float = 0.0) -> float:
        """Price of `count` items."""
        return count * self.price * (1 - discount)


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


a = Item('apple', 0.5, ['fruit'])
b = Item('bread', 2.25)
print(a, b)
print(a < b, sorted([b, a])[0].name, a == Item('apple', 0.5))
print(dataclasses.asdict(a), dataclasses.astuple(b))
print([f.name for f in dataclasses.fields(Item)], dataclasses.is_dataclass(a))
print(dataclasses.replace(a, price=0.75))
p = Point(1)
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(p, hash(p) == hash(Point(1, 0)))
C = dataclasses.make_dataclass('C', [('u', int), ('v', str, field(default='v'))])
print(C(1), inspect.isclass(C))

print(inspect.signature(Item.total))
print(inspect.signature(Item))
sig = inspect.signature(Item.total)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default is inspect.Parameter.empty, param.annotation)
print(sig.bind(a, 3, discount=0.1).arguments)
print(inspect.getdoc(Item.total), inspect.getdoc(Item))
print(inspect.isfunction(Item.total), inspect.ismethod(a.total), inspect.ismodule(inspect))
print(inspect.getsource(Item.total))
print(inspect.getmodule(Item).__name__, inspect.getfile(Item).endswith('.py'))
print([n for n, _ in inspect.getmembers(a) if not n.startswith('_')])
print(inspect.cleandoc('''
    first
      indented
    last'''))


def gen():
    yield 1


print(inspect.isgeneratorfunction(gen), inspect.getgeneratorstate(gen()))
print(inspect.getfullargspec(lambda x, y=1, *a, z, **k: 0))

data = {'items': [dataclasses.asdict(a), dataclasses.asdict(b)],
        'numbers': list(range(25)), 'nested': {'deep': {'deeper': ['x' * 30] * 3}}}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
print(pprint.pformat(set(range(5)), compact=True), pprint.isreadable(data))
pprint.pp([Point(i, i) for i in range(3)])
