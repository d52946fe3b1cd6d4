import math

def area(r):
    return math.pi * r * r

values = [1, 2, 3]
print("areas:", [area(v) for v in values]

for v in values:
    print(v)
