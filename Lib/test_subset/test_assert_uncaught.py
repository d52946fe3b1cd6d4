def mean(values):
    assert values, "mean of empty list"
    return sum(values) / len(values)

def check_positive(n):
    assert n > 0
    return n

print(mean([1, 2, 3]))
print(check_positive(5))
try:
    mean([])
except AssertionError as e:
    print("AssertionError:", e)
check_positive(-1)
