# Assigning to a literal is a compile-time error.
names = ["a", "b"]
for n in names:
    print(n)

def helper(x):
    return x * 2

result = helper(3)
42 = result
print(result)
