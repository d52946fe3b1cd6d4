def ok(a, b):
    return a + b

print(ok(1, 2))

def broken(x, y, x):
    return x + y

print(broken(1, 2, 3))
