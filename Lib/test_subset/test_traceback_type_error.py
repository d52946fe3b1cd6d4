def describe(item, count):
    return "Item: " + item + " x" + count

print(describe("apple", "3"))
print(describe("pear", 3))
