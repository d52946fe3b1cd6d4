def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            print(f"  found {target!r} at {index}")
            break
    else:
        print(f"  {target!r} not found")
        return -1
    return index

print(find(["a", "b", "c"], "b"), find(["a"], "z"), find([], "x"))

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally with n =", n)

n = 0
while True:
    n += 1
    if n == 5:
        break
else:
    print("not printed")
print("broke out at", n)

primes = []
for candidate in range(2, 30):
    for p in primes:
        if candidate % p == 0:
            break
    else:
        primes.append(candidate)
print(primes)

out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)

for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print(f"({outer},{inner})", end=" ")
print()

count = 0
for _ in []:
    count += 1
else:
    print("empty loop runs else; count =", count)

i = 10
for i in range(3):
    pass
print("loop variable after loop:", i)

data = [1, 2, 3]
for x in data:
    if x == 2:
        data.append(99)
    if len(data) > 5:
        break
print(data)
it = iter(range(5))
for a in it:
    print("pair", a, next(it, None))
