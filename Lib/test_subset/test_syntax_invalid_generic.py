values = [1, 2, 3]
doubled = [v * 2 for v in values]
print(doubled)
if len(values) > 2 print("long")
