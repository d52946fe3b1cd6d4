d = {"b": 2, "a": 1, "c": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["d"] = 4
del d["b"]
print(list(keys), list(values), list(items), len(keys))
print("a" in keys, 1 in values, ("a", 1) in items, ("a", 2) in items)
print(keys == {"a", "c", "d"}, keys ^ {"a", "z"} == {"c", "d", "z"}, sorted(keys - {"c"}), items & {("a", 1)})
print(list(reversed(keys)), list(reversed(items)), sorted(values, reverse=True))
print(d == {"d": 4, "c": 3, "a": 1}, d != {"a": 1}, {1: 2} == {1.0: 2})
try:
    d < {}
except TypeError as e:
    print("TypeError:", e)
try:
    values == values  # views compare by identity for values
    print("values views equal?", d.values() == d.values())
except TypeError as e:
    print(e)
nested = {"users": [{"name": "a", "tags": ["x"]}, {"name": "b", "tags": []}]}
nested["users"][1]["tags"].append("y")
print(nested, [u["name"] for u in nested["users"] if u["tags"]])
inverted = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inverted, dict(sorted({"z": 1, "a": 2}.items())), dict(reversed(list({"x": 1, "y": 2}.items()))))
grouped = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(word[0], []).append(word)
print(grouped)
counts = dict.fromkeys("abc", 0)
for ch in "abacab":
    counts[ch] += 1
print(counts, max(counts.items(), key=lambda kv: kv[1]))
order = {}
for k in [3, 1, 2, 1, 3]:
    order[k] = order.get(k, 0) + 1
print(order, list(order))
d2 = dict(a=1)
d2.update({"b": 2}, c=3)
d2.update([("d", 4)])
print(d2, d2.pop("a"), d2.popitem(), d2)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big.values()) % 1000)
print(repr({"q": "'", 1: None, (1,): [1.5]}), str({}), dict(zip([], [])))
