# nonlocal makes sense only inside a nested function.
def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step

nonlocal total
step = make_counter()
print(step(), step())
