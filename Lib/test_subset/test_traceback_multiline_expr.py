def compute(values, divisor):
    return sum(
        value * 2
        for value in values
    ) / divisor

def report(values):
    ratio = compute(values, 2)
    print("ratio", ratio)
    other = compute(
        values,
        len(values) - len(values),
    )
    return other

report([1, 2, 3])
