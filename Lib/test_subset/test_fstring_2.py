items = {"apple": 1.5, "banana": 0.25, "cherry": 10}
width = max(len(k) for k in items)
for name, price in items.items():
    print(f"{name:<{width}} | {price:>6.2f} | {'*' * int(price)}")
total = sum(items.values())
print(f"{'TOTAL':<{width}} | {total:>6.2f}")
x, y = 7, 3
print(f"{x} / {y} = {x / y:.3f}, {x} // {y} = {x // y}, {x!r:>4}, {y:<4}|")
print(f"{x=} {y = } {x * y = :>6} {x + y=!r}")
print(f"{'nested ' + f'{x:03}'} {f'{y:{x}}'}|")
data = {"k": [1, 2, 3]}
print(f"{data['k'][1]} {data['k'][-1]} {len(data)} {data!r} {list(map(str, data['k']))}")
print(f"{(lambda n: n * 2)(21)} {[i * i for i in range(4)]} {x if x > y else y} {x:{'>' if x else '<'}5}")
print(f"{3.14159:.{x - 5}f} {12345:{','}} {0.5:{'%'}}")
obj = type("O", (), {"attr": "value", "__repr__": lambda self: "O()"})()
print(f"{obj.attr} {obj} {obj!r} {obj!s} {obj.attr.upper()!r}")
print(f"{'single' if x else 'other'} {'a' 'b'} {'{'}braces{'}'} {x!r:}{{}}")
print(f"""triple {x}
second line {y}""")
print(f"{x:b} {x:o} {x:x} {255:#X} {x:e} {x:%} {x:,} {10**7:_}")
print(f"{-x:+} {x:+} {x: } {-x: } {x:=+6} {x:0>4} {x:0<4}")
from_dict = "{key}"
print(f"{from_dict} {from_dict.format(key='formatted later')}")
print(f"{None!s} {None!r} {True} {False:d} {b'raw'}")
today = (2024, 3, 9)
print(f"{today[0]}-{today[1]:02d}-{today[2]:02d}")
print(f"{'left':<10}|{'right':>10}|{'center':^10}|")
print(f"{x!s:*^9}")
