data = [1, 2, 3]
del data[0]
print(data)
del 5
