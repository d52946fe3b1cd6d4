class Empty(Exception):
    pass

def check(values):
    if not values:
        raise Empty
    return values[0]

print(check([1]))
check([])
