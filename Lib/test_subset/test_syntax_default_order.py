def fine(a, b=1):
    return a, b

def wrong(a=1, b):
    return a, b

print(fine(0), wrong(2, 3))
