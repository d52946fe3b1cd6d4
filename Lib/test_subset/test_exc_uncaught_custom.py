class InventoryError(Exception):
    pass

class OutOfStock(InventoryError):
    def __init__(self, item, wanted, available):
        super().__init__(f"{item}: wanted {wanted}, only {available} left")
        self.item = item

stock = {"apple": 3, "pear": 0}

def take(item, n):
    available = stock.get(item, 0)
    if n > available:
        raise OutOfStock(item, n, available)
    stock[item] = available - n
    return n

print(take("apple", 2), stock)
try:
    take("pear", 1)
except InventoryError as e:
    print("handled:", e, "| item:", e.item)
take("apple", 5)
