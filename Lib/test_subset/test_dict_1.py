inventory = {"apples": 3, "pears": 0}
inventory["kiwis"] = 12
inventory["apples"] += 1
print(inventory, len(inventory), "pears" in inventory, "plums" in inventory)
print(list(inventory), list(inventory.keys()), list(inventory.values()), list(inventory.items()))

del inventory["pears"]
inventory["pears"] = 5          # re-inserted at the end
print(inventory)
inventory["apples"] = 100       # updating keeps the position
print(list(inventory))

print(inventory.get("plums"), inventory.get("plums", 0), inventory.setdefault("figs", 7), inventory)
print(inventory.pop("figs"), inventory.pop("nothing", "default"), inventory.popitem(), inventory)
try:
    inventory["nothing"]
except KeyError as e:
    print("KeyError:", e)
try:
    inventory.pop("nothing")
except KeyError as e:
    print("KeyError:", e)

keys = inventory.keys()
items = inventory.items()
inventory["new"] = 1
print(keys, items, len(keys))
print(keys & {"apples", "zzz"}, sorted(keys | {"extra"}), sorted(keys - {"new"}), ("new", 1) in items)

merged = {"a": 1, "b": 2} | {"b": 20, "c": 30}
print(merged)
merged |= {"d": 4}
merged.update([("e", 5)], f=6)
print(merged)
print(dict(zip("xyz", range(3))), dict(a=1, b=2), dict([("k", "v")]), dict.fromkeys(["p", "q"]))
print({1: "int", 1.0: "float", True: "bool"})
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(counts, key=counts.get), min(counts.values()))
print({(1, 2): "tuple key", frozenset({1}): "frozenset key"})
try:
    {[1]: "list key"}
except TypeError as e:
    print("TypeError:", e)
d = {"x": 1}
try:
    for k in d:
        d["y"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
copy = d.copy()
copy["z"] = 0
print(d, copy, d == {"y": 2, "x": 1}, list(reversed(copy)))
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], repr({}), dict())
d.clear()
print(d)
