inventory = [
    {"sku": "A-100", "name": "widget", "qty": 12, "price": 2.50, "tags": ["small", "metal"]},
    {"sku": "B-220", "name": "gadget", "qty": 0, "price": 12.00, "tags": ["electronic"]},
    {"sku": "C-013", "name": "doohickey", "qty": 3, "price": 7.25, "tags": []},
    {"sku": "A-101", "name": "widget xl", "qty": 5, "price": 4.75, "tags": ["metal", "large"]},
]

def value(item):
    return item["qty"] * item["price"]

header = f"{'SKU':<6} {'Name':<10} {'Qty':>4} {'Price':>7} {'Value':>8}"
print(header)
print("-" * len(header))
for item in sorted(inventory, key=value, reverse=True):
    print(f"{item['sku']:<6} {item['name']:<10.10} {item['qty']:>4} {item['price']:>7.2f} {value(item):>8.2f}")
print("-" * len(header))
print(f"{'total':<6} {'':<10} {sum(i['qty'] for i in inventory):>4} {'':>7} {sum(map(value, inventory)):>8.2f}")

out_of_stock = [i["name"] for i in inventory if not i["qty"]]
low = {i["sku"]: i["qty"] for i in inventory if 0 < i["qty"] < 5}
print("out of stock:", out_of_stock, "low:", low)
by_prefix = {}
for i in inventory:
    by_prefix.setdefault(i["sku"].split("-")[0], []).append(i["sku"])
print(by_prefix)
all_tags = sorted({t for i in inventory for t in i["tags"]})
print(all_tags, {t: sum(t in i["tags"] for i in inventory) for t in all_tags})
restock = [(i["sku"], 10 - i["qty"]) for i in inventory if i["qty"] < 10]
print(restock, sum(n for _, n in restock))
cheapest = min(inventory, key=lambda i: i["price"])
print(f"cheapest: {cheapest['name']} at ${cheapest['price']:,.2f}")
print("%-8s|%8.3f|%+d" % ("fmt", 3.14159, 42))
