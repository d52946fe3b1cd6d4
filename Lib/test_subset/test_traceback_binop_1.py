def average(values):
    total = sum(values)
    count = len(values)
    return total / count

def report(groups):
    for name, values in groups.items():
        print(name, average(values))

report({"a": [1, 2, 3], "b": [10]})
report({"c": [], "d": [1]})
