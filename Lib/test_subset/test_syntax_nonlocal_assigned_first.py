# A module-level nonlocal is rejected before anything runs.
counter = 0

def increment():
    global counter
    counter += 1
    return counter

print("not printed")
nonlocal counter
increment()
print(counter)
