def outer():
    count = 0
    def inner():
        nonlocal total
        total = 1
    inner()
    return count

print(outer())
